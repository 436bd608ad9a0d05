"""Rates of return: net present value, internal rate of return and XIRR.

Sign convention: money lent out (or paid in) is negative, money received is positive. A
borrower's view works too with every sign flipped; the rates are the same. Cash flows are
amounts in yuan (``int``, ``str`` or ``Decimal``, at most two decimals, up to 10^12 either
way); a ``float`` is refused. Rates are fractions: ``Decimal("0.0132")`` is 1.32%.

``irr`` and ``xirr`` solve NPV(r) = 0 in float first, for speed, and then polish the root
in 60-digit Decimal (``_roots``, ``_power_sum``; several roots: ``_search``). They return
the rate to 20 decimal places, correct to about 1e-20 for ordinary rates (the error grows
with 1 + r: about (1 + r) × 1e-26 per period), far within the promised 1e-10
(docs/conventions.md#cash-flow-signs);
a root of multiplicity k (the NPV touching zero, which takes flows built for it) is found
to about 1e-45 ** (1/k). Nothing depends on the caller's decimal context.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from operator import sub
from typing import Any, Final, cast

from ._roots import solve
from .errors import InputError
from .money import Amount, amount, context

__all__ = ["irr", "irr_of_fens", "npv", "xirr"]

_MAX_YUAN: Final = 10**12
_MAX_FEN: Final = 100 * _MAX_YUAN
# fen per unit of a two-place amount's denominator: 453.32 = 11333/25, 25 → 4 fen
_FEN_PER: Final = {1: 100, 2: 50, 4: 25, 5: 20, 10: 10, 20: 5, 25: 4, 50: 2, 100: 1}
_ZERO: Final = Decimal(0)
_CTX: Final = context()
_SHOWN: Final = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)


def npv(rate: int | str | Decimal, cashflows: Iterable[Amount]) -> Decimal:
    """Net present value of periodic cash flows: Σ c_k / (1 + rate) ** k.

    ``cashflows[0]`` is at period 0 and is not discounted (numpy-financial's convention;
    a spreadsheet's ``NPV`` discounts its first value too: ``=NPV(r, c1..cn) + c0`` is
    this). ``rate`` is a fraction per period (``"0.01"``, ``Decimal("0.01")``) or a
    percentage string (``"1%"``), greater than -1; 0 gives the plain sum.

    The result is a value, not an amount: it is not rounded to the fen but computed with
    60 significant digits and returned to 28.

    >>> npv("0.1", ["-100", "60", "60"])
    Decimal('4.132231404958677685950413223')
    >>> npv(0, ["-100", "60", "60"])
    Decimal('20.00')
    """
    r = _discount_rate(rate)
    fens = _fens(_items(cashflows, "cashflows"), "cashflows")
    if not fens:
        raise InputError("cashflows", cashflows, "must hold at least one cash flow")
    try:
        with decimal.localcontext(_CTX) as ctx:
            v = 1 / (1 + r)
            total = Decimal(0)
            for c in reversed(fens):
                total = total.fma(v, c)
            return _SHOWN.plus(total.scaleb(-2, ctx))
    except decimal.Overflow:
        raise InputError("rate", rate, "is too close to -1 (or too large) for an NPV") from None


def irr(cashflows: Iterable[Amount]) -> Decimal:
    """Internal rate of return per period: the rate r with Σ c_k / (1 + r) ** k = 0.

    ``cashflows[0]`` is at period 0, ``cashflows[k]`` k periods later (a period is whatever
    the flows are spaced by: a month for Huabei and Jiebei). Money lent out is negative,
    repayments positive. The annualised rate a lender must disclose (PBoC 2021 No. 3) is
    ``irr × 12`` for monthly flows.

    Several rates can solve the equation when the flows change sign more than once; the
    smallest rate ≥ 0 is returned, or, if every solution is negative, the one closest
    to 0. With a single sign change there is exactly one solution (Descartes' rule of
    signs). Flows that add up to 0 have the solution 0 (nothing gained, nothing lost).

    Raises ``InputError`` for fewer than two flows, all zero, or no sign change (no rate
    can make the NPV zero), and ``NoConvergenceError`` when no rate in (-1, ∞) solves it
    (``[1, -1, 1]``: the NPV is 1 - v + v² > 0 for every discount factor v).

    >>> irr(["-5000", "453.48"] + ["453.32"] * 11)  # 5,000 in 12 Huabei installments
    Decimal('0.01322061851862413185')
    >>> irr([-100, 39, 59, 55, 20])  # numpy-financial's example: 0.28095
    Decimal('0.28094842115996110458')
    """
    items = _items(cashflows, "cashflows")
    fens = _fens(items, "cashflows")
    _check_signs(fens, items, "cashflows")
    return irr_of_fens(fens)


def irr_of_fens(fens: list[int]) -> Decimal:
    """:func:`irr` of checked flows in whole fen (both signs, each below 2**53 in size).

    ``Schedule.apr`` calls it directly: a schedule's payment may pass the 10^12 yuan
    that :func:`irr` accepts from a caller (principal 10^12 plus a month's interest).
    """
    first, last = 0, len(fens)  # zeros at either end change no rate
    while not fens[first]:
        first += 1
    while not fens[last - 1]:
        last -= 1
    return _shown(solve(fens[first:last], None, 1))


def xirr(flows: Iterable[tuple[date, Amount]]) -> Decimal:
    """Effective annual rate of dated cash flows, as a spreadsheet's ``XIRR``.

    The rate r with Σ c_i / (1 + r) ** ((d_i - d_0) / 365) = 0, d_0 the earliest date
    (actual/365: a leap year's 366 days count 366/365 of a year). ``flows`` are
    ``(date, amount)`` pairs in any order; flows on the same date are added up. Money
    lent out is negative, repayments positive. The solution chosen, the degenerate cases
    and the errors are those of :func:`irr`.

    >>> from datetime import date
    >>> xirr([(date(2025, 1, 1), "-1000"), (date(2026, 1, 1), "1100")])
    Decimal('0.10000000000000000000')
    """
    items = _items(flows, "flows")
    days, values = _pairs(items)
    if set(map(type, days)) != {date}:
        i, day = next((i, d) for i, d in enumerate(days) if type(d) is not date)
        hint = "; pass its .date()" if isinstance(day, datetime) else ""
        raise InputError("flows", day, f"at index {i} must be a datetime.date{hint}")
    fens = _fens(list(values), "flows")
    _check_signs(fens, items, "flows")
    ordinals = list(map(date.toordinal, cast(list[date], days)))
    if len(set(ordinals)) < len(ordinals):  # flows on the same date add up
        merged: dict[int, int] = {}
        for day_number, fen in zip(ordinals, fens, strict=True):
            merged[day_number] = merged.get(day_number, 0) + fen
        ordinals, fens = list(merged), list(merged.values())
    if 0 in fens or ordinals != sorted(ordinals):
        net = sorted((d, c) for d, c in zip(ordinals, fens, strict=True) if c)
        ordinals, fens = [d for d, _ in net], [c for _, c in net]
    if len(fens) < 2 or max(fens) <= 0 or min(fens) >= 0:
        raise InputError(
            "flows", items, "must still change sign once flows on the same date are added up"
        )
    return _shown(solve(fens, list(map(sub, ordinals[1:], ordinals[:-1])), 365))


# -- input --------------------------------------------------------------------------------


def _discount_rate(value: object) -> Decimal:
    if isinstance(value, float):
        raise InputError(
            "rate",
            value,
            "is a float, which cannot hold a rate exactly; "
            f'pass Decimal("{value!r}") or "{value!r}"',
        )
    if isinstance(value, Decimal):
        r = value
    elif isinstance(value, int) and not isinstance(value, bool):
        r = Decimal(value)
    elif isinstance(value, str):
        text = value.strip()
        try:
            with decimal.localcontext(_CTX):  # a bad string must not touch the caller's flags
                r = Decimal(text.removesuffix("%"))
        except decimal.InvalidOperation:
            r = Decimal("NaN")
        if text.endswith("%") and r.is_finite():
            r = _CTX.divide(r, 100)
    else:
        raise InputError("rate", value, "must be a fraction (int, str or Decimal) like '0.01'")
    if not r.is_finite():
        raise InputError("rate", value, "must be a number like '0.01' or '1%'")
    if r <= -1:
        raise InputError("rate", value, "must be greater than -1 (-100%)")
    return r


def _items(values: object, name: str) -> list[Any]:
    if isinstance(values, str | bytes | Decimal | dict) or not isinstance(values, Iterable):
        raise InputError(name, values, "must be a list of cash flows")
    return list(values)


def _pairs(items: list[Any]) -> tuple[list[object], list[object]]:
    """Unzip ``(date, amount)`` pairs, naming the first item that is not one."""
    try:  # in bulk: the hot path
        if set(map(len, items)) == {2}:
            days, values = zip(*items, strict=True)
            return list(days), list(values)
    except TypeError:  # an item without a length
        pass
    for i, item in enumerate(items):
        if not isinstance(item, tuple | list) or len(item) != 2:
            raise InputError("flows", item, f"at index {i} must be a (date, amount) pair")
    raise InputError("flows", items, "must hold at least two cash flows")  # empty


def _fens(items: list[object], name: str) -> list[int]:
    """The cash flows as whole fen: exact, and exact again as floats (|fen| < 2**53)."""
    kinds = set(map(type, items))
    fens: list[int] | None = None
    try:  # all Decimal or all int, in bulk: this is the hot path
        if kinds == {Decimal}:
            decs = cast(list[Decimal], items)
            # a loan's flows repeat a few values: convert each distinct one once
            distinct = set(decs) if len(decs) > 8 else decs
            sizes = list(map(Decimal.adjusted, distinct))  # guards as_integer_ratio (1E+999999)
            if min(sizes) > -3 and max(sizes) < 13:
                per = _FEN_PER
                ratios = map(Decimal.as_integer_ratio, distinct)
                if distinct is decs:
                    fens = [n * per[d] for n, d in ratios]
                else:
                    table = {key: n * per[d] for key, (n, d) in zip(distinct, ratios, strict=True)}
                    fens = list(map(table.__getitem__, decs))
        elif kinds == {int}:
            fens = [n * 100 for n in cast(list[int], items)]
    except (KeyError, ValueError, OverflowError, TypeError):
        fens = None  # more than two places, NaN (sNaN cannot be hashed), infinity
    if fens is not None and (not fens or -_MAX_FEN <= min(fens) <= max(fens) <= _MAX_FEN):
        return fens
    return [_fen(value, name, i) for i, value in enumerate(items)]


def _fen(value: object, name: str, index: int) -> int:
    """One signed amount in fen, or an InputError naming ``name`` and the index."""
    if type(value) is int and -_MAX_YUAN <= value <= _MAX_YUAN:
        return value * 100
    if type(value) is Decimal and -3 < value.adjusted() < 13 and value.is_finite():
        num, den = value.as_integer_ratio()
        if den in _FEN_PER and -_MAX_FEN <= num * _FEN_PER[den] <= _MAX_FEN:
            return num * _FEN_PER[den]
    negative, size = False, value
    if isinstance(value, Decimal):
        negative, size = value.is_signed(), value.copy_abs()
    elif isinstance(value, int) and not isinstance(value, bool):
        negative, size = value < 0, abs(value)
    elif isinstance(value, str):
        text = value.strip().removeprefix("¥").removeprefix("￥")
        negative = text.startswith(("-", "−"))
        size = text[1:] if negative or text.startswith("+") else text
    try:
        fen = int(amount(size, name).scaleb(2, _CTX))
    except InputError as err:
        accepted = err.accepted.replace("at most 10^12 yuan", "at most 10^12 yuan either way")
        raise InputError(name, value, f"at index {index} {accepted}") from None
    return -fen if negative else fen


def _check_signs(fens: list[int], values: object, name: str) -> None:
    if len(fens) < 2:
        raise InputError(name, values, "must hold at least two cash flows")
    if not any(fens):
        raise InputError(name, values, "are all zero: every rate makes their NPV zero")
    if max(fens) <= 0 or min(fens) >= 0:
        raise InputError(
            name,
            values,
            "must change sign (money lent negative, repayments positive): "
            "otherwise no rate makes the NPV zero",
        )


def _shown(rate: Decimal) -> Decimal:
    """The rate to 20 decimal places, or to 28 significant digits when above 10^8."""
    if not rate:
        return _ZERO
    places = max(rate.adjusted() - 27, -20)
    return rate.quantize(Decimal((0, (1,), places)), context=_CTX)
