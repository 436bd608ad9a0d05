"""The case file: a commented TOML file a person edits, read with ``tomllib``.

:func:`load` reads it and reports every problem at once, one line each naming the
file, the line and the field (:class:`CaseFileError`); a TOML syntax error keeps
tomllib's line and column. Writing is :mod:`huabei_calc.casewrite`. A masked ID
number (``110105********002X``) is read back as it is: the library keeps only the
masked form.

>>> loads('on = 2026-11-29\\n[[accounts]]\\nlabel = "花呗"\\nproduct = "huabei"\\n'
...       'principal = "8000"\\n').budget
Decimal('0.00')
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
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

__all__ = ["CaseFileError"]

PRODUCTS: Final[Mapping[str, Product]] = {
    "huabei": HUABEI,
    "花呗": HUABEI,
    "jiebei": JIEBEI,
    "借呗": JIEBEI,
}
_TOP: Final = ("on", "applicant", "income", "expenses", "accounts")
APPLICANT_FIELDS: Final = ("name", "id_number", "phone")
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
BUCKETS: Final = ("principal", "interest", "fees", "penalty")
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
        raise InputError("path", str(path), "err.case_file_read", reason=reason(err)) from None
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
        self.keys(path, table, APPLICANT_FIELDS)
        values = {}
        for key in APPLICANT_FIELDS:
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
        for key in BUCKETS:
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
            given: str = rate
            result: Product | None = self.read(
                (*path, "rate"), rate, lambda _: product.with_rate(given)
            )
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


def reason(err: BaseException) -> str:
    """The words of an OS error for a message (its strerror, without the errno)."""
    return err.strerror if isinstance(err, OSError) and err.strerror else str(err)
