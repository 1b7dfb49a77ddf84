# custodia's Spark driver (embedded in the custodia binary; docs/spark.md).
# Usage: spark-submit driver.py SCRIPT.sql STAGE_DIR OUT.jsonl
# Runs the compiled script's statements in order and writes the rows of the
# last one as JSON lines. Messages are masked in SQL already; nothing from
# the data is printed to the driver's log.
import json
import re
import sys

from pyspark.sql import SparkSession


def statements(text):
    chunk = []
    for line in text.splitlines():
        if line.strip() == ";":
            body = "\n".join(chunk).strip()
            if body and not all(l.strip().startswith("--") or not l.strip() for l in chunk):
                yield body
            chunk = []
        else:
            chunk.append(line)


def main():
    script, stage, out = sys.argv[1:4]
    spark = SparkSession.builder.appName("custodia").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    with open(script, encoding="utf-8") as f:
        text = f.read().replace("${custodia.stage}", stage)
    last = None
    # A step read by two later statements or more is materialized; one read
    # once stays a view, inlined into its reader.
    uses = {}
    for name in re.findall(r"\b(r\d+_s\d+|first_\d+)\b", text):
        uses[name] = uses.get(name, 0) + 1
    for stmt in statements(text):
        step = re.search(r"^-- materialize: (\S+)$", stmt, re.M)
        if step:
            # Each step of a rule is computed once and its lineage cut:
            # later steps read it several times.
            body = re.split(r"^CREATE OR REPLACE TEMPORARY VIEW \S+ AS$", stmt, maxsplit=1, flags=re.M)[1]
            name = step.group(1)
            # Its own definition names it twice (marker and CREATE line).
            if uses.get(name, 0) - 2 >= 2:
                spark.sql(body).localCheckpoint(eager=True).createOrReplaceTempView(name)
            else:
                spark.sql(body).createOrReplaceTempView(name)
        else:
            last = spark.sql(stmt)
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for row in last.toLocalIterator():
            f.write(json.dumps({
                "rule": row["rule"],
                "clause": row["clause"],
                "rows": list(row["rows"]),
                "outcome": row["outcome"],
                "message": row["message"],
            }, ensure_ascii=False) + "\n")
            n += 1
    with open(out + ".done", "w") as f:
        f.write(str(n))
    spark.stop()


if __name__ == "__main__":
    main()
