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


# Warnings custodia reads in the log although the rest is cut to errors
# (src/sql/diagnose.rs): a job the cluster gives no executors only ever
# says so as a warning, and waits.
WARNINGS = (
    "org.apache.spark.scheduler.TaskSchedulerImpl",
    "org.apache.spark.deploy.client.StandaloneAppClient$ClientEndpoint",
)


# How many pieces the violations are fetched in (docs/spark.md).
RESULT_PARTITIONS = 8


def keep_warnings(spark):
    try:
        jvm = spark.sparkContext._jvm
        warn = jvm.org.apache.logging.log4j.Level.WARN
        for name in WARNINGS:
            jvm.org.apache.logging.log4j.core.config.Configurator.setLevel(name, warn)
    except Exception:
        # Not log4j 2 (Spark before 3.3): the log says less, the job runs.
        pass


def main():
    script, stage, out = sys.argv[1:4]
    spark = SparkSession.builder.appName("custodia").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    keep_warnings(spark)
    with open(script, encoding="utf-8") as f:
        text = f.read().replace("${custodia.stage}", stage)
    last = None
    # A rule's step read by two later statements or more is computed once
    # and its lineage cut (localCheckpoint): inlined, such steps made plans
    # too large for a small driver. A step read once stays a view.
    uses = {}
    for name in re.findall(r"\b(r\d+_s\d+|first_\d+)\b", text):
        uses[name] = uses.get(name, 0) + 1
    step = re.compile(r"^CREATE OR REPLACE TEMPORARY VIEW (r\d+_s\d+|first_\d+) AS$", re.M)
    for stmt in statements(text):
        m = step.search(stmt)
        if m and uses.get(m.group(1), 0) - 1 >= 2:
            body = stmt[m.end():]
            spark.sql(body).localCheckpoint(eager=True).createOrReplaceTempView(m.group(1))
        else:
            last = spark.sql(stmt)
    # The result is a union of every rule's rows, one partition or more
    # each (hundreds in all); toLocalIterator runs a job per partition, each
    # shipping the whole plan: 65 s of shanghai's 5 min. Merged into a few
    # partitions (no shuffle), it is a few jobs, still fetched one at a time
    # so the driver never holds all the violations at once.
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for row in last.coalesce(RESULT_PARTITIONS).toLocalIterator():
            f.write(json.dumps({
                "rule": row["rule"],
                "clause": row["clause"],
                "rows": list(row["rows"]),
                "outcome": row["outcome"],
                "message": row["message"],
                "vals": None if row["vals"] is None else list(row["vals"]),
            }, ensure_ascii=False) + "\n")
            n += 1
    with open(out + ".done", "w") as f:
        f.write(str(n))
    spark.stop()


if __name__ == "__main__":
    main()
