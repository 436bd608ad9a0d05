"""Rates of return: net present value, internal rate of return and XIRR.

Sign convention: money lent out (or paid in) is negative, money received is positive. A
borrower's view works too with every sign flipped; the rates are the same. Cash flows are
amounts in yuan (``int``, ``str`` or ``Decimal``, at most two decimals, up to 10^12 either
way); a ``float`` is refused. Rates are fractions: ``Decimal("0.0132")`` is 1.32%.

When several rates solve the flows, ``irr`` and ``xirr`` return the one closest to zero
(a tie goes to the non-negative one), as numpy-financial does; ``irr_roots`` and
``xirr_roots`` list them all (docs/numerics.md, "Roots of cash flows").
The solver is the private package ``_roots``: one sign change (a loan) is solved in float
and polished in 60-digit Decimal; periodic flows with more have their roots isolated
exactly; dated ones are bracketed by Rolle's theorem. Rates come to 20 decimal places
(more next to -100%, to keep the digits of 1 + r), correct to about (1 + r) × 1e-26 per
period, far within the 1e-10 the library promises.
Nothing depends on, or changes, the caller's decimal context.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from operator import sub
from typing import Any, Final, cast

from ._check import check_date
from ._roots import every_rate, solve
from .errors import InputError
from .money import Amount, amount, context
from .rates import fraction

__all__ = ["irr", "irr_roots", "npv", "xirr", "xirr_roots"]

_MAX_YUAN: Final = 10**12
_MAX_FEN: Final = 100 * _MAX_YUAN
# fen per unit of a two-place amount's denominator: 453.32 = 11333/25, 25 → 4 fen
_FEN_PER: Final = {1: 100, 2: 50, 4: 25, 5: 20, 10: 10, 20: 5, 25: 4, 50: 2, 100: 1}
# why money.amount refused one flow's size, said of a flow (its index is added)
_FLOW_CODE: Final = {
    "err.amount_type": "err.flow_type",
    "err.amount_finite": "err.flow_not_finite",
    "err.amount_max": "err.flow_too_large",
    "err.amount_fen": "err.flow_decimals",
}
_ZERO: Final = Decimal(0)
_HALF: Final = Decimal("0.5")
_EXACT: Final = decimal.Context(
    prec=decimal.MAX_PREC,
    rounding=decimal.ROUND_HALF_UP,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
_CTX: Final = context()
_SHOWN: Final = decimal.Context(
    prec=28,
    rounding=decimal.ROUND_HALF_EVEN,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
_RATE_DIGITS: Final = 200  # numerator and denominator of 1 + rate, for an exact NPV
_EXACT_WORK: Final = 60_000  # flows × digits of 1 + rate up to which the NPV is exact


def npv(rate: int | str | Decimal, cashflows: Iterable[Amount]) -> Decimal:
    """Net present value of periodic cash flows: Σ c_k / (1 + rate) ** k.

    ``cashflows[0]`` is at period 0 and is not discounted (numpy-financial's convention;
    a spreadsheet's ``NPV`` discounts its first value too: ``=NPV(r, c1..cn) + c0`` is
    this). ``rate`` is a fraction per period (``"0.01"``, ``Decimal("0.01")``) or a
    percentage (``"1%"``, ``"1‰"``, ``"万分之五"``), greater than -1; 0 gives the plain sum.

    The result is a value, not an amount: the exact rational sum, correctly rounded to 28
    significant digits (so flows that cancel exactly give 0, never a residue like 1E-60).
    Beyond 60,000 flows × digits of the rate, the sum is taken in 60 digits instead and a
    residue within its rounding error is shown as 0 (docs/numerics.md).

    >>> npv("0.1", ["-100", "60", "60"])
    Decimal('4.132231404958677685950413223')
    >>> npv("1%", ["-100", "101"])
    Decimal('0')
    >>> npv(0, ["-100", "60", "60"])
    Decimal('20')
    """
    r = _discount_rate(rate)
    fens = _fens(_items(cashflows, "cashflows"), "cashflows")
    if not fens:
        raise InputError("cashflows", cashflows, "err.flows_min_one")
    p, q = r.as_integer_ratio()
    g = p + q  # 1 + r = g / q
    if len(fens) * (len(str(g)) + len(str(q))) > _EXACT_WORK:
        return _npv_60_digits(r, fens)
    # Σ c_k (q / g)**k = Σ c_k q**k g**(n - k) / g**n, by Horner from the last flow
    total, power = fens[-1], 1
    for c in reversed(fens[:-1]):
        power *= g
        total = c * power + q * total
    return _SHOWN.divide(Decimal(total), Decimal(100 * g ** (len(fens) - 1)))


def _npv_60_digits(r: Decimal, fens: list[int]) -> Decimal:
    """The NPV in 60 digits; below its rounding error (each of the n steps errs by at most
    1e-59 of the running size) the value is 0, for its digits would be noise."""
    with decimal.localcontext(_CTX) as ctx:
        v = 1 / (1 + r)
        total = size = Decimal(0)
        for c in reversed(fens):
            total = total.fma(v, c)
            size = size.fma(v, abs(c))
        if abs(total) <= size * len(fens) * Decimal("1e-58"):
            return _ZERO
        return _SHOWN.plus(total.scaleb(-2, ctx))


def irr(cashflows: Iterable[Amount]) -> Decimal:
    """Internal rate of return per period: the rate r with Σ c_k / (1 + r) ** k = 0.

    ``cashflows[0]`` is at period 0, ``cashflows[k]`` k periods later (a period is whatever
    the flows are spaced by: a month for Huabei and Jiebei). Money lent out is negative,
    repayments positive. The annualised rate a lender must disclose (PBoC 2021 No. 3) is
    ``irr × 12`` for monthly flows.

    Several rates can solve the equation when the flows change sign more than once; the
    one **closest to zero** is returned (a tie goes to the non-negative one), as
    numpy-financial does; :func:`irr_roots` lists them all. With a single sign change
    there is exactly one (Descartes' rule of signs). Flows that add up to 0 have the
    solution 0 (nothing gained, nothing lost).

    Raises ``InputError`` for fewer than two flows, all zero, or no sign change (no rate
    can make the NPV zero), and ``NoConvergenceError`` when no rate in (-1, ∞) solves it
    (``[1, -1, 1]``: the NPV is 1 - v + v² > 0 for every discount factor v).

    >>> irr(["-5000", "453.48"] + ["453.32"] * 11)  # 5,000 in 12 Huabei installments
    Decimal('0.01322061851862413185')
    >>> irr([-100, 39, 59, 55, 20])  # numpy-financial's example: 0.28095
    Decimal('0.28094842115996110458')
    >>> irr([-50, -100, 600, 300, -100])  # two rates, -76.9% and 185.4%: the one nearer 0
    Decimal('-0.76889547068078064433')
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
    return _shown(solve(_trimmed(fens), None, 1))


def irr_roots(cashflows: Iterable[Amount]) -> tuple[Decimal, ...]:
    """Every rate per period above -100% that solves the flows, in increasing order.

    The flows and their checks are those of :func:`irr`, which returns the one of these
    closest to zero. The roots are isolated exactly (Descartes' rule of signs on the
    integer polynomial of the flows in fen) and each is given to 20 decimal places; a
    root where the NPV touches zero without crossing it is listed once. Flows that no
    rate solves give an empty tuple.

    >>> irr_roots([-50, -100, 600, 300, -100])
    (Decimal('-0.76889547068078064433'), Decimal('1.85441782845617792864'))
    >>> irr_roots([9999, -22000, 12100])  # 9999 (1 + r)**2 - 22000 (1 + r) + 12100
    (Decimal('0.08910891089108910891'), Decimal('0.11111111111111111111'))
    >>> irr_roots([1, -1, 1])
    ()
    """
    items = _items(cashflows, "cashflows")
    fens = _fens(items, "cashflows")
    _check_signs(fens, items, "cashflows")
    return tuple(map(_shown, every_rate(_trimmed(fens), None, 1)))


def xirr(flows: Iterable[tuple[date, Amount]]) -> Decimal:
    """Effective annual rate of dated cash flows, as a spreadsheet's ``XIRR``.

    The rate r with Σ c_i / (1 + r) ** ((d_i - d_0) / 365) = 0, d_0 the earliest date
    (actual/365: a leap year's 366 days count 366/365 of a year). ``flows`` are
    ``(date, amount)`` pairs in any order (a ``date`` subclass is fine, a ``datetime``
    is not); flows on the same date are added up. Money lent out is negative, repayments
    positive. The solution chosen (closest to zero), the degenerate cases and the errors
    are those of :func:`irr`; :func:`xirr_roots` lists every solution.

    >>> from datetime import date
    >>> xirr([(date(2025, 1, 1), "-1000"), (date(2026, 1, 1), "1100")])
    Decimal('0.10000000000000000000')
    """
    return _shown(solve(*_dated(flows), 365))


def xirr_roots(flows: Iterable[tuple[date, Amount]]) -> tuple[Decimal, ...]:
    """Every effective annual rate above -100% that solves dated flows, increasing.

    The flows and their checks are those of :func:`xirr`, which returns the one of these
    closest to zero. Each root is bracketed (Rolle's theorem: between two roots of the
    NPV's derivative there is at most one root) and given to 20 decimal places; roots
    closer together than 60-digit arithmetic can tell apart are listed once.

    >>> from datetime import date
    >>> days = [date(2001, 1, 1), date(2002, 1, 1), date(2003, 1, 1)]
    >>> xirr_roots(list(zip(days, [9999, -22000, 12100])))
    (Decimal('0.08910891089108910891'), Decimal('0.11111111111111111111'))
    """
    return tuple(map(_shown, every_rate(*_dated(flows), 365)))


def _trimmed(fens: list[int]) -> list[int]:
    first, last = 0, len(fens)  # zeros at either end change no rate
    while not fens[first]:
        first += 1
    while not fens[last - 1]:
        last -= 1
    return fens[first:last]


def _dated(flows: object) -> tuple[list[int], list[int]]:
    """Checked dated flows as fen and the gaps in days between them, same dates merged."""
    items = _items(flows, "flows")
    days, values = _pairs(items)
    if set(map(type, days)) != {date}:
        for i, day in enumerate(days):
            try:
                check_date(day, "flows")
            except InputError as err:
                code = "err.flow_datetime" if isinstance(day, datetime) else "err.flow_date"
                raise InputError("flows", day, code, index=i) from err
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
        raise InputError("flows", items, "err.flows_sign_same_day")
    return fens, list(map(sub, ordinals[1:], ordinals[:-1]))


# -- input --------------------------------------------------------------------------------


def _discount_rate(value: object) -> Decimal:
    """A rate per period above -1, read by :func:`huabei_calc.rates.fraction`; its
    fraction 1 + r = g / q must have at most _RATE_DIGITS digits either way."""
    r = fraction(value, "rate", signed=True)
    if r <= -1:
        raise InputError("rate", value, "err.discount_rate")
    if r.adjusted() > _RATE_DIGITS or -r.as_tuple().exponent > _RATE_DIGITS:  # type: ignore[operator]
        raise InputError("rate", value, "err.discount_rate_digits", digits=_RATE_DIGITS)
    return r


def _items(values: object, name: str) -> list[Any]:
    if isinstance(values, str | bytes | Decimal | dict) or not isinstance(values, Iterable):
        raise InputError(name, values, "err.flows_list")
    return list(values)


def _pairs(items: list[Any]) -> tuple[list[object], list[object]]:
    """Unzip ``(date, amount)`` pairs, naming the first item that is not one."""
    if not set(map(type, items)) <= {tuple, list}:  # else every item has a length
        for i, item in enumerate(items):
            if not isinstance(item, tuple | list):  # a two-letter "ab" is not a pair either
                raise InputError("flows", item, "err.flow_pair", index=i)
    if set(map(len, items)) != {2}:
        for i, item in enumerate(items):
            if len(item) != 2:
                raise InputError("flows", item, "err.flow_pair", index=i)
        raise InputError("flows", items, "err.flows_min_two")  # empty
    days, values = zip(*items, strict=True)
    return list(days), list(values)


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
    if isinstance(value, float):
        fix = repr(value)
        raise InputError(name, value, "err.flow_float", index=index, fix=fix)
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
        # amount's reason, said of a flow; anything else (not a number, a decimal comma,
        # a second sign) is not a number
        code = _FLOW_CODE.get(err.code or "", "err.flow_not_number")
        params = {"kind": type(size).__name__} if code == "err.flow_type" else {}
        raise InputError(name, value, code, index=index, **params) from None
    return -fen if negative else fen


def _check_signs(fens: list[int], values: object, name: str) -> None:
    if len(fens) < 2:
        raise InputError(name, values, "err.flows_min_two")
    if not any(fens):
        raise InputError(name, values, "err.flows_all_zero")
    if max(fens) <= 0 or min(fens) >= 0:
        raise InputError(name, values, "err.flows_sign")


def _shown(rate: Decimal) -> Decimal:
    """The rate to 20 decimal places, or to 28 significant digits when above 10^8; near
    -100% with as many places as keep 14 significant digits of 1 + rate (a rate of
    -1 + 1e-30 must not show as -1)."""
    if not rate:
        return _ZERO
    places = max(rate.adjusted() - 27, -20)
    if rate < -_HALF:
        growth = _EXACT.add(rate, 1)
        places = min(places, growth.adjusted() - 13)
    if places >= -50:
        return rate.quantize(Decimal((0, (1,), places)), context=_CTX)
    return rate.quantize(Decimal((0, (1,), places)), context=_EXACT)
