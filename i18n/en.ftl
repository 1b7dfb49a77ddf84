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
# A rule comparing a field with text no row holds, beside a value rows hold a typo away (eval/literals.rs).
status-not-checked-unmatched = not checked (likely a typo)
status-not-checked-undecided = not fully checked (objects undecided)
status-not-checked-never-true = not checked (can never apply)
# The column of the audit report counting rules not checked for any reason.
audit-col-status-not-checked = not checked
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
not-checked-rows-refused = every row of {$data} refused by an input error, for {$rules}
not-checked-read-empty = {$data} was read and holds no rows, for {$rules}
not-checked-unmapped = {$data} was given but not read, because its mapping in custodia.yaml has an input error, for {$rules}
coverage-given-files = {$data} ({$files})
coverage-unmapped-files = {$data} ({$files}; see the input error at {$at})
not-checked-rules = {$count} of {$total} { $total ->
        [one] rule
       *[other] rules
    } not checked (no data): {$missing}
not-checked-no-records = the inventory has no records, so no rule over records checked anything
# Rules whose `where` or `when` could not be decided for some objects; {$rules} joins one `not-checked-undecided-rule` each.
not-checked-undecided = { $count ->
        [one] 1 rule could not tell whether it applies to some objects (a value it needs is missing)
       *[other] {$count} rules could not tell whether they apply to some objects (a value they need is missing)
    }: {$rules}
not-checked-undecided-rule = {$rule} ({$count ->
        [one] 1 object
       *[other] {$count} objects
    })
# Rules with findings whose clause could not be decided, a value missing (outcome insufficient_evidence, hostile review h24b F10); {$rules} joins one `not-checked-insufficient-rule` each.
not-checked-insufficient = { $count ->
        [one] 1 rule could not decide its requirement for some objects (a value it needs is missing), so it did not check them
       *[other] {$count} rules could not decide their requirements for some objects (a value they need is missing), so they did not check them
    }: {$rules}
not-checked-insufficient-rule = {$rule} ({$count ->
        [one] 1 finding
       *[other] {$count} findings
    } of insufficient evidence)
# Rules comparing a field with text no row holds, beside a value rows hold a typo away (eval/literals.rs); {$rules} joins one `not-checked-unmatched-rule` each.
not-checked-unmatched = { $count ->
        [one] 1 rule compares
       *[other] {$count} rules compare
    } a field with text that no row holds, while rows hold a value a typo away, so { $count ->
        [one] it does
       *[other] they do
    } not test what is written (correct the text in the policy, or the data): {$rules}
not-checked-unmatched-rule = {$rule}: {$values}
not-checked-never-true = { $count ->
        [one] 1 rule was not checked, as it can never apply
       *[other] {$count} rules were not checked, as they can never apply
    } (correct the condition in the policy): {$rules}
not-checked-never-true-rule = {$rule}: {$why}
never-true-text = line {$line}: {$what} ({$why})
not-checked-unmatched-value = `{$field}` with "{$value}", which no row holds ({$rows ->
        [one] 1 row holds
       *[other] {$rows} rows hold
    } "{$near}")
not-checked-nothing-applied = no rule applied to any object (every rule is not applicable)
not-checked-skipped = {$count} { $count ->
        [one] row
       *[other] rows
    } of {$file} left out unchecked by `skip:` (custodia.yaml line {$line})
not-checked-ignored = {$file}, which holds data, left out unchecked by `ignore:` (custodia.yaml line {$line})
not-checked-packs = the built-in { $count ->
        [one] pack
       *[other] packs
    } {$packs}, which would otherwise apply, left out unchecked by `packs:` (custodia.yaml line {$line}); give `--pack` on the command line to choose the packs, or `--allow-skipped` to accept it
not-checked-packs-own-schema = the built-in { $count ->
        [one] pack
       *[other] packs
    } {$packs}, which would otherwise apply, left out unchecked: {$file} (line {$line}) declares its own `record` schema, which lacks fields their rules use; write `extend record {"{"} ... {"}"}` on the standard schema to check them, or give `--allow-skipped` to accept it
not-checked-future-events = {$count} { $count ->
        [one] event
       *[other] events
    } of {$file} dated after as_of (the first at line {$line}): on as_of { $count ->
        [one] it had
       *[other] they had
    } not happened, so the rules that { $count ->
        [one] it satisfies were
       *[other] they satisfy were
    } not shown to hold; correct the dates, or check as of a later day with `--as-of`
value-missing = missing
# A message hole whose value is missing: it names its expression.
hole-missing = [{$hole} missing]
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
label-colon = {": "}
# Heading of the lines that list, per pack used, the duties of its laws no rule checks (packs::unchecked_duties).
human-unchecked-duties = duties of the law no rule checks (also in the audit report, under What was not checked):
label-packs-colon = {"packs: "}
human-packs-chosen = {$packs} (chosen by {$by}{ $count ->
        [0] {""}
       *[other] ; the built-in packs {$left_out} were not checked
    })
label-fixed-colon = {"fixed: "}

## The terminal report (--format human)

human-findings-by-rule = findings by rule:
human-more-findings = … and {$count} more { $count ->
        [one] finding
       *[other] findings
    } of {$rule} (see --format json, or --all)
human-not-checked = not checked: no {$data} supplied
human-not-checked-help = one cause: without {$data} this rule could not be checked for any subject; supply it, or accept with --allow-not-checked
human-not-checked-refused-help = one cause: no row of {$data} could be read, so this rule could not be checked for any subject; correct the input errors below (the mapping's line, or the rows), or accept with --allow-not-checked
human-not-checked-refused = not checked: {$data} was read, and every row of it was refused by an input error
human-not-checked-empty = not checked: {$data} was read and holds no rows
human-not-checked-empty-help = one cause: {$data} holds no rows (a header alone), so this rule could not be checked for any subject; supply the rows, or, if there were none, accept with --allow-not-checked
human-not-checked-unmapped = not checked: {$data} was given but not read, because its mapping in custodia.yaml has an input error
human-not-checked-unmapped-help = one cause: the mapping of {$data} has an input error, so none of its rows was read and this rule could not be checked for any subject; correct that error (below), or accept with --allow-not-checked
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
human-input-at-detail = {$place}: {$detail}
human-input-detail-sep = {" "}
human-input-value = value `{$value}`
human-more-input-errors = and {$count} more (all of them are in --format json)
human-run = custodia {$version} · as of {$as_of} · time zone {$zone}
human-checked = checked {$rules} { $rules ->
        [one] rule
       *[other] rules
    } against {$records} { $records ->
        [one] record
       *[other] records
    } and {$events} { $events ->
        [one] event
       *[other] events
    }
human-rule-statuses = rules: {$passed} passed, {$violated} violated, {$not_applicable} not applicable, {$not_checked} not checked (no data)
# Appended to `human-rule-statuses` when some rule compares a field with text a typo away from what rows hold.
human-rule-statuses-unmatched = , {$count} not checked (likely a typo)
human-rule-statuses-undecided = , {$count} not fully checked (objects undecided)
human-rule-statuses-never-true = , {$count} not checked (can never apply)
human-violations = violations: {$error} error, {$warning} warning, {$info} info; {$waived} waived; {$input_errors} input { $input_errors ->
        [one] error
       *[other] errors
    }
human-baseline = baseline {$file}: {$new} new, {$unchanged} unchanged, {$fixed} fixed (--fail-on counts new ones only)
human-incomplete = the check is INCOMPLETE: input errors kept data from being read or checked
human-verdict = verdict: {$verdict}
human-verdict-not-checked = verdict: {$verdict}; {$not_checked}
human-data-read = data read for the rules:
human-more-files = and {$count} more { $count ->
        [one] file
       *[other] files
    }
human-file-input-errors = ({$count} input { $count ->
        [one] error
       *[other] errors
    })
human-rows = { $count ->
    [one] row
   *[other] rows
}
human-no-source-unused = no source supplied (no rule that reads it had a subject)
human-no-source = no source supplied: not checked: {$rules}
human-rows-refused = read ({$files}), every row refused ({$count} input errors): not checked: {$rules}
human-read-empty = read ({$files}), no rows: not checked: {$rules}
human-unmapped = not read ({$files}): its mapping has an input error ({$at}): not checked: {$rules}

## The audit report (--format markdown, --format html)

audit-title = Compliance audit report
audit-title-company = Compliance audit report: {$company}
audit-running-header = {$company} · as of {$as_of} ({$zone})
audit-company-name = company
audit-credit-code = unified social credit code
# The facts of the standard schema's `company` (policies/std/schema.policy).
audit-company-dissolution-cause = cause of dissolution arose
audit-company-dissolution-reason = reason for dissolution
audit-company-liquidation-group-formed = liquidation group formed
audit-company-liquidation-finished = liquidation report confirmed
audit-company-deregistration-filed = deregistration applied for
audit-company-deregistration-kind = kind of deregistration
audit-company-invoices-cancelled = unused invoices cancelled
audit-company-tax-deregistered = tax registration cancelled
audit-as-of = as of
audit-as-of-value = {$as_of} (time zone {$zone})
audit-tool = tool
audit-packs-checked = built-in packs checked
audit-packs-none = none (only the case's own policies)
audit-complete = complete
audit-complete-yes = yes
audit-complete-no = no: some input could not be read; see the input errors
audit-fully-checked = every rule checked
audit-fully-checked-yes = yes: every rule of the set was checked on the data read (which is not every duty of the law: see What was not checked)
audit-fully-checked-no = no: see What was not checked
audit-verdict = Verdict
audit-verdict-counts = : {$rules} { $rules ->
        [one] rule
       *[other] rules
    } ({$passed} passed, {$violated} violated, {$not_applicable} not applicable, {$not_checked} not checked) against {$records} { $records ->
        [one] record
       *[other] records
    } and {$events} { $events ->
        [one] event
       *[other] events
    }; {$error} error, {$warning} warning, {$info} info { $info ->
        [one] violation
       *[other] violations
    }; {$waived} waived; {$input_errors} input { $input_errors ->
        [one] error
       *[other] errors
    }.
# Page one when `--pack` chose packs and left default ones out (hostile review h24b F26).
audit-fully-checked-yes-chosen = yes, for the packs chosen: every rule of the set was checked on the data read; the built-in {$count ->
        [one] pack
       *[other] packs
    } {$packs}, which would otherwise apply, {$count ->
        [one] was
       *[other] were
    } not chosen ({$by}) and not checked
audit-verdict-packs-chosen = {" "}Checked against the built-in packs chosen by {$by} only; {$packs}, which would otherwise apply, {$count ->
        [one] was
       *[other] were
    } not checked, and this verdict says nothing of the duties {$count ->
        [one] it checks
       *[other] they check
    }.
audit-verdict-not-checked = {" "}Not everything was checked: {$text}; those rules are not counted as passed.
# After a verdict that reads as a pass (h24b F28): what it is about.
audit-verdict-scope = {" "}The verdict is about the rules listed and the data read: it does not certify that the company meets every duty of the law, nor is it a legal opinion; the duties no rule checks are under What was not checked.
audit-verdict-incomplete = {" "}Input errors kept data from being read or checked, so the result covers only what could be read.
audit-verdict-baseline = {" "}Compared with the baseline {$file}: {$new} new, {$unchanged} unchanged, {$fixed} fixed.
audit-counts = Results
audit-other-rules = { $count ->
    [one] The other rule passed or did not apply; Appendix A lists every rule.
   *[other] The other {$count} rules passed or did not apply; Appendix A lists every rule.
}
audit-all-rules = { $count ->
    [one] The one rule passed or did not apply; Appendix A lists it.
   *[other] All {$count} rules passed or did not apply; Appendix A lists every rule.
}
audit-not-checked = What was not checked
audit-rule-lacks = not checked: no {$data} supplied
audit-rule-rows-refused = not checked: {$data} was read, and every row of it was refused by an input error
audit-rule-read-empty = not checked: {$data} was read and holds no rows
audit-rule-unmapped = not checked: {$data} was given but not read, because its mapping in custodia.yaml has an input error
audit-rows-left-out = {$count} input { $count ->
        [one] error
       *[other] errors
    }: the rows concerned were left out (Appendix C)
audit-files-not-read = {$count} { $count ->
        [one] file or folder of the case was
       *[other] files or folders of the case were
    } not read (Appendix C)
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
audit-packs-left-out = packs left out
audit-packs-left-out-text = {$packs}: built-in packs that would otherwise apply, not checked (the packs were chosen by {$by})
audit-packs-left-out-own-schema-text = {$packs}: built-in packs that would otherwise apply, not checked ({$file} declares its own `record` schema, which lacks fields their rules use)
audit-none = none
audit-none-found = None.
audit-no-waiver = No violation was waived.
audit-no-input-errors = None: every input row was read.
audit-no-source = no source supplied
audit-rows-refused = {$files}: every row refused by an input error
audit-read-empty = {$files}: read, no rows
audit-unmapped = {$files}: not read, its mapping has an input error ({$at})
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
report-rule-rows-refused = rule {$rule} was not checked: {$data} was read, and every row of it was refused by an input error
report-rule-read-empty = rule {$rule} was not checked: {$data} was read and holds no rows
report-rule-unmapped = rule {$rule} was not checked: {$data} was given but not read, because its mapping in custodia.yaml has an input error
report-not-checked-rows-refused = not checked (no data): {$data} was read, and every row of it was refused by an input error
report-not-checked-read-empty = not checked (no data): {$data} was read and holds no rows
report-not-checked-unmapped = not checked (no data): {$data} was given but not read, because its mapping in custodia.yaml has an input error
report-not-checked-unmatched = not checked (likely a typo): it compares {$values}
report-not-checked-never-true = not checked (can never apply): {$why}
report-rule-never-true = rule {$rule} was not checked: {$why}
report-rule-unmatched = rule {$rule} was not checked: it compares {$values}, so it does not test what is written
report-not-checked-undecided = not fully checked: its `where` or `when` could not decide {$count ->
    [one] one object (a value it needs is missing), which it did not check
   *[other] {$count} objects (a value they need is missing), which it did not check
}
report-rule-undecided = rule {$rule} was not fully checked: its `where` or `when` could not decide {$count ->
    [one] one object (a value it needs is missing), which it did not check
   *[other] {$count} objects (a value they need is missing), which it did not check
}
report-insufficient = not fully checked: {$count ->
    [one] one finding is
   *[other] {$count} findings are
} of insufficient evidence (a value the requirement needs is missing), so { $count ->
    [one] its subject was
   *[other] their subjects were
} not checked
report-rule-insufficient = rule {$rule} was not fully checked: {$count ->
    [one] one finding is
   *[other] {$count} findings are
} of insufficient evidence (a value the requirement needs is missing), so { $count ->
    [one] its subject was
   *[other] their subjects were
} not checked
github-insufficient-title = custodia {$rule}: not fully checked (insufficient evidence)
junit-finding = {$severity}: {$message}
junit-subject = {"  "}subject: {$object}
junit-clause = {"  "}clause: {$place}
junit-evidence = {"  "}evidence: {$object}
junit-value = {"  "}value: {$value}
junit-field = {"  "}field: {$field}
junit-as-written = {"  "}as written: {$origin}
junit-cite = {"  "}cite: {$cite}
junit-baseline = {"  "}baseline: {$state}
sarif-location-subject = subject: {$object}
sarif-location-waiver = the waiver
junit-not-applicable = not applicable: no object was a subject of this rule
junit-waived = waived until {$until}: {$because}
junit-waived-by = waived until {$until}, approved by {$by}: {$because}
github-not-checked-title = custodia {$rule}: not checked (no data)
github-not-checked-unmatched-title = custodia {$rule}: not checked (likely a typo)
github-not-checked-undecided-title = custodia {$rule}: not fully checked (objects undecided)
github-not-checked-never-true-title = custodia {$rule}: not checked (can never apply)
github-no-records-title = custodia: no records
github-nothing-applied-title = custodia: nothing applied
github-skipped-title = custodia: data left out by skip: or ignore:
github-packs-left-out-title = custodia: statute packs left out by packs:
github-packs-own-schema-title = custodia: statute packs left out by the case's own record schema
github-future-events-title = custodia: events dated after as_of
github-note-title = custodia note: {$rules}
codequality-description = {$id}: {$message}
codequality-input-error = input error: {$message}
codequality-not-checked = not checked: {$text}

## Why `check` stopped before a report

stop-bad-lang = error: custodia.yaml: `lang: {$value}` must be zh or en
stop-bad-time-zone = error: `{$zone}` is not an IANA time zone (for example Asia/Shanghai or UTC)
stop-spill-unread = error: the violations held in a temporary file during the check could not be read back ({$error}); no report was written. Free space in the temporary folder (TMPDIR) and run the check again
stop-bad-fail-on = error: custodia.yaml: `fail_on: {$value}` must be error, warning, info or never
stop-fail-on-never-in-manifest = error: custodia.yaml: `fail_on: never` would let every run on this case exit 0 whatever it finds; a case cannot silence its own exit status. Remove the line, or give `--fail-on never` on the command line where a run is meant not to gate
stop-as-of-in-manifest-after-today = error: custodia.yaml: `as_of: {$as_of}` is after today ({$today}): the case would be judged as of a day that has not come, its retention periods and deadlines counted to a date the case itself chose. Remove the line to check as of today, or give `--as-of {$as_of}` on the command line where a check as of that day is meant
cli-output-twice = error: two plain `--output` paths, {$first} and {$second}: a plain path receives the `--format` report, so only one can; write the others as FORMAT=PATH (e.g. `sarif={$second}`)
cli-output-format-mismatch = error: `--output {$path}` would receive the {$format} report (the one `--format` chooses), but its name says {$wanted}; write `--output {$wanted}={$path}`, or `--format {$wanted}`
cli-output-unknown-format = `{$name}` is not a report format ({$formats}); a file whose name holds `=` is written `./{$value}`{$hint}
cli-output-stdout-twice = error: two reports would go to standard output ({$formats}), one after the other, and a reader of either would find both; send all but one to a file (`--output FORMAT=PATH`, or a plain `--output PATH` for the `--format` report)
stop-no-rules = error: the policy set has no rules, so a check would prove nothing (policy files: {$files})
stop-no-inventory = error: {$case}: the case has no inventory (inventory.csv, .jsonl, .json, .yaml or an inventory/ folder; or `inventory:` in custodia.yaml, or --inventory FILE), so no record could be checked

## ---- msgs branch: policy diagnostics, command output, input errors ----
## (docs/reports.md, "Languages": every text custodia writes)

list-or = {$init} or {$last}

## Diagnostics as drawn on the terminal

diag-help = {"help: "}
diag-see-also = {"Advice: "}
diag-policy-errors = { $count ->
    [one] 1 error in the policy set; nothing was evaluated
   *[other] {$count} errors in the policy set; nothing was evaluated
}

## Policy syntax (src/syntax)

syntax-meta-twice = `{$what}` is given twice in this rule, and the second would silently replace the first: keep one
syntax-expected = { $count ->
    [1] expected {$list}
   *[other] expected one of {$list}
}
syntax-unexpected = unexpected input
syntax-empty = empty input
syntax-too-deep = this is nested more than {$limit} levels deep (the limit); name parts of it with `let`
syntax-too-deep-to-parse = the policy is nested too deeply to parse ({$reason}); expressions and types may nest at most {$limit} levels
syntax-number-too-large = this number is too large
syntax-not-a-calendar-date = `{$text}` is not a date on the calendar
syntax-datetime-needs-offset = datetime `{$text}` needs an offset in a policy, e.g. `{$text}+08:00` or `{$text}Z`
syntax-bad-datetime = `{$text}` is not a valid datetime
syntax-duration-too-long = this duration is too long
syntax-unknown-escape = unknown escape `{$escape}`; use `\"`, `\\`, `\n` or `\t`
syntax-untagged-beside-others = a text without a language beside others: tag each with `zh` or `en` (`zh "…" en "…"`), or write one text for every language
syntax-unknown-language-tag = unknown language `{$tag}`: a text is tagged `zh` (Simplified Chinese) or `en` (English)
syntax-second-text = a second `{$tag}` text: write one text per language
syntax-unclosed-brace = unclosed `{"{"}` in message; write `{"{{"}` for a literal brace
syntax-unmatched-brace = unmatched `{"}"}` in message; write `{"}}"}` for a literal brace
syntax-in-hole = in a message hole: {$problem}
syntax-want-eof = end of file
syntax-want-name = a name
syntax-want-string = a string
syntax-want-datetime = a datetime
syntax-want-date = a date
syntax-want-number = a number
syntax-want-duration = a duration
syntax-want-collection = a collection (`record`, `event NAME`, `table NAME`, `company`)
syntax-want-field-decl = a field declaration (`name: type`)
syntax-want-type = a type
syntax-want-default = `=` and a default value
syntax-want-rule = a rule (`retention`, `access`, `destruction`, `notification` or `rule`)
syntax-want-given-field = a field (`name: value`)
syntax-want-expr = an expression
syntax-want-comparison = a comparison
syntax-want-tz-offset = a time-zone offset (`+08:00` or `Z`)

## Input-method slips in a policy (src/syntax/slips.rs)

slip-use-ascii = {$what} `{$char}`: use `{$ascii}`
slip-string-closed-full-width = this string starts with `"` and ends with the full-width quotation mark `{$mark}`: use `"`
slip-semicolon = full-width semicolon `{$char}`: the language has no `;`, remove it
slip-no-break-space = a no-break space ({$code}), as text pasted from Word or a web page brings: use an ordinary space
slip-ideographic-space = ideographic space (U+3000): use an ordinary space
slip-invisible = invisible character {$code} ({$name}): remove it
slip-line-separator = line separator {$code}: editors show a new line here, custodia does not; use an ordinary line end
slip-chinese-duration = write `{$written}` as `{$duration}` (durations use English units)
slip-chinese-date = write the date `{$written}` as `{$date}`
slip-invisible-zero-width-space = zero width space
slip-invisible-zero-width-non-joiner = zero width non-joiner
slip-invisible-zero-width-joiner = zero width joiner
slip-invisible-word-joiner = word joiner
slip-invisible-soft-hyphen = soft hyphen
slip-what-quote = full-width quotation mark
slip-what-parenthesis = full-width parenthesis
slip-what-equals = full-width equals sign
slip-what-comma = full-width comma
slip-what-colon = full-width colon
slip-what-brace = full-width brace
slip-what-bracket = full-width bracket
slip-what-less-than = full-width less-than sign
slip-what-greater-than = full-width greater-than sign
slip-what-exclamation = full-width exclamation mark
slip-what-ideographic-comma = ideographic comma
slip-what-ideographic-full-stop = ideographic full stop
slip-what-lenticular-bracket = lenticular bracket
slip-what-double-angle-bracket = double angle bracket
slip-what-letter = full-width letter
slip-what-digit = full-width digit
slip-what-character = full-width character

## Checking a policy set (src/check)

check-label-here = here
check-did-you-mean = did you mean `{$name}`?
check-did-you-mean-value = did you mean `"{$value}"`?
check-unknown-collection = unknown collection `{$name}`
check-unknown-collection-label = not declared in the schema
check-declared-collections = declared collections: {$list}
check-unknown-field = `{$collection}` has no field `{$name}`
check-unknown-field-label = unknown field
check-fields-of = fields of `{$collection}`: {$list}
check-unknown-variable = unknown name `{$name}`
check-unknown-variable-label = not bound by `for`, `let`, `match` or `forbid` before this point
check-unknown-rule = no rule is named `{$name}`
check-unknown-rule-label = unknown rule
check-unknown-function = unknown function `{$name}`
check-unknown-function-label = not a built-in function
check-builtin-functions = built-in functions: {$list}
check-unknown-enum-value = `"{$value}"` is not one of the allowed values
check-unknown-enum-value-label = never equal to any value of this field
check-enum-value-part = no allowed value contains `"{$value}"`
check-enum-value-part-label = in no value of this field
check-allowed-values = allowed: {$list}
check-unknown-ref-target = `ref {$name}` names a collection that does not exist
check-unknown-ref-target-label = unknown collection
check-changed-default = `{$collection}.{$field}` defaults to {$own} here and to {$standard} in the standard schema: the built-in packs' rules read a missing value as the standard default, and would judge records that say nothing as the statutes' checks were not written to
check-changed-default-label = not the standard schema's default
check-default-none = nothing (a missing value)
check-added-enum-values = `{$collection}.{$field}` here has { $count ->
    [one] a value
   *[other] values
} the standard schema does not: {$added}. The built-in packs' rules pick rows by the standard values, so a row holding { $count ->
    [one] this one
   *[other] one of these
} would be in none of them: neither kept nor destroyed, it would leave the statutes' checks unseen
check-added-enum-values-label = values the standard schema does not have
check-added-enum-values-help = use one of the standard values for these rows (keep the distinction in another field added with `extend record`), or write `packs: []` in custodia.yaml to check only the case's own policies
check-enum-made-free = `{$collection}.{$field}` here takes any value, where the standard schema allows only its `one of` values. The built-in packs' rules pick rows by those values, so a row holding another one would be in none of them: neither kept nor destroyed, it would leave the statutes' checks unseen
check-enum-made-free-label = not the standard schema's `one of`
check-type-mismatch = {$context}: expected {$expected}, found {$found}
check-type-mismatch-label = this is {$found}
check-wrong-arity = `{$name}` takes {$expected} { $expected ->
    [one] argument
   *[other] arguments
}, found {$found}
check-wrong-arity-label = wrong number of arguments
check-duplicate-name = { $what ->
    [rule] rule
    [test] test
    [collection] collection
    [field] field
    [let] set-wide `let`
   *[other] policy header
} `{$name}` is defined twice
check-duplicate-name-label = defined again here
check-duplicate-name-help = rename or remove one of the two; a policy set is every file together, so names are shared across files
check-duplicate-name-first = first defined here
check-implicit-field-label = every event already has this field
check-implicit-field-help = every event kind implicitly has `at: datetime` and an optional `id: id`; remove this line
check-regex-budget = the policy set's regular expressions are over their budget
check-regex-budget-label = over the budget
check-bad-regex = this regular expression does not compile
check-bad-regex-label = bad pattern
check-not-constant = {$what} must be a constant
check-not-constant-label = refers to data
check-not-constant-help = use literals, lists and other set-wide `let`s here
check-checks-nothing = this rule checks nothing
check-checks-nothing-label = no `require`, `match` or `forbid` in this rule
check-checks-nothing-help = a rule without a check would pass every subject; add the `require`, `match` or `forbid` it was meant to have (a `//` comment may have swallowed it)
check-name-in-use = `{$name}` is already in use here
check-name-in-use-label = this name is taken
check-name-in-use-help = `{$name}` already names a variable of this rule, a `let`, or a value every rule reads (`as_of`, `company`); named again, it would hide that one from the clauses after. Choose another name
check-message-holes = the `{$has}` message fills a hole that the `{$lacks}` message does not
check-message-holes-label = the `{$has}` message
check-message-holes-help = both languages of a message fill the same holes (in any order): add it to the `{$lacks}` message or remove it here
check-message-holes-related = not in the `{$lacks}` message
check-let-too-deep = with the `let`s it uses written out, `{$name}` is nested more than {$limit} levels deep (the limit); use fewer levels of `let`s in `let`s
check-let-chain-too-long = `{$name}` ends a chain of more than {$limit} `let`s that use each other (the nesting limit); shorten the chain
fmt-would-not-read-back = formatted, this file would not read back ({$problem}); fmt adds parentheses around an `and` inside an `or`, which count towards the nesting limit: name parts of the expression with `let`
fmt-read-back-failed = formatted, this file would not read back ({$problem}); this is a fault of `custodia fmt`: the file is left as it is, please report it
fmt-would-change-meaning = formatted, this would not mean what it says now; this is a fault of `custodia fmt`: the file is left as it is, please report it

## validate, test, explain, fmt (src/app.rs, src/testing, src/explain_cmd.rs, src/fmt/cmd.rs)

validate-ok = ok: {$rules} rules, {$collections} collections, {$waivers} waivers, {$tests} tests
validate-warnings = {$count} warning(s)
explain-did-you-mean = ; did you mean `{$name}`?
explain-no-rule = error: the policy set has no rule `{$rule}`{$hint}
explain-give-subject = error: give the subject with --subject ID (an id of a `{$collection}`)
explain-no-subject = error: no `{$collection}` has the id `{$id}`{$hint}
explain-no-subject-skipped = note: it may be among the rows the case leaves out of the check: {$what}
explain-input-errors = note: {$count} input error(s) kept data from being read or checked (run `custodia check` to see them)
explain-as-of = as of {$as_of} ({$zone})
explain-rule-header = rule {$rule} ({$kind}){$title}
    {"  "}defined at {$place}
explain-title = {" — "}{$title}
explain-object = {$id} ({$place})
test-expect-line = {$expect}  ({$place})
test-line-ok = ok   "{$name}" ({$place})
test-line-fail = FAIL "{$name}" ({$place})
explain-subject = subject: {$collection} {$object}
explain-with = with {$var} = {$object}:
explain-not-a-subject = not a subject: the `where` does not hold, so `{$rule}` does not apply
explain-not-a-subject-when = not a subject: the `where` holds, but the `when` at {$place} does not, so `{$rule}` does not apply
explain-not-a-subject-untested = not a subject: no check of `{$rule}` was reached
explain-fails-waived = fails: {$count} clause check(s) failed; waived by the waiver at {$place}, as `check` applies it
explain-fails-waiver-refused = fails: {$count} clause check(s) failed; `check` does not apply the waiver at {$place} either: {$why}
explain-undecided = not checked: the `{$condition}` at {$place} cannot be decided because a value it needs is missing ({$missing}), so whether `{$rule}` applies is unknown; `check` names this subject among those it could not check (NOT FULLY CHECKED, exit 2)
explain-undecided-some-value = see the values above
explain-not-checked-no-data = not checked: no source was supplied for the {$data}, so nothing said here rests on the data the rule needs; `check` reports the rule not checked
explain-not-checked-rows-refused = not checked: {$data} was read, and every row of it was refused by an input error, so nothing said here rests on the data the rule needs; `check` reports the rule not checked
explain-not-checked-unmapped = not checked: {$data} was given but not read, because its mapping in custodia.yaml has an input error, so nothing said here rests on the data the rule needs; `check` reports the rule not checked
explain-not-checked-input-errors = not checked completely: {$count} input error(s) left rows out, so a row that would decide this may be missing; `check` reports the case INCOMPLETE
explain-not-checked-unmatched = not checked (likely a typo): the rule compares {$values}, so it does not test what is written; `check` reports the rule not checked (correct the text in the policy, or the data)
explain-not-checked-left-out = not checked completely: {$what}; `check` says NOT FULLY CHECKED (exit 2)
explain-fails = fails: {$count} clause check(s) failed
explain-passes = passes: every clause that applies held
explain-result = result: {$verdict}
explain-held = held
explain-unknown = unknown: a value it needs is missing (counts as not holding)
explain-not-held = does not hold
explain-effect-passes = passes
explain-effect-cannot-tell = fails (cannot tell: one may be forbidden)
explain-effect-fails = fails
explain-effect-forbidden = fails (forbidden)
explain-effect-forbidden-and-cannot-tell = fails (forbidden; for another it cannot tell: a value its condition needs is missing)
explain-effect-holds = holds
explain-found-none = found no `{$collection}`: {$effect}
explain-found-none-unknown = found no `{$collection}` known to match (a value the condition needs is missing): {$effect}
explain-found = found {$count} `{$collection}`: {$objects}; {$effect}
explain-and-more = and {$count} more
test-no-tests = error: {$paths}: no `test` block in these policy files; nothing was tested
test-summary = {$count} test(s): {$passed} passed, {$failed} failed
test-coverage-below = coverage {$percent}% is below the threshold of {$min}%
test-given-at = given at {$place}: {$problem}
test-happened-no-subject = happened: the test gives no `{$collection}`, so the rule had nothing to check: give one
test-no-such-subject = the test gives no `{$collection}` with the id `{$id}`, so the expectation says nothing
test-expected-fails = expected: `{$rule}` fails
test-expected-fails-for = expected: `{$rule}` fails for {$subject}
test-expected-passes = expected: `{$rule}` passes
test-expected-passes-for = expected: `{$rule}` passes for {$subject}
test-happened-passes = happened: it passes; how it was evaluated:
test-happened-not-checked = happened: it did not check {$ids}: a `where` or `when` could not be decided for them (a value it needs is missing), so the rule says nothing about them; give the value, or expect what the rule does once it is given. How it was evaluated:
test-happened-violations = happened: {$count} violation(s)
test-expected-lacks = expected: `{$rule}` lacks evidence (the rule cannot tell)
test-expected-lacks-for = expected: `{$rule}` lacks evidence for {$subject} (the rule cannot tell)
test-happened-could-not-tell = happened: no violation: the rule could not tell ({$count} finding(s) of insufficient evidence), as a value it needs is missing or a ref names nothing in this test's data; `fails` holds only for a violation:
test-could-not-tell-fix = to fix: give the missing value or the object the ref names, so that the rule can tell; or, if the test means that the rule cannot tell, write `expect {$rule} lacks evidence{$subject}`
test-dangling-refs = refs of the object that name nothing in this test's data (`custodia check` reports them as `integrity.dangling_ref`):
test-at = {" "}at {$place}
test-clause = clause: {$clause}
test-insufficient-evidence = outcome: insufficient evidence (a value is missing)
test-evidence = evidence: {$collection} {$place}
test-coverage = coverage: {$covered} of {$total} clauses made both to pass and to fail ({$percent}%)
test-coverage-rule = {$full} of {$total}
test-expects-nothing = this test has no `expect`, so it would pass whatever the rules do: say what it expects (`expect RULE passes for "ID"` or `fails for`)
test-coverage-rule-line = {$rule} ({$place}): {$counts}
test-coverage-no-expect = no test expects anything of this rule
test-coverage-no-object = no test that expects something of this rule gives a `{$collection}`
test-coverage-clause = line {$line} `{$text}`: {$reason}
test-gate-where = the `where` never held
test-gate-match = the `match` on line {$line} never found an object
test-gate-when = the `when` on line {$line} never held
test-never-reached-by = never reached: {$gate}
test-never-reached = never reached
test-never-passed-where = never held: no test gives an object it applies to
test-never-passed-when = never held
test-never-passed-require = never held: no test makes it pass
test-never-passed-match = never found an object
test-never-passed-forbid = always found a forbidden object: no test shows the allowed case
test-never-failed-where = held for every object: no test gives an object it leaves out
test-never-failed-when = always held: no test shows a case it filters out
test-never-failed-require = never failed: no test makes it fail
test-never-failed-match = always found an object: no test shows it finding none
test-never-failed-forbid = never found a forbidden object: no test shows the forbidden case
fmt-cannot-read = error: {$file}: cannot read the policy file: {$reason}
fmt-cannot-write = error: {$file}: cannot write the file: {$reason}
fmt-formatted = formatted {$file}
fmt-would-reformat = {$changed} of {$total} file(s) would be reformatted
fmt-reformatted = {$changed} of {$total} file(s) reformatted

## Lint warnings of `validate` (src/lint)

lint-missing-title = rule `{$rule}` has no `title`
lint-missing-title-label = no title
lint-missing-title-help = reports show the title to the reader; write the duty in a sentence (`title "..."`)
lint-missing-cite = rule `{$rule}` cites no regulation
lint-missing-cite-label = no `cite`
lint-missing-cite-help = an auditor asks where a duty comes from; add `cite "law, article"`
lint-count-for-none = a count bound by `let` is unknown as soon as one object's condition cannot be decided (a missing date, a dangling ref), so saying it is 0 reports a subject with another object that definitely matches as insufficient evidence, not violated
lint-count-for-none-label = this count went through `let`: one undecided object makes it unknown
lint-count-for-none-help = compare the count itself (`require count(...) == 0`), which is decided from the objects that definitely match, or write `not exists(...)` with the same condition: one object that definitely matches makes either a violation
lint-unindexed-join = this {$what} has no equality the evaluator can index: it compares every `{$collection}` with every subject, which is slow on large data
lint-unindexed-join-label = no indexable equality
lint-unindexed-join-help = add a condition `FIELD == VALUE` on a field of the `{$collection}`, with a value known before it (as in `d.record == r.id`)
lint-unused-let = `{$name}` is never used
lint-unused-let-label = defined here
lint-unused-let-help = remove the `let`, or use the name in a later clause
lint-waiver-without-by = the waiver of `{$rule}` for "{$subject}" does not say who granted it
lint-waiver-without-by-label = no `by`
lint-waiver-without-by-help = add `by "name"`: an auditor asks who accepted the risk
lint-waiver-by-place = the waiver names "{$subject}", a line of a data file: `check` waives no violation by it
lint-waiver-by-place-label = a file and a line, not an object
lint-waiver-by-place-help = another row is on that line once the file is edited; waive the violation by its fingerprint: `for "fingerprint:…"` (in the JSON, SARIF and audit reports)
lint-waiver-too-long = the waiver runs until {$until}, more than a year after {$today}
lint-waiver-too-long-label = more than a year away
lint-waiver-too-long-help = grant waivers for a year at most and renew them after a review
lint-always-true = this `require` is always true, so it can never report anything
lint-always-true-help = check what the regulation asks for; a required field is always set
lint-list-is-set = `{$path}` is a list: `is set` and `is missing` tell only whether it is there, and an empty list (a blank CSV cell, `[]`, a cell of only `无`) is there
lint-list-is-set-label = an empty list counts as set here
lint-list-is-set-help = to require at least one item, write `len({$path}) >= 1`
lint-never-true = this {$what} can never be true, so the rule checks nothing
lint-why-false = it is `false`
lint-why-empty-range = `{$first}` and `{$second}` cannot both hold: no value lies in that range
lint-why-true = it is `true`
lint-why-always-set = `{$path}` always has a value
lint-why-required = `{$path}` always has a value (required, or with a default)
lint-why-lists-every-value = the list names every value `{$path}` can have
lint-why-pattern-matches-none = the pattern matches none of the values `{$path}` can have
lint-why-case-never-equal = `{$call}` can never equal {$literal}, which has letters of the other case
lint-why-excludes-every-value = the `!=` conditions exclude every value `{$path}` can have
lint-why-contradiction = `{$path}` would have to be one of {$first} and one of {$second} at once
lint-why-both = {$first}; {$second}
lint-why-negates-itself = it asks for `{$cond}` and its opposite at once
lint-why-compares-itself = `{$cond}` compares a value with itself
lint-why-negative-size = `{$cond}`: a length or a count is never negative

## Notes of a check (src/app.rs, src/packs.rs)

note-rule-checks-nothing = line {$line}, rule `{$rule}`: {$lint} ({$code}); correct the condition (`custodia validate` shows it)
note-empty-policy-file = the policy file is empty
note-naive-datetimes = {$count} datetime(s) without an offset (first on line {$line}) were read in UTC because the case sets no time zone; set `time_zone` in custodia.yaml or pass --tz
# List items that are words standing for "nothing" (`王芳;无`), dropped.
note-placeholder-items = { $count ->
    [one] 1 item of column `{$column}` stands for nothing and was
   *[other] {$count} items of column `{$column}` stand for nothing and were
} dropped from its lists (first on line {$line}): words such as {$words} are no item, so `A;无` is one item and `无` alone the empty list
# Cells of an optional text or ref field holding only a word standing for "nothing" (`无`), read as missing.
note-placeholder-cells = { $count ->
    [one] 1 cell of column `{$column}` holds
   *[other] {$count} cells of column `{$column}` hold
} only a word standing for nothing (first on line {$line}): words such as {$words} are no value of an optional field, so the field was read as missing there (`is set` is false)
note-foreign-offset = {$count} datetime(s) were written with the offset {$offset} (first on line {$line}), which the case's time zone {$zone} never has: their days (deadlines, "on the day") are counted in {$zone}, not where they were written; if {$offset} is the company's own time, set `time_zone` in custodia.yaml (Beijing time: Asia/Shanghai)
error-foreign-offset-unzoned = {$count} datetime(s) were written with the offset {$offset} (this is the first), but neither custodia.yaml nor --tz names the company's time zone: counted in UTC, the default, their days (deadlines, "on the day") would move and a late event could pass; set `time_zone` in custodia.yaml (Beijing time: Asia/Shanghai), or `time_zone: UTC` if UTC is meant
note-posix-zone = the time zone `{$zone}` is UTC{$offset}: in these POSIX names the sign is inverted; for Beijing time write Asia/Shanghai
note-as-of-after-today = checked as of {$as_of}, a day after the run ({$today}): retention periods and deadlines are counted to that day, and the data holds only what had happened by the run
pack-note-none-used = no built-in pack was used: custodia.yaml says `packs: []`, so only the case's own policies were checked
pack-note-beside-own = the built-in packs {$packs} were checked beside the case's own policies; write `packs: []` in custodia.yaml to check only the case's policies
policy-std-copy-unfit = error: {$file} declares its own `record` with nearly every field of the standard schema, yet the built-in packs {$packs} cannot check against it: {$reason}. Their rules would be left out, so nothing was checked: write `extend record {"{"} ... {"}"}` on the standard schema instead of a copy of it, or `packs: []` in custodia.yaml to check only the case's own policies
pack-note-own-record = the built-in packs {$packs} were not used: {$file} declares its own `record` schema and their rules need the standard one (write `extend record {"{"} ... {"}"}` instead to use them); the statutes they check were not checked: the verdict says not fully checked, and the exit status is 2 unless `--allow-skipped` accepts it
pack-note-own-record-fits = the built-in packs {$packs} were checked beside the case's own policies: {$file} declares its own `record` schema, and it declares every field their rules use, with its type; write `packs: []` in custodia.yaml to check only the case's policies

## Input errors while reading data (src/data: convert.rs, rows.rs, loader.rs)

human-input-error = {$at}: {$message}

data-list-unsplit = a list item holds `{$sep}`: in a CSV list cell items are separated by `;` (write `;`, or map the column with `separator: {$sep}` in custodia.yaml)
data-expected = expected {$expected}
data-duration-category = `{$written}` is a retention category of the rules before 2016 (长期, 短期) and has no fixed length: write the period itself (`30年`, `10年` or `永久`)
data-duration-bound = `{$written}` gives a bound, not a period: write the period itself (`{$period}`)
data-duration-two-units = `{$written}` is written in two units: write the period in one (`{$period}`)
data-duration-prefixed = `{$written}`: `定期` names the category, not the period: write the period alone (`{$period}`)
data-expected-found = expected {$expected}, found {$found}
data-expected-found-list-number = expected {$expected}, found a number in the list
data-list-item = {$problem} (an item of the list)
data-excel-error-text = the Excel error {$error}, not a value: the formula behind this cell failed before the file was saved
data-found-list = a list
data-found-object = an object
data-found-number = a number
data-number-not-exact = a number with more digits than can be read exactly (beyond 2^53 = 9007199254740992, and no 64-bit integer): a JSON reader keeps only an approximation of it, so the value cannot be told; write it in quotes, as text
data-found-bool = a bool
data-found-text = text
data-type-text = text
data-type-enum = one of {$values}
data-type-int = a whole number
data-type-decimal = a number in plain decimal notation
data-type-bool = a bool (true/false, yes/no, 1/0, 是/否)
data-type-date = a date YYYY-MM-DD
data-type-datetime = a datetime (RFC 3339 such as 2026-03-01T09:30:00+08:00, or YYYY-MM-DD HH:MM[:SS] in the case time zone)
data-type-duration = a duration such as `30 days`, `10 years` or `permanent`
data-type-list = a list of {$item}
data-date-year-before-1900 = the year {$year} is before 1900, no year of a company's records: it looks like a two-digit year written out in full (`24-03-01` exported as `0024-03-01`, as Python and pandas write it); write the full year (`2024-03-01`), or leave the cell empty
data-datetime-in-gap = a time the clocks of {$zone} skipped (they moved from {$before} to {$after}), so no moment: write the offset the record was made at
data-datetime-in-fold = a time the clocks of {$zone} showed twice (first at {$before}, then at {$after}), so two moments: write the offset the record was made at
data-datetime-fraction = a time with a fraction of a second (`{$fraction}`), and custodia keeps times to the whole second: dropping or rounding the fraction could move an event to the other side of a deadline, so the value was not read; write the time to the whole second in the source, rounded as the rule needs it (up for a time that must not be late, down for one that must not be early; for a database, in the entry's `query:`)
data-datetime-offset-beyond = {$base}; the offset `{$offset}` is beyond ±14:00, which no time zone uses
data-datetime-annotation-without-offset = {$base}; a time zone annotation such as `[Asia/Shanghai]` is read only after the offset it must agree with (`+08:00[Asia/Shanghai]`)
data-datetime-annotation-disagrees = {$base}; the offset does not agree with the time zone annotation at that time, or the zone is unknown
data-did-you-mean = ; did you mean `{$name}`?
data-unknown-event-kind = unknown event kind `{$kind}`; the schema declares {$kinds}{$hint}
data-unknown-event-kind-rows = {$message} ({ $count ->
    [one] {$count} row
   *[other] {$count} rows
} of this file, here the first: none names its kind in a `kind` column, so each is read as a `{$kind}` event, after the file's name; name the file after its kind (`access.csv`), add a `kind` column, or map it in custodia.yaml with `kind:`)
data-required-field-missing = a required field is absent or empty
data-void-event = column `{$column}` says `{$value}` in this row: the `{$kind}` event it records was voided, deleted, cancelled or refused, is not done yet, or did not go through, yet no field reads the column, so the row would be read as a `{$kind}` event that happened. The row is left out. Delete it, or leave such rows out knowingly with `skip: {"{"} {$column}: {$value} {"}"}` in the file's entry in custodia.yaml; if `{$column}` says something else, declare it (`extend event {$kind} {"{"} {$column}: text? {"}"}`) or map it
data-void-event-read-column = `{$value}` in this row is a mark that the `{$kind}` event it records was voided, written in a column read as data, so the row would be read as a `{$kind}` event that happened. The row is left out. Delete the row; if it is valid, remove the mark from the cell (record a voiding in a column of its own, and leave such rows out with `skip:`)
data-event-other-kind = column `{$column}` says `{$value}` in this row, an action that is no `{$kind}` event, yet no field reads the column and every row of the file is read as a `{$kind}` event: what this row records (a destruction, a change, an export) would be read as a `{$kind}` and escape the rules about it. The row is left out. Put such rows in a file or entry of their own kind, or leave them out knowingly with `skip: {"{"} {$column}: {$value} {"}"}` in the file's entry in custodia.yaml; if `{$column}` says something else, declare it or map it
data-near-miss-column = column `{$column}` is not declared in the schema, and the declared field `{$field}` is absent: did you mean `{$field}`? rename the column; until then its values are not read and `{$field}` takes its default
data-near-miss-beside-blank-column = column `{$field}` is blank in every row that has column `{$column}`, which is not declared but named like it and holds the values: did you mean `{$field}`? its values are not read and `{$field}` reads as empty or takes its default; move the values into `{$field}` and remove `{$column}`
data-near-miss-beside-blank-cell = column `{$field}` is blank in this row while column `{$column}`, which is not declared but named like it, holds a value: two columns for one field; the value in `{$column}` is not read and `{$field}` reads as empty or takes its default; keep the values in `{$field}` alone and remove `{$column}`
data-near-miss-disagrees = column `{$column}`, which is not declared but named like `{$field}` (or by its usual name), holds another value than `{$field}` in this row: one field written twice, two ways, and which is right cannot be told; `{$field}` alone is read, so a value only `{$column}` holds (a hold, a date) would be lost; keep the right value in `{$field}` and remove `{$column}`, or map the column that holds the data (docs/mapping.md)
data-near-miss-disagrees-constant = column `{$column}`, which nothing reads but which is named like `{$field}` (or by its usual name), holds another value in this row than the constant `{$constant}` that custodia.yaml maps `{$field}` to: the file and the mapping disagree, and which is right cannot be told; the constant is read for every row, so a value only `{$column}` holds (a hold, a date) would be lost; map `{$field}` to `{$column}` when the column holds the field, else remove the column, or declare and map it as a field of its own when it holds something else (docs/mapping.md)
data-near-miss-disagrees-mapped = column `{$column}`, which nothing reads but which is named like `{$field}` (or by its usual name), holds another value in this row than column `{$mapped}`, which custodia.yaml maps `{$field}` to (a blank cell there counts as another value): one fact written twice, two ways, and which is right cannot be told; `{$mapped}` alone is read, so a value only `{$column}` holds (a hold, a date) would be lost; correct the row so that both columns agree, or remove `{$column}`; map `{$field}` to `{$column}` if that is the right column, or declare and map it as a field of its own when it holds something else (docs/mapping.md)

## custodia packs (src/packs.rs)

packs-does-not-check = error: the built-in pack `{$pack}` does not check: {$errors}
packs-pack = {$name}  ({$paths})
packs-cite = cite {$cite}
packs-standard-schema = the standard schema: no rules; every pack builds on it
packs-use = Use: custodia check CASE --pack NAME (repeatable), or `packs: [NAME, ...]` in custodia.yaml.
    A case that names no packs is checked against every cn/ pack, beside its own policies unless they declare their own `record` schema.


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
mapping-expect-date-as = a date as {$forms}{$advice}
mapping-expect-date-time-as = a date as {$forms} followed by a time (H:mm or H:mm:ss, or h:mm after 上午/下午 or before AM/PM){$advice}
mapping-expect-date-as-excel = a date as {$forms} (an `excel` serial day number has five digits, 10000 to 99999: a smaller number is not taken for a day of 1900){$advice}
mapping-expect-date-time-as-excel = a date as {$forms} followed by a time (H:mm or H:mm:ss, or h:mm after 上午/下午 or before AM/PM) (an `excel` serial day number has five digits, 10000 to 99999: a smaller number is not taken for a day of 1900){$advice}
mapping-date-advice-add-form = ; the date is written `{$form}`: add `{$form}` under `format:`
mapping-date-advice-none = ; no form that `format:` can name reads this date: correct it in the source
mapping-expect-clock = a date followed by a time, H:mm or H:mm:ss on a 24-hour clock, or h:mm after 上午/下午 (or before AM/PM) on a 12-hour one with an hour of 1 to 12; the date reads, but the time is in none of these forms, and `format:` names the date's form only: correct the time in the source (in Excel, format the column as `yyyy/m/d h:mm:ss` and export it again)
mapping-expect-clock-part-of-day = a date followed by a time, and the time says `{$part}`, which is not read: writers count its hours differently (`晚上12点` is either midnight), and only 上午/下午 (AM/PM) name the half of a 12-hour clock; write the time on a 24-hour clock (`20:00`) or after 上午/下午 in the source
mapping-expect-duration-words = a duration such as `30年`, `6个月`, `永久` or `10 years`
mapping-the-id = the id it stands for
mapping-the-case-itself = `{$path}` names the case folder itself (an empty path or `.`): name a file or folder inside it
mapping-reads-disagree = this entry reads `{$file}` with another `sheet:` or `header_row:` than the entry at line {$line}: a file is read once, so two sheets (or header rows) of one workbook cannot be read yet; save each sheet as a file of its own; the file was not read
mapping-bad-glob = `{$pattern}`: a pattern may use `*` and `?` in the file name only, not in folder names
mapping-glob-matches-nothing = `{$pattern}` matches no file; check the name and the folder
mapping-folder-entry = `{$folder}` is a folder: an entry that maps or names an encoding reads files; name them (`files: [{$folder}/*.csv]`)
mapping-no-header = {$file} has no header to map: its header row is blank, or none of its lines could be read; nothing was read from it
mapping-no-such-column = {$file} has no column `{$column}`{$hint} (its columns: {$columns})
mapping-column-twice = column `{$column}` is mapped to both `{$first}` and `{$second}`; a column feeds one field (read it once, and give the other field its own column or a `constant`)
mapping-value-is-another-label = `{$key}` is the schema's own word for `{$value}` of `{$field}`, but the map reads it as `{$target}`: every row saying `{$key}` would be read as what it does not say; map it to `{$value}`, or remove it from `values:`
mapping-bool-answers-alike = `{$key}` reads as {$natural} by itself, but the map reads it as {$target}, as `{$other}` is read: yes and no would read alike, and every row of `{$field}` would be {$target}; to read a column that says the opposite (such as 可销毁 for `legal_hold`), map both answers the other way round (`{$key}: {$target}` and `{$other}: {$natural}`)
# A bool column whose value map turns both answers round.
mapping-bool-inverted = column `{$column}` is read turned round into `{$field}` ({$manifest} line {$line} maps {$pairs}): check that the column says the opposite of `{$field}`, since every row of it is read so
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
mapping-other-kind = column `kind` names `{$named}`, but the entry at custodia.yaml line {$line} reads its rows as `{$kind}` events; the row was not read. Give each kind its own entry, with its `kind:` and a `where:` on the `kind` column
mapping-log-needs-kind = {$file}: say which events this file holds with `kind:` (one of {$kinds})
mapping-unknown-field = `{$collection}` has no field `{$name}`{$hint} (`custodia schema` lists the fields)
mapping-column-and-constant = `{$name}` names both a `column` and a `constant`; keep one
mapping-no-column = `{$name}` needs `column: NAME` (or `constant: VALUE`)
mapping-bad-target = the value map of `{$field}` turns `{$from}` into `{$to}`, which is not a value of `{$field}` (expected {$expected}){$hint}
mapping-fill-in-value = the value map of `{$field}` leaves `{$from}` empty: write {$what}
mapping-fill-in-column = fill in the column that holds `{$field}` (or write `{"{"} constant: VALUE {"}"}`)
mapping-bad-constant = `constant: {$value}` is not a value of `{$field}`: expected {$expected}
mapping-format-not-date = `format` is for date and datetime fields; `{$field}` is neither
mapping-unknown-format = unknown date format `{$name}`; the formats are {$formats}, each naming a date alone: the time after it needs no form (H:mm, H:mm:ss, 上午/下午h:mm and h:mm AM/PM are read after any of them)
mapping-separator-not-list = `separator` is for list fields; `{$field}` holds one value
mapping-bad-lookup = `lookup: {$text}` should name a table and its field, such as `lookup: staff.name`
mapping-lookup-without-source = the lookup reads the table `{$table}`, but the case has no file for it (a lookup reads a table's files only, not a database's); add its file under `tables:`, or, if it comes from a database, export it to a CSV file and name that file there
mapping-lookup-through-lookup = the table `{$table}` used by a lookup is itself mapped with a lookup; map it from its own columns
mapping-lookup-table-unreadable = the table `{$table}` used by a lookup could not be read (see its own errors)
mapping-values-missing = the value map of `{$field}` lacks values that column `{$column}` of {$file} holds (rows): {$values}; add each under `values:`
mapping-not-values-of = column `{$column}` of {$file} holds values that are not values of `{$field}` (rows): {$values}; expected {$expected}. Add a value map: `{$field}: {"{"} column: {$column}, values: {"{"} VALUE: CODE {"}"} {"}"}`
mapping-filter-selects-nothing = this `where` selects no row of {$file}; column `{$column}` holds (rows): {$values}
mapping-value-count = `{$value}` ({$count})
mapping-empty-value = (empty)
mapping-by-value = : `{$column}` = {$values}
mapping-rows-unread = {$count} rows of {$file} (the first at line {$line}) are read by no entry{$values}; add their values to an entry's `where:`, or to `skip:` to leave them out knowingly
mapping-rows-twice = {$count} rows of {$file} (the first at line {$line}) are selected by two entries (lines {$first} and {$second}); make their `where:` exclusive
mapping-skip-left-out-nothing = `skip:` (custodia.yaml line {$line}) left out no row: if rows were meant to be left out, check its values against the column's as written
mapping-skip-near-value = column `{$column}` says `{$value}` in this row, which holds `{$skipped}`, a value `skip:` ({$manifest} line {$line}) leaves out, but is not itself listed, so the row would be read as data. The row is left out. If it is void too, add `{$value}` to the `skip:` list; if not, write the cell as the rows that are read
mapping-rows-skipped = {$count} rows were left out knowingly by `skip:` (custodia.yaml line {$line})
mapping-unmapped-columns = columns not mapped to any field, so not read: {$columns}
mapping-unmapped-column-strict = column `{$column}` is mapped to no field, so it is not read (--strict): map it in custodia.yaml (to a field of its own, declared with `extend`, when the schema has none), or run without --strict to have it only noted
mapping-unmapped-columns-strict-more = {$count} more columns are mapped to no field, so they are not read (--strict)
mapping-cannot-map-format = a mapping reads .csv, .jsonl and .parquet files, workbooks (.xlsx, .xls, .ods) and Excel's Unicode text (.txt), not .{$ext}
mapping-txt-not-unicode-text = a .txt file is read only as Excel's Unicode Text (Save As -> Unicode Text: UTF-16, tab-separated), and this one is not: it was not read; save it from Excel as CSV UTF-8 (.csv), or as Unicode Text
mapping-bad-cell = column `{$column}`: expected {$expected}
mapping-cell-refused = column `{$column}`: {$why}
mapping-expect-time-of-day = a date followed by a time H:mm, and this is a day alone: the field is a date and time, and the time of day cannot be supplied by `format:` or guessed; record the time in the source
mapping-bad-date-cell = column `{$column}`: the workbook's date cell (read as shown) does not fit this field: expected {$expected}
mapping-lookup-unknown = column `{$column}`: no row of `{$table}` has this `{$by}`
mapping-lookup-ambiguous = column `{$column}`: several rows of `{$table}` have this `{$by}` ({$ids}); write the id instead
mapping-lookup-exception-shadows = column `{$column}`: the value map takes `{$name}` as `{$id}`, but `{$table}` has a row whose `{$by}` is `{$name}` too ({$ids}): which of them a row naming `{$name}` means cannot be told; give the exception a name the table does not have (with a mark such as （外审） in the file and the map), or write the id in the file instead of the name
mapping-lookup-exception-takes-id = column `{$column}`: the value map takes `{$name}` as `{$id}`, but `{$table}` gives `{$id}` to a row whose `{$by}` is `{$other}`: every row naming `{$name}` would be read as that person's; give the exception an id the table does not have (such as `EXT-01`), or correct the map
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
init-column-like-mapped = {$file}: column `{$column}`: named like `{$field}`, which is mapped to column `{$mapped}`; it will not be read, and `custodia check` stops at a row where it says otherwise than `{$mapped}` about a flag, a category, a date or a number: keep the values in one of the two columns and remove the other, or map `{$field}` to `{$column}` if that one is right
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
init-guess = a guess: `{$column}` is like the usual column names of `{$field}`; check it
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

## Input data (src/data)
## (docs/reports.md, "Languages"; the places in these messages are lines
## and columns of the file named before them)

## Reading CSV and JSONL text (src/data/read.rs)

read-csv-empty = the file is empty: a CSV file has at least its header row (a log with no events keeps its header)
read-csv-bad-header = cannot read the header row: {$reason}
read-csv-record-too-long = this row runs over {$lines} lines, more than {$max}: a quoted field holds the rows below it; is a quote (`"`) opened here by mistake? the row and those it holds were not read
read-csv-swallowed-rows = { $count ->
    [one] the quoted field starting here runs on to line {$end}, and line {$lines}{$more} inside it reads as a row of this file (as many fields as the header, or its first two shaped like this row's): was a quote (`"`) opened here, or closed on line {$end}, by mistake? this row and the lines it holds were not read
   *[other] the quoted field starting here runs on to line {$end}, and lines {$lines}{$more} inside it read as rows of this file (as many fields as the header, or their first two shaped like this row's): was a quote (`"`) opened here, or closed on line {$end}, by mistake? this row and the lines it holds were not read
}
# Lines {$first} to {$last} in the list of `read-csv-swallowed-rows`.
read-csv-swallowed-rows-unseen-breaks = the quoted field starting here holds a line break that does not end a line of this file (a lone carriage return where the lines end otherwise, or U+2028, U+2029, U+0085), and the text after it reads as a row of this file (as many fields as the header, or its first two shaped like this row's): was a quote (`"`) opened here by mistake? this row and the text it holds were not read
read-csv-header-swallowed-rows = a column name of the header opens a quote that runs on to line {$end}, and lines inside it read as rows of this file: was a quote (`"`) opened here by mistake? the file was not read
read-csv-line-range = {$first}-{$last}
# After the lines named in `read-csv-swallowed-rows`: how many more there are.
read-csv-more-lines = {" "}and {$count} more
read-csv-field-count = this row has {$fields} fields but the header has {$header}
read-csv-cut-short = the file ends inside this row, with no line break after it: the file may have been cut short, and its last value with it. The row was not read; if the file is whole, end it with a line break
read-csv-bad-row = this row does not parse: {$reason}
read-csv-duplicate-column = the header names column `{$column}` twice (fields {$first} and {$second}); the file was not read
read-csv-invalid-utf8 = invalid UTF-8
read-csv-open-quote = a quote opened on this line is never closed
read-jsonl-not-object = expected a JSON object on this line
read-jsonl-invalid = this line is not valid JSON: {$reason}

## Loading a file (src/data/loader.rs, stream.rs)

load-cannot-read = cannot read this file: {$reason}
load-sheet-not-workbook = `sheet:` in custodia.yaml names a sheet of a workbook (.xlsx, .xls, .ods), and this is a .{$ext} file; it was not read
load-header-row-not-csv = `header_row: {$row}` in custodia.yaml applies to CSV files and workbooks, and this is a .{$ext} file; it was not read
load-unknown-file-type = unknown file type; expected .csv, .jsonl, .json, .yaml or .yml
load-no-collection = the schema declares no `{$collection}` collection for this file
load-not-an-array = expected an array of objects under `{$key}`; nothing under it was read
load-key-not-event-kind = the key `{$key}` is not an event kind of the schema, so nothing under it was read; the keys of a log's object name event kinds ({$kinds}){$hint}
load-key-other-collection = the key `{$key}` was not read: this file holds `{$collection}` rows, which are read from an array or from the key `{$collection}`; put other collections in their own files
load-more-undeclared = and {$count} more columns not declared in the schema
load-undeclared-column = column `{$column}` is not declared in the schema
load-undeclared-strict = {$what} (--strict)
load-undeclared-ignored = {$what}; it is ignored
load-more-undeclared-company = { $count ->
    [one] and 1 more key that is not a company fact the schema declares
   *[other] and {$count} more keys that are not company facts the schema declares
}
load-undeclared-company-key = the key `{$key}` is not a company fact the schema declares, so it was not read and the rules that read company facts saw it nowhere: write it under its declared name ({$facts}), declare it (`extend company {"{"} ... {"}"}`), or remove it
load-place-line = line {$line}
load-above-header = {$row}, above the header row {$header_row}, holds {$values} values as a data row does, and rows above the header are not read: is `header_row` in custodia.yaml right? nothing was read
load-jsonl-empty = the file is empty: a JSON Lines file of no line is what a failed export writes, so it does not say there were none; to say so, write `[]` in a .json file (or the header alone in a .csv file); the file was not read
load-encoding-guessed = it is not UTF-8 and reads as Chinese text in GB18030 (GBK), the encoding Excel uses for CSV on Chinese systems; if that is wrong, name its encoding (`encoding:` in custodia.yaml, or `--encoding`)
load-encoding-bom = its byte-order mark says so
load-encoding-guessed-utf16 = it has no byte-order mark, and every other byte of its ASCII characters is NUL, as in UTF-16 ("Unicode text"); if that is wrong, name its encoding (`encoding:` in custodia.yaml, or `--encoding`)
load-same-file-twice = not read again: through a link, this path leads to the same file as `{$first}`, which was read once
load-read-as = read as {$encoding}: {$why}
load-tab-separated = read as tab-separated: it is UTF-16 and its first line holds tabs and no comma, as Excel's "Unicode Text" save writes it
load-file-changed = the file changed while it was read; it was not read whole

## JSON and YAML documents (src/data/document.rs)

doc-repeated-key = the key `{$key}` appears twice in this object
doc-file-not-read = {$problem}; the file was not read
doc-json-too-deep = not valid JSON: nested more than {$limit} levels deep (the limit); the file was not read
doc-json-invalid = not valid JSON: {$reason}; the file was not read
doc-json-shape = expected an array of objects, or an object `{"{"}"{$collection}": [...]{"}"}`
doc-item-not-object = item {$item} is not an object
doc-item-not-mapping = expected a mapping
doc-says-nothing = the file holds no rows, and an empty {$format} document is what a failed export writes: write `[]` to say there were none; the file was not read
doc-yaml-shape = expected a sequence of mappings (`- key: value` items), or a mapping with the key `{$collection}` holding one; the file was not read
doc-yaml-billion-laughs = the YAML document expands to too many values through its anchors and aliases (a "billion laughs" document); the file was not read
doc-yaml-too-deep = not valid YAML: nested too deeply; the file was not read
doc-yaml-invalid = not valid YAML: {$reason}; the file was not read
yaml-several-documents = the file holds several YAML documents (`---` between them) and custodia reads one: remove the `---` lines and keep one list or mapping
yaml-too-deep = nested too deeply
yaml-duplicate-key = the key `{$key}` is written twice in one mapping; keep one
yaml-tab = a tab where YAML allows none: indent with spaces only, and quote a value that holds a tab
yaml-quote = a quoted value is not closed, or holds an escape YAML does not know: end it with the quote mark it starts with (inside "…" write \\ for a backslash, or quote with '…')
yaml-bracket = a `[` or `{"{"}` is not closed where expected: close it, and separate its items with `,`
yaml-ends-early = the file ends in the middle of a value: a list, a mapping or a quoted text is not finished
yaml-alias = an alias `*name` needs an anchor `&name` written before it, once
yaml-tag = YAML tags (`!…`) and directives (`%…`) are not read: write plain values
yaml-colon = a `:` where no key can start: quote a value that holds `: ` (`title: "a: b"`), or indent the line under its key
yaml-indentation = the indentation does not fit the lines above: the keys of one mapping start in one column, and the `- ` items of one list too
yaml-value-start = a value cannot start with this character here: quote the value
yaml-generic = expected a YAML mapping (`key: value`) or list (`- item`) here: check the indentation, the `: ` after each key and the quotes
doc-company-not-mapping = expected one mapping of company facts

## Files and folders of the case (src/data/walk.rs)

walk-folder-not-file = a folder, not a file; it was not read
walk-dangling-link = a symbolic link to nothing; it was not followed
walk-link-loop = a symbolic link loop (too many levels of links); it was not followed
walk-link-loop-to = a symbolic link loop: this link leads back to `{$ancestor}`; it was not followed
walk-no-such-path = this path does not exist
walk-cannot-read = cannot read this entry: {$reason}
walk-cannot-read-entry = cannot read this entry
walk-permission-denied = cannot read this entry: permission denied; nothing below it was read
walk-fifo = a FIFO (named pipe)
walk-device = a device
walk-socket = a socket
walk-special-file = {$what}, not a regular file; it was not read
walk-not-regular-file = not a regular file; it was not read

## Workbooks (src/data/excel.rs, workbook.rs)

excel-formatted-number = column `{$column}`: a number cell that the sheet shows through the number format `{$format}`, so what the sheet shows (`R-001` for 1 under `"R-"000`, `2023.10` for 2023.1 under `0.00`) is not the value stored, and the id cannot be told from it; store such ids as text (format the column as Text and type them again), or export the sheet as CSV
excel-formatted-text = column `{$column}`: a text cell that the sheet shows through the number format `{$format}`, which adds text to it (`1002` under `"R-"@` shows `R-1002`), so what the sheet shows is not the value stored, and the id cannot be told from it; type the id as the sheet should show it, set the column's number format to Text, and save it, or export the sheet as CSV
excel-long-number = column `{$column}`: a number of 16 digits or more, and Excel keeps only 15: its last digits may be lost (an 18-digit id number or bank account typed as a number ends in 000), so it cannot identify anything; store such numbers as text (format the column as Text and enter them again from the source)
excel-date-in-identifier = column `{$column}`, cell {$cell}: Excel turned this cell into a date (as it does with a catalogue number typed as `1995-2`, `3-12` or `2026/1/5`) and keeps only the date, shown in the cell's date format: what was typed, which other files hold, is lost, so it cannot identify anything here (a reference to `1995-2` would not match it); store such values as text (format the column as Text and enter them again, or type them with a leading apostrophe: '1995-2)
excel-cannot-read-sheet = cannot read the sheet `{$name}`: the workbook's data for it is damaged or in a form custodia does not read (the reader says: {$reason}); nothing of it was read. Save the workbook again from Excel or WPS, or export the sheet as CSV
excel-ole-file = this is not a .{$ext} workbook but an OLE compound file: a password-protected workbook, or an old .xls renamed; remove the password (or rename it .xls) and save it again; it was not read
excel-not-a-workbook-extension = not a workbook extension
excel-cannot-read-workbook = cannot read this file as a .{$ext} workbook ({$reason}); it was not read
excel-not-a-worksheet = the sheet `{$name}` is a chart or macro sheet, not a worksheet with cells; the workbook's sheets: {$sheets}
excel-no-sheet-named = the workbook has no sheet `{$name}`; its sheets: {$sheets}
excel-no-sheet-number = the workbook has no sheet number {$number}; its sheets: {$sheets}
excel-sheets-with-hidden = {$shown}; hidden, chosen by name only: {$hidden}
excel-merged-overlap = the merged regions {$first} and {$second} of the sheet overlap (Excel repairs such a workbook when it opens it: which value their shared cells show is not defined); open and save it in Excel or LibreOffice; nothing was read
excel-struck-through = column `{$column}` (cell {$cell}) holds a value struck through (in whole or in part, by its font or by a run of its text), which in a register voids the entry (划线作废): whether the row, or this value, still stands cannot be told; delete the rows that are void, or record the voiding in a column of its own (`作废` = `是`) and leave those rows out with `skip:` in custodia.yaml; if the line through is only formatting, remove it; the row was left out
excel-conditional-format-shows = column `{$column}` (cell {$cell}) is under a conditional format whose number format shows { $blank ->
    [yes] nothing
   *[no] `{$shown}`
} in place of its value when its rule holds: which of the two the filed sheet shows cannot be told here (custodia does not evaluate the rule); remove the conditional format (Home → Conditional Formatting → Clear Rules), or correct the values; the row was left out
excel-conditional-strike = column `{$column}` (cell {$cell}) is under a conditional format that strikes it through when its rule holds, which in a register voids the entry (划线作废): whether this row is void cannot be told here (custodia does not evaluate the rule); record the voiding in a column of its own (`作废` = `是`) and leave those rows out with `skip:` in custodia.yaml, or remove the conditional format; the row was left out
excel-void-note = column `{$column}` (cell {$cell}) carries a note saying `{$note}`: in a register a note like it voids the entry, so the row would be read as valid; delete the rows that are void, or record the voiding in a column of its own (`作废` = `是`) and leave those rows out with `skip:` in custodia.yaml; if the note says something else, reword or remove it; the row was left out
excel-date-serial-hashes = column `{$column}` (cell {$cell}) holds the number {$number} in a date format, which Excel shows as `######`: its dates run from 1900-01-01 (1) to 9999-12-31 (2958465), so the cell holds no date; type the date again; the row was left out
excel-date-serial-zero = column `{$column}` (cell {$cell}) holds the number 0 in a date format, which Excel shows as `1900/1/0` (day 0 of January 1900, no day) or as the time `0:00` alone: the cell holds no date; type the date again; the row was left out
excel-merged-hidden-value = column `{$column}` (cell {$cell}) holds a value of its own, hidden under the merged region {$region}, which shows the value of its top-left cell {$origin} there instead: which of the two the company means cannot be told; unmerge the region and check the values, or clear the hidden cell; the row was left out
excel-merged-hidden-header = {$row}, the header row: the cell {$cell} holds a value of its own, hidden under the merged region {$region}, which shows the value of its top-left cell {$origin} there instead: which name the column has cannot be told; unmerge the region, or clear the hidden cell; nothing was read
excel-merged-title-header = the header row {$header_row} of the sheet `{$sheet}` holds `{$title}` merged across {$region}: a merged title names no columns, and the columns under the rest of it hold values but have no name; if it is a title, is the header in another row (`header_row: {$next}` in custodia.yaml)? nothing was read
excel-cell-twice = the sheet `{$sheet}` writes the cell {$cell} twice (two cells, or two rows, at one address): which of its values the sheet shows is not defined; open the workbook in Excel or LibreOffice, check the value of {$cell} and save it again; nothing was read
excel-xlsx-shared-strings-too-large = the shared strings of this .xlsx workbook (`xl/sharedStrings.xml`) are more than {$max} bytes once uncompressed, and would all be held in memory when it is opened; nothing was read
excel-xlsx-text-too-large = the text of the cells of the sheet `{$sheet}` adds up to more than {$max} bytes (each cell holds its own copy of a shared string), passing the limit at {$cell}; nothing was read
excel-sheet-too-large = the written cells of the sheet `{$sheet}` span {$first} to {$last}, {$cells} cells, over the limit of {$max}: is there a stray value at {$last}? delete it, or split the sheet; nothing was read
excel-workbook-too-large = the written cells of the sheets of this .{$ext} workbook span {$cells} cells together ({$sheets}), over the limit of {$max}: a workbook of this kind is read whole, every sheet at once; delete stray values, or split the workbook; nothing was read
excel-ods-text-too-large = the cells of this .ods workbook spell out more than {$max} bytes of text once repeated cells (`number-columns-repeated`, `number-rows-repeated`) and runs of spaces (`text:s`) are counted, passing the limit in the sheet `{$sheet}` at {$cell}; nothing was read
excel-ods-cut-short = the workbook's content.xml ends inside the sheet `{$sheet}`: the file is cut short or damaged; save it again; nothing was read
excel-ods-rows-shifted = the sheet `{$sheet}` has no value in column A and an empty row (row {$row}) between rows with values: the .ods reader would place the rows below it under the wrong columns; delete the empty columns left of the values, or the empty rows between them, and save it again; nothing was read
excel-xls-dimensions = the sheet `{$sheet}` declares {$rows} rows by {$columns} columns, more than an .xls sheet has ({$max_rows} by {$max_columns}): the file is damaged or was not written by a spreadsheet program; save it again; nothing was read
excel-no-worksheet = the workbook has no worksheet; it was not read
excel-header-row-zero = `header_row` counts from 1 (row 1 is the sheet's first row)
excel-empty-sheet = the sheet is empty: it has no header row
excel-empty-header-row = row {$header_row} of the sheet `{$sheet}` is empty, so it names no columns; its first row with values is row {$first}: set `header_row: {$first}` in custodia.yaml if that is the header; nothing was read
excel-place-row = row {$row}
excel-place-sheet-row = row {$row} of the sheet `{$sheet}`
excel-at-row = {$row}: {$message}
excel-unnamed-column = column {$columns} of the sheet `{$sheet}` holds values below the header row {$header_row} but has no name in it; is the header in another row (`header_row:` in custodia.yaml)? nothing was read
excel-error-cell = column `{$column}` (cell {$cell}) holds the Excel error {$error}; the row was left out
excel-formula-not-computed = column `{$column}` (cell {$cell}) holds a formula but no computed value: the formula's result was not saved (the workbook was written by a program that does not compute formulas); open and save it in Excel, WPS or LibreOffice so the results are computed; the row was left out
excel-formula-stale = column `{$column}` (cell {$cell}) holds a formula, and the workbook says its saved formula results are to be recalculated when it is opened (`fullCalcOnLoad`): it was written by a program that does not compute formulas (pandas with XlsxWriter saves 0 for every one), so the value saved is not the one Excel shows; open and save it in Excel, WPS or LibreOffice, or export the values instead of the formulas; the row was left out
excel-formula-stale-manual = column `{$column}` (cell {$cell}) holds a formula, and the workbook is set to calculate by hand and not before saving (`calcMode="manual"`, `calcOnSave="0"`): the value saved is what was last calculated, maybe before the cells it reads changed; recalculate (F9) and save it, or export the values instead of the formulas; the row was left out
excel-xls-formula-empty = column `{$column}` (cell {$cell}) holds a formula whose saved result is empty: an .xls workbook saves a formula whose result was never computed (as xlwt and other programs that do not compute formulas write it) just as one that computed empty text, so what the cell holds is unknown; open and save it in Excel, WPS or LibreOffice so the results are computed, and if the formula does give empty text, save the workbook as .xlsx, which tells the two apart, or paste its values over the formulas; the row was left out
excel-ods-error-cell = column `{$column}` (cell {$cell}) holds a formula whose result is an error; the row was left out
excel-ods-bad-boolean = column `{$column}` (cell {$cell}) is a true/false cell whose saved value is neither true nor false (an .ods writes `true`, `false`, `1` or `0`): the file was not written by a spreadsheet program, or is damaged; type TRUE or FALSE in the cell and save it again; the row was left out
excel-ods-two-texts = column `{$column}` (cell {$cell}) holds two different texts: the value saved for it (`office:string-value`) is not the text it shows, so which one is meant is not known: the file was not written by a spreadsheet program, or was edited by hand; type the cell again and save it; the row was left out
excel-xlsx-bad-string-index = column `{$column}` (cell {$cell}) is a shared-string cell whose index is `{$value}`, where a whole number such as `1` is expected: the reader takes it for string 0 and LibreOffice for another string, so which text the cell shows is not known; the file was not written by a spreadsheet program, or was edited by hand; type the cell again and save it; the row was left out
excel-xlsx-string-parts = column `{$column}` (cell {$cell}) holds text written in parts, some of it in an element spreadsheet programs do not agree to show (not a plain `<t>` or a run `<r>`), so what the cell shows is not known; type the cell again and save it; the row was left out
excel-ods-hidden-text = column `{$column}` (cell {$cell}) holds text in an element a spreadsheet program may or may not show in the cell (a note, ruby text over the characters, a span inside a span, or an element it does not know), so what the cell shows is not known; type the cell again as plain text and save it; the row was left out
excel-format-shows-text = column `{$column}` (cell {$cell}) holds a number, but its number format `{$format}` shows it as `{$shown}`: what the sheet shows is not the value stored, and which one is meant is not known; type the value itself in the cell (with the General number format) and save it; the row was left out
excel-format-shows-other-text = column `{$column}` (cell {$cell}) holds text, but its number format `{$format}` shows `{$shown}` in place of it (Excel shows a text cell through the format's fourth section): what the sheet shows is not the value stored, and which one is meant is not known; type the value meant in the cell, set its number format to General or Text, and save it; the row was left out
excel-format-hides-text = column `{$column}` (cell {$cell}) holds text, but its number format `{$format}` hides it: Excel shows the cell { $blank ->
    [yes] blank
   *[no] as `{$shown}`
} (a text cell is shown through the format's fourth section, which here shows none of its text), so whoever reads the sheet does not see the value that would be read; which one is meant is not known. If the text is meant, set the cell's number format to General or Text and save it; if not, clear the cell; the row was left out
excel-xlsx-sheet-part-not-found = the sheet `{$sheet}` was read, but its XML could not be found where the workbook names it (`xl/workbook.xml` and `xl/_rels/workbook.xml.rels`), so its formulas, number formats and strings could not be checked; open and save it in Excel, WPS or LibreOffice; nothing was read
excel-xlsx-part-elsewhere = the workbook's {$part} part is `{$found}` (so named by `{$rels}`), not `{$expected}`, where the reader takes it from: read otherwise than Excel reads it, its cells could pass unchecked; open and save it in Excel, WPS or LibreOffice; nothing was read
excel-xlsx-part-twice = the workbook holds two parts whose names differ only in letter case (`{$first}` and `{$second}`): part names do not tell letter case apart, so which one Excel reads is not known; open and save it in Excel, WPS or LibreOffice; nothing was read
excel-part-workbook = workbook
excel-part-styles = styles
excel-part-strings = shared strings
excel-cdata-unreadable = this workbook holds text written as CDATA (`<![CDATA[…]]>`), which is read as the text it holds, but its XML could not be read to do so ({$reason}): the file was not written by a spreadsheet program, or is damaged; open and save it in Excel, WPS or LibreOffice; nothing was read
excel-sheet-name-twice = the workbook has two sheets named `{$name}` (sheets {$first} and {$second}): the reader holds the cells of only one of them under that name, and which is not told; rename one of them and save it again; nothing was read
excel-reader-failed = cannot read this file as a .{$ext} workbook (the reader failed on it); it was not read
workbook-a-sheet = a sheet
workbook-a-hidden-sheet = a hidden sheet
workbook-sheet-no-values = {$sheet} with no values
workbook-sheet-not-named = {$sheet} with {$rows} rows of values, not the one named in custodia.yaml (`{$read}` was read)
workbook-sheet-unread = not read: {$sheet} with {$rows} rows of values, while only `{$read}` was read (the first visible sheet, as custodia.yaml names none); name the sheet to read (`file: {$file}` with `sheet: NAME`), or move these rows to their own file
workbook-sheet-unreadable = not read: {$sheet} that cannot be read ({$reason}), so whether it holds rows is unknown, while only `{$read}` was read (the first visible sheet, as custodia.yaml names none); repair the workbook (open and save it in Excel or LibreOffice), or name the sheet to read (`file: {$file}` with `sheet: NAME`) if this one holds no data
workbook-sheet-unreadable-not-named = {$sheet} that cannot be read ({$reason}), not the one named in custodia.yaml (`{$read}` was read)
workbook-sheet-very-hidden = not read, yet a *very hidden* sheet (one Excel does not show even under Unhide: a macro or a program hid it) with {$rows} rows of values, while `{$read}` was read: no one can have seen this sheet and chosen to leave it out; look at it (in Excel: Developer → Visual Basic, the sheet's Visible property) and read its rows (move them into `{$read}`, or save the sheet as a file of its own and read that with an entry of its own), or, if it is meant to stay unread, list it under `ignore:` in custodia.yaml as it is named here
workbook-sheet-same-columns = not read, yet {$sheet} whose header (row {$row}) { $missing ->
    [0] names the same columns as
   *[other] names {$matched} of the {$columns} columns of
} `{$read}`, the sheet read, with { $rows ->
    [one] one row
   *[other] {$rows} rows
} below it: most likely more of the same data (another year, records added later); read it too: move its rows into `{$read}`, or save it as a file of its own and read that with an entry of its own (a workbook is read once, one sheet of it); or, if it is meant to stay unread, list it under `ignore:` in custodia.yaml as it is named here
workbook-sheet-same-ids = not read, yet {$sheet} whose column `{$column}` (header row {$row}) holds { $rows ->
    [one] an identifier
   *[other] {$rows} identifiers
} of the form of those of `{$read}`, the sheet read, that `{$read}` does not have (the first at row {$first}): most likely records left out (another year, records added later, kept under other columns); read them too: move them into `{$read}`, or save the sheet as a file of its own and read that with an entry of its own (a workbook is read once, one sheet of it); or, if it is meant to stay unread, list it under `ignore:` in custodia.yaml as it is named here
workbook-hidden-sheet-read = the sheet read, `{$sheet}`, is hidden in the workbook (Excel shows no tab for it): check that it is the sheet meant and not an old copy

## Text encodings (src/data/encoding.rs)

encoding-unknown = unknown encoding `{$label}`; use `utf-8` or `gb18030` (or another WHATWG encoding label such as `gbk` or `utf-16le`)
encoding-invalid = the file is not valid {$encoding} (first bad byte at offset {$at}); it was not read
encoding-utf8-named-otherwise = the file is valid UTF-8 with non-ASCII text, but its encoding is named `{$encoding}`: decoded so, its text would be garbled; remove the encoding if the file is UTF-8; it was not read
encoding-gb18030-named-single-byte = the file is Chinese text in GB18030 (GBK), but its encoding is named `{$encoding}` (`ascii` and `latin1` name it too), a single-byte encoding that reads every byte as a letter: decoded so, its Chinese text would be garbled and no rule could match it; name it `gb18030` (or remove the encoding: GB18030 is recognised on its own); it was not read
encoding-big5-named-single-byte = the file is Chinese text in Big5 (traditional characters) or GB18030 (GBK), but its encoding is named `{$encoding}` (`ascii` and `latin1` name it too), a single-byte encoding that reads every byte as a letter: decoded so, its Chinese text would be garbled and no rule could match it; name it `big5` if its text is traditional Chinese, `gb18030` if simplified; it was not read
encoding-utf32 = the file is UTF-32 (its byte-order mark says so), which custodia does not read; save it as UTF-8; it was not read
encoding-utf8-line-among-others = this line is UTF-8 Chinese text in a file read as {$encoding}: the file mixes two encodings (rows added by another program?), and decoded as {$encoding} the line would be garbled; save the whole file in one encoding; it was not read
encoding-row-looks-gb18030 = this row is not UTF-8 (bad byte at offset {$at}): the file looks like GB18030 (GBK), the encoding Excel uses for CSV on Chinese systems; read it with `--encoding gb18030` (or `encoding: gb18030` in custodia.yaml), or save it as UTF-8; the row was left out
encoding-row-not-utf8 = this row is not valid UTF-8 (bad byte at offset {$at}); save the file as UTF-8, or name its encoding with `--encoding` (for example `--encoding gb18030`); the row was left out
encoding-row-looks-big5 = this row is not UTF-8 (bad byte at offset {$at}): the file reads as Chinese text in Big5 (traditional characters, as Windows saves CSV in Taiwan and Hong Kong) at least as well as in GB18030 (GBK), so its encoding is not guessed; name it with `encoding: big5` (or `encoding: gb18030`) in custodia.yaml or `--encoding big5`, or save the file as UTF-8; the row was left out
encoding-file-looks-gb18030 = the file is not UTF-8 (first bad byte at offset {$at}): it looks like GB18030 (GBK), the encoding Excel uses for CSV on Chinese systems; read it with `--encoding gb18030` (or `encoding: gb18030` in custodia.yaml), or save it as UTF-8; it was not read
encoding-file-not-utf8 = the file is not valid UTF-8 (first bad byte at offset {$at}); save it as UTF-8, or name its encoding with `--encoding` (for example `--encoding gb18030`); it was not read
encoding-file-looks-utf16 = the file is not UTF-8 (first bad byte at offset {$at}): many of its bytes are NUL, as in UTF-16 ("Unicode text", as Excel saves it), which was not recognised; read it with `encoding: utf-16le` in custodia.yaml (`utf-16be` if its first byte is NUL) or `--encoding utf-16le`, or save the file as UTF-8; it was not read
encoding-file-looks-big5 = the file is not UTF-8 (first bad byte at offset {$at}): it reads as Chinese text in Big5 (traditional characters, as Windows saves CSV in Taiwan and Hong Kong) at least as well as in GB18030 (GBK), so its encoding is not guessed; name it with `encoding: big5` (or `encoding: gb18030`) in custodia.yaml or `--encoding big5`, or save the file as UTF-8; it was not read

## Limits on input (src/data/limits.rs)

limits-file-size = the file is {$bytes} bytes, over the limit of {$max} bytes; it was not read (split it into several files)
limits-line-length = line {$line} is {$bytes} bytes long, over the limit of {$max} bytes; the file was not read
limits-errors-not-kept = {$count} more input errors in this file were not kept (at most {$max} are kept per file)

## What of the case is read, and what is not (src/data/accounting.rs, case.rs)

account-cannot-list-case = cannot list the case directory: {$reason}
account-hidden = hidden: the name starts with `.`
account-hidden-data = not read: the name starts with `.`, so the file is hidden, yet it holds data; rename it without the `.` so that it is read, or list it under `ignore:` in custodia.yaml if it is knowingly left out
account-hidden-folder-data = not read: the name starts with `.`, so the folder is hidden, yet it holds data files; rename it without the `.` (or move its files out) so that they are read, or list it under `ignore:` in custodia.yaml if it is knowingly left out
account-see-input-error = see its input error
account-see-errors-in-folder = see the input errors of the files in it
account-ignored = ignored (`ignore:` in custodia.yaml)
account-folder-too-large = not read: no input reads this folder, and it holds more than {$max} entries, too many to look for data files in; move it out of the case, or list it under `ignore:` in custodia.yaml
account-folder-no-data = { $files ->
    [one] no input reads this folder ({$files} file, none of them data)
   *[other] no input reads this folder ({$files} files, none of them data)
}
account-more = {$count} more
account-folder-near-miss = names are case-sensitive: did you mean `{$right}/`?
account-folder-how = move them under logs/ (events) or tables/ (tables), map them in custodia.yaml (`logs: [{$folder}/]`), or list the folder under `ignore:` in custodia.yaml
account-folder-holds-data = not read: no input reads this folder, which holds data files ({$files}); {$how}
account-not-a-policy-file = not a .policy file
account-custodia-report = a report written by custodia
account-empty-file = empty: it holds no data
account-policy-at-root = not read: a policy file at the case root; put it in policies/, or name it in custodia.yaml (`policies: [policies/, ...]`)
account-policy-outside = a policy file outside the policy paths (`custodia test` runs the tests in such files)
account-policy-rules-outside = not read: a policy file outside the policy paths, and it holds rules, which were not checked; { $near ->
        [yes] names are case-sensitive: did you mean `policies/`? move
       *[other] move
    } it into policies/, or name it in custodia.yaml (`policies: [policies/, ...]`), or list it under `ignore:` in custodia.yaml if it is knowingly left out (a file of `test` blocks alone is fine where it is)
account-manifest-misnamed = not read: named like the manifest, but the case has no custodia.yaml, so none of its settings (as_of, time_zone, fail_on, mappings, ignore) were used and their defaults were checked instead; rename it to `custodia.yaml`, or move it out of the case if it is not this case's manifest
account-manifest-copy = a copy of the manifest (an editor's backup, or hidden); `{$manifest}` is the one read
account-manifest-beside = not read: named like the manifest, but `{$manifest}` is the one read, and which file holds the case's settings would be a guess; merge its settings into `{$manifest}` and remove it, or list it under `ignore:` in custodia.yaml if it is knowingly left out
account-not-a-data-file = not a data file (custodia reads .csv, .jsonl, .json, .yaml, .yml, .xlsx, .xls, .ods)
account-manifest-key = `{$role}:` in custodia.yaml
account-log-not-listed = not read: `logs:` in custodia.yaml lists the logs to read, and this file of the logs/ folder is not among them; add it to `logs:`, or list it under `ignore:` in custodia.yaml if it is knowingly left out
account-policy-not-listed = not read: `policies:` in custodia.yaml names the policies to read, and this policy file of the policies/ folder is not among them, so its rules were not checked; add it to `policies:`, or list it under `ignore:` in custodia.yaml if it is knowingly left out
account-input-not-listed = not read: `{$role}:` in custodia.yaml names the {$role} to read, and this file is not among its files; name it there (`files: [...]`), or list it under `ignore:` in custodia.yaml if it is knowingly left out
account-folder-not-listed = not read: `{$role}:` in custodia.yaml names the {$role} to read, and the data files of this folder ({$files}) are not among its files; name them there, or list the folder under `ignore:` in custodia.yaml if it is knowingly left out
account-input-not-given = not read: `{$flag}` names the {$role} to read instead, and this file holds data; drop the flag to read it, move it out of the case, or list it under `ignore:` in custodia.yaml if it is knowingly left out
account-log-not-given = not read: `--logs` names the logs to read instead, and this file of the logs/ folder holds data; read it as well (`--logs {$path}`), move it out of the case, or list it under `ignore:` in custodia.yaml if it is knowingly left out
account-folder-not-given = not read: `{$flag}` names the {$role} to read instead, and this folder holds data files ({$files}); read them as well (name the folder with `{$flag}` too, or drop the flag), move them out of the case, or list the folder under `ignore:` in custodia.yaml if it is knowingly left out
account-displaced = {$how} names the {$role} to read instead
account-ignore-names-input = `ignore:` in custodia.yaml names `{$ignored}`, but `{$input}` is read as an input of the check; remove it from `ignore:`, or move it out of the case (or out of the folder the case reads)
account-file-near-miss = not read: names are case-sensitive: did you mean `{$name}`?
account-file-wrong-format = not read: `{$name}` is read from .{$exts} files; save it in one of those formats
account-file-policy-misnamed = not read: named like a policy file, but its name does not end in `.policy` (an editor added an extension?), so its rules were not checked; rename it to `{$name}`, or list it under `ignore:` in custodia.yaml
account-file-unread = not read: the name matches no input; name it inventory.csv, put it under logs/, or map it in custodia.yaml (`inventory: {$file}`); or list it under `ignore:` in custodia.yaml
account-file-unread-export = not read: the name matches no input; custodia reads .csv, .jsonl, .json, .yaml, .yml, .xlsx, .xls, .ods: export it to one of them, then name it inventory.csv, put it under logs/, or map it in custodia.yaml (`inventory: {$file}`); or list it under `ignore:` in custodia.yaml
case-no-directory = the case directory does not exist or is not a directory
case-two-manifests = both custodia.yaml and custodia.yml are here; keep one
case-second-input = a second {$stem}: `{$first}` and `{$second}` are both here; only `{$first}` was read. Keep one, or name the one to read in custodia.yaml (`{$stem}: {$first}`)
case-file-not-folder-no-extension = a file without an extension, not a folder; it was not read
case-file-not-folder = a file, not a folder; it was not read
case-cannot-read-manifest = cannot read the manifest: {$reason}
case-table-in-subfolder = not read: a table in a sub-folder of tables/; move it to tables/, or map it in custodia.yaml (`tables: {"{"}{$stem}: {$file}{"}"}`)

## Loading the case (src/data/mod.rs)

data-no-table-for-file = the schema declares no table `{$name}` (a file in tables/ is named after its table)
data-no-inventory = the case has no inventory (inventory.csv, .jsonl, .json, .yaml or an inventory/ folder); no records were checked
data-empty-inventory = the inventory has no records; rules over records checked nothing

## Database sources (src/data/db*.rs)

db-no-table = the schema declares no table `{$name}`
db-relation-sibling-in-schema = not read, yet `{$table}` is named as `{$of}`, which an entry reads, but for its digits: another year or part of the same log? Read it with an entry of its own (`query: SELECT * FROM {$table}`; `table:` names only a table found without its schema), or, if it is meant to stay unread, list it under `ignore:` in custodia.yaml as it is named here
db-relation-sibling-not-read = not read, yet `{$table}` is named as `{$of}`, which an entry reads, but for its digits: another year or part of the same log? Read it with an entry of its own (`table: {$table}`), or, if it is meant to stay unread, list it under `ignore:` in custodia.yaml as it is named here
db-relation-not-read = a table or view of the database that no entry of custodia.yaml reads (no entry names it with `table:`, and no `query:` reads it); name it in an entry to check its rows
db-relations-not-listed = the tables and views of this database could not be listed ({$reason}), so whether one that no entry reads holds rows is unknown
db-relation-same-columns = not read, yet `{$table}` has { $missing ->
    [0] every column
   *[other] {$matched} of the {$columns} columns
} of `{$read}`, which an entry reads, and holds rows: most likely the same data under another name (a copy, an archive, another year or part of the log){$through}. Read it with an entry of its own (`table: {$table}`), or, if it is meant to stay unread, list it under `ignore:` in custodia.yaml as it is named here
db-relation-through = ; {$via} reads from it, but a table counts as read only when an entry names it with `table:`, since a view or a query reads only the rows it selects
db-via-view = the view `{$view}`
db-via-query = the query of `{$source}`
db-relation-reached-holds-rows = not read: entries read this table only through {$via}, which reads only the rows it selects, so the rows it leaves out are not checked (a table counts as read only when an entry names it with `table:`); read it with an entry (`table: {$table}`; a mapping's `where:` then says which rows are read, and the others are reported), or, if the rows left out are knowingly left out, list it under `ignore:` in custodia.yaml as it is named here
db-relation-reached-not-read = a table or view that entries read only through {$via}, which reads only the rows it selects (a table counts as read only when an entry names it with `table:`); name it in an entry to check all its rows
db-source-is-view = `{$view}` is a view, not a table: the rows read are those its definition selects, and rows of the tables under it that it leaves out were not checked; look at its definition (in SQLite: `SELECT sql FROM sqlite_schema WHERE name = '{$view}'`) to see which rows it selects
db-same-name = two databases are both named `{$label}` in the report: `{$first}` and `{$second}` (a SQLite file is named by its stem), so their tables cannot be told apart, and an `ignore:` naming a table of one would leave out the other's too; rename one of them (a SQLite file: give it another stem)
db-sqlite-damaged = the SQLite file `{$path}` is damaged: SQLite's integrity check (`PRAGMA quick_check`) found: {$findings}. Rows on damaged pages can be missing from what was read without any error, so the check cannot rely on this file: restore it from a backup, or export the database again, and check that copy
db-sqlite-not-checked = the integrity of the SQLite file `{$path}` could not be checked (`PRAGMA quick_check`), so rows on damaged pages could be missing unseen: {$reason}
db-sqlite-more-findings = {$count} more
db-sqlite-hot-journal = cannot read the SQLite database `{$path}`: the rollback journal `{$journal}` beside it means a transaction was interrupted (a crash, or a copy taken while the file was being written), and SQLite must roll that transaction back before the file can be read, which a read-only open cannot do. Keep a copy of both files for the audit, open the database once in SQLite (`sqlite3 {$path} "PRAGMA quick_check"`), which recovers it, then run the check again (SQLite said: {$reason})
db-sqlite-failed = SQLite could not {$step}: {$reason}
db-sqlite-step-list = list the database's tables and views
db-sqlite-step-key = read the table's primary key
db-sqlite-step-prepare = prepare the statement
db-sqlite-step-read = read the rows
db-sqlite-step-check = check the file's integrity
db-sqlite-wal-read = the write-ahead log of the SQLite database `{$db}`, read as part of it: the changes it holds that are not yet copied into the file were read too
db-sqlite-shm-read = the index of the write-ahead log of the SQLite database `{$db}`, used to read it
db-sqlite-journal-idle = a rollback journal of the SQLite database `{$db}` that holds no interrupted transaction: SQLite read the database without it
db-sqlite-wal-unreadable = cannot read the write-ahead log `{$wal}` to verify it: {$reason}
db-sqlite-wal-short = the write-ahead log `{$wal}` holds {$bytes} bytes, fewer than its 32-byte header: the log was cut or damaged, and SQLite reads the database `{$db}` without such a log and without an error, so the changes it held would not be read. {$fix}
db-sqlite-wal-bad-header = the header of the write-ahead log `{$wal}` does not verify ({$found}): SQLite ignores such a log whole and without an error, so the changes it holds would not be read as part of `{$db}`; the log was damaged, or is not this database's. {$fix}
db-sqlite-wal-magic = its first 4 bytes are {$found}, not a write-ahead log's 0x377f0682 or 0x377f0683
db-sqlite-wal-version = it names format version {$found}, not 3007000
db-sqlite-wal-page-size = it names a page size of {$found} bytes, not a power of two from 512 to 65536
db-sqlite-wal-header-checksum = its checksum does not match its contents
db-sqlite-wal-torn = the write-ahead log `{$wal}` does not verify: {$bytes} bytes after { $after ->
    [0] its header
   *[other] frame {$after}
} do not verify: the log was cut or damaged; the changes in it were not all read. SQLite reads a log up to its first frame that does not verify and leaves the rest out without an error, so `{$db}` would read without them. {$fix}
db-sqlite-wal-uncommitted = the write-ahead log `{$wal}` ends with frames {$from} to {$to}, which no commit frame closes: a transaction under way when the copy was taken, or a log cut at the end of a frame, which would leave a committed transaction out; SQLite reads `{$db}` without those frames, and which of the two it is cannot be told from the files. {$fix}
db-sqlite-wal-fix = Keep these files as they are for the audit, copy the database again from where it is kept, with its `-wal` file, while no program writes it (`sqlite3 DATABASE ".backup copy.db"` writes a consistent copy), and check that copy
db-sqlite-wal-no-index = cannot read the SQLite database `{$path}`: it is in write-ahead-log mode (WAL), and SQLite reads such a file only with the log's index `{$shm}` beside it, which it must create when it is missing and cannot create in `{$folder}` (read-only media, or a folder this user may not write). Copy the database, with its `-wal` file if there is one, to a folder that can be written and check that copy (SQLite said: {$reason})
db-url-env-empty = the environment variable `{$var}` (named by `url_env:`) is empty; set it to the database's URL (postgres://, mysql:// or sqlite://PATH)
db-url-env-unset = the environment variable `{$var}` (named by `url_env:`) is not set; set it to the database's URL (postgres://, mysql:// or sqlite://PATH)
db-bad-url = `{$url}` is not a database URL custodia reads; expected postgres://, mysql:// or sqlite://PATH
db-not-built = this custodia was built without {$what} support; build it with `--features {$feature}` (or `--features databases`)
db-no-query-or-table = no `query:` or `table:`
db-duplicate-column = the result names column `{$column}` twice (columns {$first} and {$second}); which of the two a field reads cannot be told, so nothing was read from it (give the columns distinct names with AS)
db-duplicate-column-renamed = the result names column `{$column}` twice (columns {$first} and {$second}; SQLite calls the second `{$renamed}`, and a field would read only the first); which of the two a field reads cannot be told, so nothing was read from it (give the columns distinct names with AS)
db-none = none
db-no-such-table = the database has no table or view `{$table}`{$hint} (it has: {$has})
db-not-a-select = the query is not a SELECT (it starts with `{$first}`); custodia only reads
db-several-statements = the query holds more than one statement (a `;` inside it); give one SELECT
db-log-kind-unknown = the log's event kind is unknown: name it in custodia.yaml (`kind: access`) or select a `kind` column
db-kind-key = `kind:`
db-kind-table-name = the table's name
db-not-an-event-kind = {$named} `{$kind}` is no event kind of the schema, and the result has no `kind` column; nothing was read (name the kind with `kind:`)
db-rename-hint = did you mean `{$name}`? (rename it with `AS {$field}`){" "}
db-missing-column = the result has no column `{$field}`, which the required field `{$collection}.{$field}` is read from; {$hint}nothing was read (columns: {$columns})
db-read-stopped = the read stopped after {$rows} rows, so the rest of the result was not checked: {$reason}
db-row-of-result = row {$line} of the result
db-row-key = row {$key}
db-timeout = the statement timeout was reached (`timeout_seconds:` in custodia.yaml)
db-login-refused = the server at {$at} refused the login: {$reason}
db-cannot-connect = cannot connect to {$at}: {$reason}
db-cannot-reach = cannot reach the server at {$at}: {$reason}
db-text-not-utf8 = a text value is not UTF-8; the row was left out
db-query-writes = the query would write to the database; custodia only reads
db-source-said = {$label}: {$message}
db-sqlite-no-file = no SQLite database file at `{$path}`
db-sqlite-cannot-open = cannot open the SQLite database `{$path}`: {$reason}
db-sqlite-read-only = cannot make the connection read-only: {$reason}
db-sqlite-timeout = cannot set the statement timeout: {$reason}
db-sqlite-blob = a column holds a binary value (BLOB), which no field type reads; the row was left out
db-not-mysql-url = `{$url}` is not a MySQL URL: {$reason}
db-mysql-binary = a column holds a binary value (BLOB, BINARY), which no field type reads; the row was left out
db-not-postgres-url = `{$url}` is not a PostgreSQL URL: {$reason}
db-cannot-read-column = cannot read column {$column}: {$reason}
db-the-url = the URL

## Parquet files (src/data/parquet.rs, parquet_load.rs)

parquet-cannot-read = cannot read this file as Parquet: {$reason}
parquet-duplicate-column = the file names column `{$column}` twice (columns {$first} and {$second}); which of the two a field reads cannot be told, so the file was not read
parquet-row-unreadable = row {$row}: cannot be read: {$reason}
parquet-bad-cell = column `{$column}`: {$problem}; the row was not read
parquet-date-out-of-range = the date {$days} days after 1970-01-01 is out of range
parquet-binary = a binary value (not text) is not read
parquet-time-of-day = a time of day without a date is not read
parquet-group = a nested group is not read
parquet-map = a map is not read
parquet-bad-number = {$number} is not a number custodia reads
parquet-timestamp-out-of-range = the timestamp {$value} is out of range
parquet-decimal-bytes = a decimal of {$bytes} bytes is not read
parquet-decimal-scale = a decimal of scale {$scale} is not read
parquet-reader-failed = cannot read this file as Parquet (the reader failed on it); it was not read
parquet-not-built = this custodia was built without Parquet support (cargo feature `parquet`): build it with `--features parquet`, or export the file to CSV or JSONL; it was not read

## Source entries of custodia.yaml (src/data/source.rs)

source-expect-scalar = a text, number or true/false
source-expect-values = a value or a list of values (write a number or true/false in quotes, `"1.0"`, or in a list, `[1.0]`, so that it is compared as written: unquoted, `1.0` would read as 1)
source-expect-field = a column name, or a mapping with `column`, `values`, `format`, `separator`, `lookup` or `constant`
source-expect-sheet = a sheet name or a 1-based sheet number
source-expect-entry = a file name, or a mapping with `file` and how to read it
source-expect-sources = a file or folder, a source entry, or a list of them
source-db-no-connection = a database source names its connection with `url_env: VARIABLE` (the variable holding its URL)
source-db-two-connections = a database source names both `url_env:` and `url:`; keep one
source-db-url-not-sqlite = `url:` may only name a SQLite file (`sqlite://PATH`); a server's URL holds credentials, so give it in an environment variable (`url_env: ARCHIVE_DB_URL`)
source-spark-path-and-table = `spark:` names a `path:` or a `table:`, not both
source-spark-table-format = `spark: {"{"} table: ... {"}"}` takes no `format:` (a table has its own)
source-spark-needs-path = `spark:` needs `path:` (with `format:`) or `table:` (`db.name`)
source-spark-table-name = `spark: {"{"} table: {$table} {"}"}`: a table is named `db.name` (letters, digits, `_`)
source-spark-format = `spark:` format `{$format}`: Spark reads `parquet`, `csv` or `json` (JSON Lines) in place
source-spark-no-format = `spark: {"{"} path: ... {"}"}` needs `format:` (`parquet`, `csv` or `json`)
source-spark-no-path = `spark: {"{"} path: ... {"}"}` names no path
source-spark-key = `{$key}:` does not go with `spark:` (Spark reads the source itself; an entry read in place takes only `kind:` and `columns:`)
source-db-no-query = a database source names neither `query:` nor `table:`
source-db-query-and-table = a database source names both `query:` and `table:`; keep one
source-db-timeout-zero = `timeout_seconds:` must be at least 1
source-sheet-number = sheet number {$number}: sheets are numbered from 1
source-files-and-db = a source reads files (`file`, `files`) or a database (`url_env`, `query`, `table` ...), not both
source-file-and-files = a source names its files with `file` or `files`, not both
source-no-file = a source entry needs `file: NAME` (or `files: [...]`, or a database's `url_env:` and `query:` or `table:`)
source-db-read-options = `encoding`, `sheet` and `header_row` say how to read a file; a database source has none
source-header-row-zero = `header_row` counts from 1 (row 1 is the first row)
## Checks and commands
## (msgs-rest branch: built-in checks, default messages, command errors,
## notes and report labels outside src/data; docs/reports.md, "Languages")

## Built-in checks (src/eval/builtin.rs, src/eval/waivers.rs)

builtin-duplicate-id-title = ids are unique within their collection
builtin-duplicate-id-help = Two rows of a collection carry the same id; keep one, or give the other its own id.
builtin-dangling-ref-title = every ref names an existing object
builtin-dangling-ref-help = A ref field names an id that no object of the target collection has; add the object or correct the ref.
builtin-future-event-title = no event is dated after as_of
builtin-future-event-help = An event is dated after the evaluation date; correct its date or the case's as_of.
builtin-waiver-title = waivers name real rules and subjects and are in force
builtin-waiver-unknown-rule-help = The waiver names a rule the policy set does not have; correct the name or remove the waiver.
builtin-waiver-expired-help = The waiver's `until` date has passed; renew it with a new approval or fix the violation.
builtin-waiver-unused-help = The waiver was applied to no violation; remove or correct it so that it cannot hide a future one.
builtin-duplicate-id = `{$collection}` id `{$id}` occurs again; first at line {$line}
builtin-duplicate-id-elsewhere = `{$collection}` id `{$id}` occurs again; first in {$file} at line {$line}
builtin-near-duplicate-id = `{$collection}` id `{$id}` is `{$other}` (line {$line}) written another way (letter case, full-width forms or invisible characters): a reference names only one of them; give both rows one way of writing it, or tell them apart
builtin-near-duplicate-id-elsewhere = `{$collection}` id `{$id}` is `{$other}` ({$file} at line {$line}) written another way (letter case, full-width forms or invisible characters): a reference names only one of them; give both rows one way of writing it, or tell them apart
builtin-dangling-ref = `{$field}` names `{$id}`, which no `{$target}` has ({$rows} { $rows ->
    [one] row
   *[other] rows
})
builtin-dangling-ref-rounded = `{$field}` names `{$id}`, which no `{$target}` has ({$rows} { $rows ->
    [one] row
   *[other] rows
}): it is a long number in scientific notation, as Excel shows one and saves it to CSV, and the id `{$near}` rounds to it; the other digits were lost, so these rows were not joined to `{$near}` or any other, and no rule about it saw them; export the column as text and check again
builtin-dangling-ref-near = `{$field}` names `{$id}`, which no `{$target}` has ({$rows} { $rows ->
    [one] row
   *[other] rows
}), but `{$near}` differs from it only in letter case, full-width characters or Unicode form, spaces, the separators `-` and `_`, leading zeros, zeros ending a fraction, or a spreadsheet's text mark (`'` before it, `="…"` around it): these rows were not joined to `{$near}`, so no rule about it saw them; correct the ref
builtin-dangling-ref-within = `{$field}` names `{$id}`, which no `{$target}` has ({$rows} { $rows ->
    [one] row
   *[other] rows
}), but it holds { $count ->
    [one] the id
   *[other] the ids
} {$held} within more text: a list where one id is expected, or an id with more written beside it. These rows were joined to no `{$target}`, so no rule about { $count ->
    [one] it
   *[other] them
} saw them; write one id per row, as the `{$target}` has it
builtin-future-event = this `{$kind}` event is dated {$date}, after the evaluation date {$as_of}
builtin-waiver-did-you-mean = ; did you mean `{$name}`?
builtin-waiver-unknown-rule = the waiver names rule `{$rule}`, which does not exist{$hint}
builtin-waiver-expired = the waiver of `{$rule}` for `{$subject}` expired on {$until}
builtin-waiver-no-reason = the waiver of `{$rule}` for `{$subject}` gives no reason (`because` is blank or says nothing, such as `无` or `N/A`), so it was not applied: a waived violation needs one
builtin-waiver-unused = the waiver of `{$rule}` for `{$subject}` matched no violation
builtin-waiver-fingerprint-shared = the waiver of `{$rule}` for `{$subject}` was not applied: {$count} violations share that fingerprint (`{$first}` and `{$second}` first), and a fingerprint names one. They are rows without an id that differ only in personal fields, which a fingerprint leaves out; give the rows ids and waive by id
builtin-waiver-id-several = the waiver of `{$rule}` for `{$subject}` was not applied: it would silence {$count} violations resting on different objects (`{$first}`, then `{$second}`), while a waiver speaks for what its author reviewed, and a later one would ride on it; waive each violation by its fingerprint (in the JSON, SARIF and audit reports)
builtin-waiver-subject-alone = the subject alone
builtin-waiver-id-finding = the waiver of `{$rule}` for `{$subject}` was not applied: it would silence what `{$clause}` ({$place}) found, and `{$rule}` has {$checks} checks, so a waiver by id cannot say which one it was written about, and a finding of one would ride on a waiver written about another; if that finding was reviewed, waive it by its fingerprint: `{$waiver}`
builtin-waiver-by-place = the waiver of `{$rule}` for `{$subject}` names a line of a file, not an object: it is not applied, because once the file is edited another row may be on that line
builtin-waiver-by-place-now = {$why}; to waive the violation there now, write `{$waiver}`
builtin-waiver-by-place-later = {$why}; waive a violation by its fingerprint (in the JSON, SARIF and audit reports): `{$waiver}`

## A rule's message when it has no `else` (src/eval/rules.rs)

default-require = { $unknown ->
    [yes] cannot tell whether `{$clause}` holds: a value it needs is missing
   *[no] `{$clause}` does not hold
}
default-match = { $unknown ->
    [yes] no `{$collection}` is known to match: a value the match needs is missing
   *[no] no `{$collection}` matches: `{$clause}`
}
default-forbid = { $unknown ->
    [yes] cannot tell whether a forbidden `{$collection}` exists: a value the condition needs is missing: `{$clause}`
   *[no] a forbidden `{$collection}` exists: `{$clause}`
}

## The run's own errors and notes (src/cli/app.rs, src/main.rs, src/output.rs)

app-input-error = error: {$place}: {$message}
app-no-threads = error: cannot start worker threads: {$error}
app-no-step-summary = warning: cannot write the step summary to {$path} ($GITHUB_STEP_SUMMARY): {$error}
app-step-summary-over-input = warning: the step summary was not written to {$path} ($GITHUB_STEP_SUMMARY): this run reads that file (the baseline, custodia.yaml, a data or policy file, or a file of the case folder the next run would read)
app-parsed-only = parsed {$records} { $records ->
        [one] record
       *[other] records
    } and {$events} { $events ->
        [one] event
       *[other] events
    } from {$files} { $files ->
        [one] file
       *[other] files
    }; {$errors} input { $errors ->
        [one] error
       *[other] errors
    }; no rule evaluated (--parse-only)
app-bad-as-of = error: as_of `{$value}` is not a valid date (a day of the calendar, written YYYY-MM-DD)
app-cannot-write = error: cannot write {$path}: {$error}
app-cannot-write-report = error: cannot write the report: {$error}
output-stream-closed = standard {$stream ->
        [stdout] output
       *[other] error
    } was closed when custodia started, so the report sent there would be lost; give it a place (`--output FILE`), or leave the stream open
app-defaulted-readers = { $count ->
    [one] the rule {$rules} reads it
   *[other] { $more ->
        [0] the rules {$rules} read it
       *[other] the rules {$rules} and {$more} more read it
    }
}
# `document`: yes for a YAML or JSON file, whose rows have fields, not columns; table or query for a database source.
app-defaulted-column = { $document ->
    [yes] the file has no field `{$field}`: every row of it was read with `{$field} = {$default}`, the schema's default, and {$readers}; add the field if the company records it
    [table] the table has no column `{$field}`: every row of it was read with `{$field} = {$default}`, the schema's default, and {$readers}; add the column if the company records it
    [query] the query's result has no column `{$field}`: every row of it was read with `{$field} = {$default}`, the schema's default, and {$readers}; add the column to the query if the company records it
   *[other] the file has no column `{$field}`: every row of it was read with `{$field} = {$default}`, the schema's default, and {$readers}; add the column if the company records it
}
app-its-default = its default
# An undeclared column whose every value reads as the type of a field the file has no column for, which rules read.
app-hidden-field = column `{$column}` is not declared in the schema and every value of it reads as a {$ty}, while the file has no column `{$field}` ({$ty}), and {$readers}: every row was read with {$read_as}. If `{$column}` holds `{$field}`, map it in custodia.yaml (`columns: {"{"} {$field}: {$column} {"}"}` in this file's entry) or rename the column; if it holds something else, declare it (`extend {$collection} {"{"} {$column}: {$ty}? {"}"}`)
app-hidden-field-missing = `{$field}` missing
# The same, the field's own column blank in every row that has the other.
app-hidden-field-blank = column `{$column}` is not declared in the schema and every value of it reads as a {$ty}, while the column `{$field}` ({$ty}) is blank in every row that has `{$column}`, and {$readers}: every row was read with {$read_as}. If `{$column}` holds `{$field}`, map it in custodia.yaml (`columns: {"{"} {$field}: {$column} {"}"}` in this file's entry) or move its values into `{$field}`; if it holds something else, declare it (`extend {$collection} {"{"} {$column}: {$ty}? {"}"}`)
# The same in one row: a column named as an end (离职日期) holds a date where the field is blank, while other rows fill the field.
app-hidden-field-row = column `{$column}` is not declared in the schema and its name says something ended; it holds a {$ty} in this row, where `{$field}` ({$ty}) is blank, and {$readers}: the row was read with {$read_as}, so the day `{$column}` gives was never counted. If it is the day of `{$field}` (access rights ended on leaving, say), put it into `{$field}` in this row, or map the column in custodia.yaml (`columns: {"{"} {$field}: {$column} {"}"}` in this file's entry); if it holds something else, declare it (`extend {$collection} {"{"} {$column}: {$ty}? {"}"}`)
# A column whose header names a bool field (诉讼情况 for legal_hold) holding words that read as no yes or no (涉诉), beside no value of the field, which rules read.
app-hidden-field-worded = column `{$column}` is not declared in the schema and its name says what `{$field}` (bool) holds, but it holds `{$value}`, which reads as neither yes nor no, while `{$field}` is absent or blank in every row that has `{$column}`, and {$readers}: every row was read with {$read_as}. If `{$column}` holds `{$field}`, write yes or no in the column `{$field}` (`是`/`否`), or map the column in custodia.yaml naming what each word it holds means (`{$field}: {"{"} column: {$column}, values: {"{"} {$value}: true, 无: false {"}"} {"}"}`); if it holds something else, declare it (`extend {$collection} {"{"} {$column}: text? {"}"}`)
# An undeclared status column of a table (在职状态) saying the person is gone (离职) in a row whose end date (authorized_to) is blank, which rules read.
app-hidden-field-gone = column `{$column}` is not declared in the schema and { $asks ->
    [present] asks whether the person is still there
    [left] asks whether the person has left
   *[status] names a status
}; in this row it says `{$word}` (the person has left or the account was stopped), while `{$field}` ({$ty}) { $held ->
    [blank] is blank
   *[other] holds {$held}, a day that stands for no end
}, and {$readers}: the row was read with {$read_as}, so the person reads as still authorised. Put the day it ended into `{$field}` in this row, or, if another column holds that day, map it in custodia.yaml (`columns: {"{"} {$field}: … {"}"}` in this file's entry); if `{$column}` says something else, declare it (`extend {$collection} {"{"} {$column}: text? {"}"}`)
# A mapped file's unread column whose every value reads as the type of a field its entry reads nothing into (or only its own blank column), which rules read.
app-hidden-field-mapped = column `{$column}` is mapped to no field and every value of it reads as a {$ty}, while { $blank ->
    [yes] the column `{$field}` ({$ty}) is blank in every row that has `{$column}`
   *[no] no column is read into `{$field}` ({$ty})
}, and {$readers}: every row was read with {$read_as}. If `{$column}` holds `{$field}`, map it in this file's entry (custodia.yaml line {$line}): `{$field}: {$column}` under `columns:`; if it holds something else, declare it (`extend {$collection} {"{"} {$column}: {$ty}? {"}"}`) or map it to a field of its own
app-hidden-field-mapped-blank = column `{$column}` is mapped to no field and every value of it reads as a {$ty}, while the column `{$own}` this file's entry maps to `{$field}` ({$ty}) is blank in every row that has `{$column}`, and {$readers}: every row was read with {$read_as}. If `{$column}` holds `{$field}`, map it in this file's entry (custodia.yaml line {$line}): `{$field}: {$column}` under `columns:`; if it holds something else, declare it (`extend {$collection} {"{"} {$column}: {$ty}? {"}"}`) or map it to a field of its own
# A table's column named as an end (离职日期) holding a date earlier than the row's own end date (authorized_to), which rules read; `mapped`: a mapped file's unread column, `own` the column read into the field.
app-end-column-earlier = column `{$column}` { $mapped ->
    [yes] is mapped to no field
   *[no] is not declared in the schema
} and its name says something ended; in this row it holds {$date}, earlier than { $mapped ->
    [yes] {$field_date} in the column `{$own}`, which this file's entry reads into `{$field}` ({$ty})
   *[no] {$field_date} in `{$field}` ({$ty})
}, and {$readers}: the row was read with `{$field}` = {$field_date}, so rights that ended on {$date} read as lasting until {$field_date}. If {$date} is the day `{$field}` ended (the day the person left, say), correct `{$field}` in this row{ $mapped ->
    [yes] {" "}(column `{$own}`), or map `{$column}` to `{$field}` in this file's entry (custodia.yaml line {$line})
   *[no] {""}
}; if `{$column}` holds something else, declare it (`extend {$collection} {"{"} {$column}: date? {"}"}`)
# The same column holding a value that reads as no date.
app-end-column-undated = column `{$column}` { $mapped ->
    [yes] is mapped to no field
   *[no] is not declared in the schema
} and its name says something ended, but in this row it holds `{$value}`, which reads as no date, beside { $mapped ->
    [yes] the column `{$own}` read into `{$field}` ({$ty})
   *[no] `{$field}` ({$ty})
}, and {$readers}: whether the rights ended before the day `{$field}` gives cannot be told. Write the day as 2026-04-30, 2026/4/30, 2026.4.30, 2026年4月30日 or 20260430 (leave the cell blank if nothing ended); if `{$column}` holds something else, declare it (`extend {$collection} {"{"} {$column}: text? {"}"}`)
output-over-input = error: --output {$target}: refusing to write a report { $place ->
    [inside] inside
   *[over] over
} { $what ->
    [manifest] the manifest
    [company] the company file
    [inventory] the inventory
    [logs] the logs
    [table] a table
    [policies] the policies
    [database] a database, or a file SQLite keeps beside one
    [archive] a compressed or archived file
    [data] a data file
   *[baseline] the baseline
} ({$input}); write it outside the case's inputs
output-case-file = error: --output {$target}: refusing to write a report as `{$name}` in the case folder: the next run would read it as an input
output-case-glob = error: --output {$target}: refusing to write a report that `{$glob}` in custodia.yaml names: the next run would read it as an input
output-twice = error: --output {$target}: two reports of the run would be written to the same file
output-no-file-name = the path names no file
output-cannot-remove-earlier = error: --output {$path}: cannot remove the report an earlier run left there ({$error}); a run that stopped would leave it looking like this run's
output-not-a-report = error: --output {$path}: refusing to replace a file that is not a report custodia wrote: custodia removes the report an earlier run left at an --output path before it reads anything, and would remove this file; move or remove it, or choose another path

## Policy files (src/policy_files.rs, src/cli/app.rs)

policy-path-missing = this policy path does not exist
policy-file-hidden = a hidden policy file: a name starting with `.` is not read, so its rules would not be checked; rename it without the dot, or move it out of the policies folder
policy-folder-hidden = a hidden folder holding a policy file ({$file}): a folder whose name starts with `.` is not read, so its rules would not be checked; rename the folder without the dot, or move it out of the policies folder
policy-file-case = policy files end in `.policy` (lower case), not `.{$ext}`; the file was not read: rename it
policy-folder-empty = no .policy file in this folder
policy-file-not-utf8 = error: {$file}: the policy file is not valid UTF-8
policy-file-unreadable = error: {$file}: cannot read the policy file: {$error}
policy-unknown-pack = error: unknown pack `{$pack}`; built-in packs: {$packs}
policy-pack-listed-twice = error: the pack `{$pack}` is listed twice (in `packs:` of custodia.yaml or by --pack); list each pack once
policy-no-set = error: {$case}: no policy set: the case has no policies/ folder, and no packs were chosen (use --policy PATH or --pack NAME)

## SARIF, GitHub, Code Quality, JUnit: the words for humans (src/report/render)

sarif-srcroot = The root of the repository that holds the case (found from .git, or --repo-root)
sarif-omitted-result = {$count} more { $count ->
        [one] violation of {$rule} is
       *[other] violations of {$rule} are
    } not listed in this SARIF file (at most {$per_rule} per rule and {$all} in all, the most severe first); the JSON report (--output json=PATH) lists every one. The first left out: {$first}
sarif-omitted-notification = {$left_out} of {$total} violations are not listed as results: at most {$per_rule} per rule and {$all} in all (GitHub code scanning rejects a run of more than 25,000 results and shows 5,000). Each rule with violations left out has one result counting them. The JSON report (--output json=PATH) lists every violation.
sarif-builtin-artifact = {$path} (built into custodia {$version})
sarif-cite = Cite: {$cite}
sarif-rule-description = { $cited ->
    [no] {$title} ({$kind} rule)
   *[other] {$title} ({$kind} rule; {$cite})
}
codequality-in-baseline = {" "}(in the baseline)
github-title-baseline = {" "}(baseline)
github-level-count = {$count} { $level ->
    [error] { $count ->
        [one] error
       *[other] errors
    }
    [warning] { $count ->
        [one] warning
       *[other] warnings
    }
   *[notice] { $count ->
        [one] notice
       *[other] notices
    }
}
github-more-findings = {$total} more { $total ->
    [one] finding is
   *[other] findings are
} not annotated ({$levels}): GitHub shows {$max} errors, {$max} warnings and {$max} notices per step. The job summary lists the first {$summary} and counts them per rule; every finding is in the JSON report (--output json=PATH), the SARIF report and the audit report.
github-more-title = custodia: {$total} more not annotated
github-input-error-title = custodia: input error
junit-noted = {$id} passed with findings below --fail-on:
junit-noted-baseline = {$id} passed with findings already in the baseline (--baseline), which --fail-on does not count:
junit-noted-mixed = {$id} passed with findings below --fail-on or already in the baseline (--baseline):

## Baseline, --repo-root, `given` objects of tests (src/report, src/testing/given.rs)

baseline-unreadable = cannot read the baseline report: {$error}
baseline-not-json = the baseline is not JSON: {$error}; expected a report written by `custodia check --format json`
baseline-not-a-report = the baseline is not a custodia JSON report (`format_version: 1` is missing)
baseline-no-violations = the baseline report has no `violations` array
baseline-no-fingerprint = violation {$number} of the baseline has no `fingerprint`; regenerate the baseline with this version of custodia
baseline-other-company = the baseline is the report of another company, {$theirs}; this case is {$ours}. Compare a case only with its own earlier report
baseline-no-company = the baseline names no company (a report of an earlier custodia version, or of a case without company facts), so it cannot be told apart from another company's report; this case is {$ours}. Regenerate the baseline with this version
baseline-case-names-no-company = the baseline is the report of {$theirs}, but this case names none (no company facts), so the two cannot be told to be one company's; compare a case only with its own earlier report
note-baseline-untied = neither this case nor the baseline names a company (no company facts), so nothing ties the baseline to this case: {$count} { $count ->
    [one] finding was
   *[other] findings were
} taken as known from it. Compare a case only with its own earlier report; give the case its company facts (`company.yaml`) so a baseline of another company is refused
baseline-company-masked = the facts that tell the company from another ({$facts}) are personal (`pii`) and shown masked in the reports, so the baseline cannot be shown to be this company's report. Declare the company's `credit_code` without `pii` (a credit code names the company, not a person), or compare without `--baseline`
input-company-fact-after-as-of = the company's `{$field}` is {$date}, after the day this check is as of ({$as_of}): its deadlines would be judged on a day before the company's own facts and found not yet due. Check as of {$date} or later (`as_of:` in custodia.yaml or `--as-of`), or correct the fact
input-records-created-after-as-of = { $count ->
    [one] a record was
   *[other] {$count} records were
} created after the day this check is as of ({$as_of}), the first (this line) on {$date}: the check would judge them on a day before they existed and find every period not yet due. Check as of a later day (`as_of:` in custodia.yaml or `--as-of`), or correct the dates
input-zone-for-chinese-packs = the Chinese packs ({$packs}) count the days of Chinese law, which are days in Beijing time, but this case counts days in `{$zone}` (UTC{$offset}): a time near midnight would fall on another day and a missed deadline pass. Set `time_zone: Asia/Shanghai` in custodia.yaml (or `--tz Asia/Shanghai`); times written with an offset or in UTC are read correctly in it
paths-case-outside-repo = error: --repo-root {$root}: the case directory {$case} is not inside it
given-field-twice = `{$field}` is given twice in this object; give it once
given-unknown-collection = unknown collection `{$name}`
given-not-literal = the value of `{$field}` must be a literal (text, number, bool, date, datetime, duration or a list of them)

## custodia schema (src/cli/schema.rs, src/cli/schema/docs.rs)

schema-no-collection = error: the schema has no collection `{$name}`{$hint}
schema-column-field = field
schema-column-type = type
schema-column-presence = presence
schema-column-declared = declared at
schema-column-description = description
schema-default = default {$value}
schema-optional = optional
schema-required = required
schema-implicit = implicit (every event)
schema-event-at = when it happened (发生时间); every event has it
schema-event-id = the event's own number, if it has one
schema-json-kind = the event kind; optional when the file is named after it
schema-json-row = one row of the `{$name}` {$kind} (custodia)
schema-json-ref = the id of a `{$collection}`
schema-json-refs = ids of `{$collection}`
schema-json-pii = personal information: masked in every report
schema-json-row-described = {$row}: {$text}

## Types and contexts of a type mismatch, what must be constant (src/check/expr.rs, src/check/rules.rs)

ty-field-type = a value of type `{$code}`
ty-text = text
ty-int = { $article ->
    [no] int
   *[yes] an int
}
ty-decimal = { $article ->
    [no] decimal
   *[yes] a decimal
}
ty-bool = { $article ->
    [no] bool
   *[yes] a bool
}
ty-date = { $article ->
    [no] date
   *[yes] a date
}
ty-datetime = { $article ->
    [no] datetime
   *[yes] a datetime
}
ty-duration = { $article ->
    [no] duration
   *[yes] a duration
}
ty-id = { $article ->
    [no] id
   *[yes] an id
}
ty-enum = { $article ->
    [no] enum value (text)
   *[yes] an enum value (text)
}
ty-list-of = { $article ->
    [no] list of {$item}
   *[yes] a list of {$item}
}
ty-empty-list = { $article ->
    [no] empty list
   *[yes] an empty list
}
ty-ref = { $article ->
    [no] ref to `{$collection}`
   *[yes] a ref to `{$collection}`
}
ty-object = { $article ->
    [no] `{$collection}` object
   *[yes] a `{$collection}` object
}
ty-error = { $article ->
    [no] invalid expression
   *[yes] an invalid expression
}
ty-id-of = an id of `{$collection}`
ty-enum-values = a value among {$values}
ty-condition = a condition (true or false)
ty-number = a number
ty-list = a list
ty-list-or-text = a list or text
ty-date-or-datetime = a date or datetime
ty-ordered = a number, date, datetime, duration or text (a value with an order)
ty-object-or-ref = an object or a ref
ty-duration-for-dates = a duration (dates move by durations; use `days_between` for the days between two dates)
ty-numbers-or-date-duration = numbers, or a date and a duration
ty-calendar-duration = a duration in days, weeks, months or years
ctx-not = `not` needs a condition
ctx-negate = `-` negates numbers
ctx-in-right = the right side of `in`
ctx-in-item = the item of `in`
ctx-contains-item = the item of `contains`
ctx-contains-text = text `contains` text
ctx-contains-left = the left side of `contains`
ctx-matches-left = the left side of `matches`
ctx-aggregate-where = the `where` of an aggregate
ctx-list-items = every item of a list has one type
ctx-field-access = `.{$name}` reads a field
ctx-combines = `{$op}` combines conditions
ctx-compares = `{$op}` compares values of one kind
ctx-orders = `{$op}` puts values in order
ctx-arith-on = `{$op}` on {$operand}
ctx-within = `within` places a moment in a window
ctx-within-window = the window of `within`
ctx-within-anchor = the anchor of `within`
ctx-argument = the argument of `{$name}`
ctx-default = the default of `{$name}`
ctx-for-where = the `where` of `for`
ctx-when = `when` needs a condition
ctx-require = `require` needs a condition
ctx-on = the `on` condition
what-this = this
what-set-let = a set-wide `let`
what-field-default = a field default
what-self-ref = `{$name}` (it refers to itself)

## The schema of a policy set, the regular-expression budget (src/check/schema.rs, src/check/mod.rs, src/check/regex_budget.rs)

schema-pii-id = the id field `{$name}` cannot be `pii`: reports name every row by its id, unmasked; give the rows an id that is not personal (a code or a number) and keep the personal value in a `pii` field
schema-no-record = the policy set declares no `record` collection (the inventory)
schema-record-no-id = the `record` collection needs an `id: id` field
schema-ref-no-id = `{$field}` refers to `{$target}`, which has no `id: id` field to refer to
schema-own-record-with-packs = the built-in packs build on the standard schema; declare `extend record {"{"} ... {"}"}` instead of a new `record`
regex-too-many = the policy set has more than {$limit} regular expressions (`matches`), the limit; share one through a set-wide `let` or combine them with `|`
regex-one-too-large = compiled, the pattern would take more than {$mib} MiB, the limit for one pattern
regex-total-too-large = with this one, the policy set's regular expressions take more than {$mib} MiB compiled, the limit; simplify them (a Unicode class such as `\w` repeated many times is large: try `[a-zA-Z0-9_]`)

## compile and the Spark engine (src/cli/compile.rs, src/sql)

compile-input-errors = error: the case has input errors; nothing was staged
compile-cannot-stage = error: cannot stage the data in {$dir}: {$error}
sql-cannot-compile = error: {$place}: cannot compile to Spark SQL: {$what}
spark-no-temp-dir = error: cannot create a temporary directory: {$error}
spark-cannot-stage = error: cannot stage the data for Spark: {$error}
spark-cannot-write-job = error: cannot write the Spark job: {$error}
spark-cannot-run = error: cannot run `{$program}`: {$error}
    {"  "}Install PySpark (scripts/spark-cluster install) and set CUSTODIA_SPARK_SUBMIT or SPARK_HOME.
spark-job-failed = error: the Spark job failed ({$status}); no rule was evaluated
spark-job-log = Spark's log, last lines (as Spark wrote them; INFO lines left out):
spark-job-no-log = Spark wrote no log.
spark-waiting = note: the Spark job is waiting: {$cause}; it waits until the cluster gives it executors or it is stopped (Ctrl-C; no report is written)
spark-status-code = exit status {$code}
spark-status-signal = killed by signal {$signal}
# What custodia recognised in a failed job's log (src/sql/diagnose.rs): a
# cause, then what to do.
spark-cause = {"  "}likely cause: {$cause}
spark-help = {"  "}what to do: {$help}
spark-setting-default = not set: Spark's default, 1g unless the cluster's spark-defaults.conf sets it
spark-cause-no-java = Java was not found (`JAVA_HOME is not set`, or JAVA_HOME names no Java)
spark-help-no-java = install Java 17 or later (on Debian: `apt-get install default-jre-headless`) and set JAVA_HOME to it, or put `java` on PATH
spark-cause-old-java = this Java is too old for this Spark, which needs Java {$needs} or later (`UnsupportedClassVersionError`)
spark-cause-old-java-unknown = this Java is too old for this Spark (`UnsupportedClassVersionError`)
spark-help-old-java = install Java {$needs} or later and set JAVA_HOME to it (`java -version` shows the version of the one on PATH)
spark-cause-two-pythons = the Python of the workers ({$worker}) is not the driver's ({$driver}); PySpark needs the same minor version on both
spark-help-two-pythons = set PYSPARK_PYTHON (and PYSPARK_DRIVER_PYTHON) to the same Python on every machine, or pass `--spark-conf spark.pyspark.python=PATH`
spark-cause-master-url = Spark cannot read the master URL `{$master}`
spark-help-master-url = give `--spark-master` as `local[N]`, `spark://HOST:PORT`, `yarn` or `k8s://URL`
spark-cause-master-unreachable = the Spark master `{$master}` cannot be reached (no master listens there, or a firewall is in the way)
spark-help-master-unreachable = check that the master runs and that this machine reaches `{$master}` (the master's web page, port 8080 by default, shows its URL); the local cluster: `scripts/spark-cluster status`
spark-cause-no-resources = the master `{$master}` gave the job no executors: no worker is registered, or none offers the memory and cores the job asks for
spark-help-no-resources = look for live workers with free cores and memory on the master's web page (port 8080); an executor's `spark.executor.memory` must fit in one worker (scripts/spark-cluster: start the workers with CUSTODIA_SPARK_WORKER_MEMORY)
spark-cause-path = Spark finds nothing at `{$path}`
spark-cause-path-of-source = custodia.yaml line {$line}: `{$source}`: Spark finds nothing at `{$path}`
spark-help-path = check the path in custodia.yaml (a relative path is relative to the case directory); on a cluster every executor must reach it: a local path must exist on every machine, else use `hdfs://` or `s3a://`
spark-cause-table = Spark's catalog has no table `{$table}`
spark-cause-table-of-source = custodia.yaml line {$line}: `{$source}`: Spark's catalog has no table `{$table}`
spark-help-table = check the name (`db.name`) and pass the catalog's settings: `--spark-conf spark.sql.catalogImplementation=hive` and the metastore's (`spark.hadoop.hive.metastore.uris=...` or `spark.sql.warehouse.dir=...`); without them Spark reads an empty catalog of its own
spark-cause-memory-local = Spark ran out of memory (`java.lang.OutOfMemoryError`); with a `local[...]` master every task runs inside the driver
spark-cause-memory-driver = the Spark driver ran out of memory (`java.lang.OutOfMemoryError`): the process custodia started, which plans the job and collects the violations
spark-help-memory-driver = give the driver more memory: `--spark-conf spark.driver.memory=2g` (this run: {$driver}); the machine running custodia must have that much free
spark-cause-memory-executor = an executor ran out of memory (`java.lang.OutOfMemoryError`, or an executor that exited with code 52 or 137)
spark-help-memory-executor = give each executor more memory: `--spark-conf spark.executor.memory=4g` (this run: {$executor}); every worker must offer that much, else the job waits for resources (scripts/spark-cluster: start the workers with CUSTODIA_SPARK_WORKER_MEMORY=4g)
spark-cause-memory-container = an executor's container was killed for using more memory than it was given (YARN or Kubernetes)
spark-help-memory-container = raise `--spark-conf spark.executor.memoryOverhead=1g` (memory outside the Java heap) or `spark.executor.memory` (this run: {$executor})
spark-cause-memory = Spark ran out of memory (`java.lang.OutOfMemoryError`); its log does not say whether in the driver or in an executor
spark-help-memory = raise `--spark-conf spark.driver.memory=2g` (this run: {$driver}) or `--spark-conf spark.executor.memory=4g` (this run: {$executor}); the workers must offer the executors' memory (scripts/spark-cluster: CUSTODIA_SPARK_WORKER_MEMORY)
spark-cause-result-size = the result sent to the driver exceeded `spark.driver.maxResultSize`
spark-help-result-size = raise `--spark-conf spark.driver.maxResultSize=2g` (0: no limit) and, with it, `spark.driver.memory`
spark-cause-killed = spark-submit was killed (SIGKILL): most often by the system's out-of-memory killer, or by a time limit around the run
spark-help-killed = the system log says which (`dmesg`: "Out of memory: Killed process"); if it was the kernel, this machine lacks the memory Spark was given: free some, or run where more is free; if a time limit, raise it
spark-cause-stopped = spark-submit was stopped from outside by signal {$signal} (a person, a service manager or a time limit)
spark-help-stopped = run the check again; if a time limit stopped it, raise the limit: a Spark check of a large case can take many minutes
spark-no-result = error: the Spark job ended without writing its result
spark-count-unreadable = error: the Spark job's result count is unreadable
spark-cannot-read-result = error: cannot read the Spark job's result: {$error}
spark-result-line = error: the Spark job's result, line {$line}: {$error}
spark-row-count = error: the Spark job wrote {$wrote} rows but reported {$reported}
spark-inconsistent = error: the Spark job's result is inconsistent: {$what}; no report was written
spark-rows-differ = error: Spark read {$read} rows of `{$name}`, custodia staged {$staged}; no report was written
spark-rows-differ-in-place = error: Spark read {$read} rows of `{$name}`, but {$expected} from its sources; no report was written
spark-no-rows-read = error: the Spark job's result is inconsistent: no count of the rows read of `{$name}`; no report was written

# Why the Spark SQL compiler refuses a clause: `sql-cannot-compile`'s
# {$what} is `sql-refused-in-rule`, whose {$what} is one of the reasons below.
sql-refused-in-rule = `{$clause}` in rule `{$rule}`: {$what}
sql-no-negation = negation of this type is not compiled
sql-contains-non-text = `contains` of a non-text value in text is not compiled
sql-contains-type = `contains` on this type is not compiled
sql-constant = this constant is not compiled
sql-comparison = a comparison of these types is not compiled
sql-membership = membership in a list of this type is not compiled
sql-membership-names = membership in a list of text read from the data is not compiled: its items are compared as names (`王芳（签）` is `王芳`), which Spark SQL cannot repeat; use the native engine
sql-comparison-names = comparing two names here (`==`, `!=`, or `in` a list of them written in brackets) is not compiled: names are compared by their folded forms (`王芳（签）` is `王芳`), which custodia stages beside a field Spark reads from its staging, not beside a `let`, a list written in brackets or a source Spark reads in place; compare the fields themselves, or use the native engine
sql-arithmetic = this arithmetic is not compiled
sql-minus-permanent = `permanent` before a date is not compiled
sql-datetime-plus-permanent = a datetime plus `permanent` is not compiled
sql-minus-data-duration = subtracting a duration read from data is not compiled
sql-datetime-plus-data-duration = a datetime plus a duration read from data is not compiled
sql-within = `within` of these types is not compiled
sql-not-a-date = not a date
sql-call = this call is not compiled
sql-deadline-period = this period of `deadline` is not compiled
sql-pattern-unreadable = the pattern could not be read
sql-pattern-escape = a pattern with `\` escapes is not compiled (Java and Rust regexes differ there)
sql-pattern-char = a pattern with `{$char}` is not compiled (Java and Rust regexes differ there)
sql-pattern-flags = a pattern with `(?` is not compiled
sql-pattern-nested-class = a pattern with nested classes is not compiled
sql-show-type = showing a value of this type in a message is not compiled
sql-show-masked-decimal = showing a masked decimal among the values is not compiled (Spark prints floats differently)
sql-show-list = showing a list of non-text items among the values is not compiled
# The part of the Spark job's result that disagrees with the script
# (`spark-inconsistent`'s {$what}).
spark-bad-rows-read = a count of rows read
spark-bad-two-rows-read = two counts of rows read for one source
spark-bad-row-not-returned = a row the result names but did not return
spark-bad-rule = rule {$rule}
spark-bad-subjects = a count of subjects
spark-bad-two-subjects = two counts of subjects for `{$rule}`
spark-bad-clause = clause {$clause} of `{$rule}`
spark-bad-bound-rows = the rows bound in a violation of `{$rule}`
spark-bad-values = the values shown by a violation of `{$rule}`
spark-bad-no-subjects = no count of subjects for `{$rule}`
spark-bad-no-undecided = the count of the objects `{$rule}` could not decide is missing, repeated, unexpected or smaller than the objects listed
spark-bad-builtin-collection = a built-in finding's collection
spark-bad-future-no-at = a future event without `at`
spark-bad-future-past = a future event dated before `as_of`
spark-bad-dangling-field = a dangling ref's field
spark-bad-dangling-id = a dangling ref's id
spark-bad-builtin = a built-in finding
spark-bad-row-collection = a row of a collection not read in place

## Progress on standard error (src/progress.rs, src/cli/app.rs)

progress-reading = reading inputs
progress-evaluating = evaluating {$count} rules
progress-writing = writing the report
progress-loaded = reading inputs: {$count} file(s) loaded, last {$last}
explain-end-of-time = end of time
explain-beginning-of-time = beginning of time
## Mapping gaps

# A JSONL or Parquet cell holding a list or an object, read through a mapping.
mapping-list-cell = column `{$column}` holds a list, and its field takes one value (or a list of single values); the row was not read
mapping-object-cell = column `{$column}` holds an object (`{"{"} ... {"}"}`), which a mapping does not read; the row was not read

## Review fixes (data)

# A source (file, mapped file, database result) has no column for an optional field a rule reads.
review-optional-column-absent = { $document ->
    [yes] the file has no field
    [table] the table has no column
    [query] the query's result has no column
   *[other] the file has no column
  } `{$field}`: every row of it was read with `{$field}` missing, and { $count ->
    [one] the rule {$rules} reads it
   *[other] { $more ->
        [0] the rules {$rules} read it
       *[other] the rules {$rules} and {$more} more read it
    }
  }; add the { $document ->
    [yes] field
   *[other] column
  } if the company records it
# A mapped file's column named nearly as a field the entry leaves to its implicit column.
review-mapped-near-miss-column = {$file} has no column `{$field}` but a column `{$column}` that nothing reads: did you mean `{$field}`? Map it under `columns:` (`{$field}: {$column}`) or rename the column; the file was not read
review-timeout-too-long = `timeout_seconds: {$seconds}` is longer than custodia accepts (at most {$max}, a week)
review-header-row-too-large = `header_row: {$row}` is beyond the rows a header can be below (at most {$max}); write the line of the header, counted from 1
review-header-row-past-end = the file has {$lines} lines and `header_row: {$row}` in custodia.yaml is below them: is `header_row` right? nothing was read
# A database source of a log or table returned no row (docs/databases.md).
review-empty-db-source = the database returned no rows for `{$collection}`, so { $count ->
    [one] the rule {$rules} had
   *[other] the rules {$rules} had
  } nothing to check in it; if rows were expected, check the `query:` (its `WHERE`) or the table
# A data file custodia did not read at all (review R2).
review-unread-sqlite = not read: a SQLite database that no entry names; read its tables through custodia.yaml (`inventory: {"{"} url: "sqlite://{$file}", table: … {"}"}`, docs/databases.md), or list it under `ignore:` in custodia.yaml
review-unread-compressed = not read: a compressed or archived file; unpack its data files into the case (custodia does not open archives), or list it under `ignore:` in custodia.yaml
account-reads-as-table = not read, yet it reads as a table ({$columns} columns, as many in each of its first rows): if it is a log or a table, name it .csv and read it (docs/inputs-and-reports.md); if not, list it under `ignore:` in custodia.yaml
account-reads-as-json-lines = not read, yet it reads as JSON lines (one object a line): if it is a log or a table, name it .jsonl and read it (docs/inputs-and-reports.md); if not, list it under `ignore:` in custodia.yaml
review-unread-other-format = not read: custodia cannot open .{$ext} files; export it to .xlsx or .csv, or list it under `ignore:` in custodia.yaml
review-unread-word = not read: a word-processor document (Word, WPS or LibreOffice Writer); custodia cannot read such documents. If it holds a table of the case's data (a destruction or handover register kept in Word), export the table to .xlsx or .csv; otherwise list it under `ignore:` in custodia.yaml
account-workbook-like = not read: {$what} under a name custodia does not read as a workbook; { $rename ->
        [yes] rename it to end in .{$save_as} (or save it as .{$save_as} in Excel, WPS or LibreOffice)
       *[no] save it as .{$save_as} in Excel, WPS or LibreOffice
    }, then name it inventory.{$save_as}, put it under logs/, or map it in custodia.yaml; or list it under `ignore:` in custodia.yaml
load-workbook-like = `{$name}` is {$what} under a name custodia does not read as a workbook, so it was not read as text; { $rename ->
        [yes] rename it to end in .{$save_as} (or save it as .{$save_as} in Excel, WPS or LibreOffice)
       *[no] save it as .{$save_as} in Excel, WPS or LibreOffice
    }; it was not read
workbook-like-xlsx = an Excel workbook (an .xlsx, a template or an add-in)
workbook-like-xls = an Excel 97-2003 or WPS workbook (an .xls, .et or a template)
workbook-like-ods = an OpenDocument spreadsheet
workbook-like-fods = a flat OpenDocument spreadsheet (.fods)
workbook-like-web-page = a web page holding a table (as OA systems write an "export to Excel")
review-empty-format = `format:` of `{$field}` lists no date form, so no value could be read; list the file's forms (`YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日`, `YYYYMMDD`, `excel`) or remove `format:`
review-unnamed-column-with-values = a column has no name in the header but holds values below it; name it after its field (or map it in custodia.yaml), or delete it if it is not data

## Spark in place

# A `spark:` source (docs/spark.md, "Reading in place") when the rules run natively.
spark-in-place-native = `{$source}` is read by Spark in place (`spark:`); custodia's own engine cannot read it: check with `--engine spark`
# A `spark:` source whose entry or collection the compiler cannot read in place.
spark-in-place-refused = custodia.yaml line {$line}: `{$source}` cannot be read in place: {$why}
# Spark returned no count of the rows it read of a source: never a pass.
spark-in-place-no-count = the Spark job's result has no count of the rows read of `{$source}`; no report was written
# A row of a source read in place that custodia cannot place or type.
spark-in-place-bad-row = the Spark job returned a row of `{$collection}` custodia cannot read back ({$why}); no report was written
# Why a source cannot be read in place (`spark-in-place-refused`'s {$why}).
spark-in-place-no-field = `{$coll}` has no field `{$field}`
spark-in-place-column-only = field `{$field}`: only `column` is read in place (not `values`, `format`, `separator`, `lookup` or `constant`)
spark-in-place-type = field `{$coll}.{$field}` is a duration or a list; in place custodia reads text, numbers, bools, dates and datetimes
spark-in-place-too-many = too many sources read in place
spark-in-place-no-record = the schema declares no record
spark-in-place-no-kind = a log read in place names its event kind (`kind: access`)
spark-in-place-no-collection = the schema declares no {$kind} `{$name}`
# Why a row of a source read in place cannot be read back (`spark-in-place-bad-row`'s {$why}).
spark-row-not-json = not JSON
spark-row-no-place = no row number, file or line
spark-row-field = field `{$field}`

## serde's frame around a bad value in custodia.yaml (src/i18n/serde_frame.rs)
serde-unknown-field = unknown field `{$name}`, expected one of {$expected}
serde-unknown-field-none = unknown field `{$name}`: no key is accepted here
serde-unknown-variant = unknown variant `{$name}`, expected one of {$expected}
serde-missing-field = missing field `{$name}`
serde-duplicate-field = duplicate field `{$name}`
serde-invalid-type = invalid type: {$found}, expected {$expected}
serde-invalid-value = invalid value: {$found}, expected {$expected}
serde-no-variant = the value has none of the forms this key accepts
serde-expected-list = expected a list here
serde-expected-mapping = expected a mapping (`key: value`) here
serde-expected-scalar = expected a single value here
serde-not-an-int = not a valid number: expected {$ty}
serde-found-string = string {$value}
serde-found-integer = integer {$value}
serde-found-float = floating point {$value}
serde-found-boolean = boolean {$value}
serde-found-char = character {$value}
serde-found-list = sequence
serde-found-mapping = map
serde-found-null = null
serde-expected-string = a string
serde-expected-boolean = a boolean
serde-expected-a-list = a sequence
serde-expected-a-mapping = a map
serde-expected-count = a whole number from 0 up
serde-expected-integer = a whole number

## --profile on standard error (src/eval/profile.rs)
profile-head = profile: {$total} on {$threads} { $threads ->
    [one] thread
   *[other] threads
  } (rule and index times are summed over threads; rule times are estimated from one subject in 64)
profile-col-phase = phase
profile-col-wall = wall
profile-col-rule = rule
profile-col-time = time
profile-col-subjects = subjects
profile-col-matches = matches
profile-col-violations = violations
profile-col-index = index
profile-col-keys = keys
profile-col-rows = rows
profile-phase-policies = policies: parse and check
profile-phase-inputs = inputs: read and type
profile-phase-indexes = indexes
profile-phase-rules = rules
profile-phase-builtins = built-in checks
profile-phase-report = report: waivers, build and render
profile-index-id = {$name} (id)
profile-index-join = {$name} (join)
profile-index-symbols = {$name} (symbol -> row)
profile-index-ref = {$name} (ref -> {$target})

## The command line: --help and usage errors (src/main.rs, src/cli/usage.rs)
## (`cli-about-*` and `cli-arg-*` are the doc comments of src/main.rs, word for word in English)
cli-about = Policy-as-code checks for customer records at company deregistration
cli-arg-color = Colour: auto (a terminal, unless NO_COLOR is set non-empty; always when FORCE_COLOR is set non-empty), always or never
cli-arg-lang = Language of custodia's own words: zh or en. Default: `lang:` in custodia.yaml, else the locale (LC_ALL, LC_MESSAGES, LANG), else en
cli-about-check = Check a case directory against its policy set
cli-arg-check-case = The case directory
cli-arg-check-policies = A policy file or folder (repeatable); replaces the case's policies/
cli-arg-check-packs = A built-in pack (repeatable)
cli-arg-check-inventory = The inventory file
cli-arg-check-logs = An event log file or folder (repeatable)
cli-arg-check-tables = A table as NAME=FILE (repeatable)
cli-arg-check-company = The company facts file (company.yaml)
cli-arg-check-as-of = The evaluation date (YYYY-MM-DD); default from custodia.yaml, else today
cli-arg-check-tz = The case time zone (IANA name); default from custodia.yaml, else UTC
cli-arg-check-format = Output format
cli-arg-check-outputs = FORMAT=PATH: also write that report (repeatable; sarif, junit, json, github, markdown, html, human, codequality). A plain PATH receives the --format report instead of standard output
cli-arg-check-baseline = An earlier JSON report: mark violations new or baseline, list fixed ones; --fail-on counts only new ones
cli-arg-check-fail-on = Lowest severity that makes the exit status 1
cli-arg-check-allow-not-checked = Accept rules not checked for want of data or because they compare with a value a typo away from the data's, objects a rule could not decide (a value its `where` or `when` needs is missing) and an empty inventory: the exit status is then decided by --fail-on alone. Without it, they make the exit status 2. The verdict says NOT FULLY CHECKED either way
cli-arg-check-allow-skipped = Accept data that a `skip:` or an `ignore:` of custodia.yaml left out: the exit status is then decided by --fail-on alone. Without it, they make the exit status 2. The verdict says NOT FULLY CHECKED either way
cli-arg-check-repo-root = The repository root that SARIF, GitHub annotations and Code Quality name files from; default: the nearest folder above the case with `.git`
cli-arg-check-strict = Undeclared columns, and the columns of a mapped file that no entry of custodia.yaml reads, are input errors rather than notes
cli-arg-check-encoding = Text encoding of the data files, e.g. gb18030 for CSV saved by Excel on a Chinese system; default UTF-8 (a byte-order mark overrides it)
cli-arg-check-threads = Worker threads, 1 to 256 (default: one per available core); the report does not depend on it
cli-arg-check-parse-only = Read and type the inputs, then stop without evaluating any rule (for benchmarks)
cli-arg-check-profile = After the report, print on stderr the time spent per phase, rule and index
cli-arg-check-max-per-rule = Findings the human report shows per rule (the rest are counted)
cli-arg-check-all = Show every finding in the human report
cli-arg-check-summary-only = The audit report (markdown, html) as its summary page only
cli-arg-check-engine = Where the rules are evaluated: here, or on Apache Spark (docs/spark.md)
cli-arg-check-spark-master = The Spark master for --engine spark: local[N], spark://HOST:PORT, yarn
cli-arg-check-spark-conf = A Spark setting KEY=VALUE for --engine spark (repeatable)
cli-about-validate = Parse and type-check a policy set without data
cli-arg-validate-paths = Policy files or folders
cli-arg-validate-deny-warnings = Exit 1 when there are warnings (for CI)
cli-arg-validate-as-of = The date waivers are measured from (YYYY-MM-DD); default today
cli-about-packs = List the built-in policy packs with their rules and citations
cli-about-test = Run the `test` blocks of a policy set and report clause coverage
cli-arg-test-paths = Policy files or folders
cli-arg-test-as-of = The evaluation date (YYYY-MM-DD) for `as_of`; default today
cli-arg-test-tz = The time zone of the tests (IANA name); default UTC
cli-arg-test-coverage-threshold = Fail (exit 1) when fewer than N% of the clauses are covered
cli-about-explain = Explain step by step how one rule evaluates for one subject
cli-arg-explain-rule = The rule to explain
cli-arg-explain-subject = The id of the subject (optional for a rule `for company`)
cli-arg-explain-case = The case directory
cli-arg-explain-policies = A policy file or folder (repeatable); replaces the case's policies/
cli-arg-explain-packs = A built-in pack (repeatable)
cli-arg-explain-as-of = The evaluation date (YYYY-MM-DD); default from custodia.yaml, else today
cli-arg-explain-tz = The case time zone (IANA name); default from custodia.yaml, else UTC
cli-about-schema = Print the effective schema (standard + extensions) as a table
cli-arg-schema-paths = Policy files or folders; none: the standard schema alone
cli-arg-schema-json-schema = Print a JSON Schema for the rows of this collection instead
cli-about-init = Write a first custodia.yaml mapping a folder of the company's own exports
cli-arg-init-dir = The case folder
cli-arg-init-files = The data files to map (default: every data file of the folder)
cli-arg-init-force = Replace an existing custodia.yaml
cli-about-completions = Print a shell completion script (bash, zsh, fish, elvish, powershell)
cli-about-man = Print the man page (roff)
cli-arg-man-command = A command whose own page to print (custodia-check(1): `custodia man check`)
cli-about-compile = Compile a case's policy set to SQL for a distributed engine (docs/spark.md)
cli-arg-compile-case = The case directory
cli-arg-compile-target = The SQL dialect
cli-arg-compile-output = Write the script here instead of standard output
cli-arg-compile-stage = Also stage the case's data here, as the script reads it
cli-arg-compile-as-of = The evaluation date (YYYY-MM-DD); default from custodia.yaml, else today
cli-arg-compile-tz = The case time zone (IANA name); default from custodia.yaml, else UTC
cli-about-fmt = Rewrite policy files in the canonical layout
cli-arg-fmt-paths = Policy files or folders
cli-arg-fmt-check = Change nothing; print a diff and exit 1 when a file is not formatted
cli-about-help = Print this message or the help of the given subcommand(s)
cli-flag-help = Print help
cli-flag-version = Print version
cli-usage-heading = Usage:
cli-heading = {$heading}:
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-possible-values = possible values: {$values}
cli-default = default: {$value}
cli-spec = {" "}[{$spec}]
cli-spec-sep = {"; "}
# Usage errors (shown in Chinese; English shows clap's own, which these follow).
cli-error = error: {$message}
cli-error-unknown-argument = unexpected argument `{$arg}`
cli-error-unknown-command = unrecognized subcommand `{$name}`
cli-error-missing-value = a value is required for `{$arg}` but none was supplied
cli-error-bad-value = invalid value `{$value}` for `{$arg}`
cli-error-bad-value-one-of = invalid value `{$value}` for `{$arg}`; possible values: {$values}
cli-error-bad-value-because = invalid value `{$value}` for `{$arg}`: {$reason}
cli-error-missing-argument = the following required arguments were not provided: {$args}
cli-error-conflict = `{$arg}` cannot be used with `{$other}`
cli-error-repeated = `{$arg}` cannot be used multiple times
cli-error-no-equals = `{$arg}` takes its value after `=`
cli-error-too-many-values = unexpected value `{$value}` for `{$arg}`
cli-did-you-mean = tip: did you mean {$names}?
cli-usage = Usage: {$usage}
cli-more = For more information, try `{$command}`.
# The reasons of custodia's value parsers (src/main.rs), in clap's errors.
cli-expected-lang = expected zh or en, found `{$value}`
cli-expected-percent = expected a percentage from 0 to 100, found `{$value}`
cli-expected-form = expected {$form}, found `{$value}`
cli-expected-threads = expected a number of threads from 1 to {$max}, found `{$value}`
cli-or = {" or "}

# Spark engine (spark5): the columns of a source read in place; errors raised while the job runs
spark-bad-columns = the columns of a source read in place
sql-ref-text-type = a value of this type holding the text of a reference into a collection with `pii` fields cannot be tested for an id in SQL
spark-run-failed = error: the Spark job stopped: {$reason}; no rule was evaluated
spark-run-cell-missing = {$source} {$file} row {$row}: field `{$field}` is missing
spark-run-cell-enum = {$source} {$file} row {$row}: field `{$field}` is none of its values
spark-run-cell-int = {$source} {$file} row {$row}: field `{$field}` is not a whole number
spark-run-cell-decimal = {$source} {$file} row {$row}: field `{$field}` is not a number
spark-run-cell-bool = {$source} {$file} row {$row}: field `{$field}` is not true or false
spark-run-cell-date = {$source} {$file} row {$row}: field `{$field}` is not a date (YYYY-MM-DD)
spark-run-cell-datetime = {$source} {$file} row {$row}: field `{$field}` is not a datetime (RFC 3339, or local YYYY-MM-DD HH:MM[:SS])
spark-run-cell-type = {$source} {$file} row {$row}: field `{$field}` cannot be read in place
spark-run-cell-excel-error = {$source} {$file} row {$row}: field `{$field}` holds an Excel error (#N/A, #REF! ...), not a value
spark-run-cell-encoding = {$source} {$file} row {$row}: field `{$field}` holds bytes that are not UTF-8 (Spark reads a CSV or JSON Lines file in place as UTF-8); save the file as UTF-8, or let custodia read it (an entry without `spark:`)
spark-run-too-many-rows = {$source}: too many files or rows to number
spark-run-date-plus-hours = a date plus a duration with hours is not compiled
# The rare usage errors and clap's tips (src/cli/usage.rs), and the
# reason of `--max-per-rule`'s parser (src/main.rs).
cli-error-missing-command = `{$name}` requires a command; the commands are {$commands}
cli-error-invalid-utf8 = an argument is not valid UTF-8
cli-error-too-few-values = `{$arg}` takes at least {$min} values, {$actual} given
cli-error-wrong-number-of-values = `{$arg}` takes {$expected} values, {$actual} given
cli-tip-pass-as-value = tip: to pass `{$arg}` as a value, write `{$written}`
cli-tip-remove-dashes = tip: `{$name}` is a command; to run it, remove the `--` before it
cli-tip-option-of-command = tip: `{$arg}` is an option of `{$command}`; write it after the command
cli-expected-count = expected a whole number from 0 up, found `{$value}`
# The section headings of `custodia man` (src/cli/manual.rs), as man pages
# write them.
man-section-name = NAME
man-section-synopsis = SYNOPSIS
man-section-description = DESCRIPTION
man-section-options = OPTIONS
man-section-extra = EXTRA
man-section-version = VERSION
man-section-authors = AUTHORS
man-unknown-command = error: custodia has no command `{$name}`; a page can be printed for: {$commands}
# A rule's `where` or `when` was unknown (not false) for some subjects, which were therefore not checked.
eval-condition-unknown = rule `{$rule}` (line {$line}) did not check {$count ->
    [one] one subject of `{$collection}`
   *[other] {$count} subjects of `{$collection}`
} ({$ids}{$more ->
    [0] {""}
   *[other] {" "}and {$more} more
}): its `where` or `when` is unknown for {$count ->
    [one] it
   *[other] them
}, as a value it needs is missing or a ref names nothing; fill the value, or decide the missing case in the condition (`x is missing or …`)
audit-rule-unmatched = did not test what is written: it compares {$values}
audit-rule-never-true = not checked: {$why}
audit-rule-unknown-subjects = {$count ->
    [one] did not check one subject: its `where` or `when` could not decide it (a value it needs is missing; see the notes)
   *[other] did not check {$count} subjects: its `where` or `when` could not decide them (a value it needs is missing; see the notes)
}
audit-rule-insufficient = could not decide its requirement in {$count ->
    [one] one finding
   *[other] {$count} findings
} of insufficient evidence (a value it needs is missing; see its findings): { $count ->
    [one] that subject was
   *[other] those subjects were
} not checked
# A provision the rules citing it pass, but of which a part is declared unchecked (a tag `unchecked CITATION: WHAT`; h24b F05).
audit-partly-checked = partly checked (not checked: {$parts})
audit-notes-heading = Notes
audit-note-text = {" "}{$message}

## An operating system's read and write errors (src/i18n/io_error.rs). English
## shows the system's own text; these words are the Chinese catalogue's counterparts.

io-error = {$kind} ({$raw})
io-kind-not-found = no such file or folder
io-kind-permission-denied = permission denied
io-kind-already-exists = a file or folder of that name already exists
io-kind-is-a-directory = this is a folder, not a file
io-kind-not-a-directory = a part of the path is not a folder
io-kind-directory-not-empty = the folder is not empty
io-kind-storage-full = the disk is full
io-kind-quota-exceeded = the disk quota is exceeded
io-kind-file-too-large = the file is larger than the file system allows
io-kind-read-only-filesystem = the file system is read-only
io-kind-invalid-data = the data is invalid or damaged
io-kind-unexpected-eof = incomplete: the data ends midway
io-kind-invalid-input = invalid argument
io-kind-invalid-filename = invalid file name (too long, or a character not allowed)
io-kind-filesystem-loop = symbolic links form a loop
io-kind-stale-network-file-handle = stale network file handle (the remote file was deleted or moved)
io-kind-resource-busy = the resource is busy
io-kind-executable-file-busy = the executable file is busy
io-kind-crosses-devices = cannot cross disks or file systems
io-kind-too-many-links = too many links
io-kind-not-seekable = cannot seek in it (a pipe or a stream)
io-kind-write-zero = nothing could be written
io-kind-broken-pipe = broken pipe: the reading end is closed
io-kind-interrupted = the operation was interrupted
io-kind-timed-out = the operation timed out
io-kind-would-block = the operation cannot complete now
io-kind-out-of-memory = out of memory
io-kind-unsupported = unsupported operation
io-kind-connection-refused = connection refused
io-kind-connection-reset = connection reset by the other side
io-kind-connection-aborted = connection aborted
io-kind-not-connected = not connected
io-kind-host-unreachable = host unreachable
io-kind-network-unreachable = network unreachable
io-kind-network-down = the network is down
io-kind-addr-in-use = address in use
io-kind-addr-not-available = address not available
io-kind-other = read or write error
spill-file-gone = the violations' file is gone
spill-run-cut = a spilled run is cut

## The standard schema's descriptions (policies/std/schema.policy), by
## collection and field; the English is the comment there (a test keeps them equal)

std-schema-record = inventory: one row per record (资料) in the catalogue (资料目录)
std-schema-record-id = catalogue or archive number (档案号)
std-schema-record-title = 资料名称
std-schema-record-class = 一般/敏感/重要资料; empty = not yet classified
std-schema-record-category = record type; its schedule row gives period, trigger and citation
std-schema-record-subject = number of the customer the record is about (not the name)
std-schema-record-subject_name = the customer's name
std-schema-record-phone = the customer's phone number
std-schema-record-personal_info = holds personal information (个人信息保护法 第四条)
std-schema-record-sensitive_personal_info = holds sensitive personal information (个人信息保护法 第二十八条)
std-schema-record-medium = 存储介质
std-schema-record-location = cabinet, room or system where it is kept (存放位置)
std-schema-record-created = 形成日期; for accounting records, a day of the fiscal year it belongs to
std-schema-record-closed = the day the matter ended (contract ended, asset scrapped, customer left)
std-schema-record-period_end = retention expiry as registered in the catalogue; the packs compute their own from the schedule
std-schema-record-status = where the record stands now
std-schema-record-legal_hold = litigation or investigation pending: must not be destroyed
std-schema-record-unsettled = concerns an unsettled debt or open matter (未结清的债权债务)
std-schema-record-encrypted = stored encrypted (electronic records)
std-schema-record-deidentified = stored de-identified (去标识化, 个人信息保护法 第七十三条第三项): no one identifiable without additional information
std-schema-record-backup_location = where the backup copy is kept; empty = no backup
std-schema-access = the consultation register (查阅、复制、借出登记)
std-schema-access-record = the record consulted, copied or lent
std-schema-access-actor = the employee who did it
std-schema-access-action = 查阅 / 复制 / 借出
std-schema-access-purpose = why; required for every entry
std-schema-access-approved_by = who approved a copy or a loan
std-schema-access-borrower = for a loan: who took it
std-schema-access-external = for a loan: the borrower is outside the company
std-schema-change = changes to a record (资料变更记录)
std-schema-change-record = the record changed
std-schema-change-actor = who changed it
std-schema-change-reason = why it was changed
std-schema-change-reviewed_by = who reviewed the change (变更审核)
std-schema-appraisal = appraisal opinions (鉴定意见书) on expired records
std-schema-appraisal-record = the record appraised
std-schema-appraisal-conclusion = destroy it, or keep it longer
std-schema-appraisal-appraisers = the members of the appraisal group
std-schema-appraisal-opinion_no = number of the written opinion
std-schema-appraisal-lead = the archives-office member who led the group (牵头, 第十七条)
std-schema-appraisal-accounting_member = the member from the accounting office (第十七条)
std-schema-appraisal-audit_member = the member from audit, staff or external (第十七条)
std-schema-appraisal-keep_until = conclusion keep: the last day of the new period (重新划定保管期限, 第十六条)
std-schema-destruction = the destruction register (会计档案销毁清册)
std-schema-destruction-record = the record destroyed
std-schema-destruction-method = how it was destroyed
std-schema-destruction-place = where it was destroyed
std-schema-destruction-register_no = the archive's volume number in the destruction register
std-schema-destruction-volumes = number of volumes (卷数)
std-schema-destruction-retention_required = the retention period that applied (应保管期限)
std-schema-destruction-retention_served = how long it was kept (已保管期限)
std-schema-destruction-approved_by = the company head who signed it off (单位负责人)
std-schema-destruction-archives_head = head of the archives office, signing
std-schema-destruction-accounting_head = head of the accounting office, signing
std-schema-destruction-archives_handler = handler in the archives office, signing
std-schema-destruction-accounting_handler = handler in the accounting office, signing
std-schema-destruction-archives_supervisor = supervisor (监销人) from the archives office
std-schema-destruction-accounting_supervisor = supervisor (监销人) from the accounting office
std-schema-destruction-it_supervisor = supervisor from IT, for electronic archives
std-schema-destruction-vendor = the outside company entrusted with destroying it (受托人), if one
std-schema-destruction-processing_record = by a vendor: the record of this entrusted processing (处理情况记录, 个人信息保护法 第五十六条第二款)
std-schema-handover = transfers to a custodian (移交清册)
std-schema-handover-record = the record handed over
std-schema-handover-custodian = who keeps it from now on
std-schema-handover-handled_by = the employee who handed it over
std-schema-handover-received_by = the custodian's person who signed for it
std-schema-handover-supervised_by = the company's supervisor of the handover (监督人, 第二十四条)
std-schema-handover-receiver_supervisor = the custodian's supervisor who signed (第二十四条)
std-schema-handover-register_no = entry number in the handover register (会计档案移交清册)
std-schema-handover-volumes = number of volumes (卷数)
std-schema-handover-retention_required = the retention period that applies (应保管期限)
std-schema-handover-retention_served = how long it has been kept (已保管期限)
std-schema-handover-processing_record = personal information: the record of this provision (处理情况记录, 个人信息保护法 第五十六条第二款)
std-schema-notification = notices to individuals and creditors
std-schema-notification-subject = customer or creditor number of the person told
std-schema-notification-record = the record the notice is about, if one
std-schema-notification-topic = what the notice is about
std-schema-notification-channel = how it was given
std-schema-notification-recipient = the address, number or name it went to
std-schema-notification-new_holder = transfer notices: the name of the party receiving the data
std-schema-notification-new_holder_contact = transfer notices: how to reach that party
std-schema-announcement = public announcements (公告)
std-schema-announcement-topic = what was announced
std-schema-announcement-medium = where: 国家企业信用信息公示系统, a newspaper, the website
std-schema-announcement-until = last day of the publication period
std-schema-archival = archiving of a record (归档记录, 指引 三.2, 三.6)
std-schema-archival-record = the record archived
std-schema-archival-location = where it was archived
std-schema-archival-actor = who archived it
std-schema-creditor_payment = payments to creditors during the liquidation (清偿)
std-schema-creditor_payment-creditor = the creditor paid, as in the creditor notices' subject
std-schema-creditor_payment-amount = how much
std-schema-creditor_payment-declared = the day the creditor declared its claim (申报债权, 公司法 第二百三十五条第一款)
std-schema-backup = backups made (数据备份)
std-schema-backup-record = the record backed up
std-schema-backup-location = where the copy went
std-schema-inspection = inspections of storage (定期检查)
std-schema-inspection-location = the place inspected, as in record.location
std-schema-inspection-inspector = who inspected it
std-schema-inspection-result = what was found
std-schema-review = compliance reviews (合规审查)
std-schema-review-scope = what was reviewed
std-schema-review-reviewer = who reviewed
std-schema-review-result = the outcome
std-schema-assessment = personal-information impact assessments (个人信息保护影响评估)
std-schema-assessment-category = the record type whose processing was assessed
std-schema-assessment-scope = the processing assessed (第五十五条)
std-schema-assessment-report = the assessment report, as a record of the catalogue
std-schema-breach = personal-information incidents (个人信息泄露)
std-schema-breach-record = the record affected, if one
std-schema-breach-types = kinds of personal information affected
std-schema-breach-cause = cause and possible harm
std-schema-breach-remedies = what was done and what individuals can do
std-schema-breach-contact = who individuals can contact
std-schema-breach-high_risk = likely to cause serious harm to individuals (GDPR Art. 34)
std-schema-breach-unlikely_risk = unlikely to result in a risk to individuals (GDPR Art. 33(1))
std-schema-breach-harm_avoided = measures taken effectively avoid harm (个人信息保护法 第五十七条第二款)
std-schema-breach-regulator_notified = when the regulator was told
std-schema-breach-individuals_notified = when the individuals were told
std-schema-subject_request = requests from individuals (rights of access, erasure, ...)
std-schema-subject_request-subject = number of the person asking
std-schema-subject_request-right = the right exercised
std-schema-subject_request-answered = when the request was answered
std-schema-subject_request-outcome = how it was answered
std-schema-subject_request-extended = the person was told within a month that the answer is extended (GDPR Art. 12(3))
std-schema-staff = the staff roster
std-schema-staff-id = staff number
std-schema-staff-name = full name
std-schema-staff-role = job
std-schema-staff-authorized_from = first day of access rights
std-schema-staff-authorized_to = last day of access rights; empty = still authorized
std-schema-staff-may_read_pii = cleared to read personal information
std-schema-staff-designated_handover = designated to hand records over (交接专人)
std-schema-retention_schedule = one row per record type (category)
std-schema-retention_schedule-id = the category, as in record.category
std-schema-retention_schedule-title = its name, e.g. 记账凭证
std-schema-retention_schedule-series = the kind of archive
std-schema-retention_schedule-period = how long it is kept, e.g. "30 years" or "permanent"
std-schema-retention_schedule-trigger = when the clock starts: at creation, the day after the fiscal year, or when the matter ends
std-schema-retention_schedule-statutory = a law sets the period, so it is kept even after its purpose ends
std-schema-retention_schedule-citation = the provision that sets the period
std-schema-retention_schedule-annex1_item = accounting: the item (序号) of 会计档案管理办法 附表1 the category is
std-schema-vendor = companies entrusted with personal information (受托人, 个人信息保护法 第二十一条)
std-schema-vendor-id = vendor number
std-schema-vendor-name = the entrusted company
std-schema-vendor-contract_signed = the day the entrustment agreement (委托处理协议) was signed
std-schema-vendor-contract_ends = the last day of its term (期限), which the agreement must fix (第二十一条)
std-schema-vendor-purpose = what it is entrusted to do (委托处理的目的)
std-schema-vendor-method = how it processes the information (处理方式)
std-schema-vendor-pi_types = the kinds of personal information (个人信息的种类)
std-schema-vendor-protection = the protection measures agreed (保护措施)
std-schema-custodian = who keeps records after deregistration
std-schema-custodian-id = custodian number
std-schema-custodian-name = organisation or person
std-schema-custodian-contact = address or phone
std-schema-processing_activity = the record of processing activities (GDPR Art. 30)
std-schema-processing_activity-id = activity number
std-schema-processing_activity-category = the record type processed
std-schema-processing_activity-purpose = why it is processed
std-schema-processing_activity-legal_basis = Art. 6 basis
std-schema-processing_activity-recipients = who receives the data
std-schema-processing_activity-retention = how long it is kept
std-schema-company = the company facts (company.yaml)
std-schema-company-name = registered name
std-schema-company-credit_code = 统一社会信用代码, 18 characters
std-schema-company-dissolution_cause = the day the cause of dissolution arose (e.g. the shareholders' resolution)
std-schema-company-dissolution_reason = 公司法 第二百二十九条第一款 第一至五项
std-schema-company-liquidation_group_formed = the day the liquidation group (清算组) was formed
std-schema-company-liquidation_finished = the day the liquidation report was confirmed
std-schema-company-deregistration_filed = the day deregistration was applied for
std-schema-company-deregistration_kind = 普通注销 / 简易注销
std-schema-company-invoices_cancelled = the day unused invoices were cancelled (发票缴销, 税收征收管理法实施细则 第十六条)
std-schema-company-tax_deregistered = the day the tax registration was cancelled (清税, 实施细则 第十五条)

## What each pack does not check (src/packs.rs, `unchecked_duties`; docs/packs.md, "What the packs do not check")
pack-unchecked-destruction-effect = whether a destruction made the data unrecoverable, and whether its method suited the medium: only the method is recorded
pack-unchecked-appraisal-opinion = what an appraisal opinion says (会计档案管理办法 第十六条, 第十七条): only that the appraisal was made, by whom, and its conclusion
pack-unchecked-custodian = whether the custodian that keeps the archives is a proper one (会计档案管理办法 第二十条, 档案法 第十六条): only that one is named
pack-unchecked-electronic-metadata = the metadata handed over with electronic archives (会计档案管理办法 第二十四条第四款)
pack-unchecked-separate-consent = separate consent for sensitive personal information (个人信息保护法 第二十九条)
pack-unchecked-breach-immediately = whether a breach was notified immediately, 立即 (个人信息保护法 第五十七条第一款): only that the notices were given, not before the incident
pack-unchecked-notice-reached = whether a notice actually reached the person
pack-unchecked-transfer-contact = whether the recipient's contact details in a transfer notice are correct (个人信息保护法 第二十二条)
pack-unchecked-entrusted-supervision = the supervision of an entrusted party, and the return or deletion of the data when the entrustment ends (个人信息保护法 第二十一条)
pack-unchecked-disclosure = the disclosure (公开) of personal information (个人信息保护法 第五十五条第三项)
pack-unchecked-simplified-allowed = whether simplified deregistration was allowed at all: no debts during the company's existence, or all paid, and the undertaking of all shareholders (公司法 第二百四十条)
pack-unchecked-no-new-business = whether the company did business unrelated to the liquidation during it, or distributed property to the shareholders before the debts were paid (公司法 第二百三十六条第三款), or did business unrelated to the deregistration after filing it (市场主体登记管理条例实施细则 第四十四条)
pack-unchecked-claims-register = whether the liquidation group registered the claims declared to it (公司法 第二百三十五条第二款)
pack-unchecked-tax-settled = whether the taxes due, late fees and fines were paid before the tax registration was cancelled (税收征收管理法实施细则 第十六条): only the days the invoices and the tax registration were cancelled are checked
pack-unchecked-catalogue-complete = whether the catalogue is complete: the rules judge the records it lists, so the vouchers, books and liquidation report of the liquidation period, and the destruction registers, appraisal opinions and handover registers that destructions, appraisals and handovers produce, are not checked when the catalogue leaves them out (会计档案管理办法 第六条, 第二十条)
pack-unchecked-guide-conduct = the guide's duties that leave no record in the data: procedures and plans, staff vetting and training, physical and storage conditions, contract clauses, feedback and improvement programmes (客户资料指引 一, 二.3, 二.6, 三.4, 四.1, 四.4–四.6, 五.2–五.6, 六.6, 七.1, 七.2, 七.5, 七.6, 八.1–八.3, 八.6, 九.2, 九.5, 九.6, 十.2, 十.6, 十一.1, 十一.2, 十一.6, 十二.1, 十二.3–十二.5, 十三.1, 十三.2, 十三.5, 十四–二十)
pack-unchecked-gdpr-lawfulness = the lawfulness of each processing beyond the record of processing activities (GDPR Art. 6, Art. 30)
pack-unchecked-gdpr-undue-delay = how soon a granted erasure (GDPR Art. 17(1)) and the communication of a high-risk breach to the data subjects (Art. 34(1)) came: "without undue delay" is not put in days; only that they happened
audit-pack-limits = Duties of the law that the built-in packs used do not check (not checkable from the records, logs and tables), which the auditor must judge apart:
audit-pack-limits-item = does not check: {$duties}
