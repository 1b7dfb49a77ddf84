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
