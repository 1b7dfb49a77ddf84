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
status-not-checked-unmatched = 未检查（疑有笔误）
status-not-checked-undecided = 未完全检查（部分对象无法判定）
status-not-checked-never-true = 未检查（条件永不成立）
audit-col-status-not-checked = 未检查
status-violated = 违规
status-not-applicable = 不适用
status-passed = 通过
status-passed-with-waivers = 通过（含豁免）
severity-error = 错误
severity-warning = 警告
severity-info = 提示

## 未检查的内容

collection-inventory = 资料目录
collection-company = 公司信息（company.yaml）
collection-log = 日志 `{$name}`
collection-table = 数据表 `{$name}`
not-checked-no-source = 缺少{$data}，无法检查 {$rules}
not-checked-rows-refused = {$data}的每一行都因输入错误未被读取，无法检查 {$rules}
not-checked-read-empty = 已读取{$data}，但其中没有任何数据行，无法检查 {$rules}
not-checked-unmapped = 已提供{$data}，但因 custodia.yaml 中该文件的映射有输入错误而未能读取，无法检查 {$rules}
coverage-given-files = {$data}（{$files}）
coverage-unmapped-files = {$data}（{$files}；见 {$at} 处的输入错误）
not-checked-rules = 共 {$total} 条规则，其中 {$count} 条未检查（无数据）：{$missing}
not-checked-no-records = 资料目录中没有任何资料，针对资料的规则实际上均未检查
not-checked-undecided = 有 {$count} 条规则因所需的值缺失，无法判定是否适用于部分对象：{$rules}
not-checked-undecided-rule = {$rule}（{$count} 个对象）
not-checked-insufficient = 有 {$count} 条规则因所需的值缺失，无法判定部分对象是否符合要求，这些对象未被检查：{$rules}
not-checked-insufficient-rule = {$rule}（{$count} 项证据不足）
not-checked-unmatched = 有 {$count} 条规则将字段与数据中没有任何一行持有的文字相比较，而数据中有仅差一两个字的值，因此规则检查的并非所写的内容（请更正政策中的文字或数据）：{$rules}
not-checked-unmatched-rule = {$rule}：{$values}
not-checked-never-true = 有 {$count} 条规则的条件永远不会成立，规则实际上什么也没有检查，因此未检查（请修改政策中的条件）：{$rules}
not-checked-never-true-rule = {$rule}：{$why}
never-true-text = 第 {$line} 行：{$what}（{$why}）
not-checked-unmatched-value = `{$field}` 与“{$value}”比较，但没有任何一行为此值（有 {$rows} 行是“{$near}”）
not-checked-nothing-applied = 没有任何规则适用于任何对象（全部规则均不适用）
not-checked-skipped = {$file} 中有 {$count} 行按 `skip:`（custodia.yaml 第 {$line} 行）略去，未经检查
not-checked-ignored = {$file} 含有数据，按 `ignore:`（custodia.yaml 第 {$line} 行）略去，未经检查
not-checked-packs = 本应适用的内置规则包 {$packs}（共 {$count} 个）被 `packs:`（custodia.yaml 第 {$line} 行）略去，未经检查；如需选定规则包，请在命令行给出 `--pack`，或以 `--allow-skipped` 明示接受
not-checked-packs-own-schema = 本应适用的内置规则包 {$packs}（共 {$count} 个）未经检查：{$file}（第 {$line} 行）自行声明了 `record` 结构，缺少这些规则包的规则所用的字段；如需检查，请改为在标准结构上写 `extend record {"{"} ... {"}"}`，或以 `--allow-skipped` 明示接受
not-checked-future-events = {$file} 中有 {$count} 个事件的日期晚于评估日期 as_of（第一个在第 {$line} 行）：截至 as_of 这些事件尚未发生，依赖它们满足的规则并未证明成立；请更正日期，或用 `--as-of` 按更晚的日期检查
value-missing = 缺失
hole-missing = [{$hole}：缺失]
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
label-colon = {"："}
human-unchecked-duties = 没有规则检查的法定义务（审计报告“未检查事项及原因”中也有列出）：
label-packs-colon = 规则包：
human-packs-chosen = {$packs}（由 {$by} 选定{ $count ->
        [0] {""}
       *[other] ；内置规则包 {$left_out} 未纳入本次检查
    }）
label-fixed-colon = 已整改：

## 终端报告（--format human）

human-findings-by-rule = 各规则违规情况：
human-more-findings = …… 规则 {$rule} 另有 {$count} 项违规未列出（完整清单见 --format json，或加 --all）
human-not-checked = 未检查：未提供{$data}
human-not-checked-help = 同一原因：缺少{$data}，本规则对任何对象都无法检查；请补充该数据，或以 --allow-not-checked 明确接受
human-not-checked-refused-help = 同一原因：{$data}没有任何一行能够读取，本规则对任何对象都无法检查；请更正下方的输入错误（映射的那一行，或数据行），或以 --allow-not-checked 明确接受
human-not-checked-refused = 未检查：已读取{$data}，但其中每一行都因输入错误未被采用
human-not-checked-empty = 未检查：已读取{$data}，但其中没有任何数据行
human-not-checked-empty-help = 同一原因：{$data}没有任何数据行（只有表头），本规则对任何对象都无法检查；请补充数据行，如确实没有此类记录，请以 --allow-not-checked 明确接受
human-not-checked-unmapped = 未检查：已提供{$data}，但因 custodia.yaml 中该文件的映射有输入错误而未能读取
human-not-checked-unmapped-help = 同一原因：{$data}的映射有输入错误，其中没有任何一行被读取，本规则对任何对象都无法检查；请更正下方所列的该项错误，或以 --allow-not-checked 明确接受
human-not-checked-findings = 本规则的 {$count} 项发现事项均因缺少该数据所致，完整清单见 --format json（或加 --all）
human-values = 取值：{$values}
human-insufficient-evidence = 结果：证据不足（数据未作记载，而非记载为否）
human-cite = 依据：{$cite}
human-waived = 已豁免，有效期至{DAY($until)}，批准人 {$by}：{$because}
human-waived-tag = 【已豁免】
human-baseline-new = 【新增】
human-baseline-unchanged = 【基线已有】
human-clause-failed = 此条件未满足
human-subject = 检查对象：{$collection} `{$id}`
human-evidence = 证据：{$collection}
human-evidence-id = 证据：{$collection} `{$id}`
human-at = {$what}，位于 {$place}
human-input-field = 字段 `{$field}`
human-input-at-detail = {$place}（{$detail}）
human-input-detail-sep = {"，"}
human-input-value = 值 `{$value}`
human-more-input-errors = 另有 {$count} 项（完整清单见 --format json）
human-run = custodia {$version} · 检查基准日 {$as_of} · 时区 {$zone}
human-checked = 以 {$rules} 条规则检查了 {$records} 条资料和 {$events} 条事件记录
human-rule-statuses = 规则：通过 {$passed} 条，违规 {$violated} 条，不适用 {$not_applicable} 条，未检查（无数据）{$not_checked} 条
human-rule-statuses-unmatched = ，未检查（疑有笔误）{$count} 条
human-rule-statuses-undecided = ，未完全检查（部分对象无法判定）{$count} 条
human-rule-statuses-never-true = ，未检查（条件永不成立）{$count} 条
human-violations = 违规：错误 {$error} 项，警告 {$warning} 项，提示 {$info} 项；已豁免 {$waived} 项；输入错误 {$input_errors} 项
human-baseline = 与基线 {$file} 比较：新增 {$new} 项，未变 {$unchanged} 项，已整改 {$fixed} 项（--fail-on 只计新增）
human-incomplete = 本次检查不完整：输入错误致使部分数据未能读取或核查
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
human-rows-refused = 已读取（{$files}），但每一行都未被采用（{$count} 个输入错误），以下规则未检查：{$rules}
human-read-empty = 已读取（{$files}），但没有任何数据行，以下规则未检查：{$rules}
human-unmapped = 未读取（{$files}）：其映射有输入错误（{$at}），以下规则未检查：{$rules}

## 审计报告（--format markdown、--format html）

audit-title = 合规检查报告
audit-title-company = 合规检查报告：{$company}
audit-running-header = {$company} · 检查基准日 {$as_of}（{$zone}）
audit-company-name = 公司名称
audit-credit-code = 统一社会信用代码
audit-company-dissolution-cause = 解散事由出现日期
audit-company-dissolution-reason = 解散原因
audit-company-liquidation-group-formed = 清算组成立日期
audit-company-liquidation-finished = 清算报告确认日期
audit-company-deregistration-filed = 注销登记申请日期
audit-company-deregistration-kind = 注销类型
audit-company-invoices-cancelled = 发票缴销日期
audit-company-tax-deregistered = 清税日期
audit-as-of = 检查基准日
audit-as-of-value = {$as_of}（时区 {$zone}）
audit-tool = 检查工具
audit-packs-checked = 所用内置规则包
audit-packs-none = 无（仅案卷自带的策略）
audit-complete = 检查是否完整
audit-complete-yes = 完整
audit-complete-no = 不完整：部分输入无法读取，详见输入错误
audit-fully-checked = 规则是否全部检查
audit-fully-checked-yes = 是：已按所读数据检查全部规则（并非法律规定的全部义务，见“未检查事项及原因”）
audit-fully-checked-no = 否，未全部检查：见“未检查事项及原因”
audit-verdict = 检查结论
audit-verdict-counts = ：共 {$rules} 条规则（通过 {$passed} 条，违规 {$violated} 条，不适用 {$not_applicable} 条，未检查 {$not_checked} 条），检查资料 {$records} 条、事件记录 {$events} 条；违规事项：错误 {$error} 项，警告 {$warning} 项，提示 {$info} 项；已豁免 {$waived} 项；输入错误 {$input_errors} 项。
audit-fully-checked-yes-chosen = 仅就所选规则包而言为是：已按所读数据检查全部规则；本应适用的内置规则包 {$packs}（共 {$count} 个）未被选用（{$by}），未经检查
audit-verdict-packs-chosen = 本结论仅就 {$by} 选定的内置规则包作出；本应适用的内置规则包 {$packs}（共 {$count} 个）未经检查，本结论不涉及其所查的法定义务。
audit-verdict-not-checked = 部分内容未检查：{$text}；上述规则不计为通过。
audit-verdict-scope = 本结论仅就所列规则和所读数据作出，并非对公司已履行全部法定义务的认定，也不构成法律意见；规则未检查的义务见“未检查事项及原因”。
audit-verdict-incomplete = 输入错误致使部分数据未能读取或核查，结论仅覆盖能够读取的数据。
audit-verdict-baseline = 与基线 {$file} 相比：新增 {$new} 项，未变 {$unchanged} 项，已整改 {$fixed} 项。
audit-counts = 检查结果
audit-other-rules = 其余 {$count} 条规则均通过或不适用；全部规则见附录一。
audit-all-rules = 全部 {$count} 条规则均通过或不适用；各条规则见附录一。
audit-not-checked = 未检查事项及原因
audit-rule-lacks = 未检查：未提供{$data}
audit-rule-rows-refused = 未检查：已读取{$data}，但其中每一行都因输入错误未被采用
audit-rule-read-empty = 未检查：已读取{$data}，但其中没有任何数据行
audit-rule-unmapped = 未检查：已提供{$data}，但因 custodia.yaml 中该文件的映射有输入错误而未能读取
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
audit-packs-left-out = 略去的规则包
audit-packs-left-out-text = {$packs}：本应适用的内置规则包，未经检查（规则包由 {$by} 选定）
audit-packs-left-out-own-schema-text = {$packs}：本应适用的内置规则包，未经检查（{$file} 自行声明了 `record` 结构，缺少这些规则包的规则所用的字段）
audit-none = 无
audit-none-found = 无。
audit-no-waiver = 无豁免事项。
audit-no-input-errors = 无：所有输入行均已读取。
audit-no-source = 未提供数据
audit-rows-refused = {$files}：每一行都因输入错误未被采用
audit-read-empty = {$files}：已读取，没有任何数据行
audit-unmapped = {$files}：未读取，其映射有输入错误（{$at}）
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
role-inventory = 资料目录
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
sarif-waived-message = 已豁免，有效期至{DAY($until)}：{$message}
report-not-checked-no-source = 未检查（无数据）：未提供{$data}
report-rule-not-checked = 规则 {$rule} 未检查：未提供{$data}
report-rule-rows-refused = 规则 {$rule} 未检查：已读取{$data}，但其中每一行都因输入错误未被采用
report-rule-read-empty = 规则 {$rule} 未检查：已读取{$data}，但其中没有任何数据行
report-rule-unmapped = 规则 {$rule} 未检查：已提供{$data}，但因 custodia.yaml 中该文件的映射有输入错误而未能读取
report-not-checked-rows-refused = 未检查（无数据）：已读取{$data}，但其中每一行都因输入错误未被采用
report-not-checked-read-empty = 未检查（无数据）：已读取{$data}，但其中没有任何数据行
report-not-checked-unmapped = 未检查（无数据）：已提供{$data}，但因 custodia.yaml 中该文件的映射有输入错误而未能读取
report-not-checked-unmatched = 未检查（疑有笔误）：{$values}
report-not-checked-never-true = 未检查（条件永不成立）：{$why}
report-rule-never-true = 规则 {$rule} 未检查：{$why}
report-rule-unmatched = 规则 {$rule} 未检查：{$values}，规则检查的并非所写的内容
report-not-checked-undecided = 未完全检查：有 {$count} 个对象因所需的值缺失，`where` 或 `when` 条件无法判定，这些对象未被检查
report-rule-undecided = 规则 {$rule} 未完全检查：有 {$count} 个对象因所需的值缺失，`where` 或 `when` 条件无法判定，这些对象未被检查
report-insufficient = 未完全检查：有 {$count} 项因要求所需的值缺失而证据不足，相应对象未被检查
report-rule-insufficient = 规则 {$rule} 未完全检查：有 {$count} 项因要求所需的值缺失而证据不足，相应对象未被检查
github-insufficient-title = custodia {$rule}：未完全检查（证据不足）
junit-finding = {$severity}：{$message}
junit-subject = {"  "}检查对象：{$object}
junit-clause = {"  "}条件：{$place}
junit-evidence = {"  "}证据：{$object}
junit-value = {"  "}取值：{$value}
junit-field = {"  "}字段：{$field}
junit-as-written = {"  "}原始记录：{$origin}
junit-cite = {"  "}依据：{$cite}
junit-baseline = {"  "}基线：{$state}
sarif-location-subject = 检查对象：{$object}
sarif-location-waiver = 豁免
junit-not-applicable = 不适用：本规则没有检查对象
junit-waived = 已豁免，有效期至{DAY($until)}：{$because}
junit-waived-by = 已豁免，有效期至{DAY($until)}，批准人 {$by}：{$because}
github-not-checked-title = custodia {$rule}：未检查（无数据）
github-not-checked-unmatched-title = custodia {$rule}：未检查（疑有笔误）
github-not-checked-undecided-title = custodia {$rule}：未完全检查（部分对象无法判定）
github-not-checked-never-true-title = custodia {$rule}：未检查（条件永不成立）
github-no-records-title = custodia：资料目录为空
github-nothing-applied-title = custodia：没有适用的规则
github-skipped-title = custodia：按 skip: 或 ignore: 略去的数据
github-packs-left-out-title = custodia：按 packs: 略去的法规规则包
github-packs-own-schema-title = custodia：因案卷自行声明的 record 结构而略去的法规规则包
github-future-events-title = custodia：日期晚于 as_of 的事件
github-note-title = custodia 说明：{$rules}
codequality-description = {$id}：{$message}
codequality-input-error = 输入错误：{$message}
codequality-not-checked = 未检查：{$text}

## check 在生成报告前停止的原因

stop-bad-lang = 错误：custodia.yaml：`lang: {$value}` 只能是 zh 或 en
stop-bad-time-zone = 错误：`{$zone}` 不是 IANA 时区名称（例如 Asia/Shanghai 或 UTC）
stop-spill-unread = 错误：检查期间暂存在临时文件中的违规记录无法读回：{$error}。未生成报告；请在临时文件夹（TMPDIR）中腾出空间后重新运行检查
stop-bad-fail-on = 错误：custodia.yaml：`fail_on: {$value}` 只能是 error、warning、info 或 never
stop-fail-on-never-in-manifest = 错误：custodia.yaml：`fail_on: never` 会使对本案卷的每次检查无论发现什么都以退出码 0 结束；案卷不能关闭自身的退出码。请删除该行；确需不以退出码把关的检查，请在命令行中指定 `--fail-on never`
stop-as-of-in-manifest-after-today = 错误：custodia.yaml：`as_of: {$as_of}` 晚于今天（{DAY($today)}）：本案卷将以尚未到来的日期为基准检查，保管期限和各项期限都计算到案卷自行选定的日期。请删除该行以按今天检查；确需以该日为基准检查的，请在命令行中指定 `--as-of {$as_of}`
cli-output-twice = 错误：给出了两个不带格式的 `--output` 路径（{$first} 和 {$second}）：不带格式的路径接收 `--format` 所选的报告，只能有一个；其余请写成「格式=路径」（如 `sarif={$second}`）
cli-output-format-mismatch = 错误：`--output {$path}` 将写入 {$format} 格式的报告（即 `--format` 所选的格式），但文件名表明应为 {$wanted}；请写 `--output {$wanted}={$path}`，或指定 `--format {$wanted}`
cli-output-unknown-format = `{$name}` 不是报告格式（可用：{$formats}）；文件名本身含 `=` 时请写成 `./{$value}`{$hint}
cli-output-stdout-twice = 错误：有两份报告（{$formats}）都会写到标准输出，前后相接，读取任何一份的程序都会读到两份；请只留一份在标准输出，其余写入文件（`--output 格式=路径`，或用不带格式的 `--output 路径` 接收 `--format` 所选的报告）
stop-no-rules = 错误：策略集中没有任何规则，检查将无法证明任何事项（策略文件：{$files}）
stop-no-inventory = 错误：{$case}：案卷中没有资料目录（inventory.csv、.jsonl、.json、.yaml 或 inventory/ 文件夹；或在 custodia.yaml 中写 `inventory:`，或使用 --inventory FILE），因此无法检查任何资料

## ---- msgs 分支：策略诊断、命令输出、输入错误 ----
## （docs/reports.md「Languages」：custodia 输出的每一段文字）

list-or = {$init}或{$last}

## 终端上的诊断信息

diag-help = 附注：
diag-see-also = 参见：
diag-policy-errors = 策略集中有 {$count} 处错误，未执行任何检查

## 策略语法（src/syntax）

syntax-meta-twice = 本规则中 `{$what}` 出现了两次，后者会悄悄覆盖前者：请只保留一个
syntax-expected = { $count ->
    [1] 此处应为{$list}
   *[other] 此处应为以下之一：{$list}
}
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
syntax-want-collection = 集合（`record`、`event 名称`、`table 名称`、`company`）
syntax-want-field-decl = 字段声明（`名称: 类型`）
syntax-want-type = 类型
syntax-want-default = `=` 及默认值
syntax-want-rule = 规则（`retention`、`access`、`destruction`、`notification` 或 `rule`）
syntax-want-given-field = 字段（`名称: 值`）
syntax-want-expr = 表达式
syntax-want-comparison = 比较运算
syntax-want-tz-offset = 时区偏移（`+08:00` 或 `Z`）

## 策略中的输入法误用（src/syntax/slips.rs）

slip-use-ascii = {$what} `{$char}`：请改用 `{$ascii}`
slip-string-closed-full-width = 此字符串以 `"` 开头，却以全角引号 `{$mark}` 结尾：请改用 `"`
slip-semicolon = 全角分号 `{$char}`：策略语言不使用 `;`，请删除
slip-no-break-space = 不换行空格（{$code}），多见于从 Word 或网页粘贴的文字：请改用普通空格
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
check-enum-value-part = 没有任何允许的取值包含 `"{$value}"`
check-enum-value-part-label = 该字段的任何取值都不包含它
check-allowed-values = 允许的取值：{$list}
check-unknown-ref-target = `ref {$name}` 指向的集合不存在
check-unknown-ref-target-label = 未知集合
check-changed-default = `{$collection}.{$field}` 在此的默认值为{$own}，标准 schema 中为{$standard}：内置规则包的规则按标准默认值解读缺失的值，若沿用此处的默认值，未填写该字段的资料将被按规则本意以外的方式判定
check-changed-default-label = 与标准 schema 的默认值不同
check-default-none = 无（缺失值）
check-added-enum-values = 此处的 `{$collection}.{$field}` 含有标准 schema 没有的 {$count} 个取值：{$added}。内置规则包的规则按标准取值选取数据行，取此值的行不在任何一条规则之内：既不算保管中，也不算已销毁，法定检查将看不到它
check-added-enum-values-label = 标准 schema 没有的取值
check-added-enum-values-help = 请为这些行改用标准取值（需要区分的，可用 `extend record` 另加字段记录），或在 custodia.yaml 中写 `packs: []`，只检查本案自己的策略
check-enum-made-free = 此处的 `{$collection}.{$field}` 可取任意值，而标准 schema 只允许其 `one of` 所列的取值。内置规则包的规则按这些取值选取数据行，取其他值的行不在任何一条规则之内：既不算保管中，也不算已销毁，法定检查将看不到它
check-enum-made-free-label = 不是标准 schema 的 `one of`
check-type-mismatch = {$context}：应为{$expected}，实际为{$found}
check-type-mismatch-label = 此处为{$found}
check-wrong-arity = `{$name}` 需要 {$expected} 个参数，实际为 {$found} 个
check-wrong-arity-label = 参数个数不符
check-duplicate-name = { $what ->
    [rule] 规则
    [test] 测试
    [collection] 集合
    [field] 字段
    [let] 策略集级 `let`
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
check-checks-nothing-help = 没有检查的规则会让每个对象都“通过”；请补上本应有的 `require`、`match` 或 `forbid`（可能被 `//` 注释吞掉了）
check-name-in-use = 此处已有名为 `{$name}` 的名称
check-name-in-use-label = 此名称已被占用
check-name-in-use-help = `{$name}` 已是本规则的变量、`let` 名称，或所有规则都读取的值（`as_of`、`company`）；再次使用会使其后的子句看不到原来的那个。请另取一个名称
check-message-holes = `{$has}` 消息中的占位符在 `{$lacks}` 消息中没有
check-message-holes-label = `{$has}` 消息
check-message-holes-help = 同一消息的两种语言须填写相同的占位符（顺序不限）：请在 `{$lacks}` 消息中补上，或在此处删除
check-message-holes-related = `{$lacks}` 消息中没有
check-let-too-deep = 将其引用的 `let` 展开后，`{$name}` 嵌套超过 {$limit} 层（上限）；请减少 `let` 套用 `let` 的层数
check-let-chain-too-long = `{$name}` 处于一条超过 {$limit} 个相互引用的 `let` 组成的链末端（超出嵌套上限）；请缩短这条链
fmt-would-not-read-back = 格式化后此文件将无法再被读取（{$problem}）；fmt 会在 `or` 内的 `and` 两侧加括号，括号计入嵌套层数：请用 `let` 为表达式的部分命名
fmt-read-back-failed = 格式化后此文件将无法再被读取（{$problem}）；这是 `custodia fmt` 的缺陷：文件保持原样，请报告此问题
fmt-would-change-meaning = 格式化后此处的含义将与现在不同；这是 `custodia fmt` 的缺陷：文件保持原样，请报告此问题

## validate、test、explain、fmt（src/app.rs、src/testing、src/explain_cmd.rs、src/fmt/cmd.rs）

validate-ok = 校验通过：规则 {$rules} 条，集合 {$collections} 个，豁免 {$waivers} 项，测试 {$tests} 个
validate-warnings = 警告 {$count} 项
explain-did-you-mean = ；是否应为 `{$name}`？
explain-no-rule = 错误：策略集中没有规则 `{$rule}`{$hint}
explain-give-subject = 错误：请用 --subject ID 指定检查对象（`{$collection}` 的编号）
explain-no-subject = 错误：没有编号为 `{$id}` 的 `{$collection}`{$hint}
explain-no-subject-skipped = 说明：它可能在案卷略去、未经检查的行中：{$what}
explain-input-errors = 说明：存在输入错误 {$count} 项，部分数据未能读取或核查（运行 `custodia check` 可查看明细）
explain-as-of = 检查基准日 {$as_of}（{$zone}）
explain-rule-header = 规则 {$rule}（{$kind}）{$title}
    {"  "}定义于 {$place}
explain-title = ：{$title}
explain-object = {$id}（{$place}）
test-expect-line = {$expect}（{$place}）
test-line-ok = 通过   “{$name}”（{$place}）
test-line-fail = 未通过 “{$name}”（{$place}）
explain-subject = 检查对象：{$collection} {$object}
explain-with = 取 {$var} = {$object}：
explain-not-a-subject = 不是检查对象：`where` 条件不成立，规则 `{$rule}` 不适用
explain-not-a-subject-when = 不是检查对象：`where` 条件成立，但 {$place} 处的 `when` 条件不成立，因此规则 `{$rule}` 不适用
explain-not-a-subject-untested = 不是检查对象：规则 `{$rule}` 的检查一项也未执行到
explain-fails-waived = 不通过，有 {$count} 项条件未满足；{$place} 处的豁免适用于此，该违规已豁免（与 `check` 的处理一致）
explain-fails-waiver-refused = 不通过，有 {$count} 项条件未满足；{$place} 处的豁免 `check` 同样不予适用：{$why}
explain-undecided = 未检查：{$place} 处的 `{$condition}` 条件所需的值缺失（{$missing}），无法判断，因此无法确定规则 `{$rule}` 是否适用于该对象；`check` 会将其列为未能检查的对象（未全部检查，退出码 2）
explain-undecided-some-value = 见上文所列的值
explain-not-checked-no-data = 未检查：未提供{$data}，以上所述均未依据本规则所需的这些数据；`check` 会将本规则报告为“未检查”
explain-not-checked-rows-refused = 未检查：已读取{$data}，但其中每一行都因输入错误未被采用，以上所述均未依据本规则所需的这些数据；`check` 会将本规则报告为“未检查”
explain-not-checked-unmapped = 未检查：已提供{$data}，但因 custodia.yaml 中该文件的映射有输入错误而未能读取，以上所述均未依据本规则所需的这些数据；`check` 会将本规则报告为“未检查”
explain-not-checked-input-errors = 未完整检查：有 {$count} 项输入错误，相关的行未纳入检查，其中可能有决定本结果的行；`check` 会将本案卷判为“检查不完整”
explain-not-checked-unmatched = 未检查（可能是笔误）：本规则将{$values}，因此并未检验所写的条件；`check` 会将本规则报告为“未检查”（请更正规则中的文字，或更正数据）
explain-not-checked-left-out = 未完整检查：{$what}；`check` 的结论为“未全部检查”（NOT FULLY CHECKED，退出码 2）
explain-fails = 不通过，有 {$count} 项条件未满足
explain-passes = 通过，所有适用的条件均已满足
explain-result = 结果：{$verdict}
explain-held = 成立
explain-unknown = 无法判断：所需的值缺失（按不成立处理）
explain-not-held = 不成立
explain-effect-passes = 通过
explain-effect-cannot-tell = 不通过（无法确认：可能存在禁止的对象）
explain-effect-fails = 不通过
explain-effect-forbidden = 不通过（存在禁止的对象）
explain-effect-forbidden-and-cannot-tell = 不通过（存在禁止的对象；另有对象因条件所需的值缺失，无法判断）
explain-effect-holds = 成立
explain-found-none = 未找到 `{$collection}`：{$effect}
explain-found-none-unknown = 未找到确定匹配的 `{$collection}`（条件所需的值缺失）：{$effect}
explain-found = 找到 {$count} 个 `{$collection}`：{$objects}；{$effect}
explain-and-more = 另有 {$count} 个
test-no-tests = 错误：{$paths}：这些策略文件中没有 `test` 块，未进行任何测试
test-summary = 共 {$count} 个测试：通过 {$passed} 个，未通过 {$failed} 个
test-coverage-below = 覆盖率 {$percent}% 低于要求的 {$min}%
test-given-at = 测试数据（位于 {$place}）：{$problem}
test-happened-no-subject = 实际：此测试未给出任何 `{$collection}`，规则没有可检查的对象：请至少给出一个
test-no-such-subject = 测试中没有编号为 `{$id}` 的 `{$collection}`，此项预期无从验证
test-expected-fails = 预期：`{$rule}` 不通过
test-expected-fails-for = 预期：`{$rule}` 对 {$subject} 不通过
test-expected-passes = 预期：`{$rule}` 通过
test-expected-passes-for = 预期：`{$rule}` 对 {$subject} 通过
test-happened-passes = 实际：通过；评估过程如下：
test-happened-not-checked = 实际：未检查 {$ids}：对其无法判定 `where` 或 `when` 条件（缺少所需的值），规则对其未作任何结论；请补全该值，或预期补全后规则的结果。评估过程如下：
test-happened-violations = 实际：违规 {$count} 项
test-expected-lacks = 预期：`{$rule}` 证据不足（规则无法判断）
test-expected-lacks-for = 预期：`{$rule}` 对 {$subject} 证据不足（规则无法判断）
test-happened-could-not-tell = 实际：没有违规：规则无法判断（证据不足 {$count} 项），因为所需的值缺失，或引用在本测试的数据中找不到对象；只有违规才算 `fails`：
test-could-not-tell-fix = 修改方法：给出缺失的值或引用所指的对象，让规则能够判断；如果本测试要说明的正是规则无法判断，请写 `expect {$rule} lacks evidence{$subject}`
test-dangling-refs = 该对象的引用在本测试的数据中找不到对象（`custodia check` 将其报告为 `integrity.dangling_ref`）：
test-at = ，位于 {$place}
test-clause = 条件：{$clause}
test-insufficient-evidence = 结果：证据不足（有值缺失）
test-evidence = 证据：{$collection} {$place}
test-coverage = 覆盖率：{$total} 个条件中有 {$covered} 个既测到通过也测到不通过（{$percent}%）
test-coverage-rule = 已覆盖 {$full}/{$total} 个条件
test-expects-nothing = 此测试没有 `expect`，无论规则结果如何都会通过：请写明预期（`expect 规则 passes for "ID"` 或 `fails for`）
test-coverage-rule-line = {$rule}（{$place}）：{$counts}
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
lint-count-for-none = 经 `let` 绑定的计数，只要有一个对象的条件无法判定（日期缺失、引用悬空）即为未知：即使另有对象确定满足条件，说它为 0 的检查也只报告为证据不足，而非违规
lint-count-for-none-label = 此计数经过 `let`：任一无法判定的对象都会使其未知
lint-count-for-none-help = 请直接比较计数本身（`require count(...) == 0`），它按确定满足条件的对象判定；或用相同条件写成 `not exists(...)`：只要有一个对象确定满足条件，两者都判为违规
lint-unindexed-join = 此 {$what} 没有可供建立索引的相等条件：它会把每个 `{$collection}` 与每个检查对象逐一比较，数据量大时很慢
lint-unindexed-join-label = 没有可索引的相等条件
lint-unindexed-join-help = 请在 `{$collection}` 的某个字段上加一个 `字段 == 值` 条件，其值须在此之前已知（如 `d.record == r.id`）
lint-unused-let = `{$name}` 从未被使用
lint-unused-let-label = 定义于此
lint-unused-let-help = 请删除该 `let`，或在后面的条件中使用这个名称
lint-waiver-without-by = 对 `{$rule}` 就“{$subject}”的豁免未写明批准人
lint-waiver-without-by-label = 缺少 `by`
lint-waiver-without-by-help = 请补充 `by "姓名"`：审核人员会询问由谁承担了该风险
lint-waiver-by-place = 该豁免指向“{$subject}”，即数据文件中的某一行：`check` 不会按此豁免任何违规
lint-waiver-by-place-label = 指向文件和行号，而非对象
lint-waiver-by-place-help = 文件一经修改，该行可能变成另一条记录；请按指纹豁免违规：`for "fingerprint:…"`（指纹见 JSON、SARIF 和审计报告）
lint-waiver-too-long = 该豁免有效期至{DAY($until)}，距{DAY($today)}超过一年
lint-waiver-too-long-label = 超过一年
lint-waiver-too-long-help = 豁免期限最长一年，复核后再予续期
lint-always-true = 此 `require` 恒为真，永远不会报告任何违规
lint-always-true-help = 请核对法规的实际要求；必填字段总是有值
lint-list-is-set = `{$path}` 是列表：`is set` 与 `is missing` 只判断它是否存在，而空列表（CSV 中的空单元格、`[]`、只写“无”的单元格）也算存在
lint-list-is-set-label = 空列表在此算作已填写
lint-list-is-set-help = 若要求至少有一项，请写 `len({$path}) >= 1`
lint-never-true = 此 {$what} 永远不会成立，该规则实际上什么也没有检查
lint-why-false = 它是 `false`
lint-why-empty-range = `{$first}` 与 `{$second}` 不可能同时成立：没有取值落在这一范围内
lint-why-true = 它是 `true`
lint-why-always-set = `{$path}` 总是有值
lint-why-required = `{$path}` 总是有值（必填，或有默认值）
lint-why-lists-every-value = 列表包含了 `{$path}` 可能取的每一个值
lint-why-pattern-matches-none = 该模式与 `{$path}` 可能取的任何一个值都不匹配
lint-why-case-never-equal = `{$call}` 永远不会等于 {$literal}：后者含有另一种大小写的字母
lint-why-excludes-every-value = 这些 `!=` 条件排除了 `{$path}` 可能取的每一个值
lint-why-contradiction = `{$path}` 须同时是 {$first} 之一和 {$second} 之一
lint-why-both = {$first}；{$second}
lint-why-negates-itself = 它同时要求 `{$cond}` 成立与不成立
lint-why-compares-itself = `{$cond}` 把一个值与它自身比较
lint-why-negative-size = `{$cond}`：长度或计数不可能是负数

## 检查的说明（src/app.rs、src/packs.rs）

note-rule-checks-nothing = 第 {$line} 行，规则 `{$rule}`：{$lint}（{$code}）；请修改该条件（`custodia validate` 会显示）
note-empty-policy-file = 策略文件为空
note-naive-datetimes = 有 {$count} 个日期时间未带时区偏移（首个位于第 {$line} 行），因案卷未设置时区，已按 UTC 读取；请在 custodia.yaml 中设置 `time_zone`，或使用 --tz
note-placeholder-items = `{$column}` 列中有 {$count} 个列表项表示“无”，已从列表中去除（首个位于第 {$line} 行）：{$words} 等词不算列表项，因此 `甲;无` 记为一项，单独的 `无` 记为空列表
note-placeholder-cells = `{$column}` 列中有 {$count} 个单元格只写了表示“无”的词（首个位于第 {$line} 行）：{$words} 等词不是可选字段的值，因此这些单元格按缺失读取（`is set` 为假）
note-foreign-offset = 有 {$count} 个日期时间带有时区偏移 {$offset}（首个位于第 {$line} 行），而案卷时区 {$zone} 从不使用该偏移：这些时间的日期（期限、“当日”）按 {$zone} 计算，而非按其书写时的时区；如 {$offset} 是公司所在地的时间，请在 custodia.yaml 中设置 `time_zone`（北京时间：Asia/Shanghai）
error-foreign-offset-unzoned = 有 {$count} 个日期时间带有时区偏移 {$offset}（此处为首个），但 custodia.yaml 和 --tz 均未指定公司所在时区：若按默认的 UTC 计算，这些时间的日期（期限、“当日”）会发生偏移，逾期的事件可能被判为合规；请在 custodia.yaml 中设置 `time_zone`（北京时间：Asia/Shanghai），如确按 UTC 计算，请写明 `time_zone: UTC`
note-posix-zone = 时区 `{$zone}` 表示 UTC{$offset}：这类 POSIX 名称的正负号是反的；北京时间请写 Asia/Shanghai
note-as-of-after-today = 本次检查以{DAY($as_of)}为基准日，晚于检查运行之日（{DAY($today)}）：保管期限和各项期限均计算到该日，而数据只包含运行之日前已发生的事项
pack-note-none-used = 未使用任何内置规则包：custodia.yaml 中写明 `packs: []`，因此只检查了案卷自己的策略
pack-note-beside-own = 除案卷自己的策略外，还检查了内置规则包 {$packs}；如只需检查案卷自己的策略，请在 custodia.yaml 中写 `packs: []`
policy-std-copy-unfit = 错误：{$file} 自行声明的 `record` 几乎包含标准结构的全部字段，但内置规则包 {$packs} 无法据此检查：{$reason}。这些规则包的规则将被略过，因此未作任何检查：请在标准结构上改用 `extend record {"{"} ... {"}"}`，而不要复制标准结构；如只需检查案卷自己的策略，请在 custodia.yaml 中写 `packs: []`
pack-note-own-record = 未使用内置规则包 {$packs}：{$file} 自行声明了 `record` 结构，而这些规则包的规则需要标准结构（如需使用，请改写为 `extend record {"{"} ... {"}"}`）；这些规则包所查的法规义务未经检查：检查结论为“未全部检查”，除非以 `--allow-skipped` 明示接受，退出状态为 2
pack-note-own-record-fits = 除案卷自己的策略外，还检查了内置规则包 {$packs}：{$file} 自行声明了 `record` 结构，且其中声明了这些规则包所用的全部字段及其类型；如只需检查案卷自己的策略，请在 custodia.yaml 中写 `packs: []`

## 读取数据时的输入错误（src/data：convert.rs、rows.rs、loader.rs）

human-input-error = {$at}：{$message}

data-list-unsplit = 列表项含有“{$sep}”：CSV 列表单元格中各项以“;”分隔（请改用“;”，或在 custodia.yaml 中为该列映射 `separator: {$sep}`）
data-expected = 应为{$expected}
data-duration-category = `{$written}` 是2016年以前旧办法的保管期限类别（长期、短期），没有确定的年限：请写明具体期限（如 `30年`、`10年` 或 `永久`）
data-duration-bound = `{$written}` 只给出了期限的上限或下限，不是确定的期限：请写明期限本身（`{$period}`）
data-duration-two-units = `{$written}` 用了两个单位：请用一个单位写出期限（`{$period}`）
data-duration-prefixed = `{$written}`：`定期` 是类别名称，不是期限：请只写期限（`{$period}`）
data-expected-found = 应为{$expected}，实际为{$found}
data-expected-found-list-number = 应为{$expected}，但列表中有数字
data-list-item = {$problem}（列表中的一项）
data-excel-error-text = 是 Excel 错误值 {$error}，不是数据：保存文件前，该单元格的公式已出错
data-found-list = 列表
data-found-object = 对象
data-found-number = 数字
data-number-not-exact = 数字位数过多，无法精确读取（超过 2^53 = 9007199254740992，且不是 64 位整数）：JSON 读取时只能保留其近似值，无法确定原值；请加引号，按文本填写
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
data-date-year-before-1900 = 年份 {$year} 早于 1900 年，不会是公司档案的年份：看来是两位数的年份被照写成了四位（Python 和 pandas 会把 `24-03-01` 导出为 `0024-03-01`）；请写出完整的年份（`2024-03-01`），或将该单元格留空
data-datetime-in-gap = {$zone} 的时钟跳过了这一时刻（由 {$before} 调至 {$after}），该时间并不存在：请写明记录时的时差（如 {$after}）
data-datetime-in-fold = {$zone} 的时钟两次经过这一时刻（先为 {$before}，后为 {$after}），该时间对应两个时点：请写明记录时的时差
data-datetime-fraction = 时间带有不足一秒的小数（`{$fraction}`），而 custodia 只按整秒记录时间：舍去或进位都可能把事件挪到期限的另一侧，因此未读取该值；请在源数据中把时间写到整秒，并按规则的需要取整（不得晚于期限的时间向上取整，不得早于期限的时间向下取整；数据库可在条目的 `query:` 中取整）
data-datetime-offset-beyond = {$base}；时区偏移 `{$offset}` 超出 ±14:00，没有任何时区使用该偏移
data-datetime-annotation-without-offset = {$base}；`[Asia/Shanghai]` 这样的时区标注须紧跟在与之一致的偏移之后（`+08:00[Asia/Shanghai]`）
data-datetime-annotation-disagrees = {$base}；该时刻的时区偏移与时区标注不一致，或时区名称无法识别
data-did-you-mean = ；是否应为 `{$name}`？
data-unknown-event-kind = 未知的事件类型 `{$kind}`；schema 中声明的事件类型为 {$kinds}{$hint}
data-unknown-event-kind-rows = {$message}（本文件共 {$count} 行，此处为第一行：这些行都没有在 `kind` 列中写明事件类型，因此按文件名读作 `{$kind}` 事件；请按事件类型命名文件（如 `access.csv`），或增加 `kind` 列，或在 custodia.yaml 中用 `kind:` 映射该文件）
data-required-field-missing = 必填字段缺失或为空
data-void-event = `{$column}` 列在这一行中记为“{$value}”：这条 `{$kind}` 记录已作废、删除、撤销或被驳回，尚未完成，或未成功，但没有任何字段读取该列，这一行会被当作一次实际发生的 `{$kind}`。该行未读取。请删除该行，或在 custodia.yaml 中该文件的条目里用 `skip: {"{"} {$column}: {$value} {"}"}` 明确排除此类行；如 `{$column}` 记录的是别的内容，请声明它（`extend event {$kind} {"{"} {$column}: text? {"}"}`）或映射它
data-void-event-read-column = 这一行中的“{$value}”是这条 `{$kind}` 记录已作废的标记，却写在作为数据读取的列中，这一行会被当作一次实际发生的 `{$kind}`。该行未读取。请删除该行；如该行有效，请去掉单元格中的标记（作废情况请另设一列记录，并用 `skip:` 排除此类行）
data-event-other-kind = `{$column}` 列在这一行中记为“{$value}”，这不是 `{$kind}` 操作；但没有任何字段读取该列，而该文件的每一行都按 `{$kind}` 事件读取：这一行记录的操作（如销毁、修改、导出）会被当作 `{$kind}`，有关它的规则都看不到它。该行未读取。请把此类行放入按其种类读取的文件或条目，或在 custodia.yaml 中该文件的条目里用 `skip: {"{"} {$column}: {$value} {"}"}` 明确排除；如 `{$column}` 记录的是别的内容，请声明或映射它
data-near-miss-column = 列 `{$column}` 未在 schema 中声明，而已声明的字段 `{$field}` 缺失：是否应为 `{$field}`？请修改列名；修改之前，该列的值不会被读取，`{$field}` 取默认值
data-near-miss-beside-blank-column = 凡有 `{$column}` 列的行，`{$field}` 列都是空的；而 `{$column}` 列未在 schema 中声明、名称与 `{$field}` 相近，数据都在这一列：是否应为 `{$field}`？该列的值不会被读取，`{$field}` 按空值或默认值处理；请把数据移到 `{$field}` 列，并删除 `{$column}` 列
data-near-miss-beside-blank-cell = 本行 `{$field}` 列为空，而未声明、名称与之相近的 `{$column}` 列有值：同一字段出现了两列；`{$column}` 中的值不会被读取，`{$field}` 按空值或默认值处理；请只在 `{$field}` 列填写，并删除 `{$column}` 列
data-near-miss-disagrees = 未声明的 `{$column}` 列名称与 `{$field}` 相近（或是其常用名），本行两列的值却不同：同一字段写了两遍且互相矛盾，无法判断哪个正确；只读取 `{$field}`，只写在 `{$column}` 中的值（如冻结标记、日期）会被遗漏；请把正确的值填入 `{$field}` 并删除 `{$column}` 列，或在映射中指定真正存放数据的列（见 docs/mapping.md）
data-near-miss-disagrees-constant = 未被读取的 `{$column}` 列名称与 `{$field}` 相近（或是其常用名），本行的值却与 custodia.yaml 为 `{$field}` 指定的常量 `{$constant}` 不同：文件与映射互相矛盾，无法判断哪个正确；每一行都读取该常量，只写在 `{$column}` 中的值（如冻结标记、日期）会被遗漏；若该列存放的就是此字段，请把 `{$field}` 映射到 `{$column}`；否则删除该列，或在它存放其他内容时将其声明为单独的字段并映射（见 docs/mapping.md）
data-near-miss-disagrees-mapped = 未被读取的 `{$column}` 列名称与 `{$field}` 相近（或是其常用名），本行的值却与 custodia.yaml 为 `{$field}` 映射的 `{$mapped}` 列不同（该列为空也算不同）：同一事实写了两遍且互相矛盾，无法判断哪个正确；只读取 `{$mapped}`，只写在 `{$column}` 中的值（如冻结标记、日期）会被遗漏；请更正该行使两列一致，或删除 `{$column}` 列；若 `{$column}` 才是正确的列，请把 `{$field}` 映射到它；它存放其他内容时，请将其声明为单独的字段并映射（见 docs/mapping.md）

## custodia packs（src/packs.rs）

packs-does-not-check = 错误：内置规则包 `{$pack}` 未通过检查：{$errors}
packs-pack = {$name}（{$paths}）
packs-cite = 依据：{$cite}
packs-standard-schema = 标准数据结构：不含规则，所有规则包都以它为基础
packs-use = 用法：custodia check 案卷文件夹 --pack 规则包名（可重复），或在 custodia.yaml 中写 `packs: [规则包名, ...]`。
    未指定规则包的案卷，按全部 cn/ 规则包检查，并同时检查案卷自己的策略；但案卷策略自行声明了 `record` 结构时除外。


## 映射：custodia.yaml 中的数据来源条目（src/data/mapping/messages.rs，docs/mapping.md）

mapping-did-you-mean = ；是否应为 `{$name}`？
mapping-and-more = 另有 {$count} 个
mapping-expect-text = 文本
mapping-expect-enum = 以下取值之一：{$values}
mapping-expect-int = 整数
mapping-expect-decimal = 普通小数写法的数字
mapping-expect-bool = 布尔值（true/false、yes/no、1/0、是/否）
mapping-expect-date = 日期 YYYY-MM-DD
mapping-expect-datetime = 日期时间（RFC 3339 格式，如 2026-03-01T09:30:00+08:00；或 YYYY-MM-DD HH:MM[:SS]，按案卷时区理解）
mapping-expect-duration = 期限，如 `30 days`、`10 years` 或 `permanent`
mapping-expect-list = 由{$item}组成的列表
mapping-expect-date-as = 日期，格式为 {$forms}{$advice}
mapping-expect-date-time-as = 日期（格式为 {$forms}）加时间（H:mm 或 H:mm:ss，或 上午/下午h:mm、h:mm AM/PM）{$advice}
mapping-expect-date-as-excel = 日期，格式为 {$forms}（`excel` 序列日期数为五位数，即 10000 至 99999：更小的数不会被当作 1900 年的某一天）{$advice}
mapping-expect-date-time-as-excel = 日期（格式为 {$forms}）加时间（H:mm 或 H:mm:ss，或 上午/下午h:mm、h:mm AM/PM）（`excel` 序列日期数为五位数，即 10000 至 99999：更小的数不会被当作 1900 年的某一天）{$advice}
mapping-date-advice-add-form = ；该日期的格式是 `{$form}`：请在 `format:` 下添加 `{$form}`
mapping-date-advice-none = ；`format:` 可列出的格式都读不出这个日期：请在源数据中更正
mapping-expect-clock = 日期加时间：24 小时制的 H:mm 或 H:mm:ss，或 12 小时制（小时为 1 至 12）的 上午/下午h:mm、h:mm AM/PM；日期可以读取，但时间不是其中任何一种，而 `format:` 只说明日期的格式：请在源数据中更正时间（在 Excel 中可把该列的单元格格式设为 `yyyy/m/d h:mm:ss` 后重新导出）
mapping-expect-clock-part-of-day = 日期加时间，但时间中写的是 `{$part}`，不予读取：各方对它所指的钟点理解不一（“晚上12点”可指前后两个午夜），只有 上午/下午（AM/PM）明确指 12 小时制的前后半天；请在源数据中改用 24 小时制（如 `20:00`）或 上午/下午 书写时间
mapping-expect-duration-words = 期限，如 `30年`、`6个月`、`永久` 或 `10 years`
mapping-the-id = 对应的编号
mapping-the-case-itself = `{$path}` 指向案卷文件夹本身（路径为空或为 `.`）：请写明其中的某个文件或文件夹
mapping-reads-disagree = 本条目读取 `{$file}` 时所用的 `sheet:` 或 `header_row:` 与第 {$line} 行的条目不同：同一文件只读取一次，暂不支持读取同一工作簿的两个工作表（或两个表头行）；请将各工作表另存为单独的文件；该文件未读取
mapping-bad-glob = `{$pattern}`：通配符 `*` 和 `?` 只能用于文件名，不能用于文件夹名
mapping-glob-matches-nothing = `{$pattern}` 没有匹配到任何文件，请核对文件名和所在文件夹
mapping-folder-entry = `{$folder}` 是文件夹：设置了映射或编码的条目只读取文件，请逐一列出文件（`files: [{$folder}/*.csv]`）
mapping-no-header = {$file} 没有可映射的表头：表头行为空，或其中没有任何一行能够读取；未从中读取任何内容
mapping-no-such-column = {$file} 中没有 `{$column}` 列{$hint}（该文件的列：{$columns}）
mapping-column-twice = `{$column}` 列同时对应了 `{$first}` 和 `{$second}` 两个字段；一列只能对应一个字段（请只保留一处，另一字段改用其他列或 `constant`）
mapping-value-is-another-label = `{$key}` 是 schema 中 `{$field}` 的取值 `{$value}` 本身的名称，映射却把它读作 `{$target}`：写着 `{$key}` 的每一行都会被读成它没有说的值；请将它映射为 `{$value}`，或从 `values:` 中删去
mapping-bool-answers-alike = `{$key}` 本身读作 {$natural}，映射却把它读作 {$target}，与 `{$other}` 读法相同：是与否将读成同一个值，`{$field}` 的每一行都会是 {$target}；如该列所记与字段意思相反（如以「可销毁」记 `legal_hold`），请把两个答案都反过来映射（`{$key}: {$target}` 和 `{$other}: {$natural}`）
mapping-bool-inverted = `{$column}` 列按相反的意思读入 `{$field}`（{$manifest} 第 {$line} 行映射 {$pairs}）：该列的每一行都这样读取，请确认该列所记确与 `{$field}` 意思相反
mapping-shadowed-column = `{$field}` 已对应到另一列，但 {$file} 中还有一列名为 `{$field}`；请明确读取哪一列（将 `{$field}` 对应到该列，或修改文件中的列名）
mapping-unmapped-required = { $count ->
   *[other] {$file}：`{$collection}` 的必填字段 {$fields} 没有对应的列；请在 `columns:` 下补充（`字段: 列名`，或 `字段: {"{"} constant: 固定值 {"}"}`）
}
mapping-header-lacks = { $count ->
   *[other] 表头缺少 `{$collection}` 的必填列 {$columns}，该文件未读取。请修改列名，或在 custodia.yaml 中设置映射（见 docs/mapping.md；`custodia init` 可生成映射初稿）
}
mapping-no-collection = schema 中没有可对应此文件的 `{$name}` 集合
mapping-no-table = schema 中没有名为 `{$name}` 的数据表
mapping-unknown-kind = `kind: {$kind}` 不是 schema 中的事件类型{$hint}（可用类型：{$kinds}）
mapping-other-kind = `kind` 列写的是 `{$named}`，但 custodia.yaml 第 {$line} 行的条目把其中的行读作 `{$kind}` 事件；该行未纳入检查。请为每种事件各写一个条目，用 `kind:` 写明类型，并用 `where:` 按 `kind` 列筛选
mapping-log-needs-kind = {$file}：请用 `kind:` 注明此文件记录的是哪类事件（{$kinds} 之一）
mapping-unknown-field = `{$collection}` 没有 `{$name}` 字段{$hint}（字段清单见 `custodia schema`）
mapping-column-and-constant = `{$name}` 同时设置了 `column` 和 `constant`，只能保留一个
mapping-no-column = `{$name}` 需要注明 `column: 列名`（或 `constant: 固定值`）
mapping-bad-target = `{$field}` 的取值对照把 `{$from}` 转为 `{$to}`，但这不是 `{$field}` 的有效取值（应为{$expected}）{$hint}
mapping-fill-in-value = `{$field}` 的取值对照中 `{$from}` 尚未填写：请填入{$what}
mapping-fill-in-column = 请填写存放 `{$field}` 的列名（或写 `{"{"} constant: 固定值 {"}"}`）
mapping-bad-constant = `constant: {$value}` 不是 `{$field}` 的有效取值：应为{$expected}
mapping-format-not-date = `format` 只适用于日期和日期时间字段，`{$field}` 两者都不是
mapping-unknown-format = 未知的日期格式 `{$name}`；可用格式：{$formats}，每种只描述日期本身：日期后的时间无需列出格式（H:mm、H:mm:ss、上午/下午h:mm 和 h:mm AM/PM 在任何一种日期之后都能读取）
mapping-separator-not-list = `separator` 只适用于列表字段，`{$field}` 只有一个值
mapping-bad-lookup = `lookup: {$text}` 应写明数据表及其字段，如 `lookup: staff.name`
mapping-lookup-without-source = 查找对照要读取数据表 `{$table}`，但本案没有该表的文件（查找对照只读取数据表的文件，不读取数据库中的表）；请在 `tables:` 下添加该表的文件；如该表来自数据库，请先导出为 CSV 文件再添加
mapping-lookup-through-lookup = 查找对照所用的数据表 `{$table}` 本身也通过查找对照映射；请改为直接对应该表自己的列
mapping-lookup-table-unreadable = 查找对照所用的数据表 `{$table}` 无法读取（见该表自身的错误）
mapping-values-missing = `{$field}` 的取值对照缺少 {$file} 中 `{$column}` 列出现的取值（括号内为行数）：{$values}；请逐一补充到 `values:` 下
mapping-not-values-of = {$file} 的 `{$column}` 列含有不属于 `{$field}` 的取值（括号内为行数）：{$values}；应为{$expected}。请添加取值对照：`{$field}: {"{"} column: {$column}, values: {"{"} 原值: 代码 {"}"} {"}"}`
mapping-filter-selects-nothing = 此 `where` 在 {$file} 中没有选中任何行；`{$column}` 列的取值（括号内为行数）：{$values}
mapping-value-count = `{$value}`（{$count}）
mapping-empty-value = （空）
mapping-by-value = ：`{$column}` = {$values}
mapping-rows-unread = {$file} 中有 {$count} 行（第一行在第 {$line} 行）没有被任何条目读取{$values}；请把这些取值加入某个条目的 `where:`，或加入 `skip:` 以明确不读
mapping-rows-twice = {$file} 中有 {$count} 行（第一行在第 {$line} 行）同时被两个条目选中（第 {$first} 行和第 {$second} 行）；请让两处 `where:` 互不重叠
mapping-skip-left-out-nothing = `skip:`（custodia.yaml 第 {$line} 行）没有略去任何行：如本应略去某些行，请对照该列的原文核对其取值
mapping-skip-near-value = `{$column}` 列在这一行中记为“{$value}”，其中含有 `skip:`（{$manifest} 第 {$line} 行）所略去的“{$skipped}”，但它本身不在略去列表中，这一行会被当作数据读取。该行未读取。如该行同样作废，请把“{$value}”加入 `skip:` 列表；如不是，请按被读取各行的写法填写该单元格
mapping-rows-skipped = 已按 `skip:`（custodia.yaml 第 {$line} 行）明确跳过 {$count} 行
mapping-unmapped-columns = 以下列未对应任何字段，未读取：{$columns}
mapping-unmapped-column-strict = `{$column}` 列未映射到任何字段，因此未被读取（--strict）：请在 custodia.yaml 中映射该列（如 schema 中没有对应字段，先用 `extend` 声明一个）；如只需提示，请去掉 --strict 再运行
mapping-unmapped-columns-strict-more = 另有 {$count} 列未映射到任何字段，因此未被读取（--strict）
mapping-cannot-map-format = 映射只能读取 .csv、.jsonl、.parquet 文件、工作簿（.xlsx、.xls、.ods）和 Excel 的 Unicode 文本（.txt），不能读取 .{$ext} 文件
mapping-txt-not-unicode-text = .txt 文件只按 Excel 的“Unicode 文本”读取（另存为 → Unicode 文本：UTF-16 编码、制表符分隔），而此文件不是：未读取；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”（.csv），或另存为“Unicode 文本”
mapping-bad-cell = `{$column}` 列：应为{$expected}
mapping-cell-refused = `{$column}` 列：{$why}
mapping-expect-time-of-day = 日期加时间 H:mm，而此处只有日期：该字段是日期时间，具体时刻无法由 `format:` 补充，也不能推测；请在源数据中记录时间
mapping-bad-date-cell = `{$column}` 列：工作簿中的日期单元格（读取结果如所示）不符合此字段：应为{$expected}
mapping-lookup-unknown = `{$column}` 列：`{$table}` 中没有任何一行的 `{$by}` 为此值
mapping-lookup-ambiguous = `{$column}` 列：`{$table}` 中有多行的 `{$by}` 为此值（{$ids}），无法确定是哪一行；请改填编号
mapping-lookup-exception-shadows = `{$column}` 列：值映射把 `{$name}` 对应为 `{$id}`，但 `{$table}` 中也有 `{$by}` 为 `{$name}` 的行（{$ids}）：填写 `{$name}` 的行指的是谁，无从判断；请为该例外换一个表中没有的名称（在文件和映射中都加上如“（外审）”的标注），或在文件中改填编号
mapping-lookup-exception-takes-id = `{$column}` 列：值映射把 `{$name}` 对应为 `{$id}`，但 `{$table}` 中 `{$id}` 属于 `{$by}` 为 `{$other}` 的另一行：凡写 `{$name}` 的行都会被当作此人的记录；请给该例外一个表中没有的编号（如 `EXT-01`），或更正映射
mapping-from-column = （文件中的 `{$column}` 列）


## custodia init（src/init_cmd，docs/mapping.md）

init-no-folder = 错误：{$dir}：文件夹不存在
init-exists = 错误：{$path} 已存在，未作改动。如需覆盖，请加 --force
init-cannot-write = 错误：无法写入 {$path}：{$error}
init-outside = 错误：{$file} 不在 {$dir} 之内；映射只能指向本案文件夹中的文件
init-conventional = 按约定名称读取（inventory、logs/、tables/），无需映射
init-not-readable = `init` 暂不能读取 .{$ext} 文件，请手工编写映射（见 docs/mapping.md）
init-no-header = 该文件没有表头行
init-unplaced = 其各列与 schema 中的任何集合都对不上；请手工编写映射，或将其列入 `ignore:`
init-second-table = 已有另一文件被当作数据表 `{$name}`；如本文件还有其他行，请手工编写映射
init-second-inventory = 已有另一文件被当作资料目录；如本文件也是资料目录，请加入 `inventory: files:`
init-wrote = custodia init：已写入 {$path}
init-role-inventory = 资料目录
init-role-log = `{$kind}` 事件日志
init-role-table = 数据表 `{$name}`
init-placed = {$file}：{$role}，已对应 {$count} 列
init-placed-encoding = {$file}：{$role}，已对应 {$count} 列，按 {$encoding} 编码读取
init-fill-in-heading = 待填写（标有 `# TODO`；未填写前 `custodia check` 会逐项报错停止）：
init-guesses-heading = 待核对（标有 `# check`：按名称相近推测的列）：
init-not-mapped-heading = 未映射：
init-column-not-mapped = {$file}：`{$column}` 列与 `{$collection}` 的任何字段都不相近，将不被读取
init-column-like-mapped = {$file}：`{$column}` 列：名称与 `{$field}` 相近，而 `{$field}` 已映射到 `{$mapped}` 列；该列不会被读取，若某行中它的标记、类别、日期或数字与 `{$mapped}` 不一致，`custodia check` 会报错停止：请只在其中一列保留数据并删除另一列；若 `{$column}` 才是正确的列，请把 `{$field}` 映射到它
init-unread-dates = {$file}：`{$column}` 列有无法识别的日期写法（{$values}）；在更正这些值或补充 `format:` 之前，这些行将作为输入错误报告
init-next = 下一步：custodia check {$dir}
init-yaml-head-1 = 本文件由 `custodia init` 生成：说明公司自有文件如何对应到 custodia 的数据结构（schema）。
init-yaml-head-2 = 标有 `# check` 的行是推测，请核对；标有 `# TODO` 的行必须填写。
init-yaml-head-3 = 填好后对本文件夹运行 `custodia check`。详见 docs/mapping.md。
init-yaml-time-zone = 未注明时区的时间按此时区理解
init-yaml-encoding = 非 UTF-8：按中文 Windows 下 Excel 保存 CSV 的编码读取
init-yaml-title-rows = 上方各行为标题
init-todo-column = 未找到必填字段 `{$field}` 对应的列：请填写列名，或写 `{"{"} constant: 固定值 {"}"}`
init-todo-value = `{$column}` 列中的 `{$value}`：请填写{$what}
init-guess = 推测：`{$column}` 与 `{$field}` 的常用列名相近，请核对
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

## Input data (src/data)
## 读取案卷数据时的输入错误和说明（docs/reports.md「Languages」）；消息中的
## 行、列均指其前所列文件中的位置

## 读取 CSV 和 JSONL 文本（src/data/read.rs）

read-csv-empty = 文件为空：CSV 文件至少应有表头行（没有事件的日志也应保留表头）
read-csv-bad-header = 无法读取表头行：{$reason}
read-csv-record-too-long = 此行跨越 {$lines} 行，超过 {$max} 行的上限：某个带引号的字段把下面的各行都包含了进去；此处是否误加了引号（`"`）？该行及其包含的各行均未读取
read-csv-swallowed-rows = { $count ->
   *[other] 此处开始的带引号字段直到第 {$end} 行才闭合，其中第 {$lines} 行{$more}看起来是被并入此字段的数据行（字段数与表头列数相同，或前两个值的格式与此行相同）：此处的引号（`"`）或第 {$end} 行闭合它的引号是否误加？该行及其包含的各行均未读取
}
read-csv-swallowed-rows-unseen-breaks = 此处开始的带引号字段中含有不作为本文件行尾的换行符（行尾另有格式时的单独回车符，或 U+2028、U+2029、U+0085），其后的文字看起来是本文件的数据行（字段数与表头列数相同，或前两个值的格式与此行相同）：此处的引号（`"`）是否误加？该行及其包含的文字均未读取
read-csv-header-swallowed-rows = 表头中的一个列名以引号开始，直到第 {$end} 行才闭合，其中的各行看起来是本文件的数据行：此处的引号（`"`）是否误加？该文件未读取
read-csv-line-range = {$first} 至 {$last}
read-csv-more-lines = 及另外 {$count} 行
read-csv-field-count = 此行有 {$fields} 个字段，而表头有 {$header} 列
read-csv-cut-short = 文件在此行结束，行末没有换行符：文件可能被截断，最后一个值也可能随之不完整。此行未读取；如文件完整，请在文件末尾加一个换行符
read-csv-bad-row = 此行无法解析：{$reason}
read-csv-duplicate-column = 表头中 `{$column}` 列出现了两次（第 {$first} 列和第 {$second} 列）；该文件未读取
read-csv-invalid-utf8 = 不是有效的 UTF-8 文本
read-csv-open-quote = 此行开始的引号始终没有闭合
read-jsonl-not-object = 此行应为一个 JSON 对象
read-jsonl-invalid = 此行不是有效的 JSON：{$reason}

## 读取文件（src/data/loader.rs、stream.rs）

load-cannot-read = 无法读取此文件：{$reason}
load-sheet-not-workbook = custodia.yaml 中的 `sheet:` 指的是工作簿（.xlsx、.xls、.ods）中的工作表，而此文件是 .{$ext} 文件；该文件未读取
load-header-row-not-csv = custodia.yaml 中的 `header_row: {$row}` 只适用于 CSV 文件和工作簿，而此文件是 .{$ext} 文件；该文件未读取
load-unknown-file-type = 无法识别的文件类型；应为 .csv、.jsonl、.json、.yaml 或 .yml 文件
load-no-collection = schema 中没有可对应此文件的 `{$collection}` 集合
load-not-an-array = `{$key}` 下应为对象数组；其下内容均未读取
load-key-not-event-kind = 键 `{$key}` 不是 schema 中的事件类型，其下内容均未读取；日志文件中对象的键应为事件类型（{$kinds}）{$hint}
load-key-other-collection = 键 `{$key}` 未读取：此文件存放的是 `{$collection}` 数据，只从数组或键 `{$collection}` 下读取；其他集合的数据请放在各自的文件中
load-more-undeclared = 另有 {$count} 列未在 schema 中声明
load-undeclared-column = `{$column}` 列未在 schema 中声明
load-undeclared-strict = {$what}（--strict）
load-undeclared-ignored = {$what}；已忽略该列
load-more-undeclared-company = 另有 {$count} 个键不是 schema 声明的公司事实
load-undeclared-company-key = 键 `{$key}` 不是 schema 声明的公司事实，因此未被读取，读取公司事实的规则看不到它：请改用声明的名称（{$facts}），或声明它（`extend company {"{"} ... {"}"}`），或删除该键
load-place-line = 第 {$line} 行
load-above-header = {$row}位于表头行（第 {$header_row} 行）之上，却像数据行一样有 {$values} 个值，而表头之上的行不会被读取：请核对 custodia.yaml 中的 `header_row` 是否正确；该文件未读取
load-jsonl-empty = 文件为空：没有任何一行的 JSON Lines 文件正是导出失败时会写出的，因此不能表示“没有记录”；如确实没有，请在 .json 文件中写 `[]`（或在 .csv 文件中只写表头）；该文件未被读取
load-encoding-guessed = 此文件不是 UTF-8 编码，按 GB18030（GBK）可读作中文文本，这是中文系统上 Excel 保存 CSV 时使用的编码；如判断有误，请写明其编码（custodia.yaml 中的 `encoding:`，或 `--encoding`）
load-encoding-bom = 文件开头的字节顺序标记（BOM）标明了该编码
load-encoding-guessed-utf16 = 文件开头没有字节顺序标记（BOM），但其中 ASCII 字符每隔一个字节就是一个 NUL，与 UTF-16（“Unicode 文本”）相符；如判断有误，请写明其编码（custodia.yaml 中的 `encoding:`，或 `--encoding`）
load-same-file-twice = 未重复读取：此路径经由链接指向的文件与 `{$first}` 相同，该文件只读取一次
load-read-as = 按 {$encoding} 读取：{$why}
load-tab-separated = 按制表符分隔读取：该文件为 UTF-16 编码，首行含制表符而不含逗号，与 Excel “Unicode 文本”格式另存的文件相符
load-file-changed = 读取过程中文件发生了变化，未能完整读取

## JSON 和 YAML 文档（src/data/document.rs）

doc-repeated-key = 此对象中键 `{$key}` 出现了两次
doc-file-not-read = {$problem}；该文件未读取
doc-json-too-deep = 不是有效的 JSON：嵌套超过 {$limit} 层（上限）；该文件未读取
doc-json-invalid = 不是有效的 JSON：{$reason}；该文件未读取
doc-json-shape = 应为对象数组，或形如 `{"{"}"{$collection}": [...]{"}"}` 的对象
doc-item-not-object = 第 {$item} 项不是对象
doc-item-not-mapping = 此项应为映射（`键: 值`）
doc-says-nothing = 文件中没有任何数据行，而空的 {$format} 文档正是导出失败时留下的结果：如确实没有数据，请写 `[]` 予以说明；该文件未读取
doc-yaml-shape = 应为由映射组成的序列（`- 键: 值` 各项），或以 `{$collection}` 为键、其值为此类序列的映射；该文件未读取
doc-yaml-billion-laughs = 该 YAML 文档经锚点和别名展开后的值过多（即“十亿笑声”文档）；该文件未读取
doc-yaml-too-deep = 不是有效的 YAML：嵌套过深；该文件未读取
doc-yaml-invalid = 不是有效的 YAML：{$reason}；该文件未读取
yaml-several-documents = 该文件包含多个 YAML 文档（以 `---` 分隔），custodia 只读取一个：请删去 `---` 行，只保留一个列表或映射
yaml-too-deep = 嵌套过深
yaml-duplicate-key = 同一映射中键 `{$key}` 出现了两次；只保留一个
yaml-tab = 此处 YAML 不允许制表符：只用空格缩进，含制表符的值要加引号
yaml-quote = 带引号的值没有结束，或含有 YAML 不认识的转义：用开头的同一种引号结束它（在 "…" 中反斜杠写作 \\，或改用 '…'）
yaml-bracket = `[` 或 `{"{"}` 没有在应有的位置闭合：请闭合它，各项之间用 `,` 分隔
yaml-ends-early = 文件在一个值的中间结束：某个列表、映射或带引号的文本没有写完
yaml-alias = 别名 `*name` 需要在它之前写有对应的锚点 `&name`（只写一次）
yaml-tag = 不读取 YAML 标签（`!…`）和指令（`%…`）：请写普通的值
yaml-colon = 此处不能开始一个键却出现了 `:`：含有 `: ` 的值要加引号（`title: "a: b"`），或将该行缩进到其所属的键下
yaml-indentation = 缩进与上文不符：同一映射的各键应从同一列开始，同一列表的各 `- ` 项也应如此
yaml-value-start = 值不能在此处以这个字符开头：请给该值加引号
yaml-generic = 此处应为 YAML 映射（`键: 值`）或列表（`- 项`）：请检查缩进、每个键后的 `: ` 以及引号
doc-company-not-mapping = 应为一个记载公司信息的映射

## 案卷中的文件和文件夹（src/data/walk.rs）

walk-folder-not-file = 这是文件夹，不是文件；未读取
walk-dangling-link = 符号链接指向的目标不存在；未跟随
walk-link-loop = 符号链接形成循环（链接层数过多）；未跟随
walk-link-loop-to = 符号链接形成循环：此链接指回 `{$ancestor}`；未跟随
walk-no-such-path = 该路径不存在
walk-cannot-read = 无法读取此项：{$reason}
walk-cannot-read-entry = 无法读取此项
walk-permission-denied = 无法读取此项：没有访问权限；其下内容均未读取
walk-fifo = 命名管道（FIFO）
walk-device = 设备文件
walk-socket = 套接字
walk-special-file = 这是{$what}，不是普通文件；未读取
walk-not-regular-file = 不是普通文件；未读取

## 工作簿（src/data/excel.rs、workbook.rs）

excel-formatted-number = `{$column}` 列：此单元格存的是数字，工作表按数字格式 `{$format}` 显示它，显示的内容并不是存储的值（如格式 `"R-"000` 把 1 显示为 `R-001`，格式 `0.00` 把 2023.1 显示为 `2023.10`），无法据此确定编号；请以文本形式保存这类编号（将该列设为“文本”格式后重新录入），或将该工作表另存为 CSV
excel-formatted-text = `{$column}` 列：此单元格存的是文本，工作表按数字格式 `{$format}` 显示它，并在文本前后添加了文字（如格式 `"R-"@` 把 `1002` 显示为 `R-1002`），显示的内容并不是存储的值，无法据此确定编号；请按应显示的样子录入编号，将该列的数字格式设为“文本”后保存，或将该工作表另存为 CSV
excel-long-number = `{$column}` 列：数字长达 16 位以上，而 Excel 只保留 15 位有效数字，末几位可能已丢失（以数字形式输入的 18 位身份证号或银行账号末尾会变成 000），不能据此识别记录或个人；请以文本形式保存这类数字（将该列设为“文本”格式，并从源系统重新录入）
excel-date-in-identifier = `{$column}` 列 {$cell} 单元格：Excel 已把该单元格自动转换为日期（输入 `1995-2`、`3-12` 或 `2026/1/5` 这样的档案号时就会如此），只保存日期值，并按单元格的日期格式显示；原先输入的文字（也就是其他文件中的写法）已丢失，无法据此识别记录（写作 `1995-2` 的引用与它对不上）；请以文本形式保存这类值（将该列设为“文本”格式后重新录入，或输入时在前面加英文单引号，如 '1995-2）
excel-cannot-read-sheet = 无法读取工作表 `{$name}`：工作簿中该表的数据已损坏，或采用了 custodia 无法读取的格式（读取程序的提示：{$reason}）；该表的内容均未读取。请用 Excel 或 WPS 重新保存该工作簿，或将该工作表另存为 CSV
excel-ole-file = 此文件不是 .{$ext} 工作簿，而是 OLE 复合文件：可能是设有密码的工作簿，或是改了扩展名的旧版 .xls 文件；请取消密码（或将扩展名改回 .xls）后重新保存；该文件未读取
excel-not-a-workbook-extension = 不是工作簿的扩展名
excel-cannot-read-workbook = 无法作为 .{$ext} 工作簿读取此文件（{$reason}）；该文件未读取
excel-not-a-worksheet = 工作表 `{$name}` 是图表或宏表，不是含单元格的普通工作表；该工作簿的工作表：{$sheets}
excel-no-sheet-named = 工作簿中没有名为 `{$name}` 的工作表；其工作表为：{$sheets}
excel-no-sheet-number = 工作簿中没有第 {$number} 张工作表；其工作表为：{$sheets}
excel-sheets-with-hidden = {$shown}；隐藏的工作表（只能按名称指定）：{$hidden}
excel-merged-overlap = 工作表中的合并区域 {$first} 与 {$second} 相互重叠（Excel 打开这样的工作簿时会进行修复：重叠的单元格显示哪个值并无定义）；请用 Excel 或 LibreOffice 打开后重新保存；未读取任何内容
excel-struck-through = `{$column}` 列（单元格 {$cell}）的值（全部或部分文字）带有删除线，在登记簿中划线表示该条作废：无法判断该行或该值是否仍然有效；请删除已作废的行，或在单独的一列中记录作废（如 `作废` = `是`），并在 custodia.yaml 中用 `skip:` 排除这些行；若删除线只是格式，请去掉它；该行未被读取
excel-conditional-format-shows = `{$column}` 列（单元格 {$cell}）设有条件格式，条件成立时其数字格式显示{ $blank ->
    [yes] 空白
   *[no] `{$shown}`
}而非单元格的值：无法判断归档的表格显示的是哪一个（custodia 不计算条件格式的规则）；请清除条件格式（开始 → 条件格式 → 清除规则），或更正数值；该行未被读取
excel-conditional-strike = `{$column}` 列（单元格 {$cell}）设有条件格式，条件成立时显示删除线，在登记簿中划线表示该条作废：无法判断该行是否作废（custodia 不计算条件格式的规则）；请在单独的一列中记录作废（如 `作废` = `是`），并在 custodia.yaml 中用 `skip:` 排除这些行，或清除条件格式；该行未被读取
excel-void-note = `{$column}` 列（单元格 {$cell}）带有批注“{$note}”：登记簿中这样的批注表示该条作废，这一行却会被当作有效记录读取；请删除已作废的行，或在单独的一列中记录作废（如 `作废` = `是`），并在 custodia.yaml 中用 `skip:` 排除这些行；若批注说的是别的事，请修改或删除批注；该行未被读取
excel-date-serial-hashes = `{$column}` 列（单元格 {$cell}）以日期格式存放数字 {$number}，Excel 显示为 `######`：Excel 的日期从 1900-01-01（1）到 9999-12-31（2958465），该单元格不是日期；请重新输入日期；该行未被读取
excel-date-serial-zero = `{$column}` 列（单元格 {$cell}）以日期格式存放数字 0，Excel 显示为 `1900/1/0`（1900年1月第0天，并非日期）或仅显示时间 `0:00`：该单元格不是日期；请重新输入日期；该行未被读取
excel-merged-hidden-value = `{$column}` 列（单元格 {$cell}）自有一个值，被合并区域 {$region} 遮住，该处显示的却是合并区域左上角单元格 {$origin} 的值：无法判断公司要表达的是哪一个；请取消合并并核对数值，或清空被遮住的单元格；该行未纳入检查
excel-merged-hidden-header = {$row}（表头行）：单元格 {$cell} 自有一个值，被合并区域 {$region} 遮住，该处显示的却是左上角单元格 {$origin} 的值：无法判断该列叫什么名字；请取消合并，或清空被遮住的单元格；未读取任何内容
excel-merged-title-header = 工作表 `{$sheet}` 的表头行（第 {$header_row} 行）是合并单元格 {$region} 中的 `{$title}`，不是列名：其余各列有值却没有列名；如果这是标题，表头是否在其他行（在 custodia.yaml 中设置 `header_row: {$next}`）？未读取任何内容
excel-cell-twice = 工作表 `{$sheet}` 中的单元格 {$cell} 写了两次（同一地址有两个单元格或两行）：该单元格显示哪个值并无定义；请用 Excel 或 LibreOffice 打开该工作簿，核对 {$cell} 的值后重新保存；未读取任何内容
excel-xlsx-shared-strings-too-large = 此 .xlsx 工作簿的共享字符串（`xl/sharedStrings.xml`）解压后超过 {$max} 字节，打开时须全部载入内存；未读取任何内容
excel-xlsx-text-too-large = 工作表 `{$sheet}` 中单元格的文字合计超过 {$max} 字节（每个单元格各自保存一份所引用的共享字符串），在 {$cell} 处超出上限；未读取任何内容
excel-sheet-too-large = 工作表 `{$sheet}` 中有内容的单元格从 {$first} 一直延伸到 {$last}，共 {$cells} 个单元格，超过 {$max} 个的上限：{$last} 处是否有误填的值？请删除该值或拆分工作表；未读取任何内容
excel-workbook-too-large = 此 .{$ext} 工作簿各工作表中有内容的单元格范围合计 {$cells} 个单元格（{$sheets}），超过 {$max} 个的上限：.{$ext} 工作簿打开时整本读入，所有工作表同时载入内存；请删除误填的值或拆分工作簿；未读取任何内容
excel-ods-text-too-large = 将重复的单元格（`number-columns-repeated`、`number-rows-repeated`）和连续空格（`text:s`）展开后，此 .ods 工作簿单元格中的文字超过 {$max} 字节的上限（在工作表 `{$sheet}` 的 {$cell} 处超出）；未读取任何内容
excel-ods-cut-short = 工作簿的 content.xml 在工作表 `{$sheet}` 中途就结束了：文件不完整或已损坏；请重新保存；未读取任何内容
excel-ods-rows-shifted = 工作表 `{$sheet}` 的 A 列没有值，且有值的行之间夹着空行（第 {$row} 行）：.ods 读取器会把其下各行放到错误的列下；请删除数据左侧的空列或这些空行后重新保存；未读取任何内容
excel-xls-dimensions = 工作表 `{$sheet}` 声明有 {$rows} 行 × {$columns} 列，超出 .xls 工作表的容量（{$max_rows} 行 × {$max_columns} 列）：文件已损坏，或并非由电子表格软件写出；请重新保存；未读取任何内容
excel-no-worksheet = 工作簿中没有普通工作表；该文件未读取
excel-header-row-zero = `header_row` 从 1 开始计数（第 1 行即工作表的首行）
excel-empty-sheet = 工作表为空：没有表头行
excel-empty-header-row = 工作表 `{$sheet}` 的第 {$header_row} 行是空行，没有列名；第一个有内容的行是第 {$first} 行：如该行是表头，请在 custodia.yaml 中设置 `header_row: {$first}`；未读取任何内容
excel-place-row = 第 {$row} 行
excel-place-sheet-row = 工作表 `{$sheet}` 的第 {$row} 行
excel-at-row = {$row}：{$message}
excel-unnamed-column = 工作表 `{$sheet}` 的 {$columns} 列在表头行（第 {$header_row} 行）之下有值，但在表头行中没有列名：表头是否在另一行（custodia.yaml 中的 `header_row:`）？未读取任何内容
excel-error-cell = `{$column}` 列（单元格 {$cell}）中是 Excel 错误值 {$error}；该行未纳入检查
excel-formula-not-computed = `{$column}` 列（单元格 {$cell}）中是公式，但没有计算结果：公式的结果没有保存下来（该工作簿由不计算公式的程序写成）；请用 Excel、WPS 或 LibreOffice 打开并重新保存，让公式算出结果；该行未纳入检查
excel-formula-stale = `{$column}` 列（单元格 {$cell}）中是公式，而该工作簿注明打开时须重新计算公式（`fullCalcOnLoad`）：它由不计算公式的程序写成（pandas 借助 XlsxWriter 写出时，每个公式的结果都存为 0），保存的结果并不是 Excel 中显示的值；请用 Excel、WPS 或 LibreOffice 打开并重新保存，或导出数值而不是公式；该行未纳入检查
excel-formula-stale-manual = 列 `{$column}`（单元格 {$cell}）含公式，而该工作簿设为手动计算且保存前不重新计算（`calcMode="manual"`、`calcOnSave="0"`）：保存的值是上次计算的结果，其引用的单元格之后可能已被修改；请重新计算（F9）后保存，或导出数值而非公式；该行未读取
excel-xls-formula-empty = `{$column}` 列（单元格 {$cell}）中是公式，保存的结果为空：.xls 工作簿中，从未计算过的公式（xlwt 等不计算公式的程序就是这样写的）与算出空文本的公式保存得一模一样，因此无法知道该单元格的内容；请用 Excel、WPS 或 LibreOffice 打开并重新保存，让公式算出结果；如果公式确实得出空文本，请把工作簿另存为 .xlsx（该格式能区分这两种情况），或将公式粘贴为数值；该行未纳入检查
excel-ods-error-cell = `{$column}` 列（单元格 {$cell}）中是公式，其结果是错误值；该行未纳入检查
excel-ods-bad-boolean = `{$column}` 列（单元格 {$cell}）是逻辑值（TRUE/FALSE）单元格，但保存的值既不是真也不是假（.ods 文件应写 `true`、`false`、`1` 或 `0`）：该文件不是由电子表格软件写出，或已损坏；请在该单元格中输入 TRUE 或 FALSE 后重新保存；该行未纳入检查
excel-ods-two-texts = `{$column}` 列（单元格 {$cell}）中有两段不同的文字：为它保存的值（`office:string-value`）与它显示的文字不一致，无法知道以哪一个为准：该文件不是由电子表格软件写出，或被手工改过；请重新输入该单元格后保存；该行未纳入检查
excel-xlsx-bad-string-index = `{$column}` 列（单元格 {$cell}）是共享字符串单元格，其序号写作 `{$value}`，而应为 `1` 这样的整数：读取器把它当作第 0 个字符串，LibreOffice 则当作另一个，无法确定该单元格显示的是哪段文字；该文件不是由电子表格软件写出，或被手工改过；请重新输入该单元格后保存；该行未纳入检查
excel-xlsx-string-parts = `{$column}` 列（单元格 {$cell}）中的文字分段写入，其中一部分位于电子表格软件未必显示的元素中（既不是普通的 `<t>`，也不是格式段 `<r>`），无法确定该单元格显示的内容；请重新输入该单元格后保存；该行未纳入检查
excel-ods-hidden-text = `{$column}` 列（单元格 {$cell}）中有文字位于电子表格软件未必在单元格中显示的元素里（脚注、注音文字、嵌套的文字段，或软件不认识的元素），无法确定该单元格显示的内容；请以纯文本重新输入该单元格后保存；该行未纳入检查
excel-format-shows-text = `{$column}` 列（单元格 {$cell}）中存的是数字，但其数字格式 `{$format}` 把它显示为 `{$shown}`：工作表显示的内容并不是存储的值，无法确定以哪一个为准；请在单元格中直接输入该值本身（数字格式设为“常规”）后保存；该行未纳入检查
excel-format-shows-other-text = `{$column}` 列（单元格 {$cell}）中存的是文本，但其数字格式 `{$format}` 把它显示为 `{$shown}`（Excel 按数字格式的第四节显示文本单元格）：工作表显示的内容并不是存储的值，无法确定以哪一个为准；请在单元格中输入实际要表达的值，将数字格式设为“常规”或“文本”后保存；该行未纳入检查
excel-format-hides-text = `{$column}` 列（单元格 {$cell}）中存的是文本，但其数字格式 `{$format}` 把它隐藏了：Excel 中该单元格{ $blank ->
    [yes] 显示为空白
   *[no] 只显示 `{$shown}`
}（Excel 按数字格式的第四节显示文本单元格，此处该节不显示任何文本），查看工作表的人看不到将被读取的值，无法确定以哪一个为准。如该文本确为所指，请将单元格的数字格式设为“常规”或“文本”后保存；如不是，请清空该单元格；该行未纳入检查
excel-xlsx-sheet-part-not-found = 工作表 `{$sheet}` 已被读取，但在工作簿指明的位置（`xl/workbook.xml` 及 `xl/_rels/workbook.xml.rels`）找不到它的 XML，因而无法检查其公式、数字格式和文字；请用 Excel、WPS 或 LibreOffice 打开后重新保存；未读取任何内容
excel-xlsx-part-elsewhere = 工作簿的{$part}部件是 `{$found}`（由 `{$rels}` 指明），而不是读取器所读取的 `{$expected}`：按与 Excel 不同的方式读取，其单元格可能未经检查即通过；请用 Excel、WPS 或 LibreOffice 打开后重新保存；未读取任何内容
excel-xlsx-part-twice = 工作簿中有两个部件的名称仅大小写不同（`{$first}` 与 `{$second}`）：部件名称不区分大小写，无法确定 Excel 读取的是哪一个；请用 Excel、WPS 或 LibreOffice 打开后重新保存；未读取任何内容
excel-part-workbook = 工作簿
excel-part-styles = 样式
excel-part-strings = 共享字符串
excel-cdata-unreadable = 此工作簿中有以 CDATA 形式（`<![CDATA[…]]>`）写入的文字，应按其中的文字读取，但其 XML 无法读取（{$reason}）：该文件不是由电子表格软件写出，或已损坏；请用 Excel、WPS 或 LibreOffice 打开后重新保存；未读取任何内容
excel-sheet-name-twice = 工作簿中有两个工作表都叫 `{$name}`（第 {$first} 个和第 {$second} 个）：读取器在这个名字下只保留其中一个工作表的单元格，且无从得知是哪一个；请将其中一个改名后重新保存；未读取任何内容
excel-reader-failed = 无法作为 .{$ext} 工作簿读取此文件（读取程序处理失败）；该文件未读取
workbook-a-sheet = 工作表
workbook-a-hidden-sheet = 隐藏工作表
workbook-sheet-no-values = 没有任何值的{$sheet}
workbook-sheet-not-named = 有 {$rows} 行数据的{$sheet}，不是 custodia.yaml 中指定的工作表（读取的是 `{$read}`）
workbook-sheet-unread = 未读取：有 {$rows} 行数据的{$sheet}，而只读取了 `{$read}`（custodia.yaml 未指定工作表，因此读取第一张可见的工作表）；请指定要读取的工作表（`file: {$file}` 并写明 `sheet: 工作表名`），或将这些行移到单独的文件中
workbook-sheet-unreadable = 未读取：无法读取的{$sheet}（{$reason}），无从得知其中是否有数据行，而只读取了 `{$read}`（custodia.yaml 未指定工作表，因此读取第一张可见的工作表）；请修复工作簿（用 Excel 或 LibreOffice 打开后重新保存），如该工作表确无数据，也可指定要读取的工作表（`file: {$file}` 并写明 `sheet: 工作表名`）
workbook-sheet-unreadable-not-named = 无法读取的{$sheet}（{$reason}），不是 custodia.yaml 中指定的工作表（读取的是 `{$read}`）
workbook-sheet-very-hidden = 未读取，但这是一张有 {$rows} 行数据的“深度隐藏”工作表（very hidden：由宏或程序隐藏，Excel 的“取消隐藏”中也不列出），而读取的是 `{$read}`：没有人能看到这张工作表并决定不读它；请查看它（Excel：开发工具 → Visual Basic，该工作表的 Visible 属性），并读取其中的行（移入 `{$read}`，或将该工作表另存为单独的文件，再另设一个条目读取）；如确应不读，请按此处的名称将其列入 custodia.yaml 的 `ignore:`
workbook-sheet-same-columns = 未读取，但该{$sheet}的表头（第 {$row} 行）{ $missing ->
    [0] 与已读取的工作表 `{$read}` 列名相同
   *[other] 含有已读取的工作表 `{$read}` 的 {$columns} 个列名中的 {$matched} 个
}，表头下有 {$rows} 行数据：很可能是同一份数据的延续（另一年度或后来补录的记录）；请一并读取：把这些行移入 `{$read}`，或将该工作表另存为单独的文件，再另设一个条目读取（一个工作簿只读取一次、只读其中一张工作表）；如确应不读，请按此处的名称将其列入 custodia.yaml 的 `ignore:`
workbook-sheet-same-ids = 未读取，但该{$sheet}的 `{$column}` 列（表头在第 {$row} 行）中有 {$rows} 个编号与已读取的工作表 `{$read}` 的编号格式相同，却不在 `{$read}` 中（第一个在第 {$first} 行）：很可能是遗漏的记录（另一年度、后来补录的记录，或换了列名保存的记录）；请一并读取：把这些行移入 `{$read}`，或将该工作表另存为单独的文件，再另设一个条目读取（一个工作簿只读取一次、只读其中一张工作表）；如确应不读，请按此处的名称将其列入 custodia.yaml 的 `ignore:`
workbook-hidden-sheet-read = 读取的工作表 `{$sheet}` 在工作簿中是隐藏的（Excel 不显示其标签）：请确认这正是要检查的工作表，而不是旧的副本

## 文本编码（src/data/encoding.rs）

encoding-unknown = 无法识别的编码 `{$label}`；请使用 `utf-8` 或 `gb18030`（或其他 WHATWG 编码名称，如 `gbk`、`utf-16le`）
encoding-invalid = 此文件不是有效的 {$encoding} 编码（第一个无效字节位于偏移量 {$at} 处）；该文件未读取
encoding-utf8-named-otherwise = 此文件是含非 ASCII 文字的有效 UTF-8 文本，但为其指定的编码是 `{$encoding}`：按该编码解码会得到乱码；如文件确为 UTF-8，请删除该编码设置；该文件未读取
encoding-gb18030-named-single-byte = 此文件是 GB18030（GBK）编码的中文文本，但为其指定的编码是 `{$encoding}`（`ascii`、`latin1` 也指此编码），这种单字节编码把每个字节读作一个字母：按此解码，中文内容会成为乱码，任何规则都无法匹配；请将编码改为 `gb18030`（或删除该编码设置：GB18030 可自动识别）；该文件未读取
encoding-big5-named-single-byte = 此文件是 Big5（繁体中文）或 GB18030（GBK）编码的中文文本，但为其指定的编码是 `{$encoding}`（`ascii`、`latin1` 也指此编码），这种单字节编码把每个字节读作一个字母：按此解码，中文内容会成为乱码，任何规则都无法匹配；繁体中文请将编码改为 `big5`，简体中文改为 `gb18030`；该文件未读取
encoding-utf32 = 此文件是 UTF-32 编码（其字节顺序标记表明），custodia 不读取此编码；请另存为 UTF-8；该文件未读取
encoding-utf8-line-among-others = 此行是 UTF-8 编码的中文，而该文件按 {$encoding} 读取：文件混用了两种编码（可能由另一个程序追加了行），按 {$encoding} 解码此行会成为乱码；请将整个文件另存为同一种编码；该文件未读取
encoding-row-looks-gb18030 = 此行不是 UTF-8 编码（无效字节位于偏移量 {$at} 处）：此文件看来是 GB18030（GBK）编码，即中文系统上 Excel 保存 CSV 时使用的编码；请用 `--encoding gb18030`（或在 custodia.yaml 中写 `encoding: gb18030`）读取，或将文件另存为 UTF-8；该行未纳入检查
encoding-row-not-utf8 = 此行不是有效的 UTF-8（无效字节位于偏移量 {$at} 处）；请将文件另存为 UTF-8，或用 `--encoding` 写明其编码（例如 `--encoding gb18030`）；该行未纳入检查
encoding-row-looks-big5 = 此行不是 UTF-8 编码（无效字节位于偏移量 {$at} 处）：此文件按 Big5（繁体中文，台湾、香港地区的 Windows 保存 CSV 时使用的编码）读作中文，至少与按 GB18030（GBK）读同样合理，因此不推测其编码；请在 custodia.yaml 中写明 `encoding: big5`（或 `encoding: gb18030`），或用 `--encoding big5`，或将文件另存为 UTF-8；该行未纳入检查
encoding-file-looks-gb18030 = 此文件不是 UTF-8 编码（第一个无效字节位于偏移量 {$at} 处）：看来是 GB18030（GBK）编码，即中文系统上 Excel 保存 CSV 时使用的编码；请用 `--encoding gb18030`（或在 custodia.yaml 中写 `encoding: gb18030`）读取，或将文件另存为 UTF-8；该文件未读取
encoding-file-not-utf8 = 此文件不是有效的 UTF-8（第一个无效字节位于偏移量 {$at} 处）；请将文件另存为 UTF-8，或用 `--encoding` 写明其编码（例如 `--encoding gb18030`）；该文件未读取
encoding-file-looks-utf16 = 此文件不是 UTF-8 编码（第一个无效字节位于偏移量 {$at} 处）：其中大量字节为 NUL，与 UTF-16（Excel 另存的“Unicode 文本”）相符，但未能识别；请在 custodia.yaml 中写明 `encoding: utf-16le`（若首字节为 NUL，则写 `utf-16be`），或用 `--encoding utf-16le` 读取，或将文件另存为 UTF-8；该文件未读取
encoding-file-looks-big5 = 此文件不是 UTF-8 编码（第一个无效字节位于偏移量 {$at} 处）：按 Big5（繁体中文，台湾、香港地区的 Windows 保存 CSV 时使用的编码）读作中文，至少与按 GB18030（GBK）读同样合理，因此不推测其编码；请在 custodia.yaml 中写明 `encoding: big5`（或 `encoding: gb18030`），或用 `--encoding big5`，或将文件另存为 UTF-8；该文件未读取

## 输入的上限（src/data/limits.rs）

limits-file-size = 此文件大小为 {$bytes} 字节，超过 {$max} 字节的上限；该文件未读取（请拆分为若干文件）
limits-line-length = 第 {$line} 行长 {$bytes} 字节，超过 {$max} 字节的上限；该文件未读取
limits-errors-not-kept = 此文件另有 {$count} 项输入错误未予保留（每个文件最多保留 {$max} 项）

## 案卷中哪些内容被读取、哪些未读取（src/data/accounting.rs、case.rs）

account-cannot-list-case = 无法列出案卷文件夹的内容：{$reason}
account-hidden = 隐藏项：名称以 `.` 开头
account-hidden-data = 未读取：文件名以 `.` 开头，是隐藏文件，但其中有数据；请去掉开头的 `.` 重新命名以便读取，如确属有意不读，请在 custodia.yaml 的 `ignore:` 中列出
account-hidden-folder-data = 未读取：文件夹名以 `.` 开头，是隐藏文件夹，但其中有数据文件；请去掉开头的 `.` 重新命名（或将其中文件移出）以便读取，如确属有意不读，请在 custodia.yaml 的 `ignore:` 中列出
account-see-input-error = 见其输入错误
account-see-errors-in-folder = 见其中各文件的输入错误
account-ignored = 已忽略（custodia.yaml 中的 `ignore:`）
account-folder-too-large = 未读取：没有任何输入读取此文件夹，且其中超过 {$max} 项，数量过多，无法逐一查找数据文件；请将其移出案卷，或在 custodia.yaml 的 `ignore:` 下列出
account-folder-no-data = 没有任何输入读取此文件夹（其中有 {$files} 个文件，但不是数据文件）
account-more = 另有 {$count} 个
account-folder-near-miss = 名称区分大小写：是否应为 `{$right}/`？
account-folder-how = 请将其移到 logs/（事件）或 tables/（数据表）下，或在 custodia.yaml 中设置映射（`logs: [{$folder}/]`），或在 custodia.yaml 的 `ignore:` 下列出该文件夹
account-folder-holds-data = 未读取：没有任何输入读取此文件夹，但其中有数据文件（{$files}）；{$how}
account-not-a-policy-file = 不是 .policy 文件
account-custodia-report = custodia 生成的报告
account-empty-file = 空文件：其中没有数据
account-policy-at-root = 未读取：策略文件位于案卷根目录；请将其放入 policies/，或在 custodia.yaml 中写明（`policies: [policies/, ...]`）
account-policy-outside = 策略路径之外的策略文件（`custodia test` 会运行其中的测试）
account-policy-rules-outside = 未读取：策略路径之外的策略文件，且其中有规则，这些规则未被检查；{ $near ->
        [yes] 名称区分大小写：是否应为 `policies/`？请将它移入
       *[other] 请将它移入
    } policies/，或在 custodia.yaml 中列出（`policies: [policies/, ...]`）；如有意不读，请在 custodia.yaml 的 `ignore:` 中列出（只含 `test` 块的文件可留在原处）
account-manifest-misnamed = 未读取：名称像清单文件，但案卷没有 custodia.yaml，因此其中的设置（as_of、time_zone、fail_on、映射、ignore）一项都未采用，检查按默认值进行；请将它改名为 `custodia.yaml`，如果它不是本案卷的清单，请移出案卷
account-manifest-copy = 清单文件的副本（编辑器备份或隐藏文件）；读取的是 `{$manifest}`
account-manifest-beside = 未读取：名称像清单文件，但读取的是 `{$manifest}`，哪个文件才是案卷的设置无从判断；请把它的设置并入 `{$manifest}` 后删除它；如有意不读，请在 custodia.yaml 的 `ignore:` 中列出
account-not-a-data-file = 不是数据文件（custodia 读取 .csv、.jsonl、.json、.yaml、.yml、.xlsx、.xls、.ods 文件）
account-manifest-key = custodia.yaml 中的 `{$role}:`
account-log-not-listed = 未读取：custodia.yaml 的 `logs:` 列出了要读取的日志，但 logs/ 文件夹中的这个文件不在其中；请将其加入 `logs:`，如确定不读取，请在 custodia.yaml 的 `ignore:` 下列出
account-policy-not-listed = 未读取：custodia.yaml 的 `policies:` 指定了要读取的策略，但 policies/ 文件夹中的这个策略文件不在其中，其规则未被检查；请将其加入 `policies:`，如确定不读取，请在 custodia.yaml 的 `ignore:` 下列出
account-input-not-listed = 未读取：custodia.yaml 中的 `{$role}:` 指定了要读取的{ $role ->
        [inventory] 资料目录
        [company] 公司信息
        [tables] 数据表
        [logs] 日志
       *[other] {$role}
    }，而本文件不在其中；请在该处写明（`files: [...]`），如确属有意不读，请在 custodia.yaml 的 `ignore:` 中列出
account-folder-not-listed = 未读取：custodia.yaml 中的 `{$role}:` 指定了要读取的{ $role ->
        [inventory] 资料目录
        [company] 公司信息
        [tables] 数据表
        [logs] 日志
       *[other] {$role}
    }，而本文件夹中的数据文件（{$files}）不在其中；请在该处写明，如确属有意不读，请在 custodia.yaml 的 `ignore:` 中列出该文件夹
account-input-not-given = 未读取：`{$flag}` 已另行指定要读取的{ $role ->
        [inventory] 资料目录
        [company] 公司信息
        [tables] 数据表
        [logs] 日志
       *[other] {$role}
    }，而本文件中有数据；如要读取本文件，请去掉该参数；否则请将其移出案卷文件夹，如确属有意不读，请在 custodia.yaml 的 `ignore:` 中列出
account-log-not-given = 未读取：`--logs` 已另行指定要读取的日志，而 logs/ 文件夹中的这个文件有数据；请一并读取（再加一个 `--logs {$path}`），或将其移出案卷文件夹；如确属有意不读，请在 custodia.yaml 的 `ignore:` 中列出
account-folder-not-given = 未读取：`{$flag}` 已另行指定要读取的{ $role ->
        [inventory] 资料目录
        [company] 公司信息
        [tables] 数据表
        [logs] 日志
       *[other] {$role}
    }，而本文件夹中有数据文件（{$files}）；请一并读取（再用一个 `{$flag}` 指明该文件夹，或去掉该参数），或将其移出案卷文件夹；如确属有意不读，请在 custodia.yaml 的 `ignore:` 中列出该文件夹
account-displaced = 已由 {$how} 另行指定要读取的{ $role ->
        [inventory] 资料目录
        [company] 公司信息
        [tables] 数据表
        [logs] 日志
       *[other] {$role}
    }
account-ignore-names-input = custodia.yaml 的 `ignore:` 列有 `{$ignored}`，但 `{$input}` 作为本次检查的输入被读取；请将其从 `ignore:` 中删除，或将其移出案卷（或移出案卷读取的文件夹）
account-file-near-miss = 未读取：名称区分大小写：是否应为 `{$name}`？
account-file-wrong-format = 未读取：`{$name}` 只从 .{$exts} 文件读取；请另存为其中一种格式
account-file-policy-misnamed = 未读取：文件名像策略文件，但不以 `.policy` 结尾（编辑器自动加了扩展名？），其中的规则未被检查；请改名为 `{$name}`，或在 custodia.yaml 的 `ignore:` 中列出
account-file-unread = 未读取：文件名与任何输入都不对应；请将其命名为 inventory.csv、放到 logs/ 下，或在 custodia.yaml 中设置映射（`inventory: {$file}`）；也可在 custodia.yaml 的 `ignore:` 下列出
account-file-unread-export = 未读取：文件名与任何输入都不对应；custodia 读取 .csv、.jsonl、.json、.yaml、.yml、.xlsx、.xls、.ods 文件：请先导出为其中一种格式，再将其命名为 inventory.csv、放到 logs/ 下，或在 custodia.yaml 中设置映射（`inventory: {$file}`）；也可在 custodia.yaml 的 `ignore:` 下列出
case-no-directory = 案卷文件夹不存在，或不是文件夹
case-two-manifests = 此处同时有 custodia.yaml 和 custodia.yml；请只保留一个
case-second-input = 第二个 {$stem}：`{$first}` 和 `{$second}` 同时存在，只读取了 `{$first}`。请只保留一个，或在 custodia.yaml 中写明要读取哪一个（`{$stem}: {$first}`）
case-file-not-folder-no-extension = 这是没有扩展名的文件，不是文件夹；未读取
case-file-not-folder = 这是文件，不是文件夹；未读取
case-cannot-read-manifest = 无法读取配置文件：{$reason}
case-table-in-subfolder = 未读取：数据表位于 tables/ 的子文件夹中；请将其移到 tables/ 下，或在 custodia.yaml 中设置映射（`tables: {"{"}{$stem}: {$file}{"}"}`）

## 读取案卷（src/data/mod.rs）

data-no-table-for-file = schema 中没有声明数据表 `{$name}`（tables/ 下的文件以其对应的数据表命名）
data-no-inventory = 案卷中没有资料目录（inventory.csv、.jsonl、.json、.yaml 或 inventory/ 文件夹），未检查任何资料
data-empty-inventory = 资料目录中没有任何资料，针对资料的规则实际上均未检查

## 数据库来源（src/data/db*.rs）

db-no-table = schema 中没有声明数据表 `{$name}`
db-relation-sibling-in-schema = 未读取，但 `{$table}` 与已有条目读取的 `{$of}` 仅数字不同：是否为同一日志的另一年度或另一部分？请另设一个条目读取它（`query: SELECT * FROM {$table}`；`table:` 只能指明不加模式名即可找到的表）；如确应不读，请按此处的名称将其列入 custodia.yaml 的 `ignore:`
db-relation-sibling-not-read = 未读取，但 `{$table}` 与已有条目读取的 `{$of}` 仅数字不同：是否为同一日志的另一年度或另一部分？请另设一个条目读取它（`table: {$table}`）；如确应不读，请按此处的名称将其列入 custodia.yaml 的 `ignore:`
db-relation-not-read = 数据库中的表或视图，custodia.yaml 中没有任何条目读取它（没有条目以 `table:` 指明它，也没有 `query:` 读取它）；如需检查其中的行，请在条目中指明
db-relations-not-listed = 无法列出此数据库中的表和视图（{$reason}），因此无从得知是否有未被任何条目读取的表含有数据
db-relation-same-columns = 未读取，但 `{$table}` { $missing ->
    [0] 具备已有条目读取的 `{$read}` 的全部列
   *[other] 具备已有条目读取的 `{$read}` 的 {$columns} 列中的 {$matched} 列
}，且其中有数据：很可能是换了名称的同一份数据（副本、归档、日志的另一年度或另一部分）{$through}。请另设一个条目读取它（`table: {$table}`）；如确应不读，请按此处的名称将其列入 custodia.yaml 的 `ignore:`
db-relation-through = ；{$via}虽读取了它，但视图或查询只读取其选出的行，因此只有被条目以 `table:` 直接指明的表才算已读取
db-via-view = 视图 `{$view}`
db-via-query = `{$source}` 的查询
db-relation-reached-holds-rows = 未读取：各条目只通过{$via}读取此表，而视图或查询只读取其选出的行，未选出的行未经检查（只有被条目以 `table:` 直接指明的表才算已读取）；请新增一个条目直接读取此表（`table: {$table}`；可用映射的 `where:` 指明读取哪些行，其余的行会在报告中列出）；如确属有意不读这些行，请按此处的名称在 custodia.yaml 的 `ignore:` 中列出
db-relation-reached-not-read = 只经由{$via}读取的表或视图：它们只读取选出的行（只有被条目以 `table:` 直接指明的表才算已读取）；如需检查其全部行，请在条目中指明
db-source-is-view = `{$view}` 是视图而不是表：读取的是其定义选出的行，底层表中被它略去的行未经检查；请查看其定义（在 SQLite 中：`SELECT sql FROM sqlite_schema WHERE name = '{$view}'`），确认它选出了哪些行
db-same-name = 有两个数据库在报告中都名为 `{$label}`：`{$first}` 和 `{$second}`（SQLite 文件以去掉扩展名的文件名命名），因此无法区分二者的表，在 `ignore:` 中列出其中一个的表也会把另一个的同名表一并略去；请将其中一个改名（SQLite 文件：换一个文件名）
db-sqlite-damaged = SQLite 文件 `{$path}` 已损坏：SQLite 的完整性检查（`PRAGMA quick_check`）发现：{$findings}。损坏页上的行可能在读取时悄然缺失而不报任何错误，因此本次检查不能依赖该文件：请从备份恢复，或重新导出数据库，再检查新的副本
db-sqlite-not-checked = 无法检查 SQLite 文件 `{$path}` 的完整性（`PRAGMA quick_check`），损坏页上的行可能缺失而无从察觉：{$reason}
db-sqlite-more-findings = 另有 {$count} 条
db-sqlite-hot-journal = 无法读取 SQLite 数据库 `{$path}`：旁边的回滚日志 `{$journal}` 表明有一个事务中途中断（程序崩溃，或在文件写入过程中复制了文件），SQLite 必须先回滚该事务才能读取该文件，而以只读方式打开时无法回滚。请先保留这两个文件的副本以备审计，再用 SQLite 打开该数据库一次（`sqlite3 {$path} "PRAGMA quick_check"`）使其恢复，然后重新检查（SQLite 报告：{$reason}）
db-sqlite-failed = SQLite 未能{$step}；SQLite 报告：{$reason}
db-sqlite-step-list = 列出数据库中的表和视图
db-sqlite-step-key = 读取该表的主键
db-sqlite-step-prepare = 解析该语句
db-sqlite-step-read = 读取数据行
db-sqlite-step-check = 检查文件的完整性
db-sqlite-wal-read = SQLite 数据库 `{$db}` 的预写日志（WAL），已作为该数据库的一部分读取：其中尚未写回数据库文件的更改也已读取
db-sqlite-shm-read = SQLite 数据库 `{$db}` 的预写日志索引，读取该数据库时用到
db-sqlite-journal-idle = SQLite 数据库 `{$db}` 的回滚日志，其中没有中断的事务：SQLite 读取该数据库时无需用到它
db-sqlite-wal-unreadable = 无法读取预写日志 `{$wal}` 以进行校验：{$reason}
db-sqlite-wal-short = 预写日志 `{$wal}` 只有 {$bytes} 字节，不足其 32 字节的文件头：该日志被截断或已损坏，而 SQLite 读取数据库 `{$db}` 时会不报任何错误地忽略这样的日志，其中的更改将不会被读取。{$fix}
db-sqlite-wal-bad-header = 预写日志 `{$wal}` 的文件头校验不通过（{$found}）：SQLite 会不报任何错误地忽略整个日志，其中的更改将不会作为 `{$db}` 的一部分被读取；该日志已损坏，或者并不属于这个数据库。{$fix}
db-sqlite-wal-magic = 其开头 4 个字节为 {$found}，而不是预写日志应有的 0x377f0682 或 0x377f0683
db-sqlite-wal-version = 其格式版本为 {$found}，而不是 3007000
db-sqlite-wal-page-size = 其页大小为 {$found} 字节，不是 512 到 65536 之间的 2 的幂
db-sqlite-wal-header-checksum = 其校验和与内容不符
db-sqlite-wal-torn = 预写日志 `{$wal}` 校验不通过：{ $after ->
    [0] 文件头
   *[other] 第 {$after} 帧
}之后的 {$bytes} 个字节校验不通过：该日志被截断或已损坏，其中的更改未能全部读取。SQLite 读取日志时读到第一个校验不通过的帧为止，其后的内容会被不报任何错误地略去，因此 `{$db}` 读出来将缺少这些更改。{$fix}
db-sqlite-wal-uncommitted = 预写日志 `{$wal}` 末尾的第 {$from} 帧到第 {$to} 帧没有提交帧收尾：可能是复制时有事务正在写入，也可能是日志恰好在某一帧末尾被截断，从而丢掉了一个已提交的事务；SQLite 读取 `{$db}` 时不会读取这些帧，而仅凭这些文件无法判断属于哪种情况。{$fix}
db-sqlite-wal-fix = 请原样保留这些文件以备审计，在没有程序写入该数据库时，从其存放之处连同 `-wal` 文件重新复制一份（`sqlite3 数据库 ".backup copy.db"` 可写出一致的副本），再检查该副本
db-sqlite-wal-no-index = 无法读取 SQLite 数据库 `{$path}`：它处于预写日志（WAL）模式，SQLite 读取这样的文件时需要旁边有日志索引 `{$shm}`；该索引不存在时 SQLite 须新建它，而在 `{$folder}` 中无法新建（只读介质，或当前用户无权写入该文件夹）。请将该数据库（连同其 `-wal` 文件，如有）复制到可写的文件夹中，再检查该副本（SQLite 报告：{$reason}）
db-url-env-empty = 环境变量 `{$var}`（由 `url_env:` 指定）为空；请将其设为数据库的 URL（postgres://、mysql:// 或 sqlite://路径）
db-url-env-unset = 环境变量 `{$var}`（由 `url_env:` 指定）未设置；请将其设为数据库的 URL（postgres://、mysql:// 或 sqlite://路径）
db-bad-url = custodia 不能读取 `{$url}` 这种数据库 URL；应为 postgres://、mysql:// 或 sqlite://路径
db-not-built = 此 custodia 构建时未包含 {$what} 支持；请用 `--features {$feature}`（或 `--features databases`）构建
db-no-query-or-table = 没有 `query:` 或 `table:`
db-duplicate-column = 查询结果中 `{$column}` 列出现了两次（第 {$first} 列和第 {$second} 列），无法确定字段读取的是哪一列，因此未读取任何内容（请用 AS 为各列取不同的名称）
db-duplicate-column-renamed = 查询结果中 `{$column}` 列出现了两次（第 {$first} 列和第 {$second} 列；SQLite 把第二列称为 `{$renamed}`，字段只会读取第一列），无法确定字段读取的是哪一列，因此未读取任何内容（请用 AS 为各列取不同的名称）
db-none = 无
db-no-such-table = 数据库中没有表或视图 `{$table}`{$hint}（现有：{$has}）
db-not-a-select = 该查询不是 SELECT 语句（以 `{$first}` 开头）；custodia 只读取数据
db-several-statements = 该查询包含不止一条语句（其中有 `;`）；请只写一条 SELECT
db-log-kind-unknown = 无法确定该日志的事件类型：请在 custodia.yaml 中写明（`kind: access`），或在查询中选出 `kind` 列
db-kind-key = `kind:` 所写的
db-kind-table-name = 表名
db-not-an-event-kind = {$named} `{$kind}` 不是 schema 中的事件类型，且查询结果中没有 `kind` 列；未读取任何内容（请用 `kind:` 写明事件类型）
db-rename-hint = 是否应为 `{$name}`？（可用 `AS {$field}` 改名）；
db-missing-column = 查询结果中没有 `{$field}` 列，而必填字段 `{$collection}.{$field}` 要从该列读取；{$hint}未读取任何内容（现有列：{$columns}）
db-read-stopped = 读取了 {$rows} 行后中断，查询结果的其余部分未经检查：{$reason}
db-row-of-result = 查询结果第 {$line} 行
db-row-key = {$key} 所在行
db-timeout = 语句执行超时（custodia.yaml 中的 `timeout_seconds:`）
db-login-refused = {$at} 的服务器拒绝登录：{$reason}
db-cannot-connect = 无法连接 {$at}：{$reason}
db-cannot-reach = 无法访问 {$at} 的服务器：{$reason}
db-text-not-utf8 = 有文本值不是 UTF-8 编码；该行未纳入检查
db-query-writes = 该查询会写入数据库；custodia 只读取数据
db-source-said = {$label}：{$message}
db-sqlite-no-file = `{$path}` 处没有 SQLite 数据库文件
db-sqlite-cannot-open = 无法打开 SQLite 数据库 `{$path}`：{$reason}
db-sqlite-read-only = 无法将连接设为只读：{$reason}
db-sqlite-timeout = 无法设置语句超时：{$reason}
db-sqlite-blob = 有一列是二进制值（BLOB），任何字段类型都不能读取；该行未纳入检查
db-not-mysql-url = `{$url}` 不是 MySQL URL：{$reason}
db-mysql-binary = 有一列是二进制值（BLOB、BINARY），任何字段类型都不能读取；该行未纳入检查
db-not-postgres-url = `{$url}` 不是 PostgreSQL URL：{$reason}
db-cannot-read-column = 无法读取第 {$column} 列：{$reason}
db-the-url = 该 URL

## Parquet 文件（src/data/parquet.rs、parquet_load.rs）

parquet-cannot-read = 无法作为 Parquet 文件读取：{$reason}
parquet-duplicate-column = 该文件中 `{$column}` 列出现了两次（第 {$first} 列和第 {$second} 列），无法确定字段读取的是哪一列，因此该文件未读取
parquet-row-unreadable = 第 {$row} 行无法读取：{$reason}
parquet-bad-cell = `{$column}` 列：{$problem}；该行未读取
parquet-date-out-of-range = 1970-01-01 之后 {$days} 天的日期超出可表示的范围
parquet-binary = 不读取二进制值（非文本）
parquet-time-of-day = 不读取没有日期的时刻
parquet-group = 不读取嵌套的组
parquet-map = 不读取映射类型的值
parquet-bad-number = {$number} 不是 custodia 能读取的数字
parquet-timestamp-out-of-range = 时间戳 {$value} 超出可表示的范围
parquet-decimal-bytes = 不读取 {$bytes} 字节的小数
parquet-decimal-scale = 不读取小数位数为 {$scale} 的小数
parquet-reader-failed = 无法作为 Parquet 文件读取（读取程序处理失败）；该文件未读取
parquet-not-built = 此 custodia 构建时未包含 Parquet 支持（cargo 特性 `parquet`）：请用 `--features parquet` 构建，或将文件导出为 CSV 或 JSONL；该文件未读取

## custodia.yaml 中的数据来源条目（src/data/source.rs）

source-expect-scalar = 文本、数字或 true/false
source-expect-values = 一个值或一组值（数字或 true/false 请加引号，如 `"1.0"`，或写成列表，如 `[1.0]`，以便按原样比较：不加引号时 `1.0` 会被读作 1）
source-expect-field = 列名，或含 `column`、`values`、`format`、`separator`、`lookup` 或 `constant` 的映射
source-expect-sheet = 工作表名称，或从 1 开始的工作表序号
source-expect-entry = 文件名，或含 `file` 及读取方式的映射
source-expect-sources = 文件或文件夹、数据来源条目，或由它们组成的列表
source-db-no-connection = 数据库来源须用 `url_env: 环境变量名` 指明连接（该环境变量存放数据库的 URL）
source-db-two-connections = 数据库来源同时写了 `url_env:` 和 `url:`；请只保留一个
source-db-url-not-sqlite = `url:` 只能指向 SQLite 文件（`sqlite://路径`）；服务器的 URL 含有登录凭据，请放在环境变量中（`url_env: ARCHIVE_DB_URL`）
source-spark-path-and-table = `spark:` 只能写 `path:` 或 `table:` 之一，不能两者都写
source-spark-table-format = `spark: {"{"} table: ... {"}"}` 不接受 `format:`（表有自己的格式）
source-spark-needs-path = `spark:` 需要写 `path:`（并写 `format:`）或 `table:`（`库名.表名`）
source-spark-table-name = `spark: {"{"} table: {$table} {"}"}`：表名应写作 `库名.表名`（字母、数字、`_`）
source-spark-format = `spark:` 的格式 `{$format}`：Spark 就地读取的格式只有 `parquet`、`csv` 和 `json`（JSON Lines）
source-spark-no-format = `spark: {"{"} path: ... {"}"}` 需要写 `format:`（`parquet`、`csv` 或 `json`）
source-spark-no-path = `spark: {"{"} path: ... {"}"}` 没有写路径
source-spark-key = `{$key}:` 不能与 `spark:` 同用（由 Spark 自行读取该来源；就地读取的条目只接受 `kind:` 和 `columns:`）
source-db-no-query = 数据库来源既没有写 `query:`，也没有写 `table:`
source-db-query-and-table = 数据库来源同时写了 `query:` 和 `table:`；请只保留一个
source-db-timeout-zero = `timeout_seconds:` 至少应为 1
source-sheet-number = 工作表序号 {$number}：工作表从 1 开始编号
source-files-and-db = 一个数据来源要么读取文件（`file`、`files`），要么读取数据库（`url_env`、`query`、`table` 等），不能两者兼有
source-file-and-files = 数据来源只能用 `file` 或 `files` 之一列出文件，不能两者都写
source-no-file = 数据来源条目须写明 `file: 文件名`（或 `files: [...]`，或数据库的 `url_env:` 及 `query:` 或 `table:`）
source-db-read-options = `encoding`、`sheet` 和 `header_row` 说明如何读取文件，数据库来源没有这些设置
source-header-row-zero = `header_row` 从 1 开始计数（第 1 行即首行）
## Checks and commands
## （msgs-rest 分支：内置检查、默认违规说明、命令的错误与说明、报告标签；src/data 以外）

## 内置检查（src/eval/builtin.rs、src/eval/waivers.rs）

builtin-duplicate-id-title = 同一集合内编号不重复
builtin-duplicate-id-help = 同一集合中有两行编号相同；请保留其一，或为另一行另编编号。
builtin-dangling-ref-title = 每个引用都指向实际存在的对象
builtin-dangling-ref-help = 引用字段所填编号在目标集合中不存在；请补充该对象，或更正引用。
builtin-future-event-title = 事件日期不晚于检查基准日（as_of）
builtin-future-event-help = 事件日期晚于检查基准日；请更正事件日期，或更正案卷的 as_of。
builtin-waiver-title = 豁免所指规则和对象真实存在且仍在有效期内
builtin-waiver-unknown-rule-help = 豁免所指的规则不在策略集中；请更正规则名称，或删除该豁免。
builtin-waiver-expired-help = 豁免的 `until` 日期已过；请重新报批续期，或整改该违规。
builtin-waiver-unused-help = 豁免未适用于任何违规；请删除或更正，以免日后掩盖新的违规。
builtin-duplicate-id = `{$collection}` 编号 `{$id}` 重复出现，首次出现在第 {$line} 行
builtin-duplicate-id-elsewhere = `{$collection}` 编号 `{$id}` 重复出现，首次出现在 {$file} 第 {$line} 行
builtin-near-duplicate-id = `{$collection}` 编号 `{$id}` 与第 {$line} 行的 `{$other}` 仅写法不同（大小写、全角字符或不可见字符）：引用只能对应其中之一；请统一两行的写法，或将二者区分开
builtin-near-duplicate-id-elsewhere = `{$collection}` 编号 `{$id}` 与 {$file} 第 {$line} 行的 `{$other}` 仅写法不同（大小写、全角字符或不可见字符）：引用只能对应其中之一；请统一两行的写法，或将二者区分开
builtin-dangling-ref = `{$field}` 引用了 `{$id}`，但 `{$target}` 中没有这个编号（共 {$rows} 行）
builtin-dangling-ref-rounded = `{$field}` 引用了 `{$id}`，但 `{$target}` 中没有这个编号（共 {$rows} 行）：这是用科学记数法写出的长数字，Excel 显示长数字并另存为 CSV 时即会如此，编号 `{$near}` 舍入后正是此值；其余数位已丢失，这些行未能关联到 `{$near}` 或其他任何对象，凡涉及它的规则都没有看到这些行；请将该列设为文本格式后重新导出并再次检查
builtin-dangling-ref-near = `{$field}` 引用了 `{$id}`，但 `{$target}` 中没有这个编号（共 {$rows} 行）；`{$near}` 与它仅有大小写、全角半角或 Unicode 写法、空格、分隔符（`-`、`_`）、前导零、小数末尾的零或电子表格的文本标记（开头的 `'`、外加的 `="…"`）之别：这些行未能关联到 `{$near}`，凡涉及它的规则都没有看到这些行；请更正引用
builtin-dangling-ref-within = `{$field}` 引用了 `{$id}`，但 `{$target}` 中没有这个编号（共 {$rows} 行）；其中含有 {$count} 个编号 {$held}，另有其他文字：该处应只写一个编号，却写了多个编号，或在编号旁加了其他文字。这些行未能关联到任何 `{$target}`，凡涉及这些编号的规则都没有看到这些行；请每行只写一个编号，写法与 `{$target}` 中一致
builtin-future-event = 该 `{$kind}` 事件日期为{DAY($date)}，晚于检查基准日{DAY($as_of)}
builtin-waiver-did-you-mean = ；是否应为 `{$name}`？
builtin-waiver-unknown-rule = 豁免所指规则 `{$rule}` 不存在{$hint}
builtin-waiver-expired = 对 `{$subject}` 的 `{$rule}` 豁免已于{DAY($until)}到期
builtin-waiver-no-reason = 对 `{$subject}` 的 `{$rule}` 豁免未写明理由（`because` 为空或无实际内容，如“无”“N/A”），未予适用：豁免违规须说明理由
builtin-waiver-unused = 对 `{$subject}` 的 `{$rule}` 豁免没有对应任何违规
builtin-waiver-fingerprint-shared = 对 `{$subject}` 的 `{$rule}` 豁免未予适用：{$count} 项违规共用这一指纹（先是 `{$first}` 和 `{$second}`），而一个指纹只应指向一项违规。这些行没有编号，仅在个人信息字段上不同，而指纹不含个人信息；请为这些行补充编号，再按编号豁免
builtin-waiver-id-several = 对 `{$subject}` 的 `{$rule}` 豁免未予适用：它将豁免依据不同对象的 {$count} 项违规（先是 `{$first}`，再是 `{$second}`），而一项豁免只代表其作者审阅过的内容，之后新出现的违规也会被一并豁免；请按指纹（见 JSON、SARIF 和审计报告）逐项豁免
builtin-waiver-subject-alone = 仅该对象本身
builtin-waiver-id-finding = 对 `{$subject}` 的 `{$rule}` 豁免未予适用：它将豁免 `{$clause}`（{$place}）查出的违规，而 `{$rule}` 共有 {$checks} 项检查，按编号写的豁免说不清是针对哪一项的，针对某一项写的豁免会把另一项查出的违规一并豁免；如该项违规确已审阅，请按指纹豁免：`{$waiver}`
builtin-waiver-by-place = 对 `{$subject}` 的 `{$rule}` 豁免指向文件中的某一行，而不是某个对象，因此不予适用：文件一经修改，该行可能已是另一条记录
builtin-waiver-by-place-now = {$why}；如要豁免该处现有的违规，请写 `{$waiver}`
builtin-waiver-by-place-later = {$why}；请以违规指纹（见 JSON、SARIF 和审计报告）指定豁免对象：`{$waiver}`

## 规则未写 `else` 时的违规说明（src/eval/rules.rs）

default-require = { $unknown ->
    [yes] 无法判断 `{$clause}` 是否成立：所需的数据缺失
   *[no] `{$clause}` 不成立
}
default-match = { $unknown ->
    [yes] 无法确认有 `{$collection}` 与之对应：匹配所需的数据缺失
   *[no] 没有与之对应的 `{$collection}`：`{$clause}`
}
default-forbid = { $unknown ->
    [yes] 无法确认是否存在不应出现的 `{$collection}`：条件所需的数据缺失：`{$clause}`
   *[no] 存在不应出现的 `{$collection}`：`{$clause}`
}

## 运行本身的错误与说明（src/cli/app.rs、src/main.rs、src/output.rs）

app-input-error = 错误：{$place}：{$message}
app-no-threads = 错误：无法启动工作线程：{$error}
app-no-step-summary = 警告：无法将检查摘要写入 {$path}（$GITHUB_STEP_SUMMARY）：{$error}
app-step-summary-over-input = 警告：未将检查摘要写入 {$path}（$GITHUB_STEP_SUMMARY）：本次运行要读取该文件（基线、custodia.yaml、数据文件或策略文件，或案卷文件夹中下次运行会读取的文件）
app-parsed-only = 已从 {$files} 个文件读取资料 {$records} 条、事件 {$events} 条；输入错误 {$errors} 项；未执行任何规则（--parse-only）
app-bad-as-of = 错误：检查基准日 as_of `{$value}` 不是有效日期（应为 YYYY-MM-DD 格式、日历上存在的日期）
app-cannot-write = 错误：无法写入 {$path}：{$error}
app-cannot-write-report = 错误：无法输出报告：{$error}
output-stream-closed = custodia 启动时标准{$stream ->
        [stdout] 输出
       *[other] 错误输出
    }已被关闭，写到那里的报告会丢失；请用 `--output 文件` 指定报告位置，或保持该输出开启
app-defaulted-readers = { $count ->
   *[other] { $more ->
        [0] 规则 {$rules} 读取了该字段
       *[other] 规则 {$rules} 等 {$count} 条读取了该字段
    }
}
app-defaulted-column = { $document ->
    [yes] 该文件没有 `{$field}` 字段：其中每一行都按 schema 的默认值 `{$field} = {$default}` 读取，而{$readers}；如公司有此项记录，请补上该字段
    [table] 该表没有 `{$field}` 列：其中每一行都按 schema 的默认值 `{$field} = {$default}` 读取，而{$readers}；如公司有此项记录，请补上该列
    [query] 该查询的结果没有 `{$field}` 列：其中每一行都按 schema 的默认值 `{$field} = {$default}` 读取，而{$readers}；如公司有此项记录，请在查询中补上该列
   *[other] 该文件没有 `{$field}` 列：其中每一行都按 schema 的默认值 `{$field} = {$default}` 读取，而{$readers}；如公司有此项记录，请补上该列
}
app-its-default = 默认值
app-hidden-field = `{$column}` 列未在 schema 中声明，且其每个值都可读作 {$ty}，而该文件没有 `{$field}` 列（{$ty}），{$readers}：每一行都按 {$read_as} 读取。如 `{$column}` 即为 `{$field}`，请在 custodia.yaml 中映射（在该文件的条目中写 `columns: {"{"} {$field}: {$column} {"}"}`）或重命名该列；如它记录的是别的内容，请声明它（`extend {$collection} {"{"} {$column}: {$ty}? {"}"}`）
app-hidden-field-missing = `{$field}` 缺失
app-hidden-field-blank = `{$column}` 列未在 schema 中声明，且其每个值都可读作 {$ty}，而该文件的 `{$field}` 列（{$ty}）在含有 `{$column}` 的每一行中都为空，{$readers}：每一行都按 {$read_as} 读取。如 `{$column}` 即为 `{$field}`，请在 custodia.yaml 中映射（在该文件的条目中写 `columns: {"{"} {$field}: {$column} {"}"}`）或将其值移入 `{$field}` 列；如它记录的是别的内容，请声明它（`extend {$collection} {"{"} {$column}: {$ty}? {"}"}`）
app-hidden-field-row = `{$column}` 列未在 schema 中声明，其列名表示某事已终止；该列在这一行中记有一个 {$ty} 值，而同一行的 `{$field}`（{$ty}）为空，{$readers}：这一行按 {$read_as} 读取，`{$column}` 所记的日期未被计入。如它就是 `{$field}` 的日期（例如离职时收回权限之日），请将其填入这一行的 `{$field}`，或在 custodia.yaml 中映射该列（在该文件的条目中写 `columns: {"{"} {$field}: {$column} {"}"}`）；如它记录的是别的内容，请声明它（`extend {$collection} {"{"} {$column}: {$ty}? {"}"}`）
# 列名表示某个布尔字段（诉讼情况之于 legal_hold）的列，记的是无法读作是或否的文字（涉诉）。
app-hidden-field-worded = `{$column}` 列未在 schema 中声明，其列名表示 `{$field}`（bool）的内容，但它记为“{$value}”，无法读作“是”或“否”，而 `{$field}` 在含有 `{$column}` 的每一行中都缺失或为空，{$readers}：每一行都按 {$read_as} 读取。如 `{$column}` 即为 `{$field}`，请在 `{$field}` 列中填写“是”或“否”，或在 custodia.yaml 中映射该列，并写明其中每个词的含义（`{$field}: {"{"} column: {$column}, values: {"{"} {$value}: true, 无: false {"}"} {"}"}`）；如它记录的是别的内容，请声明它（`extend {$collection} {"{"} {$column}: text? {"}"}`）
app-hidden-field-gone = `{$column}` 列未在 schema 中声明，{ $asks ->
    [present] 其列名询问此人是否仍在职
    [left] 其列名询问此人是否已离开
   *[status] 其列名表示一种状态
}；该列在这一行中记为“{$word}”（人员已离开或账号已停用），而同一行的 `{$field}`（{$ty}）{ $held ->
    [blank] 为空
   *[other] 记为 {$held}，这一日期表示“无终止日”
}，{$readers}：这一行按 {$read_as} 读取，此人被视为仍有权限。请将终止之日填入这一行的 `{$field}`；如该日期记在另一列，请在 custodia.yaml 中映射该列（在该文件的条目中写 `columns: {"{"} {$field}: … {"}"}`）；如 `{$column}` 记录的是别的内容，请声明它（`extend {$collection} {"{"} {$column}: text? {"}"}`）
app-hidden-field-mapped = `{$column}` 列未映射到任何字段，且其每个值都可读作 {$ty}，而{ $blank ->
    [yes] 该文件的 `{$field}` 列（{$ty}）在含有 `{$column}` 的每一行中都为空
   *[no] 没有任何列读入 `{$field}`（{$ty}）
}，{$readers}：每一行都按 {$read_as} 读取。如 `{$column}` 即为 `{$field}`，请在该文件的条目（custodia.yaml 第 {$line} 行）中映射：在 `columns:` 下写 `{$field}: {$column}`；如它记录的是别的内容，请声明它（`extend {$collection} {"{"} {$column}: {$ty}? {"}"}`）或将其映射到专门的字段
app-hidden-field-mapped-blank = `{$column}` 列未映射到任何字段，且其每个值都可读作 {$ty}，而该文件的条目映射到 `{$field}`（{$ty}）的 `{$own}` 列在含有 `{$column}` 的每一行中都为空，{$readers}：每一行都按 {$read_as} 读取。如 `{$column}` 即为 `{$field}`，请在该文件的条目（custodia.yaml 第 {$line} 行）中映射：在 `columns:` 下写 `{$field}: {$column}`；如它记录的是别的内容，请声明它（`extend {$collection} {"{"} {$column}: {$ty}? {"}"}`）或将其映射到专门的字段
# 数据表中表示终止的列（离职日期）所记日期早于同一行的终止日期字段（authorized_to）。
app-end-column-earlier = `{$column}` 列{ $mapped ->
    [yes] 未映射到任何字段
   *[no] 未在 schema 中声明
}，其列名表示某事已终止；该列在这一行中记为 {$date}，早于{ $mapped ->
    [yes] 同一行 `{$own}` 列（该文件的条目将其读入 `{$field}`，{$ty}）所记的 {$field_date}
   *[no] 同一行 `{$field}`（{$ty}）所记的 {$field_date}
}，{$readers}：这一行按 `{$field}` = {$field_date} 读取，已于 {$date} 终止的权限会被视为持续到 {$field_date}。如 {$date} 就是 `{$field}` 的终止之日（例如离职之日），请更正这一行的 `{$field}`{ $mapped ->
    [yes] （`{$own}` 列），或在该文件的条目（custodia.yaml 第 {$line} 行）中将 `{$column}` 映射为 `{$field}`
   *[no] {""}
}；如 `{$column}` 记录的是别的内容，请声明它（`extend {$collection} {"{"} {$column}: date? {"}"}`）
# 同一列中的值无法读作日期。
app-end-column-undated = `{$column}` 列{ $mapped ->
    [yes] 未映射到任何字段
   *[no] 未在 schema 中声明
}，其列名表示某事已终止，但该列在这一行中记为“{$value}”，无法读作日期；同一行另有{ $mapped ->
    [yes] 读入 `{$field}` 的 `{$own}` 列（{$ty}）
   *[no] `{$field}`（{$ty}）
}，{$readers}：无法判断权限是否在 `{$field}` 所记日期之前已经终止。请按 2026-04-30、2026/4/30、2026.4.30、2026年4月30日或 20260430 的写法填写日期（如并未终止，请留空）；如 `{$column}` 记录的是别的内容，请声明它（`extend {$collection} {"{"} {$column}: text? {"}"}`）
output-over-input = 错误：--output {$target}：拒绝将报告写{ $place ->
    [inside] 入
   *[over] 在
}{ $what ->
    [manifest] 案卷配置文件
    [company] 公司信息文件
    [inventory] 资料目录
    [logs] 日志
    [table] 数据表
    [policies] 策略文件
    [database] 数据库（或 SQLite 存放在其旁的文件）
    [archive] 压缩或归档文件
    [data] 数据文件
   *[baseline] 基线报告
}{ $place ->
    [inside] 之中
   *[over] 之上
}（{$input}）；请写到案卷输入以外的位置
output-case-file = 错误：--output {$target}：拒绝以 `{$name}` 为名将报告写入案卷文件夹：下次运行会把它当作输入读取
output-case-glob = 错误：--output {$target}：拒绝写入此报告，因为 custodia.yaml 中的 `{$glob}` 会匹配它，下次运行会将其当作输入读取
output-twice = 错误：--output {$target}：本次运行的两份报告将写入同一个文件
output-no-file-name = 该路径没有指向文件
output-cannot-remove-earlier = 错误：--output {$path}：无法删除此前一次检查留下的报告（{$error}）；本次检查若中途停止，该报告会被误当作本次的结果
output-not-a-report = 错误：--output {$path}：拒绝替换一个并非 custodia 所写报告的文件：custodia 在读取任何内容之前会先删除上次运行留在 --output 路径上的报告，也就会删除这个文件；请移走或删除它，或另选路径

## 策略文件（src/policy_files.rs、src/cli/app.rs）

policy-path-missing = 该策略路径不存在
policy-file-hidden = 隐藏的策略文件：以 `.` 开头的文件不会被读取，其中的规则将不会被检查；请去掉文件名开头的点，或将其移出策略文件夹
policy-folder-hidden = 隐藏的文件夹中有策略文件（{$file}）：以 `.` 开头的文件夹不会被读取，其中的规则将不会被检查；请去掉文件夹名开头的点，或将其移出策略文件夹
policy-file-case = 策略文件的扩展名应为小写的 `.policy`，而不是 `.{$ext}`；该文件未被读取，请改名
policy-folder-empty = 此文件夹中没有 .policy 文件
policy-file-not-utf8 = 错误：{$file}：策略文件不是有效的 UTF-8 编码
policy-file-unreadable = 错误：{$file}：无法读取策略文件：{$error}
policy-unknown-pack = 错误：未知的规则包 `{$pack}`；内置规则包：{$packs}
policy-pack-listed-twice = 错误：规则包 `{$pack}` 被列出了两次（custodia.yaml 的 `packs:` 或 --pack）；每个规则包只需列出一次
policy-no-set = 错误：{$case}：没有策略集：案卷中没有 policies/ 文件夹，也未选择规则包（请使用 --policy PATH 或 --pack NAME）

## SARIF、GitHub 注释、Code Quality、JUnit 中面向人的文字（src/report/render）

sarif-srcroot = 存放本案卷的代码仓库根目录（由 .git 或 --repo-root 确定）
sarif-omitted-result = 规则 {$rule} 另有 {$count} 项违规未列入本 SARIF 文件（每条规则最多列 {$per_rule} 项，全部最多 {$all} 项，按严重程度优先）；完整清单见 JSON 报告（--output json=PATH）。未列出的第一项：{$first}
sarif-omitted-notification = 共 {$total} 项违规，其中 {$left_out} 项未作为结果列出：每条规则最多列 {$per_rule} 项，全部最多 {$all} 项（GitHub 代码扫描拒收超过 25,000 项结果的运行，且只显示 5,000 项）。有违规未列出的规则，各以一项结果说明未列出的数量。完整清单见 JSON 报告（--output json=PATH）。
sarif-builtin-artifact = {$path}（custodia {$version} 内置）
sarif-cite = 依据：{$cite}
sarif-rule-description = { $cited ->
    [no] {$title}（规则类别：{$kind}）
   *[other] {$title}（规则类别：{$kind}；{$cite}）
}
codequality-in-baseline = （基线中已有）
github-title-baseline = （基线已有）
github-level-count = { $level ->
    [error] 错误
    [warning] 警告
   *[notice] 提示
} {$count} 项
github-more-findings = 另有 {$total} 项发现事项未作注释（{$levels}）：GitHub 每个步骤最多显示错误、警告、提示各 {$max} 项。作业摘要列出前 {$summary} 项并按规则计数；全部发现见 JSON 报告（--output json=PATH）、SARIF 报告和审计报告。
github-more-title = custodia：另有 {$total} 项未作注释
github-input-error-title = custodia：输入错误
junit-noted = {$id} 通过，但有低于 --fail-on 阈值的发现事项：
junit-noted-baseline = {$id} 通过，但有基线中已有的发现事项（--baseline），--fail-on 不计入这些事项：
junit-noted-mixed = {$id} 通过，但有低于 --fail-on 阈值或基线中已有的发现事项（--baseline）：

## 基线报告、--repo-root、测试中的 `given` 对象（src/report、src/testing/given.rs）

baseline-unreadable = 无法读取基线报告：{$error}
baseline-not-json = 基线报告不是 JSON：{$error}；基线应为 `custodia check --format json` 生成的报告
baseline-not-a-report = 基线不是 custodia 的 JSON 报告（缺少 `format_version: 1`）
baseline-no-violations = 基线报告中没有 `violations` 数组
baseline-no-fingerprint = 基线中第 {$number} 项违规没有 `fingerprint`；请用当前版本的 custodia 重新生成基线
baseline-other-company = 基线是另一家公司（{$theirs}）的报告，本案卷为{$ours}。案卷只能与自身此前的报告比较
baseline-no-company = 基线报告未载明公司（由较早版本的 custodia 生成，或其案卷没有公司信息），无法与其他公司的报告区分；本案卷为{$ours}。请用本版本重新生成基线
baseline-case-names-no-company = 基线是{$theirs}的报告，但本案卷未载明公司（没有公司信息），无法确认二者属于同一家公司；案卷只能与自身此前的报告比较
note-baseline-untied = 本案卷与基线报告都未写明公司（没有公司信息），无法确认该基线确是本案卷的报告：其中 {$count} 项问题被当作已知问题。请只与本案卷自己的早先报告比较，并为案卷补上公司信息（`company.yaml`），以便拒绝其他公司的基线
baseline-company-masked = 能区分公司的信息（{$facts}）被声明为个人信息（`pii`），在报告中已掩码，无法确认基线是本公司的报告。请在 schema 中将公司的 `credit_code` 声明为非 `pii`（统一社会信用代码指向公司而非个人），或不使用 `--baseline` 进行比较
input-company-fact-after-as-of = 公司信息 `{$field}` 为{DAY($date)}，晚于本次检查的基准日（{DAY($as_of)}）：以早于公司自身事实的日期判断期限，各项期限都会被当作尚未届满。请以 {$date} 或之后的日期为基准日（custodia.yaml 中的 `as_of:` 或 `--as-of`），或更正该信息
input-records-created-after-as-of = 有 {$count} 条档案的形成日期晚于本次检查的基准日{DAY($as_of)}，其中第一条（即本行）形成于{DAY($date)}：以早于档案形成的日期检查，各项保管期限都会被当作尚未届满。请改用更晚的基准日（custodia.yaml 中的 `as_of:` 或 `--as-of`），或更正这些日期
input-zone-for-chinese-packs = 中国法规包（{$packs}）按中国法律计算期间，以北京时间的日为准，但本案卷按 `{$zone}`（UTC{$offset}）计日：接近午夜的时间会落到另一日，逾期的期限可能被判为按时。请在 custodia.yaml 中设置 `time_zone: Asia/Shanghai`（或使用 `--tz Asia/Shanghai`）；带时区偏移或以 UTC 书写的时间在该时区下都能正确读取
paths-case-outside-repo = 错误：--repo-root {$root}：案卷文件夹 {$case} 不在其中
given-field-twice = 此对象中 `{$field}` 给出了两次：请只给出一次
given-unknown-collection = 未知的集合 `{$name}`
given-not-literal = `{$field}` 的取值必须是字面量（文本、数字、布尔值、日期、日期时间、期限，或由它们组成的列表）

## custodia schema（src/cli/schema.rs、src/cli/schema/docs.rs）

schema-no-collection = 错误：schema 中没有集合 `{$name}`{$hint}
schema-column-field = 字段
schema-column-type = 类型
schema-column-presence = 是否必填
schema-column-declared = 声明位置
schema-column-description = 说明
schema-default = 默认 {$value}
schema-optional = 选填
schema-required = 必填
schema-implicit = 隐含（每种事件都有）
schema-event-at = 发生时间；每个事件都有此字段
schema-event-id = 事件自身的编号（如有）
schema-json-kind = 事件种类；文件以事件种类命名时可省略
schema-json-row = custodia 数据结构 `{$name}`（{$kind}）中的一行
schema-json-ref = 某一 `{$collection}` 的编号
schema-json-refs = 若干 `{$collection}` 的编号
schema-json-pii = 个人信息：在所有报告中均作遮盖处理
schema-json-row-described = {$row}：{$text}

## 类型不符时的类型与上下文、必须为常量的内容（src/check/expr.rs、src/check/rules.rs）

ty-field-type = 类型为 `{$code}` 的值
ty-text = 文本
ty-int = { $article ->
   *[other] 整数
}
ty-decimal = { $article ->
   *[other] 小数
}
ty-bool = { $article ->
   *[other] 布尔值
}
ty-date = { $article ->
   *[other] 日期
}
ty-datetime = { $article ->
   *[other] 日期时间
}
ty-duration = { $article ->
   *[other] 期限
}
ty-id = { $article ->
   *[other] 编号（id）
}
ty-enum = { $article ->
   *[other] 枚举值（文本）
}
ty-list-of = { $article ->
   *[other] {$item}列表
}
ty-empty-list = { $article ->
   *[other] 空列表
}
ty-ref = { $article ->
   *[other] 指向 `{$collection}` 的引用
}
ty-object = { $article ->
   *[other] `{$collection}` 对象
}
ty-error = { $article ->
   *[other] 无效的表达式
}
ty-id-of = `{$collection}` 的编号
ty-enum-values = {$values} 中的一个值
ty-condition = 条件（真或假）
ty-number = 数字
ty-list = 列表
ty-list-or-text = 列表或文本
ty-date-or-datetime = 日期或日期时间
ty-ordered = 数字、日期、日期时间、期限或文本（有先后大小之分的取值）
ty-object-or-ref = 对象或引用
ty-duration-for-dates = 期限（日期只能加减期限；两个日期之间相隔的天数请用 `days_between`）
ty-numbers-or-date-duration = 数字，或日期与期限
ty-calendar-duration = 以日、周、月或年计的期限
ctx-not = `not` 的对象须为条件
ctx-negate = `-` 只能用于数字
ctx-in-right = `in` 的右侧
ctx-in-item = `in` 的左侧元素
ctx-contains-item = `contains` 的元素
ctx-contains-text = 文本 `contains` 的对象须为文本
ctx-contains-left = `contains` 的左侧
ctx-matches-left = `matches` 的左侧
ctx-aggregate-where = 汇总中的 `where`
ctx-list-items = 列表中各元素的类型须一致
ctx-field-access = `.{$name}` 读取的是字段
ctx-combines = `{$op}` 连接的须为条件
ctx-compares = `{$op}` 比较的须为同类取值
ctx-orders = `{$op}` 比较取值的先后大小
ctx-arith-on = 对{$operand}使用 `{$op}`
ctx-within = `within` 判断某一时刻是否在期限内
ctx-within-window = `within` 的期限
ctx-within-anchor = `within` 的起算点
ctx-argument = `{$name}` 的参数
ctx-default = `{$name}` 的默认值
ctx-for-where = `for` 的 `where`
ctx-when = `when` 的对象须为条件
ctx-require = `require` 的对象须为条件
ctx-on = `on` 条件
what-this = 此处
what-set-let = 策略集级别的 `let`
what-field-default = 字段默认值
what-self-ref = `{$name}`（引用了自身）

## 策略集的 schema、正则表达式预算（src/check/schema.rs、src/check/mod.rs、src/check/regex_budget.rs）

schema-pii-id = 编号字段 `{$name}` 不能标为 `pii`：报告以编号指称每一行且不作遮盖；请为各行另设不含个人信息的编号（代码或序号），个人信息另存于 `pii` 字段
schema-no-record = 策略集没有声明 `record` 集合（资料目录）
schema-record-no-id = `record` 集合须有 `id: id` 字段
schema-ref-no-id = `{$field}` 引用了 `{$target}`，但 `{$target}` 没有可供引用的 `id: id` 字段
schema-own-record-with-packs = 内置规则包以标准 schema 为基础；请用 `extend record {"{"} ... {"}"}` 扩展，而不要另行声明 `record`
regex-too-many = 策略集中的正则表达式（`matches`）超过 {$limit} 个的上限；请通过策略集级别的 `let` 共用，或用 `|` 合并
regex-one-too-large = 该模式编译后将超过 {$mib} MiB，超出单个模式的上限
regex-total-too-large = 加上这一个，策略集中的正则表达式编译后将超过 {$mib} MiB 的上限；请加以简化（多次重复 `\w` 之类的 Unicode 字符类会很大，可改用 `[a-zA-Z0-9_]`）

## compile 与 Spark 引擎（src/cli/compile.rs、src/sql）

compile-input-errors = 错误：案卷存在输入错误，未暂存任何数据
compile-cannot-stage = 错误：无法将数据暂存到 {$dir}：{$error}
sql-cannot-compile = 错误：{$place}：无法编译为 Spark SQL：{$what}
spark-no-temp-dir = 错误：无法创建临时目录：{$error}
spark-cannot-stage = 错误：无法为 Spark 暂存数据：{$error}
spark-cannot-write-job = 错误：无法写入 Spark 作业：{$error}
spark-cannot-run = 错误：无法运行 `{$program}`：{$error}
    {"  "}请安装 PySpark（scripts/spark-cluster install），并设置 CUSTODIA_SPARK_SUBMIT 或 SPARK_HOME。
spark-job-failed = 错误：Spark 作业失败（{$status}），未执行任何规则
spark-job-log = Spark 日志的最后几行（Spark 原文，略去 INFO 行）：
spark-job-no-log = Spark 未输出任何日志。
spark-waiting = 注意：Spark 作业正在等待：{$cause}；作业会一直等待，直到集群为其分配 executor，或被中止（Ctrl-C；不会生成报告）
spark-status-code = 退出码 {$code}
spark-status-signal = 被信号 {$signal} 终止
# custodia 在失败作业的日志中识别出的原因（src/sql/diagnose.rs）及处理办法。
spark-cause = {"  "}可能的原因：{$cause}
spark-help = {"  "}处理办法：{$help}
spark-setting-default = 未设置，即 Spark 的默认值 1g（除非集群的 spark-defaults.conf 另有设置）
spark-cause-no-java = 找不到 Java（`JAVA_HOME is not set`，或 JAVA_HOME 所指的目录中没有 Java）
spark-help-no-java = 请安装 Java 17 或更高版本（Debian 上：`apt-get install default-jre-headless`），并将 JAVA_HOME 设为其安装目录，或确保 PATH 中有 `java`
spark-cause-old-java = 当前 Java 版本过低：此版本的 Spark 需要 Java {$needs} 或更高版本（`UnsupportedClassVersionError`）
spark-cause-old-java-unknown = 当前 Java 版本过低，无法运行此版本的 Spark（`UnsupportedClassVersionError`）
spark-help-old-java = 请安装 Java {$needs} 或更高版本，并将 JAVA_HOME 设为其安装目录（`java -version` 显示 PATH 中 Java 的版本）
spark-cause-two-pythons = 工作节点上的 Python（{$worker}）与 driver 的 Python（{$driver}）版本不同；PySpark 要求两者的次版本号一致
spark-help-two-pythons = 请在每台机器上将 PYSPARK_PYTHON（及 PYSPARK_DRIVER_PYTHON）设为同一个 Python，或传入 `--spark-conf spark.pyspark.python=路径`
spark-cause-master-url = Spark 无法识别 master 地址 `{$master}`
spark-help-master-url = `--spark-master` 的格式应为 `local[N]`、`spark://主机:端口`、`yarn` 或 `k8s://地址`
spark-cause-master-unreachable = 无法连接 Spark master `{$master}`（该地址上没有运行 master，或连接被防火墙阻断）
spark-help-master-unreachable = 请确认 master 正在运行，且本机能访问 `{$master}`（master 的网页，默认端口 8080，会显示其地址）；本地集群可运行 `scripts/spark-cluster status` 查看
spark-cause-no-resources = master `{$master}` 没有为作业分配任何 executor：没有已注册的 worker，或没有 worker 能提供作业所需的内存和 CPU 核数
spark-help-no-resources = 请在 master 的网页（端口 8080）上查看是否有存活且有空闲核数和内存的 worker；每个 executor 的 `spark.executor.memory` 不能超过单个 worker 提供的内存（scripts/spark-cluster：启动 worker 时设置 CUSTODIA_SPARK_WORKER_MEMORY）
spark-cause-path = Spark 在 `{$path}` 找不到任何文件
spark-cause-path-of-source = custodia.yaml 第 {$line} 行：`{$source}`：Spark 在 `{$path}` 找不到任何文件
spark-help-path = 请检查 custodia.yaml 中的路径（相对路径以案卷文件夹为起点）；在集群上，每个 executor 都必须能访问该路径：本地路径须在每台机器上都存在，否则请改用 `hdfs://` 或 `s3a://`
spark-cause-table = Spark 的元数据目录（catalog）中没有表 `{$table}`
spark-cause-table-of-source = custodia.yaml 第 {$line} 行：`{$source}`：Spark 的元数据目录（catalog）中没有表 `{$table}`
spark-help-table = 请检查表名（`库名.表名`），并传入元数据目录的设置：`--spark-conf spark.sql.catalogImplementation=hive` 以及 metastore 的设置（`spark.hadoop.hive.metastore.uris=...` 或 `spark.sql.warehouse.dir=...`）；不设置时，Spark 读取的是它自带的空目录
spark-cause-memory-local = Spark 内存不足（`java.lang.OutOfMemoryError`）；master 为 `local[...]` 时，所有任务都在 driver 进程内运行
spark-cause-memory-driver = Spark driver 内存不足（`java.lang.OutOfMemoryError`）：driver 即 custodia 启动的进程，负责规划作业并汇总违规结果
spark-help-memory-driver = 请为 driver 分配更多内存：`--spark-conf spark.driver.memory=2g`（本次：{$driver}）；运行 custodia 的机器须有相应的空闲内存
spark-cause-memory-executor = executor 内存不足（`java.lang.OutOfMemoryError`，或 executor 以退出码 52 或 137 退出）
spark-help-memory-executor = 请为每个 executor 分配更多内存：`--spark-conf spark.executor.memory=4g`（本次：{$executor}）；每个 worker 都须能提供这么多内存，否则作业会一直等待资源（scripts/spark-cluster：启动 worker 时设置 CUSTODIA_SPARK_WORKER_MEMORY=4g）
spark-cause-memory-container = executor 所在的容器因使用的内存超出上限而被终止（YARN 或 Kubernetes）
spark-help-memory-container = 请调高 `--spark-conf spark.executor.memoryOverhead=1g`（Java 堆以外的内存）或 `spark.executor.memory`（本次：{$executor}）
spark-cause-memory = Spark 内存不足（`java.lang.OutOfMemoryError`）；日志未说明是 driver 还是 executor
spark-help-memory = 请调高 `--spark-conf spark.driver.memory=2g`（本次：{$driver}）或 `--spark-conf spark.executor.memory=4g`（本次：{$executor}）；worker 须能提供 executor 所需的内存（scripts/spark-cluster：CUSTODIA_SPARK_WORKER_MEMORY）
spark-cause-result-size = 发送给 driver 的结果超过了 `spark.driver.maxResultSize`
spark-help-result-size = 请调高 `--spark-conf spark.driver.maxResultSize=2g`（0 表示不限），并相应调高 `spark.driver.memory`
spark-cause-killed = spark-submit 被强制终止（SIGKILL）：最常见的是系统内存耗尽时被内核终止，或运行时间超出了外部设定的时限
spark-help-killed = 系统日志会说明是哪一种（`dmesg` 中的“Out of memory: Killed process”）；若是内核所为，说明本机的空闲内存不足以满足分配给 Spark 的内存：请释放内存，或换到空闲内存更多的机器上运行；若是时限所致，请放宽时限
spark-cause-stopped = spark-submit 被外部发来的信号 {$signal} 终止（人为中止、服务管理器或时限）
spark-help-stopped = 请重新运行检查；若是时限导致终止，请放宽时限：大型案卷在 Spark 上检查可能需要很多分钟
spark-no-result = 错误：Spark 作业结束时未写出结果
spark-count-unreadable = 错误：无法读取 Spark 作业结果中的行数
spark-cannot-read-result = 错误：无法读取 Spark 作业的结果：{$error}
spark-result-line = 错误：Spark 作业结果第 {$line} 行：{$error}
spark-row-count = 错误：Spark 作业写出 {$wrote} 行，但报告的是 {$reported} 行
spark-inconsistent = 错误：Spark 作业的结果前后不一致：{$what}；未生成报告
spark-rows-differ = 错误：Spark 读取了 `{$name}` 的 {$read} 行，而 custodia 暂存的是 {$staged} 行；未生成报告
spark-rows-differ-in-place = 错误：Spark 读取了 `{$name}` 的 {$read} 行，但其来源共有 {$expected} 行；未生成报告
spark-no-rows-read = 错误：Spark 作业的结果前后不一致：没有 `{$name}` 已读行数的统计；未生成报告

sql-refused-in-rule = 规则 `{$rule}` 的 `{$clause}`：{$what}
sql-no-negation = 不支持对这种类型取负
sql-contains-non-text = 不支持用 `contains` 在文本中查找非文本的值
sql-contains-type = 不支持对这种类型使用 `contains`
sql-constant = 不支持这种常量
sql-comparison = 不支持比较这两种类型的值
sql-membership = 不支持判断值是否在这种类型的列表中
sql-membership-names = 不支持判断值是否在从数据读取的文本列表中：列表项按姓名比较（`王芳（签）` 即 `王芳`），Spark SQL 无法照此比较；请使用本机引擎
sql-comparison-names = 此处两个姓名的比较（`==`、`!=`，或 `in` 用方括号写出的此类列表）不予编译：姓名按折叠后的形式比较（`王芳（签）` 即 `王芳`），custodia 只为 Spark 从暂存数据读取的字段暂存该形式，`let`、方括号列表和 Spark 原地读取的数据源都没有；请直接比较字段本身，或使用本机引擎
sql-arithmetic = 不支持这种算术运算
sql-minus-permanent = 不支持从日期中减去 `permanent`
sql-datetime-plus-permanent = 不支持日期时间加上 `permanent`
sql-minus-data-duration = 不支持减去从数据中读取的期限
sql-datetime-plus-data-duration = 不支持日期时间加上从数据中读取的期限
sql-within = 不支持对这两种类型使用 `within`
sql-not-a-date = 不是日期
sql-call = 不支持这种函数调用
sql-deadline-period = 不支持 `deadline` 使用这种期限
sql-pattern-unreadable = 无法读取该正则表达式
sql-pattern-escape = 不支持含 `\` 转义的正则表达式（Java 与 Rust 的正则表达式在这一点上不一致）
sql-pattern-char = 不支持含 `{$char}` 的正则表达式（Java 与 Rust 的正则表达式在这一点上不一致）
sql-pattern-flags = 不支持含 `(?` 的正则表达式
sql-pattern-nested-class = 不支持含嵌套字符类的正则表达式
sql-show-type = 不支持在消息中显示这种类型的值
sql-show-masked-decimal = 不支持在取值中显示脱敏的小数（Spark 输出浮点数的格式不同）
sql-show-list = 不支持在取值中显示元素不是文本的列表
spark-bad-rows-read = 读取行数的计数
spark-bad-two-rows-read = 同一数据源有两个读取行数
spark-bad-row-not-returned = 结果中提到却未返回的一行
spark-bad-rule = 规则序号 {$rule}
spark-bad-subjects = 检查对象的计数
spark-bad-two-subjects = 规则 `{$rule}` 有两个检查对象计数
spark-bad-clause = 规则 `{$rule}` 的条件序号 {$clause}
spark-bad-bound-rows = 规则 `{$rule}` 的一项违规所关联的行
spark-bad-values = 规则 `{$rule}` 的一项违规所显示的取值
spark-bad-no-subjects = 规则 `{$rule}` 缺少检查对象计数
spark-bad-no-undecided = 规则 `{$rule}` 无法判定的对象的计数缺失、重复、多余，或少于所列对象
spark-bad-builtin-collection = 内置检查结果所属的集合
spark-bad-future-no-at = 没有 `at` 的未来事件
spark-bad-future-past = 日期早于 `as_of` 的“未来事件”
spark-bad-dangling-field = 悬空引用的字段
spark-bad-dangling-id = 悬空引用的编号
spark-bad-builtin = 内置检查结果
spark-bad-row-collection = 不属于就地读取集合的一行

## 标准错误输出上的进度（src/progress.rs、src/cli/app.rs）

progress-reading = 正在读取输入
progress-evaluating = 正在执行 {$count} 条规则
progress-writing = 正在生成报告
progress-loaded = 正在读取输入：已读取 {$count} 个文件，最近一个为 {$last}
explain-end-of-time = 时间终点
explain-beginning-of-time = 时间起点
## Mapping gaps

mapping-list-cell = `{$column}` 列的值是一个列表，而其字段只取一个值（或由单个值组成的列表）；该行未读取
mapping-object-cell = `{$column}` 列的值是一个对象（`{"{"} ... {"}"}`），映射不读取对象；该行未读取

## Review fixes (data)

review-optional-column-absent = { $document ->
    [yes] 该文件没有 `{$field}` 字段
    [table] 该表没有 `{$field}` 列
    [query] 该查询的结果没有 `{$field}` 列
   *[other] 该文件没有 `{$field}` 列
  }：其中每一行都按 `{$field}` 缺失读取，而{ $more ->
    [0] 规则 {$rules} 读取了该字段
   *[other] 规则 {$rules} 等 {$count} 条读取了该字段
  }；如公司有此项记录，请补上该{ $document ->
    [yes] 字段
   *[other] 列
  }
review-mapped-near-miss-column = {$file} 中没有 `{$field}` 列，却有一个未被读取的 `{$column}` 列：是否指 `{$field}`？请在 `columns:` 下映射（`{$field}: {$column}`）或重命名该列；该文件未读取
review-timeout-too-long = `timeout_seconds: {$seconds}` 超出 custodia 接受的上限（最多 {$max} 秒，即一周）
review-header-row-too-large = `header_row: {$row}` 超出表头可能所在的行数（最多 {$max}）；请写表头所在的行号，从 1 开始数
review-header-row-past-end = 该文件只有 {$lines} 行，而 custodia.yaml 中的 `header_row: {$row}` 在其之后：`header_row` 是否写对？未读取任何内容
review-empty-db-source = 数据库没有为 `{$collection}` 返回任何行，因此{ $count ->
   *[other] 规则
  } {$rules} 在此来源中没有可检查的内容；若本应有数据，请检查 `query:`（其 `WHERE` 条件）或该表
review-unread-sqlite = 未读取：这是一个没有任何条目指向的 SQLite 数据库；请在 custodia.yaml 中读取其中的表（`inventory: {"{"} url: "sqlite://{$file}", table: … {"}"}`，见 docs/databases.md），或将其列入 custodia.yaml 的 `ignore:`
review-unread-compressed = 未读取：这是压缩或归档文件；请将其中的数据文件解压到案卷中（custodia 不打开压缩包），或将其列入 custodia.yaml 的 `ignore:`
account-reads-as-table = 未读取，但其内容看起来是一张表（{$columns} 列，开头各行列数相同）：如为日志或表格，请改用 .csv 扩展名并读入（见 docs/inputs-and-reports.md）；如不是，请将其列入 custodia.yaml 的 `ignore:`
account-reads-as-json-lines = 未读取，但其内容看起来是 JSON Lines（每行一个对象）：如为日志或表格，请改用 .jsonl 扩展名并读入（见 docs/inputs-and-reports.md）；如不是，请将其列入 custodia.yaml 的 `ignore:`
review-unread-other-format = 未读取：custodia 无法打开 .{$ext} 文件；请导出为 .xlsx 或 .csv，或将其列入 custodia.yaml 的 `ignore:`
review-unread-word = 未读取：这是文字处理文档（Word、WPS 文字或 LibreOffice Writer），custodia 无法读取此类文档。如其中的表格是本案数据（例如用 Word 制作的销毁清册、移交清册），请将表格导出为 .xlsx 或 .csv；否则请在 custodia.yaml 的 `ignore:` 中列出该文件
account-workbook-like = 未读取：这是{$what}，但其文件名不是 custodia 作为工作簿读取的名称；{ $rename ->
        [yes] 请把文件名改为以 .{$save_as} 结尾（或在 Excel、WPS 或 LibreOffice 中另存为 .{$save_as}）
       *[no] 请在 Excel、WPS 或 LibreOffice 中另存为 .{$save_as}
    }，再将其命名为 inventory.{$save_as}、放到 logs/ 下，或在 custodia.yaml 中设置映射；也可在 custodia.yaml 的 `ignore:` 下列出
load-workbook-like = `{$name}` 是{$what}，但其文件名不是 custodia 作为工作簿读取的名称，因此没有按文本读取；{ $rename ->
        [yes] 请把文件名改为以 .{$save_as} 结尾（或在 Excel、WPS 或 LibreOffice 中另存为 .{$save_as}）
       *[no] 请在 Excel、WPS 或 LibreOffice 中另存为 .{$save_as}
    }；该文件未读取
workbook-like-xlsx = 一个 Excel 工作簿（.xlsx、模板或加载项）
workbook-like-xls = 一个 Excel 97-2003 或 WPS 工作簿（.xls、.et 或模板）
workbook-like-ods = 一个 OpenDocument 电子表格
workbook-like-fods = 一个单文件 OpenDocument 电子表格（.fods）
workbook-like-web-page = 一个含表格的网页（OA 系统“导出为 Excel”常生成这种文件）
review-empty-format = `{$field}` 的 `format:` 未列出任何日期格式，因此任何值都无法读取；请列出文件中的格式（`YYYY-MM-DD`、`YYYY/M/D`、`YYYY.M.D`、`YYYY年M月D日`、`YYYYMMDD`、`excel`），或删去 `format:`
review-unnamed-column-with-values = 表头中有一列没有列名，但其下方有值；请按其字段命名该列（或在 custodia.yaml 中映射），若不是数据请删除该列

## Spark in place

spark-in-place-native = `{$source}` 由 Spark 就地读取（`spark:`）；custodia 自身的引擎无法读取：请使用 `--engine spark` 检查
spark-in-place-refused = custodia.yaml 第 {$line} 行：`{$source}` 无法就地读取：{$why}
spark-in-place-no-count = Spark 作业的结果缺少 `{$source}` 的已读行数；未生成报告
spark-in-place-bad-row = Spark 作业返回的 `{$collection}` 行无法被 custodia 读回（{$why}）；未生成报告
spark-in-place-no-field = `{$coll}` 没有字段 `{$field}`
spark-in-place-column-only = 字段 `{$field}`：就地读取只支持 `column`（不支持 `values`、`format`、`separator`、`lookup` 或 `constant`）
spark-in-place-type = 字段 `{$coll}.{$field}` 是期限或列表；就地读取只支持文本、数字、布尔值、日期和日期时间
spark-in-place-too-many = 就地读取的数据源过多
spark-in-place-no-record = schema 中没有声明 `record`
spark-in-place-no-kind = 就地读取的日志须写明事件类型（如 `kind: access`）
spark-in-place-no-collection = schema 中没有声明{$kind ->
    [event] 事件类型
   *[other] 表
} `{$name}`
spark-row-not-json = 不是 JSON
spark-row-no-place = 缺少行序号、文件名或行号
spark-row-field = 字段 `{$field}`

## serde's frame around a bad value in custodia.yaml (src/i18n/serde_frame.rs)
serde-unknown-field = 未知的键 `{$name}`；可以写的键有 {$expected}
serde-unknown-field-none = 未知的键 `{$name}`：此处不接受任何键
serde-unknown-variant = 未知的取值 `{$name}`；可以写的取值有 {$expected}
serde-missing-field = 缺少键 `{$name}`
serde-duplicate-field = 键 `{$name}` 重复出现
serde-invalid-type = 类型不对：此处是{$found}，应为{$expected}
serde-invalid-value = 值不对：此处是{$found}，应为{$expected}
serde-no-variant = 该键的值不是它接受的任何一种写法
serde-expected-list = 此处应为列表
serde-expected-mapping = 此处应为映射（`键: 值`）
serde-expected-scalar = 此处应为单个值
serde-not-an-int = 不是有效的数值：应为{$ty}
serde-found-string = 字符串 {$value}
serde-found-integer = 整数 {$value}
serde-found-float = 小数 {$value}
serde-found-boolean = 布尔值 {$value}
serde-found-char = 字符 {$value}
serde-found-list = 列表
serde-found-mapping = 映射
serde-found-null = 空值
serde-expected-string = 字符串
serde-expected-boolean = 布尔值（true 或 false）
serde-expected-a-list = 列表
serde-expected-a-mapping = 映射
serde-expected-count = 非负整数
serde-expected-integer = 整数

## --profile on standard error (src/eval/profile.rs)
profile-head = 耗时分析：共 {$total}，{$threads} 个线程（规则和索引的耗时是各线程之和；规则耗时按每 64 个检查对象抽 1 个估算）
profile-col-phase = 阶段
profile-col-wall = 实际耗时
profile-col-rule = 规则
profile-col-time = 耗时
profile-col-subjects = 检查对象
profile-col-matches = 匹配数
profile-col-violations = 违规数
profile-col-index = 索引
profile-col-keys = 键数
profile-col-rows = 行数
profile-phase-policies = 策略：解析与检查
profile-phase-inputs = 输入：读取与类型转换
profile-phase-indexes = 建立索引
profile-phase-rules = 执行规则
profile-phase-builtins = 内置检查
profile-phase-report = 报告：豁免、生成与输出
profile-index-id = {$name}（编号）
profile-index-join = {$name}（连接）
profile-index-symbols = {$name}（符号 → 行）
profile-index-ref = {$name}（引用 → {$target}）

## The command line: --help and usage errors (src/main.rs, src/cli/usage.rs)
## (`cli-about-*` and `cli-arg-*` are the doc comments of src/main.rs, word for word in English)
cli-about = 公司注销时客户资料的合规检查，规则以代码编写
cli-arg-color = 颜色：auto（输出到终端时着色，但 NO_COLOR 设为非空值时不着色；FORCE_COLOR 设为非空值时总是着色）、always 或 never
cli-arg-lang = custodia 自身文字所用的语言：zh 或 en。默认取 custodia.yaml 中的 `lang:`，其次取系统区域设置（LC_ALL、LC_MESSAGES、LANG），否则为 en
cli-about-check = 按策略集检查一个案卷文件夹
cli-arg-check-case = 案卷文件夹
cli-arg-check-policies = 策略文件或文件夹（可重复）；代替案卷中的 policies/
cli-arg-check-packs = 内置规则包（可重复）
cli-arg-check-inventory = 资料目录文件
cli-arg-check-logs = 事件日志文件或文件夹（可重复）
cli-arg-check-tables = 数据表，写作 NAME=FILE（可重复）
cli-arg-check-company = 公司信息文件（company.yaml）
cli-arg-check-as-of = 检查基准日（YYYY-MM-DD）；默认取 custodia.yaml 中的设置，否则为当天
cli-arg-check-tz = 案卷时区（IANA 名称）；默认取 custodia.yaml 中的设置，否则为 UTC
cli-arg-check-format = 输出格式
cli-arg-check-outputs = FORMAT=PATH：另将该格式的报告写入 PATH（可重复；sarif、junit、json、github、markdown、html、human、codequality）。只写 PATH 时，--format 所指定的报告写入该文件，不再输出到标准输出
cli-arg-check-baseline = 此前生成的 JSON 报告：将违规标为新增或基线，并列出已整改的违规；--fail-on 只计新增的违规
cli-arg-check-fail-on = 使退出状态为 1 的最低严重程度
cli-arg-check-allow-not-checked = 接受因缺少数据、或所比较的值疑有笔误（与数据中的值仅差一点）而未检查的规则、因 `where` 或 `when` 所需的值缺失而无法判定的对象，以及空的资料目录：此时退出状态只由 --fail-on 决定。不加此选项时，它们使退出状态为 2。无论哪种情况，结论都是“未全部检查”
cli-arg-check-allow-skipped = 接受 custodia.yaml 中 `skip:` 或 `ignore:` 略去的数据：此时退出状态只由 --fail-on 决定。不加此选项时，这些数据使退出状态为 2。无论哪种情况，结论都是“未全部检查”
cli-arg-check-repo-root = SARIF、GitHub 注释和 Code Quality 据以标注文件路径的仓库根目录；默认为案卷之上最近一个含 `.git` 的文件夹
cli-arg-check-strict = 未声明的列，以及 custodia.yaml 映射的文件中没有任何条目读取的列，按输入错误处理，而不只是给出说明
cli-arg-check-encoding = 数据文件的文本编码，例如中文系统上 Excel 另存的 CSV 用 gb18030；默认 UTF-8（文件带字节顺序标记时以标记为准）
cli-arg-check-threads = 工作线程数，1 到 256（默认每个可用 CPU 核心一个）；报告内容与线程数无关
cli-arg-check-parse-only = 只读取输入并转换类型，不执行任何规则（用于性能测试）
cli-arg-check-profile = 输出报告后，在标准错误上打印各阶段、各规则和各索引的耗时
cli-arg-check-max-per-rule = 终端报告中每条规则列出的违规数（其余只计数）
cli-arg-check-all = 在终端报告中列出全部违规
cli-arg-check-summary-only = 审计报告（markdown、html）只输出摘要页
cli-arg-check-engine = 在何处执行规则：本机，或 Apache Spark（docs/spark.md）
cli-arg-check-spark-master = --engine spark 所用的 Spark master：local[N]、spark://HOST:PORT 或 yarn
cli-arg-check-spark-conf = --engine spark 的一项 Spark 设置，写作 KEY=VALUE（可重复）
cli-about-validate = 不读数据，只解析策略集并检查类型
cli-arg-validate-paths = 策略文件或文件夹
cli-arg-validate-deny-warnings = 有警告时以 1 退出（用于 CI）
cli-arg-validate-as-of = 计算豁免有效期的基准日（YYYY-MM-DD）；默认为当天
cli-about-packs = 列出内置规则包及其规则和依据
cli-about-test = 运行策略集中的 `test` 块，并报告条件覆盖率
cli-arg-test-paths = 策略文件或文件夹
cli-arg-test-as-of = `as_of` 所取的检查基准日（YYYY-MM-DD）；默认为当天
cli-arg-test-tz = 测试所用的时区（IANA 名称）；默认为 UTC
cli-arg-test-coverage-threshold = 条件覆盖率低于 N% 时判为失败（以 1 退出）
cli-about-explain = 逐步说明一条规则对一个检查对象如何求值
cli-arg-explain-rule = 要说明的规则
cli-arg-explain-subject = 检查对象的编号（`for company` 的规则可省略）
cli-arg-explain-case = 案卷文件夹
cli-arg-explain-policies = 策略文件或文件夹（可重复）；代替案卷中的 policies/
cli-arg-explain-packs = 内置规则包（可重复）
cli-arg-explain-as-of = 检查基准日（YYYY-MM-DD）；默认取 custodia.yaml 中的设置，否则为当天
cli-arg-explain-tz = 案卷时区（IANA 名称）；默认取 custodia.yaml 中的设置，否则为 UTC
cli-about-schema = 以表格列出实际生效的数据结构（标准数据结构及其扩展）
cli-arg-schema-paths = 策略文件或文件夹；不写时只列出标准数据结构
cli-arg-schema-json-schema = 改为输出该集合每行数据的 JSON Schema
cli-about-init = 为公司自己导出的一批文件生成初版 custodia.yaml 映射
cli-arg-init-dir = 案卷文件夹
cli-arg-init-files = 要映射的数据文件（默认为该文件夹中的全部数据文件）
cli-arg-init-force = 覆盖已有的 custodia.yaml
cli-about-completions = 输出 shell 补全脚本（bash、zsh、fish、elvish、powershell）
cli-about-man = 输出 man 手册页（roff 格式）
cli-arg-man-command = 要输出其手册页的命令（custodia-check(1)：`custodia man check`）
cli-about-compile = 将案卷的策略集编译为分布式引擎所用的 SQL（docs/spark.md）
cli-arg-compile-case = 案卷文件夹
cli-arg-compile-target = SQL 方言
cli-arg-compile-output = 将脚本写入该文件，不输出到标准输出
cli-arg-compile-stage = 同时将案卷数据按脚本读取的格式暂存到该目录
cli-arg-compile-as-of = 检查基准日（YYYY-MM-DD）；默认取 custodia.yaml 中的设置，否则为当天
cli-arg-compile-tz = 案卷时区（IANA 名称）；默认取 custodia.yaml 中的设置，否则为 UTC
cli-about-fmt = 将策略文件改写为标准排版
cli-arg-fmt-paths = 策略文件或文件夹
cli-arg-fmt-check = 不做修改；有文件未按标准排版时打印差异并以 1 退出
cli-about-help = 显示本帮助，或指定命令的帮助
cli-flag-help = 显示帮助
cli-flag-version = 显示版本
cli-usage-heading = 用法：
cli-heading = {$heading}：
cli-heading-commands = 命令
cli-heading-arguments = 参数
cli-heading-options = 选项
cli-possible-values = 可选值：{$values}
cli-default = 默认：{$value}
cli-spec = （{$spec}）
cli-spec-sep = ；
cli-error = 错误：{$message}
cli-error-unknown-argument = 无法识别的参数 `{$arg}`
cli-error-unknown-command = 没有 `{$name}` 这个命令
cli-error-missing-value = `{$arg}` 须带一个值，但未提供
cli-error-bad-value = `{$arg}` 的值 `{$value}` 无效
cli-error-bad-value-one-of = `{$arg}` 的值 `{$value}` 无效；可选值为 {$values}
cli-error-bad-value-because = `{$arg}` 的值 `{$value}` 无效：{$reason}
cli-error-missing-argument = 缺少必需的参数：{$args}
cli-error-conflict = `{$arg}` 不能与 `{$other}` 同时使用
cli-error-repeated = `{$arg}` 只能使用一次
cli-error-no-equals = `{$arg}` 的值须写在 `=` 之后
cli-error-too-many-values = `{$arg}` 多出了值 `{$value}`
cli-did-you-mean = 提示：是否应为 {$names}？
cli-usage = 用法：{$usage}
cli-more = 详细说明请运行 `{$command}`。
cli-expected-lang = 应为 zh 或 en，而不是 `{$value}`
cli-expected-percent = 应为 0 到 100 之间的百分数，而不是 `{$value}`
cli-expected-form = 应写成 {$form} 的形式，而不是 `{$value}`
cli-expected-threads = 线程数应为 1 到 {$max} 之间的整数，而不是 `{$value}`
cli-or = {" 或 "}

# Spark engine (spark5): the columns of a source read in place; errors raised while the job runs
spark-bad-columns = 就地读取的数据源的列名
sql-ref-text-type = 此类型的值含有指向带 `pii` 字段集合的引用文本，无法在 SQL 中判断其是否为编号
spark-run-failed = 错误：Spark 作业中止：{$reason}；未执行任何规则
spark-run-cell-missing = {$source} {$file} 第 {$row} 行：字段 `{$field}` 缺失
spark-run-cell-enum = {$source} {$file} 第 {$row} 行：字段 `{$field}` 不是其允许的取值之一
spark-run-cell-int = {$source} {$file} 第 {$row} 行：字段 `{$field}` 不是整数
spark-run-cell-decimal = {$source} {$file} 第 {$row} 行：字段 `{$field}` 不是数字
spark-run-cell-bool = {$source} {$file} 第 {$row} 行：字段 `{$field}` 不是 true 或 false
spark-run-cell-date = {$source} {$file} 第 {$row} 行：字段 `{$field}` 不是日期（YYYY-MM-DD）
spark-run-cell-datetime = {$source} {$file} 第 {$row} 行：字段 `{$field}` 不是日期时间（RFC 3339，或本地时间 YYYY-MM-DD HH:MM[:SS]）
spark-run-cell-type = {$source} {$file} 第 {$row} 行：字段 `{$field}` 无法就地读取
spark-run-cell-excel-error = {$source} {$file} 第 {$row} 行：字段 `{$field}` 是 Excel 错误值（#N/A、#REF! 等），不是数据
spark-run-cell-encoding = {$source} {$file} 第 {$row} 行：字段 `{$field}` 含有非 UTF-8 字节（Spark 就地读取 CSV 或 JSON Lines 文件时按 UTF-8 解码）；请将文件另存为 UTF-8，或交由 custodia 读取（去掉该条目的 `spark:`）
spark-run-too-many-rows = {$source}：文件或行数过多，无法编号
spark-run-date-plus-hours = 日期加上带小时的时长，未编译为 SQL
# 少见的用法错误与 clap 的提示（src/cli/usage.rs），以及 `--max-per-rule` 的取值说明（src/main.rs）。
cli-error-missing-command = `{$name}` 后须写明命令；可用的命令有 {$commands}
cli-error-invalid-utf8 = 参数中含有不是 UTF-8 编码的字节，无法读取
cli-error-too-few-values = `{$arg}` 至少需要 {$min} 个值，只提供了 {$actual} 个
cli-error-wrong-number-of-values = `{$arg}` 需要 {$expected} 个值，提供了 {$actual} 个
cli-tip-pass-as-value = 提示：若要把 `{$arg}` 作为值传入，请写成 `{$written}`
cli-tip-remove-dashes = 提示：`{$name}` 是一个命令；若要运行它，请删去它前面的 `--`
cli-tip-option-of-command = 提示：`{$arg}` 是 `{$command}` 命令的选项，请写在命令名之后
cli-expected-count = 应为 0 或正整数，而不是 `{$value}`
# `custodia man` 的章节标题（src/cli/manual.rs），沿用中文手册页的习惯叫法。
man-section-name = 名称
man-section-synopsis = 概述
man-section-description = 描述
man-section-options = 选项
man-section-extra = 其他
man-section-version = 版本
man-section-authors = 作者
man-unknown-command = 错误：custodia 没有 `{$name}` 命令；可输出手册页的命令有：{$commands}
eval-condition-unknown = 规则 `{$rule}`（第 {$line} 行）有 {$count} 个 `{$collection}` 对象未被检查（{$ids}{$more ->
    [0] {""}
   *[other] {" "}等，另有 {$more} 个
}）：所需的值缺失或引用指向不存在的对象，其 `where` 或 `when` 条件无法判定；请补全该值，或在条件中写明缺失时如何处理（`x is missing or …`）
audit-rule-unmatched = 检查的并非所写的内容：{$values}
audit-rule-never-true = 未检查：{$why}
audit-rule-unknown-subjects = 有 {$count} 个对象未被检查：其 `where` 或 `when` 条件无法判定（所需的值缺失；见说明）
audit-rule-insufficient = 有 {$count} 项结果证据不足（所需的值缺失，见该规则的违规事项），无法判定是否符合要求，相应对象未被检查
audit-partly-checked = 部分检查（未检查：{$parts}）
audit-notes-heading = 说明
audit-note-text = ：{$message}

## 操作系统报告的读写错误（src/i18n/io_error.rs）：错误种类的中文说明，括号内保留系统原文

io-error = {$kind}（{$raw}）
io-kind-not-found = 文件或文件夹不存在
io-kind-permission-denied = 没有访问权限
io-kind-already-exists = 同名的文件或文件夹已存在
io-kind-is-a-directory = 这是文件夹，不是文件
io-kind-not-a-directory = 路径中的某一级不是文件夹
io-kind-directory-not-empty = 文件夹不是空的
io-kind-storage-full = 磁盘空间已满
io-kind-quota-exceeded = 超出磁盘配额
io-kind-file-too-large = 文件过大，超出文件系统的上限
io-kind-read-only-filesystem = 文件系统为只读
io-kind-invalid-data = 数据无效或已损坏
io-kind-unexpected-eof = 内容不完整：数据在中途结束
io-kind-invalid-input = 参数无效
io-kind-invalid-filename = 文件名无效（过长或含有不允许的字符）
io-kind-filesystem-loop = 符号链接形成循环
io-kind-stale-network-file-handle = 网络文件句柄已失效（远程文件已被删除或移动）
io-kind-resource-busy = 资源正被占用
io-kind-executable-file-busy = 可执行文件正被占用
io-kind-crosses-devices = 不能跨磁盘或文件系统操作
io-kind-too-many-links = 链接数过多
io-kind-not-seekable = 无法在其中定位（管道或数据流）
io-kind-write-zero = 未能写入任何数据
io-kind-broken-pipe = 管道已断开：读取的一端已关闭
io-kind-interrupted = 操作被中断
io-kind-timed-out = 操作超时
io-kind-would-block = 操作暂时无法完成
io-kind-out-of-memory = 内存不足
io-kind-unsupported = 不支持此操作
io-kind-connection-refused = 连接被拒绝
io-kind-connection-reset = 连接被对方重置
io-kind-connection-aborted = 连接被中止
io-kind-not-connected = 尚未建立连接
io-kind-host-unreachable = 无法访问该主机
io-kind-network-unreachable = 无法访问该网络
io-kind-network-down = 网络不可用
io-kind-addr-in-use = 地址已被占用
io-kind-addr-not-available = 地址不可用
io-kind-other = 读写出错
spill-file-gone = 暂存违规记录的临时文件已不存在
spill-run-cut = 临时文件中的一段违规记录不完整

## The standard schema's descriptions (policies/std/schema.policy), by
## 标准数据结构（policies/std/schema.policy）的说明，按集合和字段

std-schema-record = 资料目录：每份资料一行
std-schema-record-id = 档案号或目录编号
std-schema-record-title = 资料名称
std-schema-record-class = 一般、敏感或重要资料；空表示尚未分级
std-schema-record-category = 资料类别（对应保管期限表中的一行，据以确定保管期限、起算点和依据）
std-schema-record-subject = 资料所涉客户的编号（不填姓名）
std-schema-record-subject_name = 客户姓名
std-schema-record-phone = 客户电话号码
std-schema-record-personal_info = 含个人信息（个人信息保护法 第四条）
std-schema-record-sensitive_personal_info = 含敏感个人信息（个人信息保护法 第二十八条）
std-schema-record-medium = 存储介质
std-schema-record-location = 存放位置（柜、室或系统）
std-schema-record-created = 形成日期；会计资料填其所属会计年度内的某一日
std-schema-record-closed = 办结日期（合同终止、资产报废清理、客户离开）
std-schema-record-period_end = 目录登记的保管期限届满日；规则包按保管期限表自行计算
std-schema-record-status = 资料当前状态
std-schema-record-legal_hold = 涉及诉讼或调查、须保全，不得销毁
std-schema-record-unsettled = 涉及未结清的债权债务或未了结的事项
std-schema-record-encrypted = 加密存储（电子资料）
std-schema-record-deidentified = 去标识化存储：不借助额外信息无法识别特定自然人（个人信息保护法第七十三条第三项）
std-schema-record-backup_location = 备份存放位置；空表示无备份
std-schema-access = 查阅、复制、借出登记
std-schema-access-record = 被查阅、复制或借出的资料
std-schema-access-actor = 经办的员工
std-schema-access-action = 查阅、复制或借出
std-schema-access-purpose = 用途；每条登记都须填写
std-schema-access-approved_by = 复制或借出的批准人
std-schema-access-borrower = 借出时：借阅人
std-schema-access-external = 借出时：借阅人为外单位人员
std-schema-change = 资料变更记录
std-schema-change-record = 被变更的资料
std-schema-change-actor = 变更人
std-schema-change-reason = 变更原因
std-schema-change-reviewed_by = 变更审核人
std-schema-appraisal = 对保管期满资料的鉴定意见书
std-schema-appraisal-record = 被鉴定的资料
std-schema-appraisal-conclusion = 销毁，或继续保存
std-schema-appraisal-appraisers = 鉴定小组成员
std-schema-appraisal-opinion_no = 鉴定意见书编号
std-schema-appraisal-lead = 牵头的档案管理机构人员（第十七条）
std-schema-appraisal-accounting_member = 会计管理机构参加人（第十七条）
std-schema-appraisal-audit_member = 审计等机构参加人，本单位或外部人员均可（第十七条）
std-schema-appraisal-keep_until = 结论为继续保存时：重新划定的保管期限的最后一日（第十六条）
std-schema-destruction = 会计档案销毁清册
std-schema-destruction-record = 被销毁的资料
std-schema-destruction-method = 销毁方式
std-schema-destruction-place = 销毁地点
std-schema-destruction-register_no = 销毁清册中该档案的卷号
std-schema-destruction-volumes = 卷数
std-schema-destruction-retention_required = 应保管期限
std-schema-destruction-retention_served = 已保管期限
std-schema-destruction-approved_by = 签署意见的单位负责人
std-schema-destruction-archives_head = 档案管理机构负责人（签署）
std-schema-destruction-accounting_head = 会计管理机构负责人（签署）
std-schema-destruction-archives_handler = 档案管理机构经办人（签署）
std-schema-destruction-accounting_handler = 会计管理机构经办人（签署）
std-schema-destruction-archives_supervisor = 档案管理机构派出的监销人
std-schema-destruction-accounting_supervisor = 会计管理机构派出的监销人
std-schema-destruction-it_supervisor = 电子档案销毁时信息系统管理机构派出的监销人
std-schema-destruction-vendor = 受托销毁的外部单位（受托人），如有
std-schema-destruction-processing_record = 委托外部单位时：本次委托处理的处理情况记录（个人信息保护法 第五十六条第二款）
std-schema-handover = 移交给保管人（移交清册）
std-schema-handover-record = 被移交的资料
std-schema-handover-custodian = 此后的保管人
std-schema-handover-handled_by = 移交人（本单位员工）
std-schema-handover-received_by = 保管人一方的签收人
std-schema-handover-supervised_by = 本单位派出的移交监督人（第二十四条）
std-schema-handover-receiver_supervisor = 保管人一方签字的监督人（第二十四条）
std-schema-handover-register_no = 移交清册中的条目编号（会计档案移交清册）
std-schema-handover-volumes = 卷数
std-schema-handover-retention_required = 应保管期限
std-schema-handover-retention_served = 已保管期限
std-schema-handover-processing_record = 含个人信息时：本次对外提供的处理情况记录（个人信息保护法 第五十六条第二款）
std-schema-notification = 对个人和债权人的通知
std-schema-notification-subject = 被通知人的客户编号或债权人编号
std-schema-notification-record = 通知所涉资料，如有
std-schema-notification-topic = 通知事项
std-schema-notification-channel = 通知方式
std-schema-notification-recipient = 送达的地址、号码或姓名
std-schema-notification-new_holder = 移交通知：接收数据一方的名称
std-schema-notification-new_holder_contact = 移交通知：接收方的联系方式
std-schema-announcement = 公告
std-schema-announcement-topic = 公告事项
std-schema-announcement-medium = 发布渠道：国家企业信用信息公示系统、报纸或网站
std-schema-announcement-until = 公示期的最后一日
std-schema-archival = 资料归档记录（指引 三.2、三.6）
std-schema-archival-record = 被归档的资料
std-schema-archival-location = 归档地点
std-schema-archival-actor = 归档人
std-schema-creditor_payment = 清算期间向债权人的清偿
std-schema-creditor_payment-creditor = 受偿债权人，与债权人通知中的 subject 一致
std-schema-creditor_payment-amount = 清偿金额
std-schema-creditor_payment-declared = 债权人申报债权之日（公司法第二百三十五条第一款）
std-schema-backup = 数据备份
std-schema-backup-record = 被备份的资料
std-schema-backup-location = 备份存放位置
std-schema-inspection = 存放场所定期检查
std-schema-inspection-location = 被检查的场所，与 record.location 一致
std-schema-inspection-inspector = 检查人
std-schema-inspection-result = 检查结果
std-schema-review = 合规审查
std-schema-review-scope = 审查范围
std-schema-review-reviewer = 审查人
std-schema-review-result = 审查结论
std-schema-assessment = 个人信息保护影响评估
std-schema-assessment-category = 被评估的处理活动所涉资料类别
std-schema-assessment-scope = 被评估的处理活动（第五十五条）
std-schema-assessment-report = 评估报告（作为资料目录中的一份资料）
std-schema-breach = 个人信息泄露事件
std-schema-breach-record = 受影响的资料，如有
std-schema-breach-types = 受影响的个人信息种类
std-schema-breach-cause = 原因和可能造成的危害
std-schema-breach-remedies = 已采取的补救措施和个人可以采取的措施
std-schema-breach-contact = 个人可以联系的人
std-schema-breach-high_risk = 可能对个人造成严重危害（GDPR Art. 34）
std-schema-breach-unlikely_risk = 不大可能对个人造成风险（GDPR Art. 33(1)）
std-schema-breach-harm_avoided = 所采取的措施能够有效避免危害（个人信息保护法 第五十七条第二款）
std-schema-breach-regulator_notified = 通知监管部门的时间
std-schema-breach-individuals_notified = 通知个人的时间
std-schema-subject_request = 个人行使权利的请求（查阅、删除等）
std-schema-subject_request-subject = 请求人的编号
std-schema-subject_request-right = 所行使的权利
std-schema-subject_request-answered = 答复时间
std-schema-subject_request-outcome = 处理结果
std-schema-subject_request-extended = 已在一个月内告知请求人延期答复（GDPR Art. 12(3)）
std-schema-staff = 员工名册
std-schema-staff-id = 员工编号
std-schema-staff-name = 姓名
std-schema-staff-role = 岗位
std-schema-staff-authorized_from = 访问权限起始日
std-schema-staff-authorized_to = 访问权限截止日；空表示仍有权限
std-schema-staff-may_read_pii = 获准查阅个人信息
std-schema-staff-designated_handover = 指定的交接专人
std-schema-retention_schedule = 保管期限表：每个资料类别一行
std-schema-retention_schedule-id = 资料类别，与 record.category 一致
std-schema-retention_schedule-title = 类别名称，例如 记账凭证
std-schema-retention_schedule-series = 档案门类
std-schema-retention_schedule-period = 保管期限，例如 "30 years" 或 "permanent"
std-schema-retention_schedule-trigger = 起算点：形成之日、会计年度终了后的第一天，或办结之日
std-schema-retention_schedule-statutory = 保管期限由法律规定，处理目的实现后仍须保存
std-schema-retention_schedule-citation = 规定保管期限的条文
std-schema-retention_schedule-annex1_item = 会计资料：所属 会计档案管理办法 附表1 的序号
std-schema-vendor = 受托处理个人信息的单位（受托人，个人信息保护法 第二十一条）
std-schema-vendor-id = 受托人编号
std-schema-vendor-name = 受托单位名称
std-schema-vendor-contract_signed = 委托处理协议签订日
std-schema-vendor-contract_ends = 协议期限的最后一日；委托处理协议须约定期限（第二十一条）
std-schema-vendor-purpose = 委托处理的目的
std-schema-vendor-method = 处理方式
std-schema-vendor-pi_types = 个人信息的种类
std-schema-vendor-protection = 约定的保护措施
std-schema-custodian = 注销后保管资料的单位或个人
std-schema-custodian-id = 保管人编号
std-schema-custodian-name = 单位或个人名称
std-schema-custodian-contact = 地址或电话
std-schema-processing_activity = 处理活动记录（GDPR Art. 30）
std-schema-processing_activity-id = 处理活动编号
std-schema-processing_activity-category = 所处理的资料类别
std-schema-processing_activity-purpose = 处理目的
std-schema-processing_activity-legal_basis = 合法性基础（Art. 6）
std-schema-processing_activity-recipients = 数据接收方
std-schema-processing_activity-retention = 保存期限
std-schema-company = 公司信息（company.yaml）
std-schema-company-name = 登记名称
std-schema-company-credit_code = 统一社会信用代码，18 位
std-schema-company-dissolution_cause = 解散事由出现之日（例如股东会决议之日）
std-schema-company-dissolution_reason = 解散原因（公司法 第二百二十九条第一款 第一至五项）
std-schema-company-liquidation_group_formed = 清算组成立之日
std-schema-company-liquidation_finished = 清算报告经确认之日
std-schema-company-deregistration_filed = 申请注销登记之日
std-schema-company-deregistration_kind = 普通注销或简易注销
std-schema-company-invoices_cancelled = 缴销空白发票之日（发票缴销，税收征收管理法实施细则 第十六条）
std-schema-company-tax_deregistered = 注销税务登记之日（清税，实施细则 第十五条）

## 各规则包不检查的事项（src/packs.rs，`unchecked_duties`；docs/packs.md「What the packs do not check」）
pack-unchecked-destruction-effect = 销毁是否确实使资料无法恢复、销毁方法是否适合载体：数据只记录了销毁方法
pack-unchecked-appraisal-opinion = 鉴定意见的内容（会计档案管理办法 第十六条、第十七条）：只检查是否经过鉴定、由谁鉴定及鉴定结论
pack-unchecked-custodian = 保管档案的单位是否适当（会计档案管理办法 第二十条、档案法 第十六条）：只检查是否指定了保管单位
pack-unchecked-electronic-metadata = 电子会计档案移交时一并移交的元数据（会计档案管理办法 第二十四条第四款）
pack-unchecked-separate-consent = 处理敏感个人信息是否取得个人的单独同意（个人信息保护法 第二十九条）
pack-unchecked-breach-immediately = 发生个人信息泄露后是否「立即」通知（个人信息保护法 第五十七条第一款）：只检查是否已经通知、且通知不早于事件
pack-unchecked-notice-reached = 通知是否确实送达本人
pack-unchecked-transfer-contact = 转移告知中接收方的联系方式是否准确（个人信息保护法 第二十二条）
pack-unchecked-entrusted-supervision = 对受托人的监督，以及委托终止后个人信息的返还或删除（个人信息保护法 第二十一条）
pack-unchecked-disclosure = 公开个人信息（个人信息保护法 第五十五条第三项）
pack-unchecked-simplified-allowed = 是否符合简易注销的条件：存续期间未产生债务或已清偿全部债务，并经全体股东承诺（公司法 第二百四十条）
pack-unchecked-no-new-business = 清算期间是否开展了与清算无关的经营活动、清偿债务前是否向股东分配了财产（公司法 第二百三十六条第三款），以及申请注销后是否从事了与注销无关的经营活动（市场主体登记管理条例实施细则 第四十四条）
pack-unchecked-claims-register = 清算组是否对申报的债权进行了登记（公司法 第二百三十五条第二款）
pack-unchecked-tax-settled = 注销税务登记前是否结清了应纳税款、滞纳金和罚款（税收征收管理法实施细则 第十六条）：只检查发票缴销和注销税务登记的日期
pack-unchecked-catalogue-complete = 资料目录是否完整：规则只检查目录所列的资料，清算期间形成的会计凭证、账簿和清算报告，以及销毁、鉴定、移交所形成的销毁清册、鉴定意见书、移交清册等未列入目录的，不在检查范围内（会计档案管理办法 第六条、第二十条）
pack-unchecked-guide-conduct = 指引中不在数据中留下记录的义务：制度与预案、人员审查与培训、物理及存放条件、合同条款、反馈与改进计划等（客户资料指引 一、二.3、二.6、三.4、四.1、四.4–四.6、五.2–五.6、六.6、七.1、七.2、七.5、七.6、八.1–八.3、八.6、九.2、九.5、九.6、十.2、十.6、十一.1、十一.2、十一.6、十二.1、十二.3–十二.5、十三.1、十三.2、十三.5、十四–二十）
pack-unchecked-gdpr-lawfulness = 处理活动记录之外各项处理的合法性（GDPR 第6条、第30条）
pack-unchecked-gdpr-undue-delay = 删除请求获准后的删除（GDPR 第17条第1款）和向数据主体告知高风险泄露（第34条第1款）是否“毫不迟延”：未折算为天数，只检查是否已经删除、已经告知
audit-pack-limits = 所用内置规则包不检查的法定义务（无法从资料目录、日志和表格中检查），须由审核人另行判断：
audit-pack-limits-item = 不检查：{$duties}
