# custodia's own words in English. Every message here is also in zh.ftl,
# with the same placeables (tests/i18n.rs). Rule titles and messages come
# from the policies, not from here.

## Lists

list-separator = {"; "}
list-comma = {", "}

## Verdicts and rule results (docs/reports.md, "Verdict and rule status")

verdict-incomplete = INCOMPLETE
verdict-not-compliant = NOT COMPLIANT
verdict-not-fully-checked = NOT FULLY CHECKED
verdict-compliant-with-findings = COMPLIANT WITH FINDINGS
verdict-compliant = COMPLIANT
status-not-checked = not checked (no data)
status-violated = violated
status-not-applicable = not applicable
status-passed = passed
status-passed-with-waivers = passed with waivers
severity-error = error
severity-warning = warning
severity-info = info

## What was not checked

collection-inventory = inventory
collection-company = company facts (company.yaml)
collection-log = log `{$name}`
collection-table = table `{$name}`
not-checked-no-source = no {$data} for {$rules}
not-checked-rules = {$count} of {$total} rules not checked (no data): {$missing}
not-checked-no-records = the inventory has no records, so no rule over records checked anything
not-checked-nothing-applied = no rule applied to any object (every rule is not applicable)
value-missing = missing
waiver-no-approver = (no approver named)

## Labels shared by the reports

label-rule = rule
label-severity = severity
label-findings = findings
label-waived = waived
label-result = result
label-not-read = not read
label-input-error-colon = {"input error: "}
label-note-colon = {"note: "}
label-not-read-colon = {"not read: "}
label-packs-colon = {"packs: "}
label-fixed-colon = {"fixed: "}

## The terminal report (--format human)

human-findings-by-rule = findings by rule:
human-more-findings = … and {$count} more findings of {$rule} (see --format json, or --all)
human-not-checked = not checked: no {$data} supplied
human-not-checked-help = one cause: without {$data} this rule could not be checked for any subject; supply it, or accept with --allow-not-checked
human-not-checked-findings = { $count ->
    [one] its one finding comes from the missing data and is listed in --format json (or with --all)
   *[other] its {$count} findings all come from the missing data and are listed in --format json (or with --all)
}
human-values = values: {$values}
human-insufficient-evidence = outcome: insufficient evidence (the data says nothing, rather than no)
human-cite = cite: {$cite}
human-waived = waived until {$until} by {$by}: {$because}
human-waived-tag = [waived]
human-baseline-new = [new]
human-baseline-unchanged = [baseline]
human-clause-failed = this clause failed
human-subject = subject: {$collection} `{$id}`
human-evidence = evidence: {$collection}
human-evidence-id = evidence: {$collection} `{$id}`
human-at = {$what} at {$place}
human-input-field = field `{$field}`
human-input-value = value `{$value}`
human-more-input-errors = and {$count} more (all of them are in --format json)
human-run = custodia {$version} · as of {$as_of} · time zone {$zone}
human-checked = checked {$rules} rules against {$records} records and {$events} events
human-rule-statuses = rules: {$passed} passed, {$violated} violated, {$not_applicable} not applicable, {$not_checked} not checked (no data)
human-violations = violations: {$error} error, {$warning} warning, {$info} info; {$waived} waived; {$input_errors} input errors
human-baseline = baseline {$file}: {$new} new, {$unchanged} unchanged, {$fixed} fixed (--fail-on counts new ones only)
human-incomplete = the check is INCOMPLETE: rows with input errors were left out
human-verdict = verdict: {$verdict}
human-verdict-not-checked = verdict: {$verdict}; {$not_checked}
human-data-read = data read for the rules:
human-more-files = and {$count} more files
human-file-input-errors = ({$count} input errors)
human-rows = { $count ->
    [one] row
   *[other] rows
}
human-no-source-unused = no source supplied (no rule that reads it had a subject)
human-no-source = no source supplied: not checked: {$rules}

## The audit report (--format markdown, --format html)

audit-title = Compliance audit report
audit-title-company = Compliance audit report: {$company}
audit-running-header = {$company} · as of {$as_of} ({$zone})
audit-company-name = company
audit-credit-code = unified social credit code
audit-as-of = as of
audit-as-of-value = {$as_of} (time zone {$zone})
audit-tool = tool
audit-complete = complete
audit-complete-yes = yes
audit-complete-no = no: some input could not be read; see the input errors
audit-verdict = Verdict
audit-verdict-counts = : {$rules} rules ({$passed} passed, {$violated} violated, {$not_applicable} not applicable, {$not_checked} not checked) against {$records} records and {$events} events; {$error} error, {$warning} warning, {$info} info violations; {$waived} waived; {$input_errors} input errors.
audit-verdict-not-checked = {" "}Not everything was checked: {$text}; those rules are not counted as passed.
audit-verdict-incomplete = {" "}Rows with input errors were left out, so the result covers only the rows that could be read.
audit-verdict-baseline = {" "}Compared with the baseline {$file}: {$new} new, {$unchanged} unchanged, {$fixed} fixed.
audit-counts = Results
audit-other-rules = { $count ->
    [one] The other rule passed or did not apply; Appendix A lists every rule.
   *[other] The other {$count} rules passed or did not apply; Appendix A lists every rule.
}
audit-not-checked = What was not checked
audit-rule-lacks = not checked: no {$data} supplied
audit-rows-left-out = {$count} input errors: the rows concerned were left out (Appendix C)
audit-files-not-read = {$count} files or folders of the case were not read (Appendix C)
audit-everything-checked = Every rule had its data and every input row was read.
audit-inputs = Inputs
audit-reviewer = Reviewer
audit-date = Date
audit-signature = Signature
audit-summary-only = The appendices (every rule, every violation, the waivers, the input errors and the traceability by article) are left out of this summary (--summary-only); the full audit report and the JSON report have them.
audit-appendix-results = Appendix A. Results by rule
audit-appendix-violations = Appendix B. Violations by rule
audit-appendix-waivers = Appendix C. Waivers, input errors, files not read
audit-waivers = Waivers
audit-input-errors = Input errors
audit-files-not-read-heading = Files not read
audit-appendix-traceability = Appendix D. Traceability by article
audit-results-by-kind = Results by rule kind
audit-rule-heading = {$rule} {$title} ({$count})
audit-findings = Findings
audit-more-findings = … and {$count} more, the most severe first above.
audit-step-summary-end = Every violation, with its values and evidence, is in the JSON, SARIF and audit reports of this run.
audit-packs = built-in packs
audit-pack-choice = pack choice
audit-none = none
audit-none-found = None.
audit-no-waiver = No violation was waived.
audit-no-input-errors = None: every input row was read.
audit-no-source = no source supplied
audit-not-recorded = not recorded
audit-fixed = Fixed since the baseline
audit-builtin-check = (built-in check)
audit-no-citation = (no citation)
audit-item-label = {$label}:
audit-outcome = outcome
audit-clause = clause
audit-evidence = evidence
audit-values = values
audit-help = help
audit-fingerprint = fingerprint
audit-col-kind = kind
audit-col-rules = rules
audit-col-rule-list = rules
audit-paren = {" "}({$text})
audit-col-findings = findings
audit-col-title = title
audit-col-subject = subject
audit-col-where = where
audit-col-message = message
audit-col-file = file
audit-col-role = role
audit-col-rows = rows
audit-col-why = why
audit-col-data = data
audit-col-source = source
audit-col-input-errors = input errors
audit-col-not-checked = rules not checked
audit-col-citation = citation
audit-col-checked = checked
audit-col-violation = violation
audit-col-reason = reason
audit-col-approved-by = approved by
audit-col-expires = expires
audit-col-waiver = waiver
audit-col-line = line
audit-col-column = column
audit-col-field = field
audit-col-value = value
audit-col-problem = problem
outcome-violated = violated
outcome-insufficient-evidence = insufficient evidence
baseline-new = new
baseline-unchanged = baseline
kind-retention = retention
kind-destruction = destruction
kind-access = access
kind-notification = notification
kind-integrity = integrity
kind-waiver = waiver
kind-rule = rule
role-manifest = manifest
role-company = company
role-inventory = inventory
role-log = log
role-table = table
role-policy = policy
role-record = record
role-event = event

## SARIF, JUnit, GitHub annotations, Code Quality (their human text only)

sarif-related-waiver = the waiver: {$clause}
sarif-related-clause = the failing clause: {$clause}
sarif-related-rule = the rule
sarif-related-evidence = evidence: {$object}
sarif-waived-message = Waived until {$until}: {$message}
report-not-checked-no-source = not checked (no data): no source was supplied for {$data}
report-rule-not-checked = rule {$rule} was not checked: no source was supplied for {$data}
junit-not-applicable = not applicable: no object was a subject of this rule
junit-waived = waived until {$until}: {$because}
junit-waived-by = waived until {$until}, approved by {$by}: {$because}
github-not-checked-title = custodia {$rule}: not checked (no data)
github-no-records-title = custodia: no records
github-nothing-applied-title = custodia: nothing applied
codequality-input-error = input error: {$message}
codequality-not-checked = not checked: {$text}

## Why `check` stopped before a report

stop-bad-lang = error: custodia.yaml: `lang: {$value}` must be zh or en
stop-bad-time-zone = error: `{$zone}` is not an IANA time zone (for example Asia/Shanghai or UTC)
stop-bad-fail-on = error: custodia.yaml: `fail_on: {$value}` must be error, warning, info or never
stop-no-rules = error: the policy set has no rules, so a check would prove nothing (policy files: {$files})
stop-no-inventory = error: {$case}: the case has no inventory (inventory.csv, .jsonl, .json, .yaml or an inventory/ folder; or `inventory:` in custodia.yaml, or --inventory FILE), so no record could be checked


## Mapping: custodia.yaml's source entries (src/data/mapping/messages.rs, docs/mapping.md)

mapping-did-you-mean = ; did you mean `{$name}`?
mapping-and-more = and {$count} more
mapping-expect-text = text
mapping-expect-enum = one of {$values}
mapping-expect-int = a whole number
mapping-expect-decimal = a number in plain decimal notation
mapping-expect-bool = a bool (true/false, yes/no, 1/0, 是/否)
mapping-expect-date = a date YYYY-MM-DD
mapping-expect-datetime = a datetime (RFC 3339 such as 2026-03-01T09:30:00+08:00, or YYYY-MM-DD HH:MM[:SS] in the case time zone)
mapping-expect-duration = a duration such as `30 days`, `10 years` or `permanent`
mapping-expect-list = a list of {$item}
mapping-expect-date-as = a date as {$forms}; add the file's form under `format:`
mapping-expect-date-time-as = a date as {$forms} followed by a time H:mm; add the file's form under `format:`
mapping-expect-duration-words = a duration such as `30年`, `6个月`, `永久` or `10 years`
mapping-the-id = the id it stands for
mapping-bad-glob = `{$pattern}`: a pattern may use `*` and `?` in the file name only, not in folder names
mapping-glob-matches-nothing = `{$pattern}` matches no file; check the name and the folder
mapping-folder-entry = `{$folder}` is a folder: an entry that maps or names an encoding reads files; name them (`files: [{$folder}/*.csv]`)
mapping-no-such-column = {$file} has no column `{$column}`{$hint} (its columns: {$columns})
mapping-column-twice = column `{$column}` is mapped to both `{$first}` and `{$second}`; a column feeds one field (read it once, and give the other field its own column or a `constant`)
mapping-shadowed-column = `{$field}` is mapped to another column, but {$file} also has a column named `{$field}`; say which one to read (map `{$field}` to it, or rename the file's column)
mapping-unmapped-required = { $count ->
    [one] {$file}: the required field {$fields} of `{$collection}` has no column; add it under `columns:` (`FIELD: COLUMN`, or `FIELD: {"{"} constant: VALUE {"}"}`)
   *[other] {$file}: the required fields {$fields} of `{$collection}` have no column; add them under `columns:` (`FIELD: COLUMN`, or `FIELD: {"{"} constant: VALUE {"}"}`)
}
mapping-header-lacks = { $count ->
    [one] the header lacks the required column {$columns} of `{$collection}`; the file was not read. Rename the columns, or map them in custodia.yaml (see docs/mapping.md; `custodia init` writes a first mapping)
   *[other] the header lacks the required columns {$columns} of `{$collection}`; the file was not read. Rename the columns, or map them in custodia.yaml (see docs/mapping.md; `custodia init` writes a first mapping)
}
mapping-no-collection = the schema declares no `{$name}` collection for this file
mapping-no-table = the schema declares no table `{$name}`
mapping-unknown-kind = `kind: {$kind}` is not an event kind of the schema{$hint} (the kinds: {$kinds})
mapping-log-needs-kind = {$file}: say which events this file holds with `kind:` (one of {$kinds})
mapping-unknown-field = `{$collection}` has no field `{$name}`{$hint} (`custodia schema` lists the fields)
mapping-column-and-constant = `{$name}` names both a `column` and a `constant`; keep one
mapping-no-column = `{$name}` needs `column: NAME` (or `constant: VALUE`)
mapping-bad-target = the value map of `{$field}` turns `{$from}` into `{$to}`, which is not a value of `{$field}` (expected {$expected}){$hint}
mapping-fill-in-value = the value map of `{$field}` leaves `{$from}` empty: write {$what}
mapping-fill-in-column = fill in the column that holds `{$field}` (or write `{"{"} constant: VALUE {"}"}`)
mapping-bad-constant = `constant: {$value}` is not a value of `{$field}`: expected {$expected}
mapping-format-not-date = `format` is for date and datetime fields; `{$field}` is neither
mapping-unknown-format = unknown date format `{$name}`; the formats are {$formats}
mapping-separator-not-list = `separator` is for list fields; `{$field}` holds one value
mapping-bad-lookup = `lookup: {$text}` should name a table and its field, such as `lookup: staff.name`
mapping-lookup-without-source = the lookup reads the table `{$table}`, but the case has no file for it; add it under `tables:`
mapping-lookup-through-lookup = the table `{$table}` used by a lookup is itself mapped with a lookup; map it from its own columns
mapping-lookup-table-unreadable = the table `{$table}` used by a lookup could not be read (see its own errors)
mapping-values-missing = the value map of `{$field}` lacks values that column `{$column}` of {$file} holds (rows): {$values}; add each under `values:`
mapping-not-values-of = column `{$column}` of {$file} holds values that are not values of `{$field}` (rows): {$values}; expected {$expected}. Add a value map: `{$field}: {"{"} column: {$column}, values: {"{"} VALUE: CODE {"}"} {"}"}`
mapping-filter-selects-nothing = this `where` selects no row of {$file}; column `{$column}` holds (rows): {$values}
mapping-by-value = : `{$column}` = {$values}
mapping-rows-unread = {$count} rows of {$file} (the first at line {$line}) are read by no entry{$values}; add their values to an entry's `where:`, or to `skip:` to leave them out knowingly
mapping-rows-twice = {$count} rows of {$file} (the first at line {$line}) are selected by two entries (lines {$first} and {$second}); make their `where:` exclusive
mapping-rows-skipped = {$count} rows were left out knowingly by `skip:` (custodia.yaml line {$line})
mapping-unmapped-columns = columns not mapped to any field, so not read: {$columns}
mapping-cannot-map-format = a mapping reads .csv, .jsonl, .json, .yaml and .yml files, not .{$ext}
mapping-bad-cell = column `{$column}`: expected {$expected}
mapping-lookup-unknown = column `{$column}`: no row of `{$table}` has this `{$by}`
mapping-lookup-ambiguous = column `{$column}`: several rows of `{$table}` have this `{$by}` ({$ids}); write the id instead
mapping-from-column = {" "}(column `{$column}` of the file)


## custodia init (src/init_cmd, docs/mapping.md)

init-no-folder = error: {$dir}: no such folder
init-exists = error: {$path} already exists; it was left as it is. Use --force to replace it
init-cannot-write = error: cannot write {$path}: {$error}
init-outside = error: {$file} is not inside {$dir}; the mapping names files of the case folder
init-conventional = read by its conventional name (inventory, logs/, tables/); not mapped
init-not-readable = .{$ext} files are not read by `init` yet; map it by hand (docs/mapping.md)
init-no-header = the file has no header row
init-unplaced = its columns match no collection of the schema; map it by hand, or list it under `ignore:`
init-second-table = another file was taken as the table `{$name}`; map this one by hand if it holds more rows
init-second-inventory = another file was taken as the inventory; if this one holds records too, add it under `inventory: files:`
init-wrote = custodia init: wrote {$path}
init-role-inventory = inventory (records)
init-role-log = log of `{$kind}` events
init-role-table = table `{$name}`
init-placed = {$file}: {$role}, { $count ->
    [one] {$count} column mapped
   *[other] {$count} columns mapped
}
init-placed-encoding = {$file}: {$role}, { $count ->
    [one] {$count} column mapped
   *[other] {$count} columns mapped
}, read as {$encoding}
init-fill-in-heading = to fill in (marked `# TODO`; `custodia check` stops on each until it is):
init-guesses-heading = to check (marked `# check`: a column chosen by resemblance):
init-not-mapped-heading = not mapped:
init-column-not-mapped = {$file}: column `{$column}`: no field of `{$collection}` is like it; it will not be read
init-unread-dates = {$file}: column `{$column}`: values in no known date form ({$values}); those rows will be input errors until they are corrected or a `format:` is added
init-next = next: custodia check {$dir}
init-yaml-head-1 = custodia.yaml written by `custodia init`: how the company's own files read onto the schema.
init-yaml-head-2 = Lines marked `# check` are guesses; lines marked `# TODO` must be filled in.
init-yaml-head-3 = Then run `custodia check` on this folder. See docs/mapping.md.
init-yaml-time-zone = the time zone of times written without one
init-yaml-encoding = not UTF-8: read as Excel writes CSV on a Chinese system
init-yaml-title-rows = the rows above are a title
init-todo-column = no column found for the required field `{$field}`: write its column, or `{"{"} constant: VALUE {"}"}`
init-todo-value = `{$value}` in column `{$column}`: write {$what}
init-guess = a guess: `{$column}` is only like the usual names of `{$field}`
init-hint-value = its value
init-hint-duration = a duration such as `30 years` or `permanent`
init-hint-one-of = one of {$codes}
init-hint-bool = true or false
init-hint-id-of = the {$table} id of this {$field} (not found in {$table}.{$field})
init-skipped = {$file}: {$why}

## Mapped sources: provenance of values (docs/mapping.md, "Provenance")

# A value read through a mapping, with the company's column and the cell as written.
origin-cell = {$value} ← {$column} = {$original} ({$place})
origin-cell-empty = {$value} ← {$column}, empty ({$place})
origin-cell-unread = {$value} ← {$column} ({$place}; the file could not be read again)
human-origins = as written: {$origins}
audit-origins = as written
