# custodia 自身输出的中文用语。每条消息在 en.ftl 中都有对应条目，且占位符
# 相同（见 tests/i18n.rs）。规则标题和违规说明来自策略文件，不在此处。

## 列表

list-separator = {"；"}
list-comma = {"、"}

## 结论与规则结果

verdict-incomplete = 检查不完整
verdict-not-compliant = 不合规
verdict-not-fully-checked = 未全部检查
verdict-compliant-with-findings = 合规（有待关注事项）
verdict-compliant = 合规
status-not-checked = 未检查（无数据）
status-violated = 违规
status-not-applicable = 不适用
status-passed = 通过
status-passed-with-waivers = 通过（含豁免）
severity-error = 错误
severity-warning = 警告
severity-info = 提示

## 未检查的内容

collection-inventory = 资料清单
collection-company = 公司信息（company.yaml）
collection-log = 日志 `{$name}`
collection-table = 数据表 `{$name}`
not-checked-no-source = 缺少{$data}，无法检查 {$rules}
not-checked-rules = 共 {$total} 条规则，其中 {$count} 条未检查（无数据）：{$missing}
not-checked-no-records = 资料清单中没有任何资料，针对资料的规则实际上均未检查
not-checked-nothing-applied = 没有任何规则适用于任何对象（全部规则均不适用）
value-missing = 缺失
waiver-no-approver = （未载明批准人）

## 各报告共用的标签

label-rule = 规则
label-severity = 严重程度
label-findings = 违规数
label-waived = 已豁免
label-result = 结果
label-not-read = 未读取
label-input-error-colon = 输入错误：
label-note-colon = 说明：
label-not-read-colon = 未读取：
label-packs-colon = 规则包：
label-fixed-colon = 已整改：

## 终端报告（--format human）

human-findings-by-rule = 各规则违规情况：
human-more-findings = …… 规则 {$rule} 另有 {$count} 项违规未列出（完整清单见 --format json，或加 --all）
human-not-checked = 未检查：未提供{$data}
human-not-checked-help = 同一原因：缺少{$data}，本规则对任何对象都无法检查；请补充该数据，或以 --allow-not-checked 明确接受
human-not-checked-findings = 本规则的 {$count} 项发现均因缺少该数据所致，完整清单见 --format json（或加 --all）
human-values = 取值：{$values}
human-insufficient-evidence = 结果：证据不足（数据未作记载，而非记载为否）
human-cite = 依据：{$cite}
human-waived = 已豁免，有效期至 {$until}，批准人 {$by}：{$because}
human-waived-tag = 【已豁免】
human-baseline-new = 【新增】
human-baseline-unchanged = 【基线已有】
human-clause-failed = 此条件未满足
human-subject = 检查对象：{$collection} `{$id}`
human-evidence = 证据：{$collection}
human-evidence-id = 证据：{$collection} `{$id}`
human-at = {$what}，位于 {$place}
human-input-field = 字段 `{$field}`
human-input-value = 值 `{$value}`
human-more-input-errors = 另有 {$count} 项（完整清单见 --format json）
human-run = custodia {$version} · 检查基准日 {$as_of} · 时区 {$zone}
human-checked = 以 {$rules} 条规则检查了 {$records} 条资料和 {$events} 条事件记录
human-rule-statuses = 规则：通过 {$passed} 条，违规 {$violated} 条，不适用 {$not_applicable} 条，未检查（无数据）{$not_checked} 条
human-violations = 违规：错误 {$error} 项，警告 {$warning} 项，提示 {$info} 项；已豁免 {$waived} 项；输入错误 {$input_errors} 项
human-baseline = 与基线 {$file} 比较：新增 {$new} 项，未变 {$unchanged} 项，已整改 {$fixed} 项（--fail-on 只计新增）
human-incomplete = 本次检查不完整：存在输入错误的行未纳入检查
human-verdict = 结论：{$verdict}
human-verdict-not-checked = 结论：{$verdict}；{$not_checked}
human-data-read = 规则读取的数据：
human-more-files = 等另 {$count} 个文件
human-file-input-errors = （输入错误 {$count} 项）
human-rows = { $count ->
   *[other] 行
}
human-no-source-unused = 未提供数据（读取它的规则均无检查对象）
human-no-source = 未提供数据，以下规则未检查：{$rules}

## 审计报告（--format markdown、--format html）

audit-title = 合规审计报告
audit-title-company = 合规审计报告：{$company}
audit-running-header = {$company} · 检查基准日 {$as_of}（{$zone}）
audit-company-name = 公司名称
audit-credit-code = 统一社会信用代码
audit-as-of = 检查基准日
audit-as-of-value = {$as_of}（时区 {$zone}）
audit-tool = 检查工具
audit-complete = 检查是否完整
audit-complete-yes = 完整
audit-complete-no = 不完整：部分输入无法读取，详见输入错误
audit-verdict = 检查结论
audit-verdict-counts = ：共 {$rules} 条规则（通过 {$passed} 条，违规 {$violated} 条，不适用 {$not_applicable} 条，未检查 {$not_checked} 条），检查资料 {$records} 条、事件记录 {$events} 条；违规事项：错误 {$error} 项，警告 {$warning} 项，提示 {$info} 项；已豁免 {$waived} 项；输入错误 {$input_errors} 项。
audit-verdict-not-checked = 部分内容未检查：{$text}；上述规则不计为通过。
audit-verdict-incomplete = 存在输入错误的行未纳入检查，结论仅覆盖能够读取的数据。
audit-verdict-baseline = 与基线 {$file} 相比：新增 {$new} 项，未变 {$unchanged} 项，已整改 {$fixed} 项。
audit-counts = 检查结果
audit-other-rules = 其余 {$count} 条规则均通过或不适用；全部规则见附录一。
audit-not-checked = 未检查事项及原因
audit-rule-lacks = 未检查：未提供{$data}
audit-rows-left-out = 输入错误 {$count} 项：相关行未纳入检查（见附录三）
audit-files-not-read = 案卷中有 {$count} 个文件或文件夹未读取（见附录三）
audit-everything-checked = 所有规则均有所需数据，所有输入行均已读取。
audit-inputs = 输入文件
audit-reviewer = 审核人
audit-date = 日期
audit-signature = 签字
audit-summary-only = 本摘要未附附录（全部规则、违规明细、豁免、输入错误及依据条文对照），因使用了 --summary-only；完整审计报告和 JSON 报告载有全部内容。
audit-appendix-results = 附录一　各规则检查结果
audit-appendix-violations = 附录二　违规明细（按规则）
audit-appendix-waivers = 附录三　豁免事项、输入错误及未读取的文件
audit-waivers = 豁免事项
audit-input-errors = 输入错误
audit-files-not-read-heading = 未读取的文件
audit-appendix-traceability = 附录四　依据条文对照（按条文顺序）
audit-results-by-kind = 按规则类别
audit-rule-heading = {$rule} {$title}（{$count} 项）
audit-findings = 发现事项
audit-more-findings = …… 另有 {$count} 项，以上按严重程度排列。
audit-step-summary-end = 每项违规的取值和证据详见本次运行的 JSON、SARIF 报告及审计报告。
audit-packs = 内置规则包
audit-pack-choice = 规则包选择
audit-none = 无
audit-none-found = 无。
audit-no-waiver = 无豁免事项。
audit-no-input-errors = 无：所有输入行均已读取。
audit-no-source = 未提供数据
audit-not-recorded = 未载明
audit-fixed = 基线以来已整改
audit-builtin-check = （内置检查）
audit-no-citation = （无依据条文）
audit-item-label = {$label}：
audit-outcome = 结果
audit-clause = 条件
audit-evidence = 证据
audit-values = 取值
audit-help = 整改建议
audit-fingerprint = 指纹
audit-col-kind = 类别
audit-col-rules = 规则数
audit-col-rule-list = 规则
audit-paren = （{$text}）
audit-col-findings = 违规数
audit-col-title = 规则名称
audit-col-subject = 检查对象
audit-col-where = 位置
audit-col-message = 说明
audit-col-file = 文件
audit-col-role = 用途
audit-col-rows = 行数
audit-col-why = 原因
audit-col-data = 数据
audit-col-source = 来源
audit-col-input-errors = 输入错误
audit-col-not-checked = 未检查的规则
audit-col-citation = 依据
audit-col-checked = 检查对象数
audit-col-violation = 违规事项
audit-col-reason = 理由
audit-col-approved-by = 批准人
audit-col-expires = 有效期至
audit-col-waiver = 豁免出处
audit-col-line = 行
audit-col-column = 列
audit-col-field = 字段
audit-col-value = 值
audit-col-problem = 问题
outcome-violated = 违规
outcome-insufficient-evidence = 证据不足
baseline-new = 新增
baseline-unchanged = 基线已有
kind-retention = 保管期限
kind-destruction = 销毁
kind-access = 查阅
kind-notification = 告知
kind-integrity = 数据完整性
kind-waiver = 豁免
kind-rule = 其他规则
role-manifest = 配置文件
role-company = 公司信息
role-inventory = 资料清单
role-log = 日志
role-table = 数据表
role-policy = 策略
role-record = 资料
role-event = 事件

## SARIF、JUnit、GitHub 注释、Code Quality（仅其中面向人的文字）

sarif-related-waiver = 豁免：{$clause}
sarif-related-clause = 未满足的条件：{$clause}
sarif-related-rule = 该规则
sarif-related-evidence = 证据：{$object}
sarif-waived-message = 已豁免，有效期至 {$until}：{$message}
report-not-checked-no-source = 未检查（无数据）：未提供{$data}
report-rule-not-checked = 规则 {$rule} 未检查：未提供{$data}
junit-not-applicable = 不适用：本规则没有检查对象
junit-waived = 已豁免，有效期至 {$until}：{$because}
junit-waived-by = 已豁免，有效期至 {$until}，批准人 {$by}：{$because}
github-not-checked-title = custodia {$rule}：未检查（无数据）
github-no-records-title = custodia：资料清单为空
github-nothing-applied-title = custodia：没有适用的规则
codequality-input-error = 输入错误：{$message}
codequality-not-checked = 未检查：{$text}

## check 在生成报告前停止的原因

stop-bad-lang = 错误：custodia.yaml：`lang: {$value}` 只能是 zh 或 en
stop-bad-time-zone = 错误：`{$zone}` 不是 IANA 时区名称（例如 Asia/Shanghai 或 UTC）
stop-bad-fail-on = 错误：custodia.yaml：`fail_on: {$value}` 只能是 error、warning、info 或 never
stop-no-rules = 错误：策略集中没有任何规则，检查将无法证明任何事项（策略文件：{$files}）
stop-no-inventory = 错误：{$case}：案卷中没有资料清单（inventory.csv、.jsonl、.json、.yaml 或 inventory/ 文件夹；或在 custodia.yaml 中写 `inventory:`，或使用 --inventory FILE），因此无法检查任何资料

## ---- msgs 分支：策略诊断、命令输出、输入错误 ----
## （docs/reports.md「Languages」：custodia 输出的每一段文字）

list-or = {$init}或{$last}

## 终端上的诊断信息

diag-help = 提示：
diag-see-also = 参见：
diag-policy-errors = 策略集中有 {$count} 处错误，未执行任何检查

## 策略语法（src/syntax）

syntax-expected = 此处应为{$list}
syntax-unexpected = 无法识别的内容
syntax-empty = 内容为空
syntax-too-deep = 此处嵌套超过 {$limit} 层（上限）；请用 `let` 为其中部分命名
syntax-too-deep-to-parse = 策略嵌套过深，无法解析（{$reason}）；表达式和类型最多嵌套 {$limit} 层
syntax-number-too-large = 数字过大
syntax-not-a-calendar-date = `{$text}` 不是日历上存在的日期
syntax-datetime-needs-offset = 策略中的日期时间 `{$text}` 须带时区偏移，例如 `{$text}+08:00` 或 `{$text}Z`
syntax-bad-datetime = `{$text}` 不是有效的日期时间
syntax-duration-too-long = 期限过长
syntax-unknown-escape = 无法识别的转义 `{$escape}`；可用的转义为 `\"`、`\\`、`\n` 和 `\t`
syntax-untagged-beside-others = 与其他文字并列的文字未标明语言：请逐一标注 `zh` 或 `en`（`zh "…" en "…"`），或只写一段适用于所有语言的文字
syntax-unknown-language-tag = 未知的语言标记 `{$tag}`：文字只能标注 `zh`（简体中文）或 `en`（英文）
syntax-second-text = 第二段 `{$tag}` 文字：每种语言只能写一段
syntax-unclosed-brace = 消息中的 `{"{"}` 没有闭合；如需字面的花括号，请写 `{"{{"}`
syntax-unmatched-brace = 消息中的 `{"}"}` 没有对应的 `{"{"}`；如需字面的花括号，请写 `{"}}"}`
syntax-in-hole = 消息占位符中：{$problem}
syntax-want-eof = 文件结尾
syntax-want-name = 名称
syntax-want-string = 字符串
syntax-want-datetime = 日期时间
syntax-want-date = 日期
syntax-want-number = 数字
syntax-want-duration = 期限
syntax-want-header-key = `version`、`owner` 或 `description`
syntax-want-collection = 集合（`record`、`event 名称`、`table 名称`、`company`）
syntax-want-field-decl = 字段声明（`名称: 类型`）
syntax-want-type = 类型
syntax-want-default = `=` 及默认值
syntax-want-rule = 规则（`retention`、`access`、`destruction`、`notification` 或 `rule`）
syntax-want-severity = `error`、`warning` 或 `info`
syntax-want-given-field = 字段（`名称: 值`）
syntax-want-outcome = `fails` 或 `passes`
syntax-want-expr = 表达式
syntax-want-comparison = 比较运算
syntax-want-presence = `set` 或 `missing`
syntax-want-direction = `after` 或 `before`
syntax-want-add-op = `+` 或 `-`
syntax-want-mul-op = `*` 或 `/`
syntax-want-aggregate = `count` 或 `exists`
syntax-want-tz-offset = 时区偏移（`+08:00` 或 `Z`）

## 策略中的输入法误用（src/syntax/slips.rs）

slip-use-ascii = {$what} `{$char}`：请改用 `{$ascii}`
slip-string-closed-full-width = 此字符串以 `"` 开头，却以全角引号 `{$mark}` 结尾：请改用 `"`
slip-semicolon = 全角分号 `{$char}`：策略语言不使用 `;`，请删除
slip-ideographic-space = 全角空格（U+3000）：请改用半角空格
slip-invisible = 不可见字符 {$code}（{$name}）：请删除
slip-line-separator = 行分隔符 {$code}：编辑器在此显示换行，custodia 不认作换行；请改用普通换行
slip-chinese-duration = 请将 `{$written}` 写作 `{$duration}`（期限须用英文单位）
slip-chinese-date = 请将日期 `{$written}` 写作 `{$date}`
slip-invisible-zero-width-space = 零宽空格
slip-invisible-zero-width-non-joiner = 零宽非连接符
slip-invisible-zero-width-joiner = 零宽连接符
slip-invisible-word-joiner = 词连接符
slip-invisible-soft-hyphen = 软连字符
slip-what-quote = 全角引号
slip-what-parenthesis = 全角括号
slip-what-equals = 全角等号
slip-what-comma = 全角逗号
slip-what-colon = 全角冒号
slip-what-brace = 全角花括号
slip-what-bracket = 全角方括号
slip-what-less-than = 全角小于号
slip-what-greater-than = 全角大于号
slip-what-exclamation = 全角感叹号
slip-what-ideographic-comma = 顿号
slip-what-ideographic-full-stop = 中文句号
slip-what-lenticular-bracket = 方头括号
slip-what-double-angle-bracket = 书名号
slip-what-letter = 全角字母
slip-what-digit = 全角数字
slip-what-character = 全角字符

## 检查策略集（src/check）

check-label-here = 此处
check-did-you-mean = 是否应为 `{$name}`？
check-did-you-mean-value = 是否应为 `"{$value}"`？
check-unknown-collection = 未知的集合 `{$name}`
check-unknown-collection-label = schema 中未声明
check-declared-collections = 已声明的集合：{$list}
check-unknown-field = `{$collection}` 没有字段 `{$name}`
check-unknown-field-label = 未知字段
check-fields-of = `{$collection}` 的字段：{$list}
check-unknown-variable = 未定义的名称 `{$name}`
check-unknown-variable-label = 在此之前没有由 `for`、`let`、`match` 或 `forbid` 引入
check-unknown-rule = 没有名为 `{$name}` 的规则
check-unknown-rule-label = 未知规则
check-unknown-function = 未知函数 `{$name}`
check-unknown-function-label = 不是内置函数
check-builtin-functions = 内置函数：{$list}
check-unknown-enum-value = `"{$value}"` 不在允许的取值范围内
check-unknown-enum-value-label = 该字段的任何取值都不会与之相等
check-allowed-values = 允许的取值：{$list}
check-unknown-ref-target = `ref {$name}` 指向的集合不存在
check-unknown-ref-target-label = 未知集合
check-type-mismatch = {$context}：应为 {$expected}，实际为 {$found}
check-type-mismatch-label = 此处为 {$found}
check-wrong-arity = `{$name}` 需要 {$expected} 个参数，实际为 {$found} 个
check-wrong-arity-label = 参数个数不符
check-duplicate-name = { $what ->
    [rule] 规则
    [test] 测试
    [collection] 集合
    [field] 字段
   *[other] 策略头
} `{$name}` 重复定义
check-duplicate-name-label = 此处再次定义
check-duplicate-name-help = 请将其中之一改名或删除；策略集由全部策略文件共同组成，名称在各文件之间共用
check-duplicate-name-first = 首次定义于此
check-implicit-field-label = 每个事件都已有此字段
check-implicit-field-help = 每种事件都隐含 `at: datetime` 字段和可选的 `id: id` 字段；请删除此行
check-regex-budget = 策略集中的正则表达式超出预算
check-regex-budget-label = 超出预算
check-bad-regex = 此正则表达式无法编译
check-bad-regex-label = 模式有误
check-not-constant = {$what}必须是常量
check-not-constant-label = 引用了数据
check-not-constant-help = 此处只能使用字面量、列表和其他策略集级别的 `let`
check-checks-nothing = 此规则没有任何检查
check-checks-nothing-label = 规则中没有 `require`、`match` 或 `forbid`
check-checks-nothing-help = 没有检查的规则会让每个对象都"通过"；请补上本应有的 `require`、`match` 或 `forbid`（可能被 `//` 注释吞掉了）
check-message-holes = `{$has}` 消息中的占位符在 `{$lacks}` 消息中没有
check-message-holes-label = `{$has}` 消息
check-message-holes-help = 同一消息的两种语言须填写相同的占位符（顺序不限）：请在 `{$lacks}` 消息中补上，或在此处删除
check-message-holes-related = `{$lacks}` 消息中没有
check-let-too-deep = 将其引用的 `let` 展开后，`{$name}` 嵌套超过 {$limit} 层（上限）；请减少 `let` 套用 `let` 的层数
check-let-chain-too-long = `{$name}` 处于一条超过 {$limit} 个相互引用的 `let` 组成的链末端（超出嵌套上限）；请缩短这条链
fmt-would-not-read-back = 格式化后此文件将无法再被读取（{$problem}）；fmt 会在 `or` 内的 `and` 两侧加括号，括号计入嵌套层数：请用 `let` 为表达式的部分命名

## validate、test、explain、fmt（src/app.rs、src/testing、src/explain_cmd.rs、src/fmt/cmd.rs）

validate-ok = 校验通过：规则 {$rules} 条，集合 {$collections} 个，豁免 {$waivers} 项，测试 {$tests} 个
validate-warnings = 警告 {$count} 项
explain-did-you-mean = ；是否应为 `{$name}`？
explain-no-rule = 错误：策略集中没有规则 `{$rule}`{$hint}
explain-give-subject = 错误：请用 --subject ID 指定检查对象（`{$collection}` 的编号）
explain-no-subject = 错误：没有编号为 `{$id}` 的 `{$collection}`{$hint}
explain-input-errors = 说明：存在输入错误 {$count} 项，相关行未纳入（运行 `custodia check` 可查看明细）
explain-as-of = 检查基准日 {$as_of}（{$zone}）
explain-rule-header = 规则 {$rule}（{$kind}）{$title}
    {"  "}定义于 {$place}
explain-subject = 检查对象：{$collection} {$object}
explain-with = 取 {$var} = {$object}：
explain-not-a-subject = 不是检查对象：`where` 条件不成立，规则 `{$rule}` 不适用
explain-fails = 不通过：有 {$count} 项条件检查未满足
explain-passes = 通过：所有适用的条件均满足
explain-result = 结果：{$verdict}
explain-held = 成立
explain-unknown = 无法判断：所需的值缺失（按不成立处理）
explain-not-held = 不成立
explain-effect-passes = 通过
explain-effect-fails = 不通过
explain-effect-forbidden = 不通过（存在禁止的对象）
explain-effect-holds = 成立
explain-found-none = 未找到 `{$collection}`：{$effect}
explain-found-none-unknown = 未找到确定匹配的 `{$collection}`（条件所需的值缺失）：{$effect}
explain-found = 找到 {$count} 个 `{$collection}`：{$objects}；{$effect}
explain-and-more = 另有 {$count} 个
test-no-tests = 错误：{$paths}：这些策略文件中没有 `test` 块，未进行任何测试
test-summary = 共 {$count} 个测试：通过 {$passed} 个，未通过 {$failed} 个
test-coverage-below = 覆盖率 {$percent}% 低于要求的 {$min}%
test-given-at = 测试数据（位于 {$place}）：{$problem}
test-no-such-subject = 测试中没有编号为 `{$id}` 的 `{$collection}`，此项预期无从验证
test-expected-fails = 预期：`{$rule}` 不通过
test-expected-fails-for = 预期：`{$rule}` 对 {$subject} 不通过
test-expected-passes = 预期：`{$rule}` 通过
test-expected-passes-for = 预期：`{$rule}` 对 {$subject} 通过
test-happened-passes = 实际：通过；评估过程如下：
test-happened-violations = 实际：违规 {$count} 项
test-at = ，位于 {$place}
test-clause = 条件：{$clause}
test-insufficient-evidence = 结果：证据不足（有值缺失）
test-evidence = 证据：{$collection} {$place}
test-coverage = 覆盖率：{$total} 个条件中有 {$covered} 个既测到通过也测到不通过（{$percent}%）
test-coverage-rule = {$total} 个中 {$full} 个
test-coverage-no-expect = 没有任何测试对此规则作出预期
test-coverage-no-object = 对此规则作出预期的测试均未提供 `{$collection}`
test-coverage-clause = 第 {$line} 行 `{$text}`：{$reason}
test-gate-where = `where` 条件从未成立
test-gate-match = 第 {$line} 行的 `match` 从未找到对象
test-gate-when = 第 {$line} 行的 `when` 从未成立
test-never-reached-by = 从未执行到：{$gate}
test-never-reached = 从未执行到
test-never-passed-where = 从未成立：没有测试提供适用的对象
test-never-passed-when = 从未成立
test-never-passed-require = 从未成立：没有测试使其通过
test-never-passed-match = 从未找到对象
test-never-passed-forbid = 总是找到禁止的对象：没有测试覆盖允许的情形
test-never-failed-where = 对每个对象都成立：没有测试提供被排除的对象
test-never-failed-when = 总是成立：没有测试覆盖被过滤掉的情形
test-never-failed-require = 从未不通过：没有测试使其不通过
test-never-failed-match = 总是找到对象：没有测试覆盖找不到的情形
test-never-failed-forbid = 从未找到禁止的对象：没有测试覆盖禁止的情形
fmt-cannot-read = 错误：{$file}：无法读取策略文件：{$reason}
fmt-cannot-write = 错误：{$file}：无法写入文件：{$reason}
fmt-formatted = 已格式化 {$file}
fmt-would-reformat = {$total} 个文件中有 {$changed} 个需要重新格式化
fmt-reformatted = {$total} 个文件中已重新格式化 {$changed} 个

## validate 的提醒（src/lint）

lint-missing-title = 规则 `{$rule}` 没有 `title`
lint-missing-title-label = 缺少标题
lint-missing-title-help = 报告向读者展示规则标题；请用一句话写明该项义务（`title "..."`）
lint-missing-cite = 规则 `{$rule}` 未引用任何法规
lint-missing-cite-label = 缺少 `cite`
lint-missing-cite-help = 审核人员会询问义务的出处；请补充 `cite "法规名称 条款"`
lint-unindexed-join = 此 {$what} 没有可供建立索引的相等条件：它会把每个 `{$collection}` 与每个检查对象逐一比较，数据量大时很慢
lint-unindexed-join-label = 没有可索引的相等条件
lint-unindexed-join-help = 请在 `{$collection}` 的某个字段上加一个 `字段 == 值` 条件，其值须在此之前已知（如 `d.record == r.id`）
lint-unused-let = `{$name}` 从未被使用
lint-unused-let-label = 定义于此
lint-unused-let-help = 请删除该 `let`，或在后面的条件中使用这个名称
lint-waiver-without-by = 对 `{$rule}` 就“{$subject}”的豁免未写明批准人
lint-waiver-without-by-label = 缺少 `by`
lint-waiver-without-by-help = 请补充 `by "姓名"`：审核人员会询问由谁承担了该风险
lint-waiver-by-place = 该豁免指向“{$subject}”，即数据文件中的某一行：`check` 不会适用它
lint-waiver-by-place-label = 指向文件和行号，而非对象
lint-waiver-by-place-help = 文件一经修改，该行可能变成另一条记录；请按指纹豁免违规：`for "fingerprint:…"`（指纹见 JSON、SARIF 和审计报告）
lint-waiver-too-long = 该豁免有效期至 {$until}，距 {$today} 超过一年
lint-waiver-too-long-label = 超过一年
lint-waiver-too-long-help = 豁免期限最长一年，复核后再予续期
lint-always-true = 此 `require` 恒为真，永远不会报告任何违规
lint-always-true-help = 请核对法规的实际要求；必填字段总是有值
lint-never-true = 此 {$what} 永远不会成立，该规则实际上什么也没有检查
lint-why-false = 它是 `false`
lint-why-true = 它是 `true`
lint-why-always-set = `{$path}` 总是有值
lint-why-required = `{$path}` 总是有值（必填，或有默认值）
lint-why-lists-every-value = 列表包含了 `{$path}` 可能取的每一个值
lint-why-no-common-value = `{$a}` 与 `{$b}` 没有共同的取值
lint-why-contradiction = `{$path}` 须同时是 {$first} 之一和 {$second} 之一
lint-why-both = {$first}；{$second}

## 检查的说明（src/app.rs、src/packs.rs）

note-empty-policy-file = 策略文件为空
note-naive-datetimes = 有 {$count} 个日期时间未带时区偏移（首个位于第 {$line} 行），因案卷未设置时区，已按 UTC 读取；请在 custodia.yaml 中设置 `time_zone`，或使用 --tz
note-posix-zone = 时区 `{$zone}` 表示 UTC{$offset}：这类 POSIX 名称的正负号是反的；北京时间请写 Asia/Shanghai
pack-note-none-used = 未使用任何内置规则包：custodia.yaml 中写明 `packs: []`，因此只检查了案卷自己的策略
pack-note-beside-own = 除案卷自己的策略外，还检查了内置规则包 {$packs}；如只需检查案卷自己的策略，请在 custodia.yaml 中写 `packs: []`
pack-note-own-record = 未使用内置规则包 {$packs}：{$file} 自行声明了 `record` 结构，而这些规则包的规则需要标准结构（如需使用，请改写为 `extend record {"{"} ... {"}"}`；如确不需要，请在 custodia.yaml 中写 `packs: []` 予以说明）

## 读取数据时的输入错误（src/data：convert.rs、rows.rs、loader.rs）

human-input-error = {$at}：{$message}

data-expected = 应为{$expected}
data-expected-found = 应为{$expected}，实际为{$found}
data-expected-found-list-number = 应为{$expected}，但列表中有数字
data-list-item = {$problem}（列表中的一项）
data-found-list = 列表
data-found-object = 对象
data-found-number = 数字
data-found-bool = 布尔值
data-found-text = 文本
data-type-text = 文本
data-type-enum = 以下取值之一：{$values}
data-type-int = 整数
data-type-decimal = 普通小数写法的数字
data-type-bool = 布尔值（true/false、yes/no、1/0、是/否）
data-type-date = 日期 YYYY-MM-DD
data-type-datetime = 日期时间（RFC 3339 格式，如 2026-03-01T09:30:00+08:00；或 YYYY-MM-DD HH:MM[:SS]，按案卷时区理解）
data-type-duration = 期限，如 `30 days`、`10 years` 或 `permanent`
data-type-list = 由{$item}组成的列表
data-datetime-offset-beyond = {$base}；时区偏移 `{$offset}` 超出 ±14:00，没有任何时区使用该偏移
data-datetime-annotation-without-offset = {$base}；`[Asia/Shanghai]` 这样的时区标注须紧跟在与之一致的偏移之后（`+08:00[Asia/Shanghai]`）
data-datetime-annotation-disagrees = {$base}；该时刻的时区偏移与时区标注不一致，或时区名称无法识别
data-did-you-mean = ；是否应为 `{$name}`？
data-unknown-event-kind = 未知的事件类型 `{$kind}`；schema 中声明的事件类型为 {$kinds}{$hint}
data-required-field-missing = 必填字段缺失或为空
data-near-miss-column = 列 `{$column}` 未在 schema 中声明，而已声明的字段 `{$field}` 缺失：是否应为 `{$field}`？请修改列名；修改之前，该列的值不会被读取，`{$field}` 取默认值

## custodia packs（src/packs.rs）

packs-does-not-check = 错误：内置规则包 `{$pack}` 未通过检查：{$errors}
packs-standard-schema = 标准数据结构：不含规则，所有规则包都以它为基础
packs-use = 用法：custodia check 案卷目录 --pack 规则包名（可重复），或在 custodia.yaml 中写 `packs: [规则包名, ...]`。
    未指定规则包的案卷，按全部 cn/ 规则包检查，并同时检查案卷自己的策略；但案卷策略自行声明了 `record` 结构时除外。


## 映射：custodia.yaml 中的数据来源条目（src/data/mapping/messages.rs，docs/mapping.md）

mapping-did-you-mean = ；是否应为 `{$name}`？
mapping-and-more = 另有 {$count} 个
mapping-expect-text = 文本
mapping-expect-enum = 以下取值之一：{$values}
mapping-expect-int = 整数
mapping-expect-decimal = 普通小数形式的数字
mapping-expect-bool = 是非值（true/false、yes/no、1/0、是/否）
mapping-expect-date = 日期 YYYY-MM-DD
mapping-expect-datetime = 日期时间（RFC 3339，如 2026-03-01T09:30:00+08:00；或 YYYY-MM-DD HH:MM[:SS]，按本案时区）
mapping-expect-duration = 期限，如 `30 days`、`10 years` 或 `permanent`
mapping-expect-list = 由{$item}组成的列表
mapping-expect-date-as = 日期，格式为 {$forms}；请在 `format:` 下补充文件实际使用的格式
mapping-expect-date-time-as = 日期（格式为 {$forms}）加时间 H:mm；请在 `format:` 下补充文件实际使用的格式
mapping-expect-duration-words = 期限，如 `30年`、`6个月`、`永久` 或 `10 years`
mapping-the-id = 对应的编号
mapping-bad-glob = `{$pattern}`：通配符 `*` 和 `?` 只能用于文件名，不能用于文件夹名
mapping-glob-matches-nothing = `{$pattern}` 没有匹配到任何文件，请核对文件名和所在文件夹
mapping-folder-entry = `{$folder}` 是文件夹：设置了映射或编码的条目只读取文件，请逐一列出文件（`files: [{$folder}/*.csv]`）
mapping-no-such-column = {$file} 中没有 `{$column}` 列{$hint}（该文件的列：{$columns}）
mapping-column-twice = `{$column}` 列同时对应了 `{$first}` 和 `{$second}` 两个字段；一列只能对应一个字段（请只保留一处，另一字段改用其他列或 `constant`）
mapping-shadowed-column = `{$field}` 已对应到另一列，但 {$file} 中还有一列名为 `{$field}`；请明确读取哪一列（将 `{$field}` 对应到该列，或修改文件中的列名）
mapping-unmapped-required = { $count ->
   *[other] {$file}：`{$collection}` 的必填字段 {$fields} 没有对应的列；请在 `columns:` 下补充（`字段: 列名`，或 `字段: {"{"} constant: 固定值 {"}"}`）
}
mapping-header-lacks = { $count ->
   *[other] 表头缺少 `{$collection}` 的必填列 {$columns}，该文件未读取。请修改列名，或在 custodia.yaml 中设置映射（见 docs/mapping.md；`custodia init` 可生成映射初稿）
}
mapping-no-collection = 模式（schema）中没有可对应此文件的 `{$name}` 数据集
mapping-no-table = 模式（schema）中没有名为 `{$name}` 的数据表
mapping-unknown-kind = `kind: {$kind}` 不是模式中的事件类型{$hint}（可用类型：{$kinds}）
mapping-log-needs-kind = {$file}：请用 `kind:` 注明此文件记录的是哪类事件（{$kinds} 之一）
mapping-unknown-field = `{$collection}` 没有 `{$name}` 字段{$hint}（字段清单见 `custodia schema`）
mapping-column-and-constant = `{$name}` 同时设置了 `column` 和 `constant`，只能保留一个
mapping-no-column = `{$name}` 需要注明 `column: 列名`（或 `constant: 固定值`）
mapping-bad-target = `{$field}` 的取值对照把 `{$from}` 转为 `{$to}`，但这不是 `{$field}` 的有效取值（应为{$expected}）{$hint}
mapping-fill-in-value = `{$field}` 的取值对照中 `{$from}` 尚未填写：请填入{$what}
mapping-fill-in-column = 请填写存放 `{$field}` 的列名（或写 `{"{"} constant: 固定值 {"}"}`）
mapping-bad-constant = `constant: {$value}` 不是 `{$field}` 的有效取值：应为{$expected}
mapping-format-not-date = `format` 只适用于日期和日期时间字段，`{$field}` 两者都不是
mapping-unknown-format = 未知的日期格式 `{$name}`；可用格式：{$formats}
mapping-separator-not-list = `separator` 只适用于列表字段，`{$field}` 只有一个值
mapping-bad-lookup = `lookup: {$text}` 应写明数据表及其字段，如 `lookup: staff.name`
mapping-lookup-without-source = 查找对照要读取数据表 `{$table}`，但本案没有该表的文件；请在 `tables:` 下添加
mapping-lookup-through-lookup = 查找对照所用的数据表 `{$table}` 本身也通过查找对照映射；请改为直接对应该表自己的列
mapping-lookup-table-unreadable = 查找对照所用的数据表 `{$table}` 无法读取（见该表自身的错误）
mapping-values-missing = `{$field}` 的取值对照缺少 {$file} 中 `{$column}` 列出现的取值（括号内为行数）：{$values}；请逐一补充到 `values:` 下
mapping-not-values-of = {$file} 的 `{$column}` 列含有不属于 `{$field}` 的取值（括号内为行数）：{$values}；应为{$expected}。请添加取值对照：`{$field}: {"{"} column: {$column}, values: {"{"} 原值: 代码 {"}"} {"}"}`
mapping-filter-selects-nothing = 此 `where` 在 {$file} 中没有选中任何行；`{$column}` 列的取值（括号内为行数）：{$values}
mapping-by-value = ：`{$column}` = {$values}
mapping-rows-unread = {$file} 中有 {$count} 行（第一行在第 {$line} 行）没有被任何条目读取{$values}；请把这些取值加入某个条目的 `where:`，或加入 `skip:` 以明确不读
mapping-rows-twice = {$file} 中有 {$count} 行（第一行在第 {$line} 行）同时被两个条目选中（第 {$first} 行和第 {$second} 行）；请让两处 `where:` 互不重叠
mapping-rows-skipped = 已按 `skip:`（custodia.yaml 第 {$line} 行）明确跳过 {$count} 行
mapping-unmapped-columns = 以下列未对应任何字段，未读取：{$columns}
mapping-cannot-map-format = 映射只能读取 .csv、.jsonl、.json、.yaml 和 .yml 文件，不能读取 .{$ext} 文件
mapping-bad-cell = `{$column}` 列：应为{$expected}
mapping-lookup-unknown = `{$column}` 列：`{$table}` 中没有任何一行的 `{$by}` 是此值
mapping-lookup-ambiguous = `{$column}` 列：`{$table}` 中有多行的 `{$by}` 是此值（{$ids}）；请改填编号
mapping-from-column = （文件中的 `{$column}` 列）


## custodia init（src/init_cmd，docs/mapping.md）

init-no-folder = 错误：{$dir}：文件夹不存在
init-exists = 错误：{$path} 已存在，未作改动。如需覆盖，请加 --force
init-cannot-write = 错误：无法写入 {$path}：{$error}
init-outside = 错误：{$file} 不在 {$dir} 之内；映射只能指向本案文件夹中的文件
init-conventional = 按约定名称读取（inventory、logs/、tables/），无需映射
init-not-readable = `init` 暂不能读取 .{$ext} 文件，请手工编写映射（见 docs/mapping.md）
init-no-header = 该文件没有表头行
init-unplaced = 其各列与模式中的任何数据集都对不上；请手工编写映射，或将其列入 `ignore:`
init-second-table = 已有另一文件被当作数据表 `{$name}`；如本文件还有其他行，请手工编写映射
init-second-inventory = 已有另一文件被当作资料清单；如本文件也是档案目录，请加入 `inventory: files:`
init-wrote = custodia init：已写入 {$path}
init-role-inventory = 资料清单（档案目录）
init-role-log = `{$kind}` 事件日志
init-role-table = 数据表 `{$name}`
init-placed = {$file}：{$role}，已对应 {$count} 列
init-placed-encoding = {$file}：{$role}，已对应 {$count} 列，按 {$encoding} 编码读取
init-fill-in-heading = 待填写（标有 `# TODO`；未填写前 `custodia check` 会逐项报错停止）：
init-guesses-heading = 待核对（标有 `# check`：按名称相近推测的列）：
init-not-mapped-heading = 未映射：
init-column-not-mapped = {$file}：`{$column}` 列与 `{$collection}` 的任何字段都不相近，将不被读取
init-unread-dates = {$file}：`{$column}` 列有无法识别的日期写法（{$values}）；在更正这些值或补充 `format:` 之前，这些行将作为输入错误报告
init-next = 下一步：custodia check {$dir}
init-yaml-head-1 = 本文件由 `custodia init` 生成：说明公司自有文件如何对应到数据模式。
init-yaml-head-2 = 标有 `# check` 的行是推测，请核对；标有 `# TODO` 的行必须填写。
init-yaml-head-3 = 填好后对本文件夹运行 `custodia check`。详见 docs/mapping.md。
init-yaml-time-zone = 未注明时区的时间按此时区理解
init-yaml-encoding = 非 UTF-8：按中文 Windows 下 Excel 保存 CSV 的编码读取
init-yaml-title-rows = 上方各行为标题
init-todo-column = 未找到必填字段 `{$field}` 对应的列：请填写列名，或写 `{"{"} constant: 固定值 {"}"}`
init-todo-value = `{$column}` 列中的 `{$value}`：请填写{$what}
init-guess = 推测：`{$column}` 只是与 `{$field}` 的常用名称相近
init-hint-value = 对应的取值
init-hint-duration = 期限，如 `30 years` 或 `permanent`
init-hint-one-of = 以下代码之一：{$codes}
init-hint-bool = true 或 false
init-hint-id-of = 其在 `{$table}` 中的编号（`{$table}.{$field}` 中未找到此值）
init-skipped = {$file}：{$why}

## 映射来源：原始记录（docs/mapping.md，“Provenance”）

origin-cell = {$value} ← {$column} = {$original}（{$place}）
origin-cell-empty = {$value} ← {$column}，空白（{$place}）
origin-cell-unread = {$value} ← {$column}（{$place}；无法再次读取该文件）
human-origins = 原始记录：{$origins}
audit-origins = 原始记录

## Spark in place

spark-in-place-native = `{$source}` 由 Spark 就地读取（`spark:`）；custodia 自身的引擎无法读取：请使用 `--engine spark` 检查
spark-in-place-refused = custodia.yaml 第 {$line} 行：`{$source}` 无法就地读取：{$why}
spark-in-place-no-count = Spark 作业的结果缺少 `{$source}` 的已读行数；未生成报告
spark-in-place-bad-row = Spark 作业返回的 `{$collection}` 行无法被 custodia 读回（{$why}）；未生成报告
