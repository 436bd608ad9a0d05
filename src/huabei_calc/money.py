"""Money: turning user input into exact ``Decimal`` yuan, and rounding to the fen.

All amounts are ``Decimal``. Rounding happens only through :func:`to_fen`
(half-up by default) or :func:`truncate_fen`, and always in a private decimal
context, so the caller's global context neither changes nor matters.
"""

from __future__ import annotations

import decimal
import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Final

from ._check import refuse_float
from .errors import InputError

# package-internal helpers (amount, to_fen, context ...): no public names here
__all__: list[str] = []

Amount = int | str | Decimal
"""What an amount argument accepts: yuan as ``int``, ``str`` or ``Decimal``."""

FEN: Final = Decimal("0.01")
MAX_AMOUNT: Final = Decimal(10) ** 12
_ZERO: Final = Decimal(0)
_PREC: Final = 60
# thousands separators: "," or "，" between groups of exactly three digits, before any point
_GROUPED: Final = re.compile(r"[-+]?[0-9]{1,3}(?:[,，][0-9]{3})+(?:\.[0-9]*)?")
_LONGEST: Final = 1000  # characters of an amount string worth reading (10^12 has 13 digits)


def context() -> decimal.Context:
    """A fresh decimal context of ample precision, half-up, traps on.

    Used as ``with decimal.localcontext(context()):`` so that results never
    depend on the caller's global context.
    """
    return decimal.Context(
        prec=_PREC,
        rounding=ROUND_HALF_UP,
        Emin=-999_999,
        Emax=999_999,
        traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
    )


_CTX: Final = context()


def to_fen(value: Decimal, rounding: str = ROUND_HALF_UP) -> Decimal:
    """Round ``value`` to the fen (two places), half-up unless told otherwise.

    >>> to_fen(Decimal("0.615"))
    Decimal('0.62')
    >>> to_fen(Decimal("-0.615"))
    Decimal('-0.62')
    """
    return value.quantize(FEN, rounding=rounding, context=_CTX)


def truncate_fen(value: Decimal) -> Decimal:
    """Cut ``value`` to the fen, toward zero (Huabei installments truncate).

    >>> truncate_fen(Decimal("416.6666"))
    Decimal('416.66')
    """
    return value.quantize(FEN, rounding=ROUND_DOWN, context=_CTX)


def amount(value: object, name: str, *, allow_zero: bool = True) -> Decimal:
    """Parse an amount in yuan (``int``, ``str`` or ``Decimal``) to a two-place Decimal.

    At most two decimals by value (``"100.500"`` is fine, ``"100.005"`` is
    not), not negative, not above 10^12. A string may carry ``¥``/``￥`` or
    ``元`` and commas (``,`` or full-width ``，``) as thousands separators only,
    between groups of three digits: ``"8,000"``, ``"1,234,567.89"``; ``"0,05"``
    or ``"1,5"`` (a decimal comma) is refused, never read as 5 or 15. A
    ``float`` is refused with the fix; so are ``bool``, NaN, infinities and
    strings that are not numbers.

    >>> amount("1,234.5", "principal")
    Decimal('1234.50')
    >>> amount(0.1, "principal")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    huabei_calc.errors.InputError: principal=0.1 is a float, ...; pass Decimal("0.1") or "0.1"
    """
    if type(value) is Decimal:  # the common case first: one type test
        return _bounded(value, name, value, allow_zero=allow_zero)
    if isinstance(value, bool):
        raise InputError(name, value, "err.amount_type", type="bool")
    if isinstance(value, float):
        refuse_float(value, name)
    if isinstance(value, int):
        dec = Decimal(value)
    elif isinstance(value, Decimal):
        dec = value
    elif isinstance(value, str):
        dec = _parse(value, name)
    else:
        raise InputError(name, value, "err.amount_type", type=type(value).__name__)
    return _bounded(dec, name, value, allow_zero=allow_zero)


def _parse(value: str, name: str) -> Decimal:
    """An amount string: currency marks dropped, thousands separators checked and dropped."""
    if len(value) > _LONGEST or "_" in value:  # Decimal would read "0_05" as 5
        raise InputError(name, value, "err.amount_text")
    text = value.strip().removeprefix("¥").removeprefix("￥").removesuffix("元").strip()
    if "," in text or "，" in text:
        if not _GROUPED.fullmatch(text):
            raise InputError(name, value, "err.amount_commas")
        text = text.replace(",", "").replace("，", "")
    try:
        # the context only decides how a bad string is signalled: always raise
        return Decimal(text, _CTX)
    except decimal.InvalidOperation:
        raise InputError(name, value, "err.amount_text") from None


def _bounded(dec: Decimal, name: str, raw: object, *, allow_zero: bool) -> Decimal:
    if not dec.is_finite():
        raise InputError(name, raw, "err.amount_finite")
    if dec < _ZERO:
        raise InputError(name, raw, "err.not_negative")
    if dec > MAX_AMOUNT:
        raise InputError(name, raw, "err.amount_max")
    if not allow_zero and dec == _ZERO:
        raise InputError(name, raw, "err.positive")
    fen = dec.quantize(FEN, context=_CTX)
    if fen != dec:
        raise InputError(name, raw, "err.amount_fen")
    return fen.copy_abs()  # "-0" -> 0.00
