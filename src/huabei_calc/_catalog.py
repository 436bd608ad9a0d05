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
    # == errors: cases and drafts ======================================================
    # == errors: portfolios ============================================================
    # == errors: legal lines and rules =================================================
    # == command line ==================================================================
    # == charts ========================================================================
    # == the negotiation draft =========================================================
    # == batch runs ====================================================================
    # == rules: reference lines, minimum payment, settlement ===========================
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
