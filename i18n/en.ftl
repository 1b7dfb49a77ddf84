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

syntax-expected = expected {$list}
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
syntax-want-header-key = `version`, `owner` or `description`
syntax-want-collection = a collection (`record`, `event NAME`, `table NAME`, `company`)
syntax-want-field-decl = a field declaration (`name: type`)
syntax-want-type = a type
syntax-want-default = `=` and a default value
syntax-want-rule = a rule (`retention`, `access`, `destruction`, `notification` or `rule`)
syntax-want-severity = `error`, `warning` or `info`
syntax-want-given-field = a field (`name: value`)
syntax-want-outcome = `fails` or `passes`
syntax-want-expr = an expression
syntax-want-comparison = a comparison
syntax-want-presence = `set` or `missing`
syntax-want-direction = `after` or `before`
syntax-want-add-op = `+` or `-`
syntax-want-mul-op = `*` or `/`
syntax-want-aggregate = `count` or `exists`
syntax-want-tz-offset = a time-zone offset (`+08:00` or `Z`)

## Input-method slips in a policy (src/syntax/slips.rs)

slip-use-ascii = {$what} `{$char}`: use `{$ascii}`
slip-string-closed-full-width = this string starts with `"` and ends with the full-width quotation mark `{$mark}`: use `"`
slip-semicolon = full-width semicolon `{$char}`: the language has no `;`, remove it
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
check-allowed-values = allowed: {$list}
check-unknown-ref-target = `ref {$name}` names a collection that does not exist
check-unknown-ref-target-label = unknown collection
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
check-message-holes = the `{$has}` message fills a hole that the `{$lacks}` message does not
check-message-holes-label = the `{$has}` message
check-message-holes-help = both languages of a message fill the same holes (in any order): add it to the `{$lacks}` message or remove it here
check-message-holes-related = not in the `{$lacks}` message
check-let-too-deep = with the `let`s it uses written out, `{$name}` is nested more than {$limit} levels deep (the limit); use fewer levels of `let`s in `let`s
check-let-chain-too-long = `{$name}` ends a chain of more than {$limit} `let`s that use each other (the nesting limit); shorten the chain
fmt-would-not-read-back = formatted, this file would not read back ({$problem}); fmt adds parentheses around an `and` inside an `or`, which count towards the nesting limit: name parts of the expression with `let`

## validate, test, explain, fmt (src/app.rs, src/testing, src/explain_cmd.rs, src/fmt/cmd.rs)

validate-ok = ok: {$rules} rules, {$collections} collections, {$waivers} waivers, {$tests} tests
validate-warnings = {$count} warning(s)
explain-did-you-mean = ; did you mean `{$name}`?
explain-no-rule = error: the policy set has no rule `{$rule}`{$hint}
explain-give-subject = error: give the subject with --subject ID (an id of a `{$collection}`)
explain-no-subject = error: no `{$collection}` has the id `{$id}`{$hint}
explain-input-errors = note: {$count} input error(s); rows with errors are left out (run `custodia check` to see them)
explain-as-of = as of {$as_of} ({$zone})
explain-rule-header = rule {$rule} ({$kind}){$title}
    {"  "}defined at {$place}
explain-subject = subject: {$collection} {$object}
explain-with = with {$var} = {$object}:
explain-not-a-subject = not a subject: the `where` does not hold, so `{$rule}` does not apply
explain-fails = fails: {$count} clause check(s) failed
explain-passes = passes: every clause that applies held
explain-result = result: {$verdict}
explain-held = held
explain-unknown = unknown: a value it needs is missing (counts as not holding)
explain-not-held = does not hold
explain-effect-passes = passes
explain-effect-fails = fails
explain-effect-forbidden = fails (forbidden)
explain-effect-holds = holds
explain-found-none = found no `{$collection}`: {$effect}
explain-found-none-unknown = found no `{$collection}` known to match (a value the condition needs is missing): {$effect}
explain-found = found {$count} `{$collection}`: {$objects}; {$effect}
explain-and-more = and {$count} more
test-no-tests = error: {$paths}: no `test` block in these policy files; nothing was tested
test-summary = {$count} test(s): {$passed} passed, {$failed} failed
test-coverage-below = coverage {$percent}% is below the threshold of {$min}%
test-given-at = given at {$place}: {$problem}
test-no-such-subject = the test gives no `{$collection}` with the id `{$id}`, so the expectation says nothing
test-expected-fails = expected: `{$rule}` fails
test-expected-fails-for = expected: `{$rule}` fails for {$subject}
test-expected-passes = expected: `{$rule}` passes
test-expected-passes-for = expected: `{$rule}` passes for {$subject}
test-happened-passes = happened: it passes; how it was evaluated:
test-happened-violations = happened: {$count} violation(s)
test-at = {" "}at {$place}
test-clause = clause: {$clause}
test-insufficient-evidence = outcome: insufficient evidence (a value is missing)
test-evidence = evidence: {$collection} {$place}
test-coverage = coverage: {$covered} of {$total} clauses made both to pass and to fail ({$percent}%)
test-coverage-rule = {$full} of {$total}
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
lint-unindexed-join = this {$what} has no equality the evaluator can index: it compares every `{$collection}` with every subject, which is slow on large data
lint-unindexed-join-label = no indexable equality
lint-unindexed-join-help = add a condition `FIELD == VALUE` on a field of the `{$collection}`, with a value known before it (as in `d.record == r.id`)
lint-unused-let = `{$name}` is never used
lint-unused-let-label = defined here
lint-unused-let-help = remove the `let`, or use the name in a later clause
lint-waiver-without-by = the waiver of `{$rule}` for "{$subject}" does not say who granted it
lint-waiver-without-by-label = no `by`
lint-waiver-without-by-help = add `by "name"`: an auditor asks who accepted the risk
lint-waiver-by-place = the waiver names "{$subject}", a line of a data file: `check` does not apply it
lint-waiver-by-place-label = a file and a line, not an object
lint-waiver-by-place-help = another row is on that line once the file is edited; waive the violation by its fingerprint: `for "fingerprint:…"` (in the JSON, SARIF and audit reports)
lint-waiver-too-long = the waiver runs until {$until}, more than a year after {$today}
lint-waiver-too-long-label = more than a year away
lint-waiver-too-long-help = grant waivers for a year at most and renew them after a review
lint-always-true = this `require` is always true, so it can never report anything
lint-always-true-help = check what the regulation asks for; a required field is always set
lint-never-true = this {$what} can never be true, so the rule checks nothing
lint-why-false = it is `false`
lint-why-true = it is `true`
lint-why-always-set = `{$path}` always has a value
lint-why-required = `{$path}` always has a value (required, or with a default)
lint-why-lists-every-value = the list names every value `{$path}` can have
lint-why-no-common-value = `{$a}` and `{$b}` have no value in common
lint-why-contradiction = `{$path}` would have to be one of {$first} and one of {$second} at once
lint-why-both = {$first}; {$second}

## Notes of a check (src/app.rs, src/packs.rs)

note-empty-policy-file = the policy file is empty
note-naive-datetimes = {$count} datetime(s) without an offset (first on line {$line}) were read in UTC because the case sets no time zone; set `time_zone` in custodia.yaml or pass --tz
note-posix-zone = the time zone `{$zone}` is UTC{$offset}: in these POSIX names the sign is inverted; for Beijing time write Asia/Shanghai
pack-note-none-used = no built-in pack was used: custodia.yaml says `packs: []`, so only the case's own policies were checked
pack-note-beside-own = the built-in packs {$packs} were checked beside the case's own policies; write `packs: []` in custodia.yaml to check only the case's policies
pack-note-own-record = the built-in packs {$packs} were not used: {$file} declares its own `record` schema and their rules need the standard one (write `extend record {"{"} ... {"}"}` instead to use them, or `packs: []` in custodia.yaml to say so)

## Input errors while reading data (src/data: convert.rs, rows.rs, loader.rs)

human-input-error = {$at}: {$message}

data-expected = expected {$expected}
data-expected-found = expected {$expected}, found {$found}
data-expected-found-list-number = expected {$expected}, found a number in the list
data-list-item = {$problem} (an item of the list)
data-found-list = a list
data-found-object = an object
data-found-number = a number
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
data-datetime-offset-beyond = {$base}; the offset `{$offset}` is beyond ±14:00, which no time zone uses
data-datetime-annotation-without-offset = {$base}; a time zone annotation such as `[Asia/Shanghai]` is read only after the offset it must agree with (`+08:00[Asia/Shanghai]`)
data-datetime-annotation-disagrees = {$base}; the offset does not agree with the time zone annotation at that time, or the zone is unknown
data-did-you-mean = ; did you mean `{$name}`?
data-unknown-event-kind = unknown event kind `{$kind}`; the schema declares {$kinds}{$hint}
data-required-field-missing = a required field is absent or empty
data-near-miss-column = column `{$column}` is not declared in the schema, and the declared field `{$field}` is absent: did you mean `{$field}`? rename the column; until then its values are not read and `{$field}` takes its default

## custodia packs (src/packs.rs)

packs-does-not-check = error: the built-in pack `{$pack}` does not check: {$errors}
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

## Spark in place

# A `spark:` source (docs/spark.md, "Reading in place") when the rules run natively.
spark-in-place-native = `{$source}` is read by Spark in place (`spark:`); custodia's own engine cannot read it: check with `--engine spark`
# A `spark:` source whose entry or collection the compiler cannot read in place.
spark-in-place-refused = custodia.yaml line {$line}: `{$source}` cannot be read in place: {$why}
# Spark returned no count of the rows it read of a source: never a pass.
spark-in-place-no-count = the Spark job's result has no count of the rows read of `{$source}`; no report was written
# A row of a source read in place that custodia cannot place or type.
spark-in-place-bad-row = the Spark job returned a row of `{$collection}` custodia cannot read back ({$why}); no report was written
