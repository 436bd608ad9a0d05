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

__all__ = ["LANGS", "MESSAGES", "Lang", "fields", "text"]

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
        "must be an annual rate: a Rate, a string that names its period ('0.075%/day', "
        "'24%/year', '年化24%') or a fraction such as Decimal('0.24')",
        "必须是年化利率：Rate、注明周期的字符串（'0.075%/day'、'24%/year'、'年化24%'）"
        "或小数，例如 Decimal('0.24')",
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
        "stop the accruing scenario after this many months",
        "继续计息情形最多计算的月数",
    ),
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
    # == batch runs ====================================================================
    "cli.batch.help": (
        "compare a 停息挂账 plan for every debtor of a CSV or JSON Lines file",
        "为 CSV 或 JSON Lines 文件中的每位债务人对比停息挂账方案",
    ),
    "cli.batch.options": ("options", "选项"),
    "cli.batch.help_help": ("show this help and exit", "显示此帮助并退出"),
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
    "cli.batch.lang": ("language of the messages", "提示语言"),
    "cli.batch.exists": (
        "{path} exists; pass --force to overwrite it",
        "{path} 已存在；如需覆盖请加 --force",
    ),
    "cli.batch.no_dir": ("the folder {path} does not exist", "目录 {path} 不存在"),
    "cli.batch.read": ("cannot read {path}: {reason}", "无法读取 {path}：{reason}"),
    "cli.batch.missing": (
        "{path} lacks the required columns: {columns}",
        "{path} 缺少必需的列：{columns}",
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
    "rules.cli.options": ("options", "选项"),
    "rules.cli.help_help": ("show this help and exit", "显示帮助并退出"),
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
    "rules.cli.format": ("output format", "输出格式"),
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
    "rules.cli.lang": ("language of the output", "输出语言"),
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
