"""Interest rates: one value object, :class:`Rate`, and the one parser of rate strings.

A rate is a fraction (``Decimal("0.0005")``) and a period (day, month or year).
Conversions between periods are exact; ``basis`` is the number of days in a
year (360 or 365). The library's own interest arithmetic never multiplies by a
converted, truncated rate: it uses :meth:`Rate.ratio`, an exact numerator and
an integer denominator, multiplies first and divides last.
"""

from __future__ import annotations

import decimal
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Final, Literal

from ._check import refuse_float
from .errors import InputError, show
from .money import context

__all__ = ["Rate"]

Period = Literal["day", "month", "year"]
FractionLike = Decimal | int | str
"""What a fraction argument accepts: ``Decimal("0.5")``, ``0``, ``"50%"``, ``"万分之五"``."""
Basis = Literal[360, 365]

LIMITS: Final = {"day": Decimal("0.01"), "month": Decimal("0.30"), "year": Decimal("10")}
"""The highest rate per period a ``Rate`` takes: above it is almost surely a unit mistake."""
ABOVE_LIMIT: Final = ("err.rate_above_day", "err.rate_above_month", "err.rate_above_year")
"""The ids of a rate refused as above its period's limit (a likely unit mistake)."""
_PER_YEAR: Final = {"day": 0, "month": 12, "year": 1}  # 0: depends on basis
# unit -> power of ten it divides by (shifted exactly, no context involved)
_UNITS: Final = {"%": 2, "‰": 3, "‱": 4}
_WORD_UNITS: Final = {"百分之": 2, "千分之": 3, "万分之": 4}
_SMALLEST: Final = Decimal("1e-100")  # below it, str() would print a hundred zeros
_CTX: Final = context()
_CTX40: Final = context()  # per_day/per_month/per_year: 40 significant digits
_CTX40.prec = 40
_SHORT: Final = context()  # exact_quotient divides to the 20 digits it may hand out
_SHORT.prec = 20
_PREFIXES: Final = (
    ("年化利率", "year"),
    ("年利率", "year"),
    ("年化", "year"),
    ("年息", "year"),
    ("年", "year"),
    ("月利率", "month"),
    ("月息", "month"),
    ("月", "month"),
    ("日利率", "day"),
    ("日息", "day"),
    ("日", "day"),
)
_SUFFIXES: Final = {
    "day": "day",
    "d": "day",
    "日": "day",
    "天": "day",
    "month": "month",
    "mo": "month",
    "m": "month",
    "月": "month",
    "year": "year",
    "yr": "year",
    "y": "year",
    "年": "year",
    "annum": "year",
}
_DIGITS: Final = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_DIGITS.update({"五": 5, "六": 6, "七": 7, "八": 8, "九": 9})
_NUMBER_RE: Final = re.compile(r"[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?")
_LONGEST: Final = 200  # characters of a rate string worth reading
_MISSING: Final = {  # (no unit?, no period?) -> the message that says what to add
    (True, True): "err.rate_no_unit_period",
    (True, False): "err.rate_no_unit",
    (False, True): "err.rate_no_period",
}


def check_basis(basis: object) -> int:
    """The days in a year interest is quoted on: 360 or 365 (docs/conventions.md)."""
    if isinstance(basis, bool) or not isinstance(basis, int) or basis not in (360, 365):
        raise InputError("basis", basis, "err.basis")
    return int(basis)


def _period(period: object, name: str = "period") -> Period:
    if not isinstance(period, str) or period not in LIMITS:
        raise InputError(name, period, "err.period")
    return period  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class Rate:
    """An interest rate: a non-negative fraction per day, month or year.

    Build one with :meth:`daily`, :meth:`monthly`, :meth:`annual` or
    :meth:`parse`; ``str()`` gives a form that :meth:`parse` reads back.
    A rate above 1% a day, 30% a month or 1000% a year, or a non-zero rate
    below 1e-100, is refused as a likely unit mistake.

    >>> r = Rate.parse("日利率万分之五")
    >>> r == Rate.daily("0.05%") == Rate.daily(Decimal("0.0005"))
    True
    >>> str(r), r.per_year(basis=365)
    ('0.05%/day', Decimal('0.1825'))
    >>> str(Rate.annual("4.9%").marked_up("50%"))
    '7.35%/year'
    """

    value: Decimal
    period: Period

    def __post_init__(self) -> None:
        period = _period(self.period)
        if not isinstance(self.value, Decimal) or not self.value.is_finite():
            raise InputError("rate", self.value, "err.rate_value")
        if self.value < 0:
            raise InputError("rate", self.value, "err.not_negative")
        limit = LIMITS[period]
        if self.value > limit:
            value = percent(self.value) if self.value.adjusted() < 6 else show(self.value)
            raise InputError("rate", f"{value}/{period}", f"err.rate_above_{period}")
        if 0 < self.value < _SMALLEST:
            raise InputError("rate", self.value, "err.rate_tiny")
        object.__setattr__(self, "value", self.value.copy_abs())  # drop -0, exactly

    # -- constructors -------------------------------------------------------------
    @classmethod
    def daily(cls, value: object) -> Rate:
        """A rate per day: ``"0.05%"``, ``"万分之五"``, ``Decimal("0.0005")`` …"""
        return cls(fraction(value, "rate"), "day")

    @classmethod
    def monthly(cls, value: object) -> Rate:
        """A rate per month: ``"1.2%"``, ``Decimal("0.012")`` …"""
        return cls(fraction(value, "rate"), "month")

    @classmethod
    def annual(cls, value: object) -> Rate:
        """A rate per year: ``"4.9%"``, ``"年化4.9%"`` is for :meth:`parse`."""
        return cls(fraction(value, "rate"), "year")

    @classmethod
    def of(cls, period: Period, value: object) -> Rate:
        """A rate of ``value`` per ``period``; ``value`` may itself be a ``Rate``.

        >>> Rate.of("day", "0.06%")
        Rate.parse('0.06%/day')
        """
        if isinstance(value, Rate):
            return value
        return cls(fraction(value, "rate"), period)

    @classmethod
    def parse(cls, text: object, *, name: str = "rate") -> Rate:
        """Read a rate that names its unit and its period.

        Periods: prefixes 日/日息/日利率, 月/月息/月利率, 年/年化/年利率/年化利率, or
        suffixes ``/day``, ``/month``, ``/year``. Units: ``%``, ``‰``, ``‱``,
        百分之/千分之/万分之 with Arabic or Chinese numerals (点 for the point).
        A ``Rate`` is returned as it is.

        >>> Rate.parse("年化利率4.9%") == Rate.parse("4.9%/year") == Rate.annual("0.049")
        True
        >>> Rate.parse("千分之零点五/day")
        Rate.parse('0.05%/day')
        >>> Rate.parse("5")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        huabei_calc.errors.InputError: rate='5' has no unit and no period; write '0.05%/day', ...
        """
        if isinstance(text, Rate):
            return text
        if not isinstance(text, str):
            raise InputError(name, text, "err.rate_parse_type")
        if len(text) > _LONGEST:
            raise InputError(name, text, "err.rate_form")
        body = text.strip().replace(" ", "").lower()
        period: str | None = None
        for prefix, per in _PREFIXES:
            if body.startswith(prefix):
                period, body = per, body[len(prefix) :]
                break
        for sep in ("/", "per", "每"):
            head, found, tail = body.rpartition(sep)
            if found and tail in _SUFFIXES and head:
                if period not in (None, _SUFFIXES[tail]):
                    raise InputError(name, text, "err.rate_two_periods")
                period, body = _SUFFIXES[tail], head
                break
        has_unit = is_percentage(body)
        if period is None or not has_unit:
            raise InputError(name, text, _MISSING[not has_unit, period is None])
        try:
            value = fraction(body, name)
        except InputError as err:  # show what the caller wrote, not the part left of "/day"
            raise err.showing(text) from None
        return cls(value, period)  # type: ignore[arg-type]

    # -- conversions --------------------------------------------------------------
    def ratio(self, period: Period, basis: int = 360) -> tuple[Decimal, int]:
        """The exact rate per ``period`` as ``(numerator, denominator)``.

        Interest on ``x`` for ``k`` periods is ``x * numerator * k / denominator``:
        multiply first, divide last, round once.

        >>> Rate.annual("15.64%").ratio("month")
        (Decimal('0.1564'), 12)
        >>> Rate.daily("0.05%").ratio("month", basis=360)
        (Decimal('0.1800'), 12)
        """
        return self._ratio(_period(period), check_basis(basis))

    def _ratio(self, period: Period, days: int) -> tuple[Decimal, int]:
        """:meth:`ratio` of checked arguments (the schedule builders check them once)."""
        src = _PER_YEAR[self.period] or days
        dst = _PER_YEAR[period] or days
        # value per source period -> per year (x src) -> per target period (/ dst)
        return _CTX.multiply(self.value, src), dst

    def _per(self, period: Period, basis: int) -> Decimal:
        num, den = self.ratio(period, basis)
        return _CTX40.divide(num, den)

    def per_day(self, basis: int = 360) -> Decimal:
        """The rate per day (annual / basis), not rounded to any posting unit."""
        return self._per("day", basis)

    def per_month(self, basis: int = 360) -> Decimal:
        """The rate per month (annual / 12; daily × basis / 12)."""
        return self._per("month", basis)

    def per_year(self, basis: int = 360) -> Decimal:
        """The rate per year (daily × basis; monthly × 12)."""
        return self._per("year", basis)

    def marked_up(self, markup: object) -> Rate:
        """The same period at ``value × (1 + markup)``: ``"50%"`` or ``Decimal("0.5")``.

        >>> Rate.daily("0.05%").marked_up("50%")
        Rate.parse('0.075%/day')
        """
        up = fraction(markup, "markup", cap=Decimal(100))
        return Rate(_CTX.multiply(self.value, _CTX.add(1, up)), self.period)

    def __str__(self) -> str:
        return f"{percent(self.value)}/{self.period}"

    def __repr__(self) -> str:
        return f"Rate.parse('{self}')"


def exact_quotient(num: Decimal, den: int) -> Decimal | None:
    """``num / den`` when that is a decimal of at most 20 significant digits, else ``None``.

    Why that is exact: docs/numerics.md#exact-quotients.

    >>> exact_quotient(Decimal("0.18"), 12), exact_quotient(Decimal("0.049"), 12)
    (Decimal('0.015'), None)
    """
    quotient = _SHORT.divide(num, den)
    return quotient if _CTX.multiply(quotient, den) == num else None


def _shift(value: Decimal, places: int) -> Decimal:
    """``value × 10**places``, exactly (no context, no rounding); ``value`` is finite."""
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    return Decimal((sign, digits, exponent + places))


def _trim(value: Decimal) -> Decimal:
    """``value`` without trailing zeros after the point, exactly: 0.27000 -> 0.27, 10 stays 10."""
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    while exponent < 0 and digits[-1] == 0:
        digits, exponent = digits[:-1] or (0,), exponent + 1
    return Decimal((sign, digits, exponent))


def percent(value: Decimal) -> str:
    """``value`` as a percentage without trailing zeros, exactly.

    >>> percent(Decimal("0.0005")), percent(Decimal("50"))
    ('0.05%', '5000%')
    """
    return format(_trim(_shift(value, 2)), "f") + "%"


def is_percentage(text: str) -> bool:
    """Whether ``text`` carries a unit: %, ‰, ‱ or 百分之/千分之/万分之.

    >>> is_percentage("10%"), is_percentage("万分之五"), is_percentage("0.1")
    (True, True, False)
    """
    return any(u in text for u in _UNITS) or any(w in text for w in _WORD_UNITS)


def fraction(
    raw: object, name: str, cap: Decimal | None = None, *, signed: bool = False
) -> Decimal:
    """A fraction from ``Decimal``/``int``/``str`` with an optional %, ‰, ‱ or 万分之 unit.

    The one reader of percentages in the library: a fee rate, a markup, a
    down payment and a discount rate all read ``"10%"``, ``"1‰"``, ``"5‱"`` and
    ``"万分之五"`` alike. Not negative (with ``signed``, a negative one too:
    ``"-1%"``, a discount rate), not above ``cap`` when one is given.

    >>> fraction("1‰", "down_payment"), fraction("万分之五", "rate"), fraction(2, "markup")
    (Decimal('0.001'), Decimal('0.0005'), Decimal('2'))
    >>> fraction("-1%", "rate", signed=True)
    Decimal('-0.01')
    """
    if isinstance(raw, bool) or raw is None:
        raise InputError(name, raw, "err.rate_form")
    if isinstance(raw, float):
        refuse_float(raw, name)
    if isinstance(raw, Rate):
        raise InputError(name, raw, "err.rate_not_number")
    if isinstance(raw, int | Decimal):
        dec = Decimal(raw)
    elif isinstance(raw, str):
        if len(raw) > _LONGEST:
            raise InputError(name, raw, "err.rate_form")
        text = raw.strip().replace(" ", "")
        negative = signed and text.startswith(("-", "−"))
        if signed and text.startswith(("-", "−", "+")):
            text = text[1:]
        dec = _parse_number(text, name, raw)
        dec = dec.copy_negate() if negative else dec
    else:
        raise InputError(name, raw, "err.rate_form")
    if not dec.is_finite() or (dec < 0 and not signed):
        raise InputError(name, raw, "err.rate_finite")
    if cap is not None and dec > cap:
        raise InputError(name, raw, "err.at_most", cap=cap)
    return dec


def _parse_number(text: str, name: str, raw: str) -> Decimal:
    for word, places in _WORD_UNITS.items():
        if text.startswith(word):
            return _shift(_numeral(text[len(word) :], name, raw), -places)
    places = 0
    for unit, unit_places in _UNITS.items():
        if text.endswith(unit):
            text, places = text[: -len(unit)], unit_places
            break
    if not _NUMBER_RE.fullmatch(text):
        raise InputError(name, raw, "err.rate_form")
    return _shift(_decimal(text, name, raw), -places)


def _decimal(text: str, name: str, raw: str) -> Decimal:
    try:
        # the context only decides how a bad string is signalled: always raise
        return Decimal(text, _CTX)
    except decimal.InvalidOperation:  # an exponent beyond Decimal's range
        raise InputError(name, raw, "err.rate_form") from None


def _numeral(text: str, name: str, raw: str) -> Decimal:
    """Arabic digits, or Chinese numerals up to 99 with 点 for the decimal point."""
    if _NUMBER_RE.fullmatch(text):
        return _decimal(text, name, raw)
    whole, _, frac = text.partition("点")
    try:
        digits = "".join(str(_DIGITS[c]) for c in frac)
        if "十" in whole:
            tens, _, ones = whole.partition("十")
            value = (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)
        elif 0 < len(whole) <= 2:  # 五, 五五 (55): never thousands of digits for int()
            value = int("".join(str(_DIGITS[c]) for c in whole))
        else:
            raise KeyError(whole)
    except KeyError:
        raise InputError(name, raw, "err.rate_form") from None
    return Decimal(f"{value}.{digits}" if digits else value)
