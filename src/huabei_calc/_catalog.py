"""The catalog: every word a user reads, in English and Chinese, keyed by a stable id.

Like gettext's msgid: library errors carry an id (:attr:`InputError.code`) and their
parameters; the command line, the charts and the documents look the words up here
by id and never translate by matching English text. Each entry is
``id: (English, 中文)``; both are ``str.format`` templates with the same fields.

Ids are dotted by area: ``err.*`` for library error messages (the part after
``name=value``), ``cli.*`` for the command line, ``plot.*`` for charts,
``draft.*`` for the negotiation document. Sections below are kept apart so that
each area grows in its own place.

>>> text("err.not_negative", "zh")
'不能为负数'
>>> text("err.whole_number", "en", lo=1, hi=60)
'must be a whole number from 1 to 60'
"""

from __future__ import annotations

import string
from typing import Final, Literal

Lang = Literal["en", "zh"]
"""The languages of every label and message: English or Chinese (简体中文)."""

LANGS: Final[tuple[Lang, ...]] = ("en", "zh")

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    # == errors: a hand-built Accrual (tidy) ==========================================
    "err.accrual_charged": (
        "must be a two-place Decimal amount, at most debt.penalty",
        "必须是两位小数的 Decimal 金额，且不超过 debt.penalty",
    ),
    "err.accrual_mismatch": (
        "does not match accrue() over since..until: it gives charged={charged}, days={days}",
        "与 accrue() 在 since..until 期间的结果不符：应为 charged={charged}，days={days}",
    ),
    # == errors: amounts, rates, dates, counts (core) ==================================
    "err.not_negative": ("must not be negative", "不能为负数"),
    "err.whole_number": (
        "must be a whole number from {lo} to {hi}",
        "必须是 {lo} 到 {hi} 之间的整数",
    ),
    "err.date": (
        "must be a datetime.date such as date(2025, 1, 10)",
        "必须是 datetime.date 日期，例如 date(2025, 1, 10)",
    ),
    "err.date_not_datetime": (
        "is a datetime; pass a datetime.date (its .date())",
        "是 datetime；请传入 datetime.date（用它的 .date()）",
    ),
    "err.past_last_date": (
        "is too late: {months} months after {start} falls after 9999-12-31",
        "太晚：{start} 之后 {months} 个月将晚于 9999-12-31",
    ),
    "err.float": (
        'is a float, which cannot hold decimals exactly; pass Decimal("{digits}") or "{digits}"',
        '是浮点数（float），无法精确表示小数；请传入 Decimal("{digits}") 或 "{digits}"',
    ),
    "err.not_finite": (
        "must be a finite number, not NaN or infinity",
        "必须是有限的数，不能是 NaN 或无穷大",
    ),
    "err.at_most": ("must be at most {cap}", "不能大于 {cap}"),
    "err.positive": ("must be greater than 0", "必须大于 0"),
    # amounts (money.amount)
    "err.amount_type": (
        "must be an amount in yuan (int, str or Decimal), not {type}",
        "必须是以元为单位的金额（int、str 或 Decimal），不能是 {type}",
    ),
    "err.amount_text": (
        "is not a number; pass an amount in yuan like '1234.56'",
        "不是数字；请传入以元为单位的金额，例如 '1234.56'",
    ),
    "err.amount_commas": (
        "has a comma that is not a thousands separator; write '1,234.56' or '1234.56' "
        "(the decimal point is '.', and commas group three digits)",
        "含有不是千位分隔符的逗号；请写成 '1,234.56' 或 '1234.56'"
        "（小数点用 '.'，逗号只用于每三位分组）",
    ),
    "err.amount_finite": (
        "must be a finite amount in yuan, not NaN or infinity",
        "必须是有限的金额（元），不能是 NaN 或无穷大",
    ),
    "err.amount_max": ("must be at most 10^12 yuan", "不能超过 10^12 元"),
    "err.amount_fen": (
        "has more than two decimals; amounts are in yuan to the fen",
        "小数超过两位；金额以元为单位，精确到分",
    ),
    # rates (rates.Rate, rates.fraction)
    "err.basis": (
        "must be 360 or 365 (days in a year)",
        "必须是 360 或 365（一年的计息天数）",
    ),
    "err.period": (
        "must be 'day', 'month' or 'year'",
        "必须是 'day'、'month' 或 'year'（日、月、年）",
    ),
    "err.rate_value": ("must be a finite Decimal fraction", "必须是有限的 Decimal 小数"),
    "err.rate_above_day": (
        "is above 1% a day, almost certainly a unit mistake "
        "(a fraction like 0.0005 is 0.05%; 5 means 500%)",
        "超过日利率 1% 的上限，几乎可以肯定是单位写错了（小数 0.0005 即 0.05%；5 表示 500%）",
    ),
    "err.rate_above_month": (
        "is above 30% a month, almost certainly a unit mistake "
        "(a fraction like 0.0005 is 0.05%; 5 means 500%)",
        "超过月利率 30% 的上限，几乎可以肯定是单位写错了（小数 0.0005 即 0.05%；5 表示 500%）",
    ),
    "err.rate_above_year": (
        "is above 1000% a year, almost certainly a unit mistake "
        "(a fraction like 0.0005 is 0.05%; 5 means 500%)",
        "超过年利率 1000% 的上限，几乎可以肯定是单位写错了（小数 0.0005 即 0.05%；5 表示 500%）",
    ),
    "err.rate_tiny": (
        "is below 1e-100, almost certainly a unit mistake; use 0",
        "小于 1e-100，几乎可以肯定是单位写错了；请用 0",
    ),
    "err.rate_parse_type": (
        "must be a rate string like '0.05%/day' or a Rate",
        "必须是利率字符串（例如 '0.05%/day'）或 Rate",
    ),
    "err.rate_two_periods": ("names two different periods", "写了两个不同的计息周期"),
    "err.rate_no_unit": (
        "has no unit; write '0.05%/day', '4.9%/year', '日利率万分之五' or '年化4.9%'",
        "没有单位；请写成 '0.05%/day'、'4.9%/year'、'日利率万分之五' 或 '年化4.9%'",
    ),
    "err.rate_no_period": (
        "has no period; write '0.05%/day', '4.9%/year', '日利率万分之五' or '年化4.9%'",
        "没有计息周期（日、月、年）；"
        "请写成 '0.05%/day'、'4.9%/year'、'日利率万分之五' 或 '年化4.9%'",
    ),
    "err.rate_no_unit_period": (
        "has no unit and no period; write '0.05%/day', '4.9%/year', '日利率万分之五' or '年化4.9%'",
        "既没有单位也没有计息周期；请写成 '0.05%/day'、'4.9%/year'、'日利率万分之五' 或 '年化4.9%'",
    ),
    "err.rate_form": (
        "must be a rate such as '0.05%', '5‱', '0.5‰', '万分之五' or a fraction like '0.0005'",
        "必须是利率，例如 '0.05%'、'5‱'、'0.5‰'、'万分之五'，或小数 '0.0005'",
    ),
    "err.rate_not_number": ("must be a number here, not a Rate", "此处必须是数字，不能是 Rate"),
    "err.rate_finite": ("must be a finite, non-negative rate", "必须是有限的非负利率"),
    # products
    "err.name": ("must be a non-empty str", "必须是非空字符串"),
    "err.product_rate": (
        "must be a Rate or a rate string such as '0.05%/day' (see Rate.parse)",
        "必须是 Rate 或利率字符串，例如 '0.05%/day'（见 Rate.parse）",
    ),
    "err.capitalize": (
        "must be 'never' or 'monthly'",
        "必须是 'never'（不计复利）或 'monthly'（按月计复利）",
    ),
    "err.overdue_rate_day": (
        "gives, with {rate} a day and a markup of {markup}, an overdue rate of {overdue} "
        "a day, above 1% a day: almost certainly a unit mistake",
        "与日利率 {rate} 和上浮 {markup} 一起得出的逾期日利率为 {overdue}，超过日利率 1% 的上限："
        "几乎可以肯定是单位写错了",
    ),
    "err.overdue_rate_month": (
        "gives, with {rate} a month and a markup of {markup}, an overdue rate of {overdue} "
        "a month, above 30% a month: almost certainly a unit mistake",
        "与月利率 {rate} 和上浮 {markup} 一起得出的逾期月利率为 {overdue}，超过月利率 30% 的上限："
        "几乎可以肯定是单位写错了",
    ),
    "err.overdue_rate_year": (
        "gives, with {rate} a year and a markup of {markup}, an overdue rate of {overdue} "
        "a year, above 1000% a year: almost certainly a unit mistake",
        "与年利率 {rate} 和上浮 {markup} 一起得出的逾期年利率为 {overdue}，"
        "超过年利率 1000% 的上限：几乎可以肯定是单位写错了",
    ),
    "err.fee_table": (
        "must be a FeeTable or a mapping {{periods: fee rate}}",
        "必须是 FeeTable 或映射 {{期数: 手续费率}}",
    ),
    "err.fee_key": (
        "has the key {key}; keys are int periods",
        "含有键 {key}；键必须是整数期数",
    ),
    "err.fee_periods": (
        "has {periods} periods; must be a whole number from 1 to {hi}",
        "含有 {periods} 期；期数必须是 1 到 {hi} 之间的整数",
    ),
    "err.product": (
        "must be a Product such as HUABEI or JIEBEI",
        "必须是 Product，例如 HUABEI（花呗）或 JIEBEI（借呗）",
    ),
    # debts and payments
    "err.debt": ("must be a Debt", "必须是 Debt（欠款）"),
    "err.buckets": (
        "must be a collection of bucket names from {allowed}",
        "必须是由 {allowed} 中的科目名组成的集合",
    ),
    "err.bucket_unknown": (
        "names {item}; accepted: {allowed}",
        "含有 {item}；可用的科目：{allowed}",
    ),
    "err.bucket_twice": ("names a bucket twice", "同一科目写了两次"),
    "err.order_set": (
        "must be a tuple or list: a set has no order",
        "必须是 tuple 或 list：set 没有顺序",
    ),
    "err.order_all": (
        "must name all four buckets: {order}",
        "必须列出全部四个科目：{order}",
    ),
    # overdue accrual
    "err.before_since": ("is before since={since}", "早于 since={since}"),
    "err.too_far": (
        "is too far after since={since}: the debt would pass 10^30 yuan",
        "距 since={since} 太远：欠款将超过 10^30 元",
    ),
    # schedules and loans
    "err.row_amount": (
        "must be a non-negative Decimal amount",
        "必须是非负的 Decimal 金额",
    ),
    "err.two_places": ("must have exactly two decimal places", "必须正好有两位小数"),
    "err.payment_parts": (
        "must be principal + interest + fee = {parts}",
        "必须等于本金 + 利息 + 手续费 = {parts}",
    ),
    "err.rows": ("must be a tuple of Installment", "必须是由 Installment 组成的 tuple"),
    "err.schedule_principal": (
        "must be a non-negative two-place Decimal amount",
        "必须是非负、两位小数的 Decimal 金额",
    ),
    "err.method": ("must be one of {methods}", "必须是 {methods} 之一"),
    "err.row_period": (
        "has period {period}, past the most a schedule may have ({hi})",
        "含有第 {period} 期，超过还款计划的最多期数（{hi}）",
    ),
    "err.interest_basis": (
        "must be 'monthly' or 'actual'",
        "必须是 'monthly'（按月计息）或 'actual'（按实际天数计息）",
    ),
    "err.start_needed": (
        "is needed with interest='actual' (days between dates)",
        "在 interest='actual' 时必须提供（按两个日期之间的天数计息）",
    ),
    "err.fee_term": (
        "is not a term in {product}'s fee table (terms: {terms}); pass fee_rate",
        "不在 {product} 的手续费表中（可选期数：{terms}）；请传入 fee_rate",
    ),
    "err.fee_rate_above": (
        "is above 100%; write '8.8%' or '0.088'",
        "超过 100%；请写成 '8.8%' 或 '0.088'",
    ),
    # 停息挂账 plans
    "err.plan_periods": (
        "must be a whole number from {lo} to {hi} (the default limit follows the credit-card "
        "rules, 商业银行信用卡业务监督管理办法 art. 70: a personalised installment agreement "
        "lasts at most 5 years)",
        "必须是 {lo} 到 {hi} 之间的整数（默认上限依据《商业银行信用卡业务监督管理办法》"
        "第七十条：个性化分期还款协议最长 5 年）",
    ),
    "err.nothing_to_repay": (
        "leaves nothing to repay after the waiver",
        "减免之后已没有需要偿还的金额",
    ),
    "err.down_payment_form": (
        "must be an amount or a percentage like '10%'",
        "必须是金额或百分比，例如 '10%'",
    ),
    "err.down_payment_pct": (
        "must be a percentage from 0% to below 100%",
        "必须是 0% 到 100%（不含）之间的百分比",
    ),
    "err.down_payment_max": (
        "must be less than the frozen amount {frozen}",
        "必须小于停息挂账金额 {frozen}",
    ),
    "err.periods_too_many": (
        "is too many for {rest}: it would leave installments of 0.00; at most {most} periods",
        "对 {rest} 来说太多：每期应还将为 0.00；最多 {most} 期",
    ),
    "err.budget_small": (
        "is too small: even {periods} periods need {smallest} a month; "
        "the smallest budget that works is {smallest}",
        "太少：即使分 {periods} 期，每月也需还 {smallest}；可行的最低月预算为 {smallest}",
    ),
    "err.plan": (
        "must be a plan made by freeze() or plan_for_budget()",
        "必须是由 freeze() 或 plan_for_budget() 生成的停息挂账方案",
    ),
    "err.plan_dates": (
        "has due dates that go back in time: none may be before its start {start} or before"
        " the row above it",
        "的到期日不能倒退：不得早于方案开始日 {start}，也不得早于上一行",
    ),
    "err.plan_past_end": (
        "would keep paying the plan's last amount monthly from {first}, before its last"
        " due date {last}: give max_months={periods} (the plan's length) or due dates"
        " within the months of their periods",
        "会从 {first} 起按月继续支付方案的最后一期金额，但该日早于方案最后到期日 {last}："
        "请设 max_months={periods}（方案期数），或让各期到期日落在各自的月份内",
    ),
    "err.plan_other_debt": (
        "was not made for this debt (its total less waivers is {owed})",
        "不是为这笔欠款制定的（这笔欠款减去减免后的总额为 {owed}）",
    ),
    "err.before_lapse": (
        "is before the lapse date {lapse} (period {period})",
        "早于违约日 {lapse}（第 {period} 期）",
    ),
    # == errors: rates of return (solver) =============================================
    "err.flows_list": (
        "must be a list of cash flows",
        "必须是现金流的列表",
    ),
    "err.flows_min_one": (
        "must hold at least one cash flow",
        "至少要有一笔现金流",
    ),
    "err.flows_min_two": (
        "must hold at least two cash flows",
        "至少要有两笔现金流",
    ),
    "err.flows_all_zero": (
        "are all zero: every rate makes their NPV zero",
        "全部为零：任何利率都使其净现值为零",
    ),
    "err.flows_sign": (
        "must change sign (money lent negative, repayments positive): "
        "otherwise no rate makes the NPV zero",
        "必须有正有负（借出为负，还款为正），否则没有任何利率能使净现值为零",
    ),
    "err.flows_sign_same_day": (
        "must still change sign once flows on the same date are added up",
        "同一日期的现金流合并后仍须有正有负",
    ),
    "err.flow_float": (
        "at index {index} is a float, which cannot hold money exactly; "
        'pass Decimal("{fix}") or "{fix}"',
        "下标为 {index} 的项是浮点数（float），无法精确表示金额；"
        '请传入 Decimal("{fix}") 或 "{fix}"',
    ),
    "err.flow_type": (
        "at index {index} must be an amount in yuan (int, str or Decimal), not {kind}",
        "下标为 {index} 的项必须是以元为单位的金额（int、str 或 Decimal），不能是 {kind}",
    ),
    "err.flow_not_number": (
        "at index {index} is not a number; pass an amount in yuan like '1234.56'",
        "下标为 {index} 的项不是数字；请传入以元为单位的金额，例如 '1234.56'",
    ),
    "err.flow_not_finite": (
        "at index {index} must be a finite amount in yuan, not NaN or infinity",
        "下标为 {index} 的项必须是有限的金额，不能是 NaN 或无穷大",
    ),
    "err.flow_too_large": (
        "at index {index} must be at most 10^12 yuan either way",
        "下标为 {index} 的项的绝对值不能超过 10^12 元",
    ),
    "err.flow_decimals": (
        "at index {index} has more than two decimals; amounts are in yuan to the fen",
        "下标为 {index} 的项的小数超过两位；金额以元为单位，精确到分",
    ),
    "err.flow_pair": (
        "at index {index} must be a (date, amount) pair",
        "下标为 {index} 的项必须是（日期, 金额）二元组",
    ),
    "err.flow_date": (
        "at index {index} must be a datetime.date such as date(2025, 1, 10)",
        "下标为 {index} 的项必须是 datetime.date 日期，例如 date(2025, 1, 10)",
    ),
    "err.flow_datetime": (
        "at index {index} is a datetime; pass its .date()",
        "下标为 {index} 的项是 datetime；请传入它的 .date()",
    ),
    "err.discount_rate": (
        "must be greater than -1 (-100%)",
        "必须大于 -1（-100%）",
    ),
    "err.discount_rate_digits": (
        "has too many digits for an exact NPV: at most {digits} digits "
        "in the numerator and denominator of 1 + rate",
        "位数过多，无法精确计算净现值：1 + 利率 写成分数后，分子和分母最多 {digits} 位",
    ),
    # == errors: cases and drafts ======================================================
    "err.id_number_format": (
        "must be an ID number of 17 digits and a check character (0-9 or X)",
        "必须是 17 位数字加 1 位校验码（0-9 或 X）的居民身份证号码",
    ),
    "err.id_number_check": (
        "has a wrong check character (GB 11643-1999, ISO 7064 MOD 11-2): check for a typo",
        "校验码不对（GB 11643-1999，ISO 7064 MOD 11-2）：请检查是否输错",
    ),
    "err.phone": (
        "must be a phone number of digits (with + - or spaces), at most 20 characters",
        "必须是电话号码：数字（可含 + - 和空格），最多 20 个字符",
    ),
    "err.case_label": ("must be a non-empty text", "必须是非空的文字"),
    "err.case_product": (
        "must be a Product such as HUABEI or JIEBEI (in a case file: huabei, jiebei, 花呗, 借呗)",
        "必须是产品，如 HUABEI 或 JIEBEI（案例文件中写 huabei、jiebei、花呗 或 借呗）",
    ),
    "err.case_debt": ("must be a Debt", "必须是 Debt（欠款）"),
    "err.case_nothing_owed": ("owes nothing: leave the account out", "没有欠款：请删去这个账户"),
    "err.case_mapping": (
        "must map a label to a monthly amount, like {{'工资': '6500'}}",
        "必须是“名称 → 每月金额”的映射，例如 {{'工资': '6500'}}",
    ),
    "err.case_accounts": (
        "must be a non-empty tuple of Account",
        "必须是至少包含一个 Account（账户）的元组",
    ),
    "err.case_label_twice": (
        "is the label of two accounts: give each account its own label",
        "是两个账户的名称：每个账户的名称必须不同",
    ),
    "err.case_applicant": ("must be an Applicant", "必须是 Applicant（申请人）"),
    "err.case_no_account": ("is not the label of an account", "不是任何账户的名称"),
    "err.case_after_on": (
        "of account {label!r} is after the case date {on}: it must be on or before it",
        "（账户 {label!r}）晚于案例日期 {on}：必须在案例日期当天或之前",
    ),
    "err.case_on_before": (
        "is before the {field} {day} of account {label!r}: the case date must be on or after it",
        "早于账户 {label!r} 的 {field}（{day}）：案例日期不能早于它",
    ),
    "err.case_periods": (
        "must be a list of different whole numbers from 1 to {hi}",
        "必须是 1 到 {hi} 之间、互不相同的整数列表",
    ),
    "err.case_budget_short": (
        "is too small for plans within {periods} months: {short} short a month "
        "(smallest monthly payment > share of the budget: {detail})",
        "不够：{periods} 期以内的方案每月还差 {short} 元（最低月供 > 分到的预算：{detail}）",
    ),
    "err.case_file_line": (
        "{file}:{line}: {field}: {problem}",
        "{file}:{line}：{field}：{problem}",
    ),
    "err.case_file_noline": ("{file}: {field}: {problem}", "{file}：{field}：{problem}"),
    "err.case_file": (
        "has {count} problem(s):\n{lines}",
        "有 {count} 处问题：\n{lines}",
    ),
    "err.case_file_read": ("cannot be read: {reason}", "无法读取：{reason}"),
    "err.case_file_write": ("cannot be written: {reason}", "无法写入：{reason}"),
    "err.case_toml": ("is not valid TOML: {reason}", "不是有效的 TOML：{reason}"),
    "err.case_field_unknown": (
        "is not a field here; accepted: {accepted}",
        "不是此处的字段；可用：{accepted}",
    ),
    "err.case_field_missing": ("is missing", "缺少此项"),
    "err.case_field_type": ("must be {kind}", "必须是{kind}"),
    "err.case_float": (
        'is a TOML float, which cannot hold money exactly; write it as a string: "{text}"',
        '是 TOML 浮点数，无法精确表示金额；请写成字符串："{text}"',
    ),
    "err.case_unknown_product": (
        "is not a product; accepted: huabei, jiebei, 花呗, 借呗",
        "不是已知产品；可用：huabei、jiebei、花呗、借呗",
    ),
    "err.case_in_future": (
        "is after the case date {on}: an account cannot be overdue since a later day",
        "晚于案例日期 {on}：逾期日期不能晚于案例日期",
    ),
    "err.case_negative": ("must not be negative", "不能为负数"),
    "err.case_product_custom": (
        "is not Huabei or Jiebei at some rate: a case file holds only those",
        "不是花呗或借呗（任意利率）：案例文件只能保存这两种产品",
    ),
    "err.case_not_case": ("must be a Case", "必须是 Case（案例）"),
    # == errors: portfolios ============================================================
    "err.max_months_short": (
        "must be at least the plan's {periods} periods",
        "不能少于计划的 {periods} 期",
    ),
    "err.compare_too_large": (
        "is too long: within {months} months the debt would pass 10^30 yuan; "
        "pass a smaller max_months",
        "太长：{months} 个月内债务将超过 10^30 元；请减小 max_months",
    ),
    "err.batch_lang": (
        "must be 'en' or 'zh'",
        "必须是 'en' 或 'zh'",
    ),
    "err.batch_record": (
        "must be a mapping of column names to values",
        "必须是“列名 → 值”的映射",
    ),
    "err.batch_records": (
        "must be an iterable of records (mappings), such as a list of dicts or a csv.DictReader",
        "必须是由记录（映射）组成的可迭代对象，例如 dict 列表或 csv.DictReader",
    ),
    "err.batch_cell": (
        "in column {column}: {reason}",
        "（{column} 列）：{reason}",
    ),
    "err.batch_frame": (
        "must be a pandas DataFrame",
        "必须是 pandas DataFrame",
    ),
    "err.batch_product": (
        "must be huabei, jiebei, 花呗, 借呗 or a Jiebei daily rate such as 0.05%/day: {reason}",
        "必须是 huabei、jiebei、花呗、借呗，或借呗日利率如 0.05%/day：{reason}",
    ),
    "err.batch_date": (
        "must be a date written YYYY-MM-DD, such as 2025-01-10",
        "必须是 YYYY-MM-DD 格式的日期，例如 2025-01-10",
    ),
    "err.batch_since_after_on": (
        "is after on={on}: the debt cannot be overdue since a later date",
        "晚于 on={on}：逾期日不能晚于计算日",
    ),
    # == errors: legal lines and rules =================================================
    "err.rules.lpr_before_first": (
        "is before {first}, when the one-year LPR was first published: no LPR existed then "
        "(the 2015 private-lending lines of 24% and 36% applied)",
        "早于 {first}（一年期 LPR 首次发布）：当时还没有 LPR"
        "（适用 2015 年民间借贷 24%/36% 的规定）",
    ),
    "err.rules.before_lines": (
        "is before {first}, the date of the first reference line in the table",
        "早于 {first}，即表中最早的参考线日期",
    ),
    "err.rules.lender": ("must be 'financial' or 'private'", "必须是 'financial' 或 'private'"),
    "err.rules.annual_rate": (
        "must be a non-negative annual rate: a Rate, a string that names its period "
        "('0.075%/day', '24%/year', '年化24%'), a percentage ('27.38%') or a fraction such as "
        "Decimal('0.24')",
        "必须是非负的年化利率：Rate、注明周期的字符串（'0.075%/day'、'24%/year'、'年化24%'）、"
        "百分数（'27.38%'）或小数，例如 Decimal('0.24')",
    ),
    "err.rules.basis": (
        "must be 365 or 360 (days in a year; courts count 365)",
        "必须是 365 或 360（一年的天数；法院按 365 天计）",
    ),
    "err.rules.rate_unit": (
        "is a bare number of 1 or more, most likely a percentage: write '{value}%' "
        "or a fraction such as Decimal('0.24')",
        "是不带单位且不小于 1 的数，多半是百分数：请写成 '{value}%' 或小数，例如 Decimal('0.24')",
    ),
    "err.rules.rate_limit": (
        "is above 1% a day, 30% a month or 1000% a year: almost certainly a unit mistake",
        "超过日 1%、月 30% 或年 1000%：多半是单位写错了",
    ),
    "err.rules.product": (
        "must be a Product such as HUABEI or JIEBEI",
        "必须是 Product，例如 HUABEI 或 JIEBEI",
    ),
    "err.rules.schedule": (
        "must be a Schedule made by equal_installment, equal_principal, interest_only or flat_fee",
        "必须是由 equal_installment、equal_principal、interest_only 或 flat_fee 生成的 Schedule",
    ),
    "err.rules.schedule_dates": (
        "has no due dates: build it with start=date(...)",
        "没有还款日：请用 start=date(...) 生成",
    ),
    "err.rules.missed": (
        "must be a tuple of periods such as (3, 4) or a mapping {{period: amount paid}}",
        "必须是期数的元组，例如 (3, 4)，或映射 {{期数: 已还金额}}",
    ),
    "err.rules.no_period": (
        "names period {period}, which the schedule does not have (periods {lo} to {hi})",
        "含有第 {period} 期，但还款计划没有这一期（共 {lo} 到 {hi} 期）",
    ),
    "err.rules.not_due": (
        "names period {period}, due {due}, which is not due yet on until={until}",
        "含有第 {period} 期（{due} 到期），到 until={until} 时尚未到期",
    ),
    "err.rules.twice": ("names period {period} twice", "第 {period} 期出现了两次"),
    "err.rules.overpaid": (
        "pays {paid} toward period {period}, which is only {due}: an installment paid in full "
        "is not missed",
        "第 {period} 期已还 {paid}，但该期只有 {due}：已全额还清的一期不算逾期",
    ),
    "err.rules.before_start": (
        "is before the schedule's start {day}",
        "早于还款计划的起始日 {day}",
    ),
    "err.rules.after_last": (
        "is after the last due date {last}: nothing is left to settle",
        "晚于最后一个还款日 {last}：已没有待结清的款项",
    ),
    "err.rules.bool": ("must be True or False", "必须是 True 或 False"),
    "err.rules.revolved": ("must be 'ratio' or 'full'", "必须是 'ratio' 或 'full'"),
    "err.rules.no_span": (
        "ends on its first payment date (max_months too short): no time to annualise a cost over",
        "在第一次还款日就结束（max_months 太短）：没有可以年化成本的期间",
    ),
    "err.rules.nothing_owed": (
        "owes nothing over the span, so there is no cost to annualise",
        "期间内没有欠款，无法计算年化成本",
    ),
    # == command line ==================================================================
    # -- report titles (cli.title.<command>) --
    "cli.title.accrue": ("Overdue charges", "逾期费用"),
    "cli.title.schedule": ("Repayment schedule", "还款计划"),
    "cli.title.installment": ("Huabei installment (花呗分期)", "花呗分期"),
    "cli.title.freeze": ("停息挂账 plan (interest frozen)", "停息挂账方案"),
    "cli.title.compare": (
        "停息挂账 compared with charges still accruing",
        "停息挂账与继续计息对比",
    ),
    "cli.title.apr": ("Annualised rate (年化利率)", "年化利率"),
    # -- labels of summaries and table columns, and label-like values (label.<key>);
    #    shared by the command line and the to_markdown() of Schedule, Comparison, Accrual --
    "label.product": ("Product", "产品"),
    "label.rate": ("Rate", "利率"),
    "label.overdue_rate": ("Overdue rate", "逾期利率"),
    "label.since": ("Missed due date", "逾期起始日（应还款日）"),
    "label.until": ("Until", "计算截止日"),
    "label.days": ("Days", "天数"),
    "label.principal": ("Principal", "本金"),
    "label.interest": ("Interest", "利息"),
    "label.fees": ("Fees", "手续费"),
    "label.penalty": ("Penalty", "罚息/逾期费"),
    "label.debt_total": ("Debt total", "欠款总额"),
    "label.charged": ("Charged", "新增费用"),
    "label.total_after": ("Owed at the end", "截止日欠款"),
    "label.first": ("From", "起"),
    "label.last": ("To", "止"),
    "label.base": ("Base", "计费基数"),
    "label.daily_charge": ("Per day", "每日费用"),
    "label.method": ("Method", "还款方式"),
    "label.periods": ("Periods", "期数"),
    "label.start": ("Start", "起始日"),
    "label.interest_basis": ("Interest basis", "计息方式"),
    "label.fee_rate": ("Fee rate (whole term)", "总费率"),
    "label.total_payment": ("Total paid", "还款总额"),
    "label.total_interest": ("Total interest", "利息总额"),
    "label.total_fee": ("Total fee", "手续费总额"),
    "label.apr": ("APR, disclosed (IRR × 12)", "年化利率（IRR × 12，公示口径）"),
    "label.effective_annual_rate": ("Effective annual rate", "实际年利率（复利）"),
    "label.irr": ("Periodic IRR (per month)", "每期内部收益率（月）"),
    "label.xirr": ("Effective annual rate (XIRR)", "实际年利率（XIRR）"),
    "label.flows": ("Cash flows", "现金流笔数"),
    "label.waived": ("Waived", "减免"),
    "label.frozen_amount": ("Frozen amount", "挂账金额"),
    "label.down_payment": ("Down payment", "首付"),
    "label.monthly_payment": ("Monthly payment", "每月还款"),
    "label.first_payment": ("Period 1 payment (takes the remainder)", "第1期还款（含尾差）"),
    "label.frozen_total": ("Frozen total (停息挂账)", "停息挂账还款总额"),
    "label.accruing_total": ("Accruing total (same payments)", "继续计息还款总额（同样还款）"),
    "label.accruing_cleared_on": ("Accruing debt cleared on", "继续计息结清日"),
    "label.untouched_balance": ("Untouched balance at plan end", "不还款时计划结束日欠款"),
    "label.saving": ("Saving", "节省"),
    "label.max_months": ("Horizon (months)", "计算期限（月）"),
    "label.budget": ("Monthly budget", "每月预算"),
    "label.period": ("Period", "期数"),
    "label.due": ("Due", "还款日"),
    "label.payment": ("Payment", "应还"),
    "label.fee": ("Fee", "手续费"),
    "label.balance": ("Balance", "剩余本金"),
    "label.date": ("Date", "日期"),
    "label.frozen_balance": ("Frozen balance", "挂账余额"),
    "label.accruing_balance": ("Accruing balance", "继续计息余额"),
    "label.untouched_balance_col": ("Untouched balance", "不还款余额"),
    "label.total": ("Total", "合计"),
    "label.huabei": ("Huabei (花呗)", "花呗"),
    "label.jiebei": ("Jiebei (借呗)", "借呗"),
    "label.equal-installment": ("equal installment (等额本息)", "等额本息"),
    "label.equal-principal": ("equal principal (等额本金)", "等额本金"),
    "label.interest-only": ("interest only (先息后本)", "先息后本"),
    "label.flat-fee": ("flat fee (花呗分期)", "花呗分期"),
    "label.monthly": ("monthly rate per period", "按月利率"),
    "label.actual": ("daily rate × actual days", "按日计息（实际天数）"),
    "label.none": ("nothing", "无"),
    "label.rate_day": ("{value}/day", "日利率 {value}"),
    "label.rate_month": ("{value}/month", "月利率 {value}"),
    "label.rate_year": ("{value}/year", "年利率 {value}"),
    "label.never_cleared": (
        "not cleared within {months} months (still owed then: {amount})",
        "{months}个月内还不清（届时仍欠 {amount}）",
    ),
    "label.historic_fee": (
        "{rate} (historic Huabei bill-installment rate; yours is shown in the app)",
        "{rate}（花呗账单分期历史费率，以支付宝显示为准）",
    ),
    # -- errors of the presentation functions (to_markdown, plot_*) --
    "err.render.lang": ("must be 'en' or 'zh'", "必须是 'en' 或 'zh'"),
    # -- help (cli.help.<key>); argparse %-formats help, so a literal % is written %% --
    "cli.help.description": (
        "Exact Huabei (花呗) / Jiebei (借呗) calculators: overdue charges, schedules, "
        "true annual rates and 停息挂账 plans.",
        "花呗/借呗精确计算：逾期费用、还款计划、真实年化利率和停息挂账方案。",
    ),
    "cli.help.commands": ("commands", "子命令"),
    "cli.help.options": ("options", "选项"),
    "cli.help.help": ("show this help and exit", "显示帮助并退出"),
    "cli.help.version": ("show the version and exit", "显示版本并退出"),
    "cli.help.accrue": ("overdue charges on a debt (逾期费/罚息)", "计算逾期费用（逾期费/罚息）"),
    "cli.help.schedule": ("a loan's repayment schedule", "贷款还款计划"),
    "cli.help.installment": (
        "a Huabei installment (花呗分期) and its true rate",
        "花呗分期及其真实年化",
    ),
    "cli.help.freeze": ("a 停息挂账 plan", "停息挂账方案"),
    "cli.help.compare": ("what a 停息挂账 plan saves", "停息挂账能省多少"),
    "cli.help.apr": ("annualised rate of cash flows (IRR/XIRR)", "现金流的年化利率（IRR/XIRR）"),
    "cli.help.format": ("output format (default: table)", "输出格式（默认 table）"),
    "cli.help.lang": (
        "language of labels and messages (default: zh if LC_ALL, LC_MESSAGES or LANG "
        "starts with zh, else en)",
        "标签和提示的语言（默认：LC_ALL、LC_MESSAGES 或 LANG 以 zh 开头时为 zh，否则为 en）",
    ),
    "cli.help.principal": ("principal in yuan, e.g. 20000", "本金（元），如 20000"),
    "cli.help.interest": ("unpaid interest in yuan (default 0)", "未还利息（元，默认 0）"),
    "cli.help.fees": ("unpaid fees in yuan (default 0)", "未还手续费（元，默认 0）"),
    "cli.help.penalty": (
        "penalty already charged in yuan (default 0)",
        "已产生的罚息/逾期费（元，默认 0）",
    ),
    "cli.help.product": (
        "huabei (花呗) or jiebei (借呗); 花呗 and 借呗 work too",
        "huabei（花呗）或 jiebei（借呗）；也可直接写 花呗、借呗",
    ),
    "cli.help.product_rate": (
        "the product's rate: 0.05%% (daily), 0.05%%/day, 日利率万分之五 …",
        "产品利率：0.05%%（日利率）、0.05%%/day、日利率万分之五 …",
    ),
    "cli.help.since": ("the missed due date, YYYY-MM-DD", "逾期的应还款日，YYYY-MM-DD"),
    "cli.help.until": (
        "count charges through this date, YYYY-MM-DD",
        "计算到这一天（含），YYYY-MM-DD",
    ),
    "cli.help.days": ("count this many days after --since", "从 --since 起算的天数"),
    "cli.help.periods": ("number of monthly periods", "期数（月）"),
    "cli.help.schedule_rate": (
        "the loan's rate with its period: 4.9%%/year, 年化4.9%%, 0.05%%/day",
        "带期限的利率：4.9%%/year、年化4.9%%、0.05%%/day",
    ),
    "cli.help.method": ("how the loan is repaid", "还款方式"),
    "cli.help.start": (
        "start date, YYYY-MM-DD (default: today)",
        "起始日，YYYY-MM-DD（默认今天）",
    ),
    "cli.help.interest_basis": (
        "monthly: monthly rate per period; actual: daily rate × actual days",
        "monthly：按月利率；actual：按日利率×实际天数",
    ),
    "cli.help.fee_rate": (
        "total fee rate for the term, e.g. 8.8%% (default: historic Huabei table)",
        "整个分期的总费率，如 8.8%%（默认：花呗历史费率表）",
    ),
    "cli.help.down_payment": (
        "down payment: an amount or a percentage (5%%)",
        "首付：金额或百分比（如 5%%）",
    ),
    "cli.help.waive": (
        "buckets waived: penalty,interest,fees (or 罚息,利息,手续费)",
        "减免的项目：罚息,利息,手续费（或 penalty,interest,fees）",
    ),
    "cli.help.max_months": (
        "stop the accruing scenario after this many months "
        "(default 120, or the plan's periods when longer)",
        "继续计息情形最多计算的月数（默认 120，方案期数更长时取方案期数）",
    ),
    "cli.help.budget": (
        "instead of --periods: the shortest plan whose monthly payment fits this amount",
        "代替 --periods：每月还款不超过此金额的最短方案",
    ),
    "cli.help.since_plan": (
        "bring the debt forward from this missed due date to --start first (needs --product)",
        "先把欠款从这个逾期日计到 --start（需要 --product）",
    ),
    "cli.help.summary": ("print only the summary", "只显示摘要"),
    "cli.help.rows": ("also print the month-by-month table", "同时显示逐月明细表"),
    "cli.help.plot": (
        "also draw the balances into this file (.png, .svg or .pdf)",
        "另将余额走势画到该文件（.png、.svg 或 .pdf）",
    ),
    "cli.help.flows": (
        "periodic (monthly) flows, e.g. --flows=-10000,906.67,…",
        "按月现金流，如 --flows=-10000,906.67,…",
    ),
    "cli.help.dated": (
        "dated flows: 2025-01-01:-10000,2025-02-01:906.67,…",
        "带日期的现金流：2025-01-01:-10000,2025-02-01:906.67,…",
    ),
    # -- messages (cli.msg.<key>): what the command line itself checks and says --
    "cli.msg.error": ("error", "错误"),
    "cli.msg.note": ("note", "提示"),
    "cli.msg.see_help": ("{message} (see --help)", "{message}（参见 --help）"),
    "cli.msg.not_count": ("is not a whole number", "不是整数"),
    "cli.msg.periods_or_budget": (
        "is missing: give --periods N (or N,N,… for compare) or --budget AMOUNT",
        "缺失：请给出 --periods N（compare 可写 N,N,…）或 --budget 金额",
    ),
    "cli.msg.budget_or_periods": (
        "and --periods cannot both be given: the budget chooses the periods",
        "不能与 --periods 同时给出：期数由预算决定",
    ),
    "cli.msg.since_needs_product": (
        "needs --product (huabei or jiebei) to bring the debt forward",
        "需要 --product（huabei 或 jiebei）才能计算逾期费用",
    ),
    "cli.msg.count_too_long": (
        "has {digits} digits: no count that large is accepted",
        "有 {digits} 位数字：不接受这么大的数",
    ),
    "cli.msg.days_range": ("must be between 0 and {hi}", "必须在 0 到 {hi} 之间"),
    "cli.msg.date_range": ("goes past 9999-12-31", "超出了 9999-12-31"),
    "cli.msg.not_date": (
        "is not a date; write YYYY-MM-DD, e.g. 2025-07-01",
        "不是日期；请写 YYYY-MM-DD，如 2025-07-01",
    ),
    "cli.msg.bare_rate": (
        "is a bare number; write a percentage such as 0.05% (the product's daily rate) "
        "or name the period: 0.05%/day",
        "是裸数字；请写百分比，如 0.05%（产品日利率），或写明期限：0.05%/day",
    ),
    "cli.msg.flow": ("has a flow that is not a number: {item}", "中有一笔不是数字：{item}"),
    "cli.msg.flow_empty": (
        "has an empty flow; write numbers separated by commas, e.g. --flows=-10000,906.67",
        "中有一笔是空的；请写用逗号分隔的数字，如 --flows=-10000,906.67",
    ),
    "cli.msg.dated_flow": (
        "has an item that is not DATE:AMOUNT: {item}",
        "中有一项不是 日期:金额 格式：{item}",
    ),
    "cli.msg.plot_suffix": ("must end in .png, .svg or .pdf", "须以 .png、.svg 或 .pdf 结尾"),
    "cli.msg.plot_dir": ("is in a directory that does not exist", "所在目录不存在"),
    "cli.msg.plot_write": ("could not be written: {reason}", "无法写入：{reason}"),
    "cli.msg.no_cjk_font": (
        "a chart in Chinese needs a font with Chinese glyphs, and none of {fonts} is "
        "installed: install one (Debian/Ubuntu: apt-get install fonts-noto-cjk) "
        "or draw it with --lang en",
        "中文图表需要含中文字形的字体，但 {fonts} 都未安装：请安装一种"
        "（Debian/Ubuntu：apt-get install fonts-noto-cjk），或用 --lang en 画图",
    ),
    "cli.msg.cannot_show": (
        "this terminal's encoding ({encoding}) cannot show every character, so some are "
        "written as \\u escapes: use a UTF-8 terminal (PYTHONIOENCODING=utf-8), "
        "or --lang en for fewer of them",
        "终端编码（{encoding}）无法显示所有字符，部分字符以 \\u 转义写出：请使用 UTF-8 终端"
        "（PYTHONIOENCODING=utf-8），或用 --lang en 减少这类字符",
    ),
    "cli.msg.cannot_write": ("cannot write the output: {reason}", "无法写出结果：{reason}"),
    "cli.msg.stdout_closed": ("standard output is closed", "标准输出已关闭"),
    # -- argparse's own messages: the English is argparse's msgid, word for word; the
    #    command line hands argparse these translations while it parses (cli/parser.py) --
    "cli.argparse.usage": ("usage: ", "用法："),
    "cli.argparse.options": ("options", "选项"),
    "cli.argparse.positional": ("positional arguments", "位置参数"),
    "cli.argparse.help": ("show this help message and exit", "显示帮助并退出"),
    "cli.argparse.argument": (
        "argument %(argument_name)s: %(message)s",
        "参数 %(argument_name)s：%(message)s",
    ),
    "cli.argparse.ambiguous": (
        "ambiguous option: %(option)s could match %(matches)s",
        "选项 %(option)s 有歧义，可能是：%(matches)s",
    ),
    "cli.argparse.expected_one": ("expected one argument", "需要一个值"),
    "cli.argparse.expected_at_least_one": ("expected at least one argument", "至少需要一个值"),
    "cli.argparse.expected_at_most_one": ("expected at most one argument", "最多只能有一个值"),
    "cli.argparse.expected_n": ("expected %s argument", "需要 %s 个值"),
    "cli.argparse.expected_n_plural": ("expected %s arguments", "需要 %s 个值"),
    "cli.argparse.ignored_explicit": ("ignored explicit argument %r", "多余的值 %r"),
    "cli.argparse.invalid_type": (
        "invalid %(type)s value: %(value)r",
        "无效的 %(type)s 值：%(value)r",
    ),
    "cli.argparse.invalid_choice": (
        "invalid choice: %(value)r (choose from %(choices)s)",
        "无效的选择：%(value)r（可选：%(choices)s）",
    ),
    "cli.argparse.not_allowed_with": ("not allowed with argument %s", "不能与 %s 同时使用"),
    "cli.argparse.one_of_required": (
        "one of the arguments %s is required",
        "必须给出以下参数之一：%s",
    ),
    "cli.argparse.required": (
        "the following arguments are required: %s",
        "缺少必需的参数：%s",
    ),
    "cli.argparse.unrecognized": ("unrecognized arguments: %s", "无法识别的参数：%s"),
    # == charts ========================================================================
    "plot.schedule_title": ("Repayment schedule ({principal})", "还款计划（{principal}）"),
    "plot.schedule_title_dated": (
        "Repayment schedule ({principal}, from {start})",
        "还款计划（{principal}，{start} 起）",
    ),
    "plot.balance": ("Balance after payment", "还款后剩余本金"),
    "plot.payment": ("Payment", "每期还款"),
    "plot.principal": ("Principal", "本金"),
    "plot.interest": ("Interest", "利息"),
    "plot.fee": ("Fee", "手续费"),
    "plot.period": ("Period", "期数"),
    "plot.yuan": ("Yuan", "元"),
    "plot.compare_title": (
        "Interest-frozen plan vs. charges still accruing (saving {saving})",
        "停息挂账与继续计息对比（节省 {saving}）",
    ),
    "plot.frozen": ("Frozen plan", "停息挂账"),
    "plot.accruing": ("Same payments, charges accruing", "同样还款、继续计息"),
    "plot.untouched": ("Nothing paid", "不还款"),
    "plot.plan_end": ("Plan ends", "计划结束"),
    "plot.missing_matplotlib": (
        'charts need matplotlib, which is not installed: pip install "huabei-calc[plot]"',
        '画图需要 matplotlib，但未安装：pip install "huabei-calc[plot]"',
    ),
    "err.plot.schedule": ("must be a Schedule", "必须是 Schedule（还款计划）"),
    "err.plot.comparison": (
        "must be a Comparison from compare()",
        "必须是 compare() 返回的 Comparison",
    ),
    "err.plot.path": (
        "must be a file name (str or os.PathLike) ending in .png, .svg or .pdf",
        "必须是以 .png、.svg 或 .pdf 结尾的文件名（str 或 os.PathLike）",
    ),
    "err.plot.no_cjk_font": (
        "needs a font with Chinese glyphs, and none of {fonts} is installed: install one "
        "(Debian/Ubuntu: apt-get install fonts-noto-cjk) or pass lang='en'",
        "需要含中文字形的字体，但 {fonts} 都未安装：请安装一种"
        "（Debian/Ubuntu：apt-get install fonts-noto-cjk），或改用 lang='en'",
    ),
    # == the negotiation draft =========================================================
    "err.draft_choice": ("must be one of {accepted}", "必须是以下之一：{accepted}"),
    "err.draft_proposal": (
        "must be a Proposal made for this case (case.propose() or case.plan(n))",
        "必须是为本案例生成的方案（case.propose() 或 case.plan(n)）",
    ),
    "draft.title": ("Application for a negotiated repayment plan", "协商还款申请"),
    "draft.subtitle": (
        "停息挂账 (interest-frozen installments) — figures as of {on}",
        "停息挂账（个性化分期还款）— 数字截至 {on}",
    ),
    "draft.disclaimer": (
        "This document is information prepared for a negotiation with the lender, computed "
        "by huabei-calc from the figures entered; it is not legal advice.",
        "本文件是为与贷款机构协商而整理的信息，由 huabei-calc 根据所填数字计算，不构成法律意见。",
    ),
    "draft.section.applicant": ("Applicant", "申请人信息"),
    "draft.section.debts": ("Amount owed and its breakdown", "欠款总额及分项明细"),
    "draft.section.budget": (
        "Income and household expenses",
        "收入状况及家庭支出详情",
    ),
    "draft.section.plan": ("Ability to repay and the plan asked for", "还款能力与申请方案"),
    "draft.section.schedule": ("Expected repayment schedule", "预计还款时间表"),
    "draft.section.comparison": ("Comparison of the options", "方案对比"),
    "draft.section.hardship": ("Statement of hardship", "困难说明"),
    "draft.section.promise": ("Repayment commitment", "还款承诺"),
    "draft.section.notes": ("Points to note", "注意事项"),
    "draft.not_within": ("not within {years} years", "{years} 年内无法还清"),
    "draft.fill_in": ("(to fill in)", "（请填写）"),
    "draft.name": ("Name", "姓名"),
    "draft.id_number": ("ID number (masked)", "身份证号（已遮蔽）"),
    "draft.phone": ("Phone", "联系电话"),
    "draft.case_date": ("Date of the figures", "数字截至日期"),
    "draft.item": ("Item", "项目"),
    "draft.value": ("Value", "内容"),
    "draft.account": ("Account", "账户"),
    "draft.product": ("Product", "产品"),
    "draft.product.huabei": ("Huabei", "花呗"),
    "draft.product.jiebei": ("Jiebei", "借呗"),
    "draft.statement_date": ("Statement date", "账单日期"),
    "draft.principal": ("Principal", "本金"),
    "draft.interest": ("Interest", "利息"),
    "draft.fees": ("Fees", "费用"),
    "draft.penalty": ("Penalty", "罚息/逾期费"),
    "draft.added": ("Added since the statement", "账单后新增"),
    "draft.total": ("Total", "合计"),
    "draft.debts_intro": (
        "What is owed on {on}, account by account, in the four buckets of the lender's "
        "statement; charges added since each statement are shown apart.",
        "截至 {on} 各账户的欠款，按账单的四项（本金、利息、费用、罚息）列出；账单日之后新增的"
        "逾期费用单独列示。",
    ),
    "draft.rule": (
        "{label}: each overdue day adds principal + interest + fees × {rate}, rounded "
        "half-up to the fen; from the day after {since} to {on}, {days} days: {added}.",
        "{label}：每逾期一天按（本金 + 利息 + 费用）× {rate} 计费，四舍五入到分；自 {since} "
        "次日至 {on} 共 {days} 天，合计 {added} 元。",
    ),
    "draft.rule_none": (
        "{label}: taken as the statement shows, no charges added.",
        "{label}：按账单金额计，未另加费用。",
    ),
    "draft.rate.day": ("{value} a day", "日 {value}"),
    "draft.rate.month": ("{value} a month", "月 {value}"),
    "draft.rate.year": ("{value} a year", "年 {value}"),
    "draft.monthly_amount": ("Monthly amount (yuan)", "每月金额（元）"),
    "draft.income": ("Monthly income", "每月收入"),
    "draft.income_total": ("Total income", "收入合计"),
    "draft.expenses": ("Monthly household expenses", "每月家庭支出"),
    "draft.expenses_total": ("Total expenses", "支出合计"),
    "draft.surplus": (
        "Monthly surplus available for repayment: {budget} yuan.",
        "每月可用于还款的结余：{budget} 元。",
    ),
    "draft.no_surplus": (
        "After necessary expenses nothing is left each month: no installment plan is "
        "affordable at present.",
        "扣除必要支出后每月没有结余：目前任何分期方案都无力负担。",
    ),
    "draft.bucket.penalty": ("penalty", "罚息"),
    "draft.bucket.interest": ("interest", "利息"),
    "draft.bucket.fees": ("fees", "费用"),
    "draft.sep": (", ", "、"),
    "draft.nothing_waived": ("nothing", "无"),
    "draft.plan_ask": (
        "I ask for 停息挂账: interest and charges stopped from {start}, the balance in "
        "{periods} monthly installments, a down payment of {down} yuan, at most {monthly} "
        "yuan a month in all; waiver asked for: {waived}.",
        "申请停息挂账：自 {start} 起停止计息和收费，余额分 {periods} 期按月偿还，首付 {down} 元，"
        "每月合计不超过 {monthly} 元；申请减免：{waived}。",
    ),
    "draft.plan_fits": (
        "The plan fits the monthly surplus of {budget} yuan.",
        "该方案在每月结余 {budget} 元之内。",
    ),
    "draft.plan_short": (
        "Even at 60 installments the plan exceeds the monthly surplus of {budget} yuan by "
        "{gap} yuan a month.",
        "即使分 60 期，每月仍比结余 {budget} 元多出 {gap} 元。",
    ),
    "draft.owed": ("Owed", "欠款"),
    "draft.waived": ("Waiver asked", "申请减免"),
    "draft.frozen": ("To repay", "应还金额"),
    "draft.down_payment": ("Down payment", "首付"),
    "draft.periods": ("Installments", "期数"),
    "draft.first_payment": ("First installment", "首期"),
    "draft.regular_payment": ("Then monthly", "此后每期"),
    "draft.period": ("Period", "期次"),
    "draft.due": ("Due date", "还款日"),
    "draft.monthly_total": ("Monthly total", "当月合计"),
    "draft.schedule_intro": (
        "Every installment, dated; period 0 is the down payment.",
        "每期还款日期与金额；第 0 期为首付。",
    ),
    "draft.frozen_total": ("Paid under the plan", "停息挂账共还"),
    "draft.accruing_total": (
        "Same payments, charges running",
        "同样还款但继续计息共还",
    ),
    "draft.cleared_on": ("…cleared on", "…还清日期"),
    "draft.untouched": (
        "Paying nothing: owed at the plan's end",
        "不还款：方案结束时欠款",
    ),
    "draft.saving": ("Saving", "节省"),
    "draft.comparison_intro": (
        "The plan against paying the same amounts on the same dates while interest and "
        "penalties keep running (then the last amount monthly until cleared, at most 10 "
        "years), and against paying nothing.",
        "停息挂账与以下两种情况对比：同样日期还同样金额但利息罚息继续计算（此后每月按最后一期"
        "金额继续还，最长 10 年）；以及完全不还款。",
    ),
    "draft.series_frozen": ("停息挂账 plan", "停息挂账"),
    "draft.series_accruing": ("charges running", "继续计息"),
    "draft.series_untouched": ("paying nothing", "不还款"),
    "draft.chart_title": ("Balance owed, all accounts (yuan)", "全部账户欠款余额（元）"),
    "draft.chart_alt": (
        "Chart (in the HTML version): the balance under the plan, with charges running, "
        "and if nothing is paid.",
        "图表（见 HTML 版）：停息挂账、继续计息、不还款三种情况下的欠款余额。",
    ),
    "draft.cost_intro": (
        "What the debt costs a year if charges keep running (the same payments, XIRR), "
        "against the legal reference lines for a financial lender on {on}; information for "
        "the negotiation, not a verdict:",
        "如果继续计息（同样还款），这笔欠款的年化成本（XIRR）与 {on} 适用于金融机构的法律"
        "参考线对比；仅供协商参考，并非裁判结论：",
    ),
    "draft.cost_rate": ("Annual cost, charges running", "继续计息的年化成本"),
    "draft.cost_line": ("Reference line", "参考线"),
    "draft.cost_value": ("Line", "参考线年化"),
    "draft.cost_exceeds": ("Exceeded", "是否超过"),
    "draft.hardship_intro": (
        "Why the debt fell overdue and why the present terms cannot be met:",
        "逾期原因及目前无法按原约定还款的原因：",
    ),
    "draft.hardship_placeholder": (
        "[Write here, in your own words: what happened (job loss, illness, family), since "
        "when, and what has changed.]",
        "【请在此用自己的话写明：发生了什么（失业、疾病、家庭变故等）、从何时开始、现在情况如何。】",
    ),
    "draft.evidence_intro": ("Evidence attached:", "所附证明材料："),
    "draft.evidence.payslip": ("payslips (工资条)", "工资条"),
    "draft.evidence.income": ("proof of income (收入证明)", "收入证明"),
    "draft.evidence.medical": ("medical bills (医疗费用发票)", "医疗费用发票"),
    "draft.evidence.other": (
        "other proof of the hardship (unemployment, family)",
        "其他困难证明（失业证明、家庭情况等）",
    ),
    "draft.promise": (
        "If the plan is agreed, I undertake to pay {monthly} yuan a month on the dates "
        "above for {periods} months, and to tell the lender at once if my situation changes.",
        "如方案获同意，本人承诺按上表日期每月还款 {monthly} 元，共 {periods} 期；如情况变化，"
        "将及时告知贷款机构。",
    ),
    "draft.signature": (
        "Applicant: {name}    Signature: ____________    Date: ____________",
        "申请人：{name}    签名：____________    日期：____________",
    ),
    "draft.note.agency": (
        "Negotiate with the lender directly (its official app or customer service): do not "
        'pay third-party "代办" agencies that promise to negotiate for a fee.',
        "请直接与贷款机构（官方 App 或客服）协商，不要付费给承诺“代办停息挂账”的第三方机构。",
    ),
    "draft.note.credit": (
        "An agreed plan stops charges; the overdue record is still reported to the credit "
        "reference system (征信).",
        "达成协议后停止计息，但逾期记录仍会报送征信系统。",
    ),
    "draft.note.breach": (
        "Missing an installment can end the agreement: interest and penalties run again and "
        "the waived amounts can be claimed back.",
        "一旦未按期还款，协议可能失效：利息罚息恢复计算，已减免的金额也可能被追回。",
    ),
    "draft.note.keep": (
        "Keep the agreement in writing, and every payment receipt.",
        "保留书面协议和每一笔还款凭证。",
    ),
    "draft.breach_intro": (
        "What missing the first installment would cost: the agreement lapses on its due "
        "date, the waived amounts revive and charges run again; owed {months} months later "
        "({until}):",
        "如果错过第一期：协议在当期还款日失效，已减免的金额恢复，重新计息；{months} 个月后"
        "（{until}）的欠款：",
    ),
    "draft.lapse_date": ("Lapses on", "失效日期"),
    "draft.revived": ("Owed at the lapse", "失效时欠款"),
    "draft.owed_later": ("Owed then", "届时欠款"),
    "draft.charged": ("Charges added", "新增费用"),
    "draft.cli.description": (
        "A debtor's case: the template, its figures and options, the negotiation draft",
        "协商还款案例：生成模板、查看欠款与方案、生成协商还款申请",
    ),
    "draft.cli.new": ("print the commented case template", "输出带注释的案例模板"),
    "draft.cli.show": (
        "print the breakdown, the budget, the options and the proposal",
        "显示欠款明细、每月结余、各期数方案与建议方案",
    ),
    "draft.cli.draft": ("write the negotiation draft", "生成协商还款申请"),
    "draft.cli.output": (
        "write to this file (a temporary file renamed into place)",
        "写入此文件（先写临时文件再改名）",
    ),
    "draft.cli.periods_show": (
        "period counts to compare, like 12,24,36 (default 12,24,36,48,60)",
        "要对比的期数，如 12,24,36（默认 12,24,36,48,60）",
    ),
    "draft.cli.periods": (
        "ask for this many installments (default: the shortest plan within the budget)",
        "申请的期数（默认：结余之内期数最少的方案）",
    ),
    "draft.cli.waive": (
        "buckets asked to be waived: penalty, interest, fees, or none (default penalty)",
        "申请减免的项目：penalty、interest、fees 或 none（默认 penalty）",
    ),
    "draft.cli.down_payment": (
        "down payment per account: an amount or a percentage like 10%",
        "每个账户的首付：金额或百分比，如 10%",
    ),
    "draft.cli.format": (
        "html or markdown (default: from the suffix of -o, else html)",
        "html 或 markdown（默认按 -o 的后缀，否则 html）",
    ),
    "draft.cli.lang": ("language: zh (default) or en", "语言：zh（默认）或 en"),
    "draft.cli.written": ("written: {path}", "已写入：{path}"),
    "draft.cli.yes": ("yes", "是"),
    "draft.cli.no": ("no", "否"),
    "draft.cli.monthly": ("Monthly (all accounts)", "每月合计"),
    "draft.cli.fits": ("Within budget", "在结余之内"),
    "draft.cli.proposal": (
        "Proposal: {periods} installments, at most {monthly} a month in all.",
        "建议方案：{periods} 期，每月合计不超过 {monthly} 元。",
    ),
    "draft.breach.help.description": (
        "what missing installment N of a 停息挂账 plan costs until a date",
        "停息挂账方案错过第 N 期到某日的代价",
    ),
    "draft.breach.help.rate": ("the product's daily rate, like 0.05%", "产品日利率，如 0.05%"),
    "draft.breach.help.periods": ("the plan's installments", "方案期数"),
    "draft.breach.help.start": ("the plan's start (default: today)", "方案开始日期（默认今天）"),
    "draft.breach.help.waive": (
        "buckets the plan waived: penalty, interest, fees",
        "方案减免的项目：penalty、interest、fees",
    ),
    "draft.breach.help.missed": ("the installment missed", "错过的期次"),
    "draft.breach.help.until": (
        "price the lapse until this date (default: today)",
        "计算到此日期（默认今天）",
    ),
    "draft.breach.help.revive": (
        "waived buckets that revive on the lapse (default: all waived; none for none)",
        "失效后恢复的减免项目（默认全部；none 表示不恢复）",
    ),
    "draft.breach.title": (
        "Missing installment {missed}: the plan lapses on {lapse}; owed on {until}",
        "错过第 {missed} 期：方案于 {lapse} 失效；截至 {until} 的欠款",
    ),
    "draft.breach.item": ("Item", "项目"),
    "draft.breach.kept_waived": ("Waiver kept", "减免保留"),
    "draft.breach.revived": ("Revived: {buckets}", "恢复：{buckets}"),
    "draft.breach.paid_before": ("Paid before the lapse", "失效前已还"),
    "draft.breach.left_under_plan": ("Left to pay under the plan", "按方案尚需还款"),
    "draft.breach.owed_at_lapse": ("Owed at the lapse", "失效时欠款"),
    "draft.breach.days": ("Days of charges", "计费天数"),
    "draft.breach.charged": ("Charges added", "新增费用"),
    "draft.breach.owed_then": ("Owed then", "届时欠款"),
    "draft.breach.breach_cost": (
        "Cost of the breach (owed then − left under the plan)",
        "违约代价（届时欠款 − 按方案尚需还款）",
    ),
    "draft.cli.no_plan": (
        "No plan within 60 installments fits the budget: {short} short a month.",
        "60 期以内没有方案在结余之内：每月还差 {short} 元。",
    ),
    # == batch runs ====================================================================
    "cli.batch.help": (
        "compare a 停息挂账 plan for every debtor of a CSV or JSON Lines file",
        "为 CSV 或 JSON Lines 文件中的每位债务人对比停息挂账方案",
    ),
    "cli.batch.in": (
        "input: CSV (UTF-8, with or without BOM) with columns id, product, principal "
        "[, interest, fees, penalty, overdue_since, budget], or JSON Lines (.jsonl)",
        "输入：CSV（UTF-8，可带 BOM），列为 id、product、principal"
        "［、interest、fees、penalty、overdue_since、budget］；或 JSON Lines（.jsonl）",
    ),
    "cli.batch.out": (
        "output: CSV, or JSON Lines if it ends in .jsonl/.ndjson",
        "输出：CSV；以 .jsonl/.ndjson 结尾时为 JSON Lines",
    ),
    "cli.batch.on": (
        "the date of the comparison and the plans' start (default: today)",
        "计算日，也是方案起始日（默认：今天）",
    ),
    "cli.batch.periods": ("plan periods (default 36)", "方案期数（默认 36）"),
    "cli.batch.waive": (
        "buckets waived by the plans (default penalty)",
        "方案减免的项目（默认 penalty 罚息）",
    ),
    "cli.batch.down_payment": (
        "down payment: an amount or a percentage such as 5%",
        "首付：金额或百分比，例如 5%",
    ),
    "cli.batch.budget_column": (
        "the column holding each debtor's monthly budget (then plan_for_budget)",
        "每位债务人月预算所在的列（此时按预算定方案）",
    ),
    "cli.batch.workers": (
        "processes to use (default 1); the output is the same",
        "使用的进程数（默认 1）；输出完全相同",
    ),
    "cli.batch.dask": (
        "run on a Dask cluster: its scheduler address, or 'local'",
        "在 Dask 集群上运行：调度器地址，或 local",
    ),
    "cli.batch.strict": (
        "exit with status 1 if any row has an error",
        "任一行出错时以状态 1 退出",
    ),
    "cli.batch.force": ("overwrite the output if it exists", "输出文件已存在时覆盖"),
    "cli.batch.exists": (
        "{path} exists; pass --force to overwrite it",
        "{path} 已存在；如需覆盖请加 --force",
    ),
    "cli.batch.no_dir": ("the folder {path} does not exist", "目录 {path} 不存在"),
    "cli.batch.read": ("cannot read {path}: {reason}", "无法读取 {path}：{reason}"),
    "cli.batch.write": ("cannot write {path}: {reason}", "无法写入 {path}：{reason}"),
    "cli.batch.missing": (
        "{path} lacks the required columns: {columns}",
        "{path} 缺少必需的列：{columns}",
    ),
    "cli.batch.duplicate": (
        "{path} names a column twice: {columns}; which one to read is unclear",
        "{path} 的列名重复：{columns}；无法确定读取哪一列",
    ),
    "cli.batch.not_date": (
        "--on={value} must be a date written YYYY-MM-DD",
        "--on={value} 必须是 YYYY-MM-DD 格式的日期",
    ),
    "cli.batch.not_count": (
        "{option}={value} must be a whole number",
        "{option}={value} 必须是整数",
    ),
    "cli.batch.workers_range": (
        "--workers={value} must be a whole number from 1 to {hi}",
        "--workers={value} 必须是 1 到 {hi} 之间的整数",
    ),
    "cli.batch.no_dask": (
        "--dask needs the dask extra: pip install 'huabei-calc[dask]'",
        "--dask 需要 dask 扩展：pip install 'huabei-calc[dask]'",
    ),
    "cli.batch.dask_connect": (
        "--dask={address}: cannot reach the scheduler: {reason}",
        "--dask={address}：无法连接调度器：{reason}",
    ),
    "cli.batch.done": (
        "{rows} rows, {errors} with errors → {path}; frozen total {frozen_total}, "
        "accruing total {accruing_total}, saving {saving}",
        "共 {rows} 行，{errors} 行出错 → {path}；停息挂账合计 {frozen_total}，"
        "继续计息合计 {accruing_total}，节省 {saving}",
    ),
    # == rules: reference lines, minimum payment, settlement ===========================
    "rules.line.private_24": (
        "Private lending, 2015 rules: interest up to 24% a year is enforced, above it a court "
        "does not order payment",
        "民间借贷（2015 年规定）：年利率 24% 以内受保护，超过部分法院不支持",
    ),
    "rules.line.private_36": (
        "Private lending, 2015 rules: an agreed rate above 36% a year is void for the excess, "
        "which can be reclaimed",
        "民间借贷（2015 年规定）：超过年利率 36% 的部分约定无效，已付的可请求返还",
    ),
    "rules.line.private_4lpr": (
        "Private lending since 2020-08-20: interest above 4 × the one-year LPR at the contract "
        "date is not enforced",
        "民间借贷（2020-08-20 起）：超过合同成立时一年期 LPR 四倍的利息不受保护",
    ),
    "rules.line.financial_24": (
        "Financial loans (banks, consumer-finance companies, micro-lenders): interest, compound "
        "interest, penalty interest and fees together above 24% a year are reduced when the "
        "borrower asks",
        "金融借款（银行、消费金融公司、小额贷款公司）：利息、复利、罚息、违约金和其他费用总计超过"
        "年利率 24% 的部分，借款人请求调减的，法院应予支持",
    ),
    "rules.line.new_loans_24": (
        "Regulators' line for new loans (press-reported, no official text): comprehensive "
        "financing cost not above 24% a year",
        "监管对新发放贷款的要求（媒体报道，未见正式文件）：综合融资成本年化不超过 24%",
    ),
    "rules.exceeds": (
        "{rate} a year exceeds the reference line of {line} a year by {excess} percentage "
        "points. {meaning}. Source: {source}",
        "年化 {rate} 超过参考线年化 {line}，高出 {excess} 个百分点。{meaning}。出处：{source}",
    ),
    "rules.within": (
        "{rate} a year is within the reference line of {line} a year. {meaning}. Source: {source}",
        "年化 {rate} 未超过参考线年化 {line}。{meaning}。出处：{source}",
    ),
    "rules.no_line": (
        "No reference line in the table applies to a {lender} lender on {on}.",
        "表中没有适用于 {on} {lender}出借人的参考线。",
    ),
    "rules.lender.financial": ("financial", "金融机构"),
    "rules.lender.private": ("private", "民间"),
    "rules.table_old": (
        "The LPR table was last checked on {checked}, {days} days before {on}: look up newer "
        "one-year LPR publications before relying on a 4 × LPR line.",
        "LPR 表最后核对于 {checked}，比 {on} 早 {days} 天："
        "引用四倍 LPR 之前请核对最新的一年期 LPR。",
    ),
    "rules.not_advice": (
        "Information for a negotiation, not legal advice.",
        "仅供协商参考，不构成法律意见。",
    ),
    "rules.cli.help": (
        "check an annual rate against the legal reference lines (24%, 36%, 4 × LPR)",
        "对照法定参考线（24%、36%、四倍 LPR）检查年化利率",
    ),
    "rules.cli.rate": (
        "the rate, naming its period: 0.075%%/day, 24%%/year, 年化24%%; "
        "a bare percentage is annual (27.38%%)",
        "利率，注明周期：0.075%%/day、24%%/year、年化24%%；不注明周期的百分数按年化（27.38%%）",
    ),
    "rules.cli.on": (
        "the date the line is measured at, YYYY-MM-DD: the contract date (default: today)",
        "参考线的计算日期 YYYY-MM-DD：合同成立日（默认今天）",
    ),
    "rules.cli.lender": (
        "financial (banks, consumer-finance companies such as Huabei/Jiebei's lender, "
        "micro-lenders; the default) or private",
        "financial（银行、消费金融公司如花呗/借呗的出借方、小额贷款公司；默认）"
        "或 private（民间借贷）",
    ),
    "rules.cli.cost_check": (
        "also check the true annual cost against the legal reference lines on --start, for a "
        "financial (default) or private lender",
        "同时按 --start 日期对照法定参考线检查实际年化成本（出借人 financial（默认）或 private）",
    ),
    "rules.cli.cost_of.schedule": (
        "Legal reference lines, against the schedule's disclosed annual rate (IRR × 12):",
        "法定参考线，对照本计划公示的年化利率（IRR × 12）：",
    ),
    "rules.cli.cost_of.comparison": (
        "Legal reference lines, against the annual cost of the charges if they keep accruing "
        "(XIRR of the same payments):",
        "法定参考线，对照继续计息时各项费用的实际年化成本（同样还款的 XIRR）：",
    ),
    "rules.cli.no_csv": (
        "adds text that CSV cannot hold: use --format table, markdown or json",
        "会添加 CSV 无法容纳的文字：请用 --format table、markdown 或 json",
    ),
    "rules.cli.not_date": (
        "must be a date YYYY-MM-DD such as 2026-11-29",
        "必须是 YYYY-MM-DD 格式的日期，例如 2026-11-29",
    ),
    "rules.cli.title": (
        "{rate} a year against the reference lines on {on} ({lender} lender)",
        "年化 {rate} 对照 {on} 的参考线（{lender}出借人）",
    ),
    "rules.cli.col.line": ("Line", "参考线"),
    "rules.cli.col.value": ("Value", "年化"),
    "rules.cli.col.applies": ("Applies", "适用"),
    "rules.cli.col.exceeded": ("Exceeded", "超过"),
    "rules.cli.col.excess": ("By", "超出"),
    "rules.cli.col.confidence": ("Confidence", "可信度"),
    "rules.cli.yes": ("yes", "是"),
    "rules.cli.no": ("no", "否"),
    "rules.cli.confidence.high": ("high", "高"),
    "rules.cli.confidence.medium": ("medium", "中"),
    "rules.cli.confidence.low": ("low (press reports)", "低（媒体报道）"),
}


def text(code: str, lang: Lang = "en", /, **params: object) -> str:
    """The words of ``code`` in ``lang``, formatted with ``params``.

    An unknown id is a programming error (``KeyError``), never shown to a user:
    a test walks every id and checks both languages and their fields.
    """
    en, zh = MESSAGES[code]
    return (zh if lang == "zh" else en).format(**params)


def fields(template: str) -> frozenset[str]:
    """The ``{field}`` names a template uses (for the catalog's own test)."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)
