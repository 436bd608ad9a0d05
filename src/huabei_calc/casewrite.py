"""Writing the case file: TOML by hand (no dependency), commented in Chinese and English.

:func:`dumps` gives the text, :func:`dump` writes it to a temporary file in the same
folder and renames it (:func:`write_atomic`), so no half-written file is left.
An ID number is written masked (``110105********002X``): the library keeps only the
masked form (:class:`~huabei_calc.accounts.Applicant`); the full number is never
written by the library (docs/rules.md, "Cases and drafts").

>>> from huabei_calc.casefile import loads
>>> loads(dumps(example())) == example()
True
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Final

from ._catalog import Lang
from .accounts import Account, Applicant
from .casefile import APPLICANT_FIELDS, BUCKETS, PRODUCTS, reason
from .cases import Case
from .debt import Debt
from .errors import InputError
from .products import HUABEI, JIEBEI, Product

__all__: list[str] = []  # reached through Case.dump; no public names of its own


def _string(value: str) -> str:
    out = []
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _preset(product: Product) -> str:
    for name in ("huabei", "jiebei"):
        base = PRODUCTS[name]
        if replace(base, rate=product.rate) == product:
            return name
    raise InputError("product", product.name, "err.case_product_custom")


_HEAD: Final = """\
# 协商还款案例文件 — a huabei-calc case file (TOML). 编辑后运行 / edit it, then run:
#   huabei-calc case show 本文件.toml
#   huabei-calc case draft 本文件.toml -o 协商申请.html
# 金额以元为单位，写成字符串，最多两位小数，例如 "1234.56"。
# Amounts are in yuan, written as strings with at most two decimals, e.g. "1234.56".
# 日期写成 YYYY-MM-DD，不加引号。Dates are written YYYY-MM-DD, without quotes.

# 案例日期：欠款计算到这一天，还款方案从这一天开始。
# The case date: debts are brought forward to it, and every plan starts on it.
"""

APPLICANT_FIELDS_HEAD: Final = """
# 申请人（可整段删除）。身份证号会校验，并且只以遮蔽形式保存和显示（前 6 位和后 4 位）。
# The applicant (the whole table may be left out). The ID number is checked and only
# ever kept and shown masked (first 6 and last 4 characters).
[applicant]
"""

_MONEY_HEAD: Final = {
    "income": """
# 每月收入：名称 = 金额。Monthly income: label = amount.
[income]
""",
    "expenses": """
# 每月家庭支出：名称 = 金额（房租、生活、医疗、子女教育……）。
# Monthly household spending: label = amount (rent, living, medical, schooling…).
[expenses]
""",
}

_ACCOUNT_HEAD: Final = """
# 每个欠款账户一段 [[accounts]]。One [[accounts]] table per debt.
#   label          名称，每个账户不同 / a label of your own, different for each account
#   product        产品 / product: huabei（花呗）或 or jiebei（借呗）
#   rate           可选：日利率（借呗为个人利率）/ optional: the daily rate ("0.05%")
#   principal …    账单日（as_of）那天账单上的 本金/利息/费用/罚息
#                  principal, interest, fees, penalty as the statement showed on as_of
#   overdue_since  可选：逾期开始日（错过的还款日）；填写后按产品规则计到案例日期
#                  optional: the missed due date; the debt then accrues up to the case date
#   as_of          可选：账单金额所对应的日期（默认为 overdue_since）
#                  optional: the date the amounts hold for (default: overdue_since)
"""


def dumps(case: Case) -> str:
    """The case as a commented TOML text that :func:`loads` reads back to an equal case."""
    if not isinstance(case, Case):
        raise InputError("case", case, "err.case_not_case")
    out = [_HEAD, f"on = {case.on.isoformat()}\n"]
    if case.applicant is not None:
        out.append(APPLICANT_FIELDS_HEAD)
        for key in APPLICANT_FIELDS:
            value = getattr(case.applicant, key)
            if value is not None:
                out.append(f"{key} = {_string(value)}\n")
    for name in ("income", "expenses"):
        out.append(_MONEY_HEAD[name])
        for label, value in getattr(case, name).items():
            out.append(f'{_string(label)} = "{value}"\n')
    out.append(_ACCOUNT_HEAD)
    for account in case.accounts:
        out.append("\n[[accounts]]\n")
        out.append(f"label = {_string(account.label)}\n")
        out.append(f'product = "{_preset(account.product)}"\n')
        out.append(f'rate = "{account.product.rate}"\n')
        for key in BUCKETS:
            out.append(f'{key} = "{getattr(account.debt, key)}"\n')
        for key in ("overdue_since", "as_of"):
            day = getattr(account, key)
            if day is not None and not (key == "as_of" and day == account.overdue_since):
                out.append(f"{key} = {day.isoformat()}\n")
    return "".join(out)


def dump(case: Case, path: str | Path) -> None:
    """Write :func:`dumps` of ``case`` to ``path`` (a temporary file, then renamed)."""
    write_atomic(path, dumps(case))


def write_atomic(path: str | Path, content: str) -> None:
    """Write ``content`` (UTF-8) to ``path`` through a temporary file in the same folder
    and a rename: either the whole file is there or the old one is untouched."""
    target = Path(path)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        tmp = None
    except OSError as err:
        raise InputError("path", str(path), "err.case_file_write", reason=reason(err)) from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def example(lang: Lang = "zh") -> Case:
    """The example case of ``huabei-calc case new`` and of the guide (labels in ``lang``).

    >>> example().budget
    Decimal('1600.00')
    """
    zh = lang == "zh"
    return Case(
        (
            Account(
                "花呗" if zh else "Huabei",
                HUABEI,
                Debt(principal="8000"),
                overdue_since=date(2026, 6, 10),
            ),
            Account(
                "借呗" if zh else "Jiebei",
                JIEBEI,
                Debt(principal="20000", interest="1200"),
                as_of=date(2026, 10, 1),
                overdue_since=date(2026, 8, 1),
            ),
        ),
        on=date(2026, 11, 29),
        income={("工资" if zh else "salary"): "6500"},
        expenses={
            ("房租" if zh else "rent"): "1800",
            ("生活" if zh else "living"): "2500",
            ("医疗" if zh else "medical"): "600",
        },
        applicant=Applicant("张三" if zh else "Zhang San", id_number="11010519491231002X"),
    )
