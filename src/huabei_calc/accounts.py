"""The people and debts of a case: :class:`Applicant` (ID number checked, kept masked)
and :class:`Account` (one debt with one lender, as its statement showed it).

ID numbers (居民身份证号码) follow GB 11643-1999: 17 digits and an ISO 7064 MOD 11-2
check character; only the masked form (first 6 and last 4 characters) is ever kept
(docs/rules.md, "Cases and drafts").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Final

from ._check import check_date
from .debt import Debt
from .errors import InputError
from .products import Product

__all__ = ["Account", "Applicant"]

_WEIGHTS: Final = tuple(2 ** (17 - i) % 11 for i in range(17))
_CHECK: Final = "10X98765432"  # (sum of weighted digits) mod 11 -> check character


def check_id_number(value: object, name: str = "id_number") -> str:
    """A 居民身份证号码 (GB 11643-1999) with a valid check character, upper-cased.

    17 digits and a check character: ISO 7064 MOD 11-2 over the digits with weights
    2^(17-i) mod 11; a value of 10 is written ``X``. The number is returned whole:
    callers keep only :func:`mask_id_number` of it.

    >>> mask_id_number(check_id_number("11010519491231002x"))
    '110105********002X'
    """
    if not isinstance(value, str):
        raise InputError(name, "<not shown>", "err.id_number_format")
    text = value.strip().upper()
    if len(text) != 18 or not text[:17].isascii() or not text[:17].isdigit():
        raise InputError(name, _masked_or_hidden(text), "err.id_number_format")
    total = sum(int(d) * w for d, w in zip(text[:17], _WEIGHTS, strict=True))
    if _CHECK[total % 11] != text[17]:
        raise InputError(name, mask_id_number(text), "err.id_number_check")
    return text


def mask_id_number(number: str) -> str:
    """The first 6 and last 4 characters, the rest ``*`` (how an ID number is ever shown).

    >>> mask_id_number("11010519491231002X")
    '110105********002X'
    """
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def _masked_or_hidden(text: str) -> str:
    return mask_id_number(text) if len(text) > 10 else "<not shown>"


def _is_masked(text: str) -> bool:
    return (
        len(text) == 18
        and text[:6].isdigit()
        and text[6:14] == "*" * 8
        and text[14:17].isdigit()
        and text[17] in "0123456789X"
    )


def check_label(value: object, name: str) -> str:
    """A non-empty text label, stripped."""
    if not isinstance(value, str) or not value.strip():
        raise InputError(name, value, "err.case_label")
    return value.strip()


@dataclass(frozen=True, slots=True)
class Applicant:
    """Who applies: a name, and optionally an ID number and a phone number.

    The ID number is checked (:func:`check_id_number`) and only its masked form is
    kept, so it cannot be shown, dumped or drafted unmasked; an already masked number
    (``110105********002X``, as a case file holds it) is taken as it is.

    >>> Applicant("张三", id_number="11010519491231002X")
    Applicant(name='张三', id_number='110105********002X', phone=None)
    """

    name: str
    id_number: str | None = None
    phone: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", check_label(self.name, "name"))
        if self.id_number is not None:
            given = self.id_number.strip().upper() if isinstance(self.id_number, str) else ""
            masked = given if _is_masked(given) else mask_id_number(check_id_number(given))
            object.__setattr__(self, "id_number", masked)
        if self.phone is not None:
            phone = self.phone.strip() if isinstance(self.phone, str) else None
            if not phone or not all(c.isdigit() or c in "+- " for c in phone) or len(phone) > 20:
                raise InputError("phone", self.phone, "err.phone")
            object.__setattr__(self, "phone", phone)


@dataclass(frozen=True, slots=True)
class Account:
    """One debt with one lender: what its statement showed on ``as_of``.

    ``as_of`` defaults to ``overdue_since``. With ``overdue_since`` the case brings the
    debt forward to its date with ``accrue(debt, product, since=max(as_of,
    overdue_since), until=case.on)``; without it the debt is taken as owed unchanged.

    >>> from huabei_calc import HUABEI
    >>> Account("花呗", HUABEI, Debt(principal="8000"), overdue_since=date(2025, 6, 15)).as_of
    datetime.date(2025, 6, 15)
    """

    label: str
    product: Product
    debt: Debt
    overdue_since: date | None = field(default=None, kw_only=True)
    as_of: date | None = field(default=None, kw_only=True)

    def __post_init__(self) -> None:
        object.__setattr__(self, "label", check_label(self.label, "label"))
        if not isinstance(self.product, Product):
            raise InputError("product", self.product, "err.case_product")
        if not isinstance(self.debt, Debt):
            raise InputError("debt", self.debt, "err.case_debt")
        if self.debt.total == 0:
            raise InputError("debt", self.debt, "err.case_nothing_owed")
        if self.overdue_since is not None:
            check_date(self.overdue_since, "overdue_since")
        if self.as_of is None:
            object.__setattr__(self, "as_of", self.overdue_since)
        else:
            check_date(self.as_of, "as_of")
