"""Money: turning user input into exact ``Decimal`` yuan, and rounding to the fen.

All amounts are ``Decimal``. Rounding happens only through :func:`to_fen`
(half-up by default) or :func:`truncate_fen`, and always in a private decimal
context, so the caller's global context neither changes nor matters.
"""

from __future__ import annotations

import decimal
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Final

from .errors import InputError

__all__ = ["FEN", "MAX_AMOUNT", "Amount", "amount", "context", "to_fen", "truncate_fen"]

Amount = int | str | Decimal
"""What an amount argument accepts: yuan as ``int``, ``str`` or ``Decimal``."""

FEN: Final = Decimal("0.01")
MAX_AMOUNT: Final = Decimal(10) ** 12
_ZERO: Final = Decimal(0)
_PREC: Final = 60


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
    not), not negative, not above 10^12. A ``float`` is refused with the fix;
    so are ``bool``, NaN, infinities and strings that are not numbers.

    >>> amount("1,234.5", "principal")
    Decimal('1234.50')
    >>> amount(0.1, "principal")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    huabei_calc.errors.InputError: principal=0.1 is a float, ...; pass Decimal("0.1") or "0.1"
    """
    if type(value) is Decimal:  # the common case first: one type test
        return _check(value, name, value, allow_zero=allow_zero)
    if isinstance(value, bool):
        raise InputError(name, value, "must be an amount in yuan (int, str or Decimal), not a bool")
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise InputError(name, value, "must be a finite amount in yuan, not NaN or infinity")
        raise InputError(
            name,
            value,
            "is a float, which cannot hold money exactly; "
            f'pass Decimal("{value!r}") or "{value!r}"',
        )
    if isinstance(value, int):
        dec = Decimal(value)
    elif isinstance(value, Decimal):
        dec = value
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "").removeprefix("¥")
        text = text.removeprefix("￥").removesuffix("元").strip()
        try:
            # the context only decides how a bad string is signalled: always raise
            dec = Decimal(text, _CTX)
        except decimal.InvalidOperation:
            raise InputError(
                name, value, "is not a number; pass an amount in yuan like '1234.56'"
            ) from None
    else:
        raise InputError(
            name,
            value,
            f"must be an amount in yuan (int, str or Decimal), not {type(value).__name__}",
        )
    return _check(dec, name, value, allow_zero=allow_zero)


def _check(dec: Decimal, name: str, raw: object, *, allow_zero: bool) -> Decimal:
    if not dec.is_finite():
        raise InputError(name, raw, "must be a finite amount in yuan, not NaN or infinity")
    if dec < _ZERO:
        raise InputError(name, raw, "must not be negative")
    if dec > MAX_AMOUNT:
        raise InputError(name, raw, "must be at most 10^12 yuan")
    if not allow_zero and dec == _ZERO:
        raise InputError(name, raw, "must be greater than 0")
    fen = dec.quantize(FEN, context=_CTX)
    if fen != dec:
        raise InputError(name, raw, "has more than two decimals; amounts are in yuan to the fen")
    return fen.copy_abs()  # "-0" -> 0.00
