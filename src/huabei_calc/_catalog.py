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
        '第 {index} 项是浮点数（float），无法精确表示金额；请传入 Decimal("{fix}") 或 "{fix}"',
    ),
    "err.flow_type": (
        "at index {index} must be an amount in yuan (int, str or Decimal), not {kind}",
        "第 {index} 项必须是以元为单位的金额（int、str 或 Decimal），不能是 {kind}",
    ),
    "err.flow_not_number": (
        "at index {index} is not a number; pass an amount in yuan like '1234.56'",
        "第 {index} 项不是数字；请传入以元为单位的金额，例如 '1234.56'",
    ),
    "err.flow_not_finite": (
        "at index {index} must be a finite amount in yuan, not NaN or infinity",
        "第 {index} 项必须是有限的金额，不能是 NaN 或无穷大",
    ),
    "err.flow_too_large": (
        "at index {index} must be at most 10^12 yuan either way",
        "第 {index} 项的绝对值不能超过 10^12 元",
    ),
    "err.flow_decimals": (
        "at index {index} has more than two decimals; amounts are in yuan to the fen",
        "第 {index} 项的小数超过两位；金额以元为单位，精确到分",
    ),
    "err.flow_pair": (
        "at index {index} must be a (date, amount) pair",
        "第 {index} 项必须是（日期, 金额）二元组",
    ),
    "err.flow_date": (
        "at index {index} must be a datetime.date such as date(2025, 1, 10)",
        "第 {index} 项必须是 datetime.date 日期，例如 date(2025, 1, 10)",
    ),
    "err.flow_datetime": (
        "at index {index} is a datetime; pass its .date()",
        "第 {index} 项是 datetime；请传入它的 .date()",
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
