"""The case file: a commented TOML file a person edits, read with ``tomllib``.

:func:`load` reads it and reports every problem at once, one line each naming the
file, the line and the field (:class:`CaseFileError`); a TOML syntax error keeps
tomllib's line and column. :func:`dumps` writes TOML by hand (no dependency),
with comments in Chinese and English on every field; :func:`dump` writes it to a
temporary file in the same folder and renames it, so no half-written file is left.

An ID number is written masked (``110105********002X``): the library keeps only
the masked form (:class:`~huabei_calc.cases.Applicant`), and a masked number is
read back as it is. The full number is never written by the library.

>>> from huabei_calc import HUABEI, Debt
>>> from huabei_calc.cases import Account, Case
>>> case = Case((Account("花呗", HUABEI, Debt(principal="8000")),), on=date(2026, 11, 29),
...             income={"工资": "6500"})
>>> loads(dumps(case)) == case
True
"""

from __future__ import annotations

import dataclasses
import os
import re
import tempfile
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from ._catalog import Lang, text
from .cases import Account, Applicant, Case
from .debt import Debt
from .errors import InputError, show
from .money import amount
from .products import HUABEI, JIEBEI, Product

__all__ = [
    "CaseFileError",
    "Problem",
    "dump",
    "dumps",
    "example",
    "load",
    "loads",
    "write_atomic",
]

PRODUCTS: Final[Mapping[str, Product]] = {
    "huabei": HUABEI,
    "花呗": HUABEI,
    "jiebei": JIEBEI,
    "借呗": JIEBEI,
}
_TOP: Final = ("on", "applicant", "income", "expenses", "accounts")
_APPLICANT: Final = ("name", "id_number", "phone")
_ACCOUNT: Final = (
    "label",
    "product",
    "rate",
    "principal",
    "interest",
    "fees",
    "penalty",
    "as_of",
    "overdue_since",
)
_BUCKETS: Final = ("principal", "interest", "fees", "penalty")
_AT: Final = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in a case file: where (``line`` from 1, ``None`` if unknown), which field."""

    file: str
    line: int | None
    field: str
    value: object
    code: str | None
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)
    words: str = ""  # for an error without a catalog id (legacy English words)

    def message(self, lang: Lang = "en") -> str:
        """``file:line: field: value what is wrong``, in ``lang``."""
        problem = text(self.code, lang, **self.params) if self.code else self.words
        if self.value is not _NO_VALUE:
            problem = f"{show(self.value)} {problem}"
        if self.line is None:
            return text(
                "err.case_file_noline", lang, file=self.file, field=self.field, problem=problem
            )
        return text(
            "err.case_file_line",
            lang,
            file=self.file,
            line=self.line,
            field=self.field,
            problem=problem,
        )


_NO_VALUE: Final = object()


class CaseFileError(InputError):
    """A case file with problems: ``problems`` has one :class:`Problem` per line of the message.

    >>> try:
    ...     loads('on = 2026-11-29\\n[[accounts]]\\nlabel = "花呗"\\nproduct = "visa"\\n'
    ...           'principal = "-5"\\n', "case.toml")
    ... except CaseFileError as err:
    ...     print(err.message("en"))
    case.toml:4: accounts[1].product: 'visa' is not a product; accepted: huabei, jiebei, 花呗, 借呗
    case.toml:5: accounts[1].principal: '-5' must not be negative
    """

    def __init__(self, file: str, problems: tuple[Problem, ...]) -> None:
        self.problems = problems
        lines = "\n".join(p.message("en") for p in problems)
        super().__init__("path", file, "err.case_file", count=len(problems), lines=lines)

    def message(self, lang: Lang = "en") -> str:
        """One line per problem, in ``lang``."""
        return "\n".join(p.message(lang) for p in self.problems)


def load(path: str | Path) -> Case:
    """Read the case file at ``path``; :class:`CaseFileError` lists every problem in it."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError("path", str(path), "err.case_file_read", reason=_reason(err)) from None
    return loads(raw, str(path))


def loads(source: str, file: str = "<case>") -> Case:
    """Read a case from TOML text; ``file`` names it in messages."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as err:
        at = _AT.search(str(err))
        line = int(at.group(1)) if at else None
        problem = Problem(file, line, "TOML", _NO_VALUE, "err.case_toml", {"reason": str(err)})
        raise CaseFileError(file, (problem,)) from None
    return _Reader(file, _lines(source)).case(data)


class _Reader:
    """Reads the parsed TOML, collecting problems instead of stopping at the first."""

    def __init__(self, file: str, lines: Mapping[tuple[object, ...], int]) -> None:
        self.file, self.lines, self.problems = file, lines, list[Problem]()

    def problem(self, path: tuple[object, ...], value: object, code: str | None, **kw: Any) -> None:
        line = None
        for cut in range(len(path), 0, -1):  # the key's line, else its table's
            line = self.lines.get(path[:cut])
            if line is not None:
                break
        name = ".".join(f"[{p + 1}]" if isinstance(p, int) else str(p) for p in path).replace(
            ".[", "["
        )
        words = kw.pop("words", "")
        self.problems.append(Problem(self.file, line, name, value, code, kw, words))

    def error(self, path: tuple[object, ...], err: InputError) -> None:
        self.problem(path, err.value, err.code, words=err.accepted, **err.params)

    def read(self, path: tuple[object, ...], value: object, parse: Callable[[object], Any]) -> Any:
        try:
            return parse(value)
        except InputError as err:
            self.error(path, err)
            return None

    def keys(
        self, path: tuple[object, ...], table: Mapping[str, object], known: tuple[str, ...]
    ) -> None:
        for key in table:
            if key not in known:
                self.problem(
                    (*path, key), _NO_VALUE, "err.case_field_unknown", accepted=", ".join(known)
                )

    def case(self, data: Mapping[str, object]) -> Case:
        self.keys((), data, _TOP)
        on = self.day(("on",), data.get("on"), required=True)
        applicant = None
        if "applicant" in data:
            applicant = self.applicant(data["applicant"])
        income = self.money_table("income", data.get("income", {}))
        expenses = self.money_table("expenses", data.get("expenses", {}))
        accounts = data.get("accounts")
        items: list[Account | None] = []
        if not isinstance(accounts, list) or not accounts:
            self.problem(("accounts",), _NO_VALUE, "err.case_field_type", kind="[[accounts]]")
        else:
            items = [self.account(i, a, on) for i, a in enumerate(accounts)]
        if not self.problems:
            try:
                return Case(
                    tuple(a for a in items if a is not None),
                    on=on,
                    income=income,
                    expenses=expenses,
                    applicant=applicant,
                )
            except InputError as err:
                self.error((err.name,), err)
        raise CaseFileError(self.file, tuple(self.problems))

    def day(self, path: tuple[object, ...], value: object, *, required: bool = False) -> Any:
        if value is None:
            if required:
                self.problem(path, _NO_VALUE, "err.case_field_missing")
            return None
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        elif isinstance(value, date) and not isinstance(value, datetime):
            return value
        self.problem(path, value, "err.case_field_type", kind="YYYY-MM-DD")
        return None

    def applicant(self, table: object) -> Applicant | None:
        path: tuple[object, ...] = ("applicant",)
        if not isinstance(table, dict):
            self.problem(path, table, "err.case_field_type", kind="[applicant]")
            return None
        self.keys(path, table, _APPLICANT)
        values = {}
        for key in _APPLICANT:
            value = table.get(key)
            if value is not None and not isinstance(value, str):
                self.problem((*path, key), value, "err.case_field_type", kind='"…"')
                return None
            values[key] = value
        if values["name"] is None:
            self.problem((*path, "name"), _NO_VALUE, "err.case_field_missing")
            return None
        try:
            return Applicant(values["name"], values["id_number"], values["phone"])
        except InputError as err:
            self.error((*path, err.name), err)
            return None

    def money(self, path: tuple[object, ...], value: object) -> Decimal | None:
        if isinstance(value, float):
            self.problem(path, value, "err.case_float", text=repr(value))
            return None
        if isinstance(value, int | str):
            raw = value.strip() if isinstance(value, str) else value
            if (isinstance(raw, int) and raw < 0) or (isinstance(raw, str) and raw.startswith("-")):
                self.problem(path, value, "err.case_negative")
                return None
        parsed: Decimal | None = self.read(path, value, lambda v: amount(v, str(path[-1])))
        return parsed

    def money_table(self, name: str, table: object) -> dict[str, Decimal]:
        if not isinstance(table, dict):
            self.problem((name,), table, "err.case_field_type", kind=f"[{name}]")
            return {}
        out = {}
        for key, value in table.items():
            parsed = self.money((name, key), value)
            if parsed is not None:
                out[key] = parsed
        return out

    def account(self, i: int, table: object, on: date | None) -> Account | None:
        path: tuple[object, ...] = ("accounts", i)
        if not isinstance(table, dict):
            self.problem(path, table, "err.case_field_type", kind="[[accounts]]")
            return None
        before = len(self.problems)
        self.keys(path, table, _ACCOUNT)
        label = table.get("label")
        if not isinstance(label, str) or not label.strip():
            code = "err.case_field_missing" if label is None else "err.case_label"
            self.problem((*path, "label"), _NO_VALUE if label is None else label, code)
        product = self.product(path, table)
        buckets = {}
        for key in _BUCKETS:
            if key in table:
                buckets[key] = self.money((*path, key), table[key])
        if "principal" not in table:
            self.problem((*path, "principal"), _NO_VALUE, "err.case_field_missing")
        since = self.day((*path, "overdue_since"), table.get("overdue_since"))
        as_of = self.day((*path, "as_of"), table.get("as_of"))
        if on is not None and since is not None and since > on:
            self.problem((*path, "overdue_since"), since, "err.case_in_future", on=on)
        if on is not None and as_of is not None and as_of > on:
            self.problem((*path, "as_of"), as_of, "err.case_after_on", label=label, on=on)
        if len(self.problems) > before or product is None:
            return None
        debt = Debt(**{k: v for k, v in buckets.items() if v is not None})
        try:
            return Account(str(label), product, debt, overdue_since=since, as_of=as_of)
        except InputError as err:
            self.error((*path, "principal" if err.name == "debt" else err.name), err)
            return None

    def product(self, path: tuple[object, ...], table: Mapping[str, object]) -> Product | None:
        name = table.get("product")
        if name is None:
            self.problem((*path, "product"), _NO_VALUE, "err.case_field_missing")
            return None
        product = PRODUCTS.get(name.strip().lower()) if isinstance(name, str) else None
        if product is None:
            self.problem((*path, "product"), name, "err.case_unknown_product")
            return None
        if "rate" in table:
            rate = table["rate"]
            if not isinstance(rate, str):
                self.problem((*path, "rate"), rate, "err.case_field_type", kind='"0.05%"')
                return None
            result: Product | None = self.read((*path, "rate"), rate, product.with_rate)
            return result
        return product


def _lines(source: str) -> dict[tuple[object, ...], int]:
    """Where each key and table starts: (table, [index,] key) → line number from 1."""
    where: dict[tuple[object, ...], int] = {}
    table: tuple[object, ...] = ()
    counts: dict[str, int] = {}
    for number, line in enumerate(source.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("[["):
            name = _key(stripped[2:].split("]]")[0])
            counts[name] = counts.get(name, -1) + 1
            table = (name, counts[name])
            where.setdefault(table, number)
        elif stripped.startswith("["):
            table = (_key(stripped[1:].split("]")[0]),)
            where.setdefault(table, number)
        elif "=" in stripped and not stripped.startswith("#"):
            key = _key(stripped.split("=")[0])
            if key:
                where.setdefault((*table, key), number)
    return where


def _key(raw: str) -> str:
    raw = raw.strip()
    try:
        return next(iter(tomllib.loads(f"{raw} = 0")))
    except (tomllib.TOMLDecodeError, StopIteration):
        return ""


def _reason(err: BaseException) -> str:
    return err.strerror if isinstance(err, OSError) and err.strerror else str(err)


# -- writing ------------------------------------------------------------------------


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

_APPLICANT_HEAD: Final = """
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
        out.append(_APPLICANT_HEAD)
        for key in _APPLICANT:
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
        for key in _BUCKETS:
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
        raise InputError("path", str(path), "err.case_file_write", reason=_reason(err)) from None
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
