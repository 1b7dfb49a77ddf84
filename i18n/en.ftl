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
