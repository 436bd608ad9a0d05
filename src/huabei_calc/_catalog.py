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
    # == errors: rates of return (solver) =============================================
    # == errors: cases and drafts ======================================================
    # == errors: portfolios ============================================================
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
    # == charts ========================================================================
    # == the negotiation draft =========================================================
    # == batch runs ====================================================================
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
