"""rates.py: the Rate value, its notations and conversions (docs/conventions.md#rates-and-bases).

Rates are not money: where a conversion does not terminate, they are compared with the one
tolerance ``RATE_TOL`` (docs/conventions.md#rates-and-bases: ``per_*`` give at least 34 significant
digits, so an error
below 1e-33 on values below 10 is what the contract allows).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from huabei_calc import InputError, Rate
from huabei_calc.rates import exact_quotient

from .strategies import any_rates, rates

D = Decimal
RATE_TOL = D("1e-33")

DAILY_5 = Rate(D("0.0005"), "day")
ANNUAL_49 = Rate(D("0.049"), "year")
MONTHLY_12 = Rate(D("0.012"), "month")


# -- notations (docs/conventions.md#rates-and-bases)
# ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["0.05%", "5‱", "0.5‰", "万分之五", "万分之5", "千分之零点五", "0.0005", "0.05 %", " 5‱ "],
)
def test_daily_notations(text: str) -> None:
    assert Rate.daily(text) == DAILY_5


def test_daily_from_numbers() -> None:
    assert Rate.daily(D("0.0005")) == DAILY_5
    assert Rate.daily(D("0.000500")) == DAILY_5
    assert Rate.daily(0) == Rate(D(0), "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("日利率万分之五", DAILY_5),
        ("日息万分之五", DAILY_5),
        ("日万分之五", DAILY_5),
        ("日利率0.05%", DAILY_5),
        ("0.05%/day", DAILY_5),
        ("0.05% / DAY", DAILY_5),
        ("0.05% per day", DAILY_5),
        ("万分之五/天", DAILY_5),
        ("5‱/d", DAILY_5),
        ("0.5‰/日", DAILY_5),
        ("千分之零点五/day", DAILY_5),
        ("年化4.9%", ANNUAL_49),
        ("年化利率4.9%", ANNUAL_49),
        ("年利率4.9%", ANNUAL_49),
        ("年4.9%", ANNUAL_49),
        ("4.9%/year", ANNUAL_49),
        ("4.9%/yr", ANNUAL_49),
        ("年化利率百分之四点九", ANNUAL_49),
        ("月息1.2%", MONTHLY_12),
        ("月利率1.2%", MONTHLY_12),
        ("月1.2%", MONTHLY_12),
        ("1.2%/month", MONTHLY_12),
        ("12‰/month", MONTHLY_12),
        ("万分之十五/day", Rate(D("0.0015"), "day")),
        ("万分之二十/day", Rate(D("0.002"), "day")),
        ("年化18.25%", Rate(D("0.1825"), "year")),
    ],
)
def test_parse_notations(text: str, expected: Rate) -> None:
    assert Rate.parse(text) == expected


def test_monthly_and_annual_constructors() -> None:
    assert Rate.monthly("1.2%") == MONTHLY_12
    assert Rate.annual("4.9%") == ANNUAL_49
    assert Rate.annual(D("0.049")) == ANNUAL_49
    assert Rate.of("year", "4.9%") == ANNUAL_49
    assert Rate.of("day", DAILY_5) is DAILY_5


def test_parse_returns_a_rate_as_it_is() -> None:
    assert Rate.parse(DAILY_5) is DAILY_5


@pytest.mark.parametrize(
    ("rate", "text"),
    [
        (Rate.daily("0.05%"), "0.05%/day"),
        (Rate.daily("0.075%"), "0.075%/day"),
        (Rate.annual("4.9%"), "4.9%/year"),
        (Rate.annual("18.25%"), "18.25%/year"),
        (Rate.monthly("1.2%"), "1.2%/month"),
        (Rate.annual("1000%"), "1000%/year"),
        (Rate.daily(0), "0%/day"),
        (Rate.daily(D("0.00050000")), "0.05%/day"),
    ],
)
def test_str(rate: Rate, text: str) -> None:
    assert str(rate) == text
    assert repr(rate) == f"Rate.parse('{text}')"


# -- conversions (docs/conventions.md#rates-and-bases) ------------------------------------


def test_huabei_daily_is_18_25_percent_a_year_at_365() -> None:
    # docs/rules.md#huabei: "0.05%/day is quoted as 18.25% a year (× 365)"
    assert Rate.daily("0.05%").per_year(basis=365) == D("0.1825")


def test_jiebei_daily_is_16_2_percent_a_year_at_360() -> None:
    # docs/rules.md#jiebei: "Annualised × 360 in Ant's own display (0.045%/day → 16.2%)"
    assert Rate.daily("0.045%").per_year(basis=360) == D("0.162")
    assert Rate.daily("0.045%").per_year() == D("0.162")  # 360 is the default


def test_daily_to_monthly_is_times_30_at_360() -> None:
    # docs/conventions.md#rates-and-bases: a daily rate's monthly rate = daily × basis / 12 (=
    # daily × 30 at 360)
    assert Rate.daily("0.05%").per_month(basis=360) == D("0.015")
    # at 365: 0.0005 × 365 / 12 = 0.1825 / 12 = 0.01520833…
    got = Rate.daily("0.05%").per_month(basis=365)
    assert abs(got - D("0.01520833333333333333333333333333333333")) < RATE_TOL


def test_annual_to_monthly_and_daily() -> None:
    # docs/conventions.md#rates-and-bases: monthly = annual / 12; daily = annual / basis
    assert abs(ANNUAL_49.per_month() - D("0.004083333333333333333333333333333333333")) < RATE_TOL
    assert abs(ANNUAL_49.per_day(basis=360) - D("0.0001361111111111111111111111111111111")) < (
        RATE_TOL
    )
    assert Rate.annual("18.25%").per_day(basis=365) == D("0.0005")
    assert ANNUAL_49.per_year() == D("0.049")


def test_monthly_conversions() -> None:
    # 1.2% a month: 14.4% a year; 14.4% / 360 = 0.04% a day
    assert MONTHLY_12.per_year() == D("0.144")
    assert MONTHLY_12.per_day(basis=360) == D("0.0004")
    assert MONTHLY_12.per_month(basis=365) == D("0.012")


def test_per_gives_at_least_34_significant_digits() -> None:
    # docs/conventions.md#rates-and-bases: per_* return Decimals to at least 34 significant digits
    third = Rate.annual("1%").per_month()  # 0.01 / 12 = 0.000833…
    assert len(third.as_tuple().digits) >= 34


def test_ratio_is_exact() -> None:
    # docs/conventions.md#rounding example: 574,050.00 at 15.64%/year for a month = 574,050.00 ×
    # 0.1564 / 12
    num, den = Rate.annual("15.64%").ratio("month")
    assert D("574050.00") * num / den == D("7481.785")
    num, den = Rate.daily("0.05%").ratio("day", basis=365)
    assert D("1234.56") * num / den == D("0.61728")


def test_exact_quotient() -> None:
    # num / den when it terminates within 20 digits (rows then multiply once), else None
    assert exact_quotient(D("0.18"), 12) == D("0.015")
    assert exact_quotient(D("0.1825"), 365) == D("0.0005")
    assert exact_quotient(D("0"), 12) == 0
    assert exact_quotient(D("0.049"), 12) is None  # 0.0040833…
    assert exact_quotient(D("1." + "1" * 25), 1) is None  # exact, but 26 digits


def test_exact_quotient_judges_the_value_not_its_trailing_zeros() -> None:
    # 1.000…0 with 25 zeros is 1: a short quotient, whatever the digits it was written with
    one = exact_quotient(D("1." + "0" * 25), 1)
    assert one == 1
    assert one is not None
    assert len(one.as_tuple().digits) <= 20
    assert exact_quotient(D("0.1800000000000000000000000"), 12) == D("0.015")


@given(
    st.integers(1, 10**20 - 1),
    st.integers(-40, 5),
    st.sampled_from([1, 12, 30, 360, 365]),
)
def test_exact_quotient_finds_every_short_quotient(digits: int, exponent: int, den: int) -> None:
    # complete as well as sound: num = q × den with q of at most 20 digits gives q back
    num = D(digits * den).scaleb(exponent)  # exactly, in integers
    assert exact_quotient(num, den) == D(digits).scaleb(exponent)


@given(any_rates(), st.sampled_from(["day", "month", "year"]), st.sampled_from([360, 365]))
def test_exact_quotient_is_exact_or_none(rate: Rate, period: str, basis: int) -> None:
    num, den = rate.ratio(period, basis)  # type: ignore[arg-type]
    quotient = exact_quotient(num, den)
    if quotient is not None:
        assert Fraction(quotient) == Fraction(num) / den
        assert len(quotient.as_tuple().digits) <= 20


def test_marked_up() -> None:
    # docs/rules.md#jiebei: penalty = contractual rate × 1.5 ("上浮50%"): 0.05% → 0.075%
    assert Rate.daily("0.05%").marked_up("50%") == Rate.daily("0.075%")
    assert Rate.daily("0.05%").marked_up(D("0.5")) == Rate.daily("0.075%")
    assert Rate.daily("0.06%").marked_up("50%") == Rate.daily("0.09%")
    assert Rate.annual("4.9%").marked_up("30%") == Rate.annual("6.37%")
    assert Rate.daily("0.05%").marked_up(0) == DAILY_5
    assert Rate.monthly("1%").marked_up("50%").period == "month"


# -- refusals -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "raw"),
    [
        (Rate.daily, "1.01%"),
        (Rate.daily, "5"),  # a bare number is a fraction: 500% a day
        (Rate.daily, D("0.0101")),
        (Rate.monthly, "30.01%"),
        (Rate.monthly, "1.2"),
        (Rate.annual, "1000.01%"),
        (Rate.annual, 11),
    ],
)
def test_unit_mistakes_refused(build: object, raw: object) -> None:
    with pytest.raises(InputError, match="unit mistake") as info:
        build(raw)  # type: ignore[operator]
    assert info.value.name == "rate"


def test_limits_themselves_are_accepted() -> None:
    assert Rate.daily("1%").value == D("0.01")
    assert Rate.monthly("30%").value == D("0.3")
    assert Rate.annual("1000%").value == D("10")


def test_tiny_rates_refused() -> None:
    assert Rate.daily(D("1e-100")).value == D("1e-100")
    with pytest.raises(InputError, match="unit mistake"):
        Rate.daily(D("1e-101"))
    with pytest.raises(InputError, match="unit mistake"):
        Rate.daily("1e-999999999")
    # a small rate converts to another period and back
    tiny = Rate(D("1e-28"), "year")
    assert Rate.daily(tiny.per_day(basis=365)).per_year(basis=365) - tiny.value < RATE_TOL


@pytest.mark.parametrize(
    "raw", ["-0.05%", -1, D("-0.0001"), "abc", "", "%", "万分之", "万分之万", "0.05%%", "1/3"]
)
def test_bad_values_refused(raw: object) -> None:
    with pytest.raises(InputError) as info:
        Rate.daily(raw)
    assert "rate" in str(info.value)


def test_float_refused_with_the_fix() -> None:
    with pytest.raises(InputError) as info:
        Rate.daily(0.0005)
    assert 'Decimal("0.0005")' in str(info.value)
    assert '"0.0005"' in str(info.value)


@pytest.mark.parametrize("text", ["5", "0.0005", "18"])
def test_parse_refuses_a_bare_number_with_a_hint(text: str) -> None:
    # docs/conventions.md#rates-and-bases: Rate.parse needs a unit and a period and refuses a bare
    # number with a hint
    with pytest.raises(InputError) as info:
        Rate.parse(text)
    message = str(info.value)
    assert "no unit" in message
    assert "no period" in message
    assert "0.05%/day" in message


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("0.05%", "no period"),
        ("万分之五", "no period"),
        ("0.05/day", "no unit"),
        ("日0.0005", "no unit"),
        ("年0.05%/day", "two different periods"),
    ],
)
def test_parse_needs_unit_and_period(text: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        Rate.parse(text)


def test_parse_names_the_parameter_it_is_told() -> None:
    with pytest.raises(InputError, match=r"^penalty=") as info:
        Rate.parse("5", name="penalty")
    assert info.value.name == "penalty"


@pytest.mark.parametrize("basis", [364, 366, 0, -360, "360", 360.0, D(360), True, None])
def test_basis_other_than_360_or_365_refused(basis: object) -> None:
    for method in (DAILY_5.per_day, DAILY_5.per_month, DAILY_5.per_year):
        with pytest.raises(InputError, match="360 or 365") as info:
            method(basis)  # type: ignore[arg-type]
        assert info.value.name == "basis"


@pytest.mark.parametrize("period", ["week", "Day", "", None, 1, ["day"]])
def test_bad_period_refused(period: object) -> None:
    with pytest.raises(InputError, match="period"):
        Rate(D("0.0005"), period)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="period"):
        DAILY_5.ratio(period)  # type: ignore[arg-type]


def test_rate_is_frozen_and_hashable() -> None:
    with pytest.raises(AttributeError):
        DAILY_5.value = D(1)  # type: ignore[misc]
    assert {Rate.daily("0.05%"), Rate.daily("5‱"), Rate.daily("0.050%")} == {DAILY_5}
    assert Rate.daily("0.05%") != Rate.annual("0.05%")
    assert Rate.daily("0.05%") != Rate.daily("0.06%")


def test_markup_refused() -> None:
    for bad in ("-50%", 0.5, None, "abc", 101):
        with pytest.raises(InputError, match="markup"):
            DAILY_5.marked_up(bad)


# -- properties ---------------------------------------------------------------------------


@given(st.one_of(rates, any_rates()))
def test_str_round_trips_through_parse(rate: Rate) -> None:
    assert Rate.parse(str(rate)) == rate
    assert str(Rate.parse(str(rate))) == str(rate)


@given(any_rates(), st.integers(0, 6))
def test_equal_values_are_equal_and_hash_equal(rate: Rate, zeros: int) -> None:
    sign, digits, exponent = rate.value.as_tuple()
    assert isinstance(exponent, int)
    padded = Decimal((sign, digits + (0,) * zeros, exponent - zeros))
    twin = Rate(padded, rate.period)
    assert twin == rate
    assert hash(twin) == hash(rate)


@given(any_rates(), st.sampled_from([360, 365]))
def test_conversions_round_trip(rate: Rate, basis: int) -> None:
    year = rate.per_year(basis=basis)
    # per_year of the daily / monthly equivalent gives the yearly rate back
    daily = rate.per_day(basis=basis)
    if daily <= D("0.01"):  # within the daily limit
        back = Rate.daily(daily).per_year(basis=basis)
        assert abs(back - year) < RATE_TOL
    monthly = rate.per_month(basis=basis)
    if monthly <= D("0.30"):
        back = Rate.monthly(monthly).per_year(basis=basis)
        assert abs(back - year) < RATE_TOL
    # the period's own conversion is the identity
    own = {"day": rate.per_day, "month": rate.per_month, "year": rate.per_year}[rate.period]
    assert own(basis=basis) == rate.value


@given(daily_value=st.integers(0, 10**6))
def test_daily_to_annual_is_exactly_times_basis(daily_value: int) -> None:
    # docs/conventions.md#rates-and-bases: daily rate = annual / basis, so annual = daily × basis
    # with nothing lost
    value = Decimal(daily_value).scaleb(-8)
    rate = Rate.daily(value)
    assert rate.per_year(basis=365) == value * 365
    assert rate.per_year(basis=360) == value * 360
    assert rate.per_month(basis=360) == value * 30


# -- gaps found by mutation testing (docs/testing.md) -------------------------------
# Every refusal must name the caller's parameter and value and carry its catalog id (the
# CLI and the Chinese messages are built from these three), and every boundary below is a
# promise of docs/testing.md "Promises pinned".


def _refusal(call: object, *args: object, **kwargs: object) -> tuple[object, object, object]:
    assert callable(call)
    with pytest.raises(InputError) as info:
        call(*args, **kwargs)
    return info.value.name, info.value.value, info.value.code


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (True, "err.rate_form"),
        (None, "err.rate_form"),
        ([1], "err.rate_form"),
        ("1" * 201, "err.rate_form"),
        ("abc%", "err.rate_form"),
        ("百分之x", "err.rate_form"),
        ("百分之五五五", "err.rate_form"),
        ("百分之1e99999999999999999999", "err.rate_form"),
        ("1e99999999999999999999%", "err.rate_form"),
        ("-1%", "err.rate_form"),
        (D("-1"), "err.rate_finite"),
        (Decimal("NaN"), "err.rate_finite"),
    ],
)
def test_fraction_refusals_name_the_parameter_the_value_and_the_reason(
    raw: object, code: str
) -> None:
    from huabei_calc.rates import fraction

    assert _refusal(fraction, raw, "fee_rate") == ("fee_rate", raw, code)


def test_a_rate_where_a_number_is_wanted_is_refused_as_such() -> None:
    from huabei_calc.rates import fraction

    daily = Rate.daily("0.05%")
    assert _refusal(fraction, daily, "markup") == ("markup", daily, "err.rate_not_number")


def test_a_cap_is_accepted_and_the_next_value_refused() -> None:
    from huabei_calc.rates import fraction

    assert fraction("100", "markup", cap=D(100)) == D(100)
    with pytest.raises(InputError) as info:
        fraction("100.01", "markup", cap=D(100))
    assert (info.value.name, info.value.value, info.value.code) == (
        "markup",
        "100.01",
        "err.at_most",
    )
    assert info.value.params == {"cap": D(100)}


def test_rate_strings_are_read_up_to_200_characters() -> None:
    from huabei_calc.rates import fraction

    assert fraction("12%".rjust(200), "fee_rate") == D("0.12")
    assert Rate.parse("0.05%/day".rjust(200)) == Rate.daily("0.05%")
    assert _refusal(Rate.parse, "0.05%/day".rjust(201)) == (
        "rate",
        "0.05%/day".rjust(201),
        "err.rate_form",
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("-12%", D("-0.12")),
        ("−12%", D("-0.12")),  # the minus sign U+2212, as typeset
        ("+12%", D("0.12")),
        ("12%", D("0.12")),
        ("-1", D("-1")),
    ],
)
def test_a_signed_fraction_keeps_its_sign(raw: str, expected: Decimal) -> None:
    from huabei_calc.rates import fraction

    assert fraction(raw, "discount_rate", signed=True) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("百分之五五", D("0.55")),  # two digits read as 55, the most without 十
        ("百分之零点二五", D("0.0025")),
        ("万分之二十五", D("0.0025")),
    ],
)
def test_chinese_numerals(raw: str, expected: Decimal) -> None:
    from huabei_calc.rates import fraction

    assert fraction(raw, "fee_rate") == expected


def test_a_bad_number_is_refused_whatever_the_callers_context() -> None:
    import decimal

    from huabei_calc.rates import fraction

    with decimal.localcontext(decimal.Context(traps=[])):
        raw = "1e99999999999999999999%"
        assert _refusal(fraction, raw, "fee_rate") == ("fee_rate", raw, "err.rate_form")


@pytest.mark.parametrize(
    ("value", "period", "shown", "code"),
    [
        ("0.01", "day", "0.01", "err.rate_value"),  # a str: Rate wants a Decimal
        (D("Infinity"), "day", D("Infinity"), "err.rate_value"),
        (D("-0.01"), "day", D("-0.01"), "err.not_negative"),
        (D("0.0101"), "day", "1.01%/day", "err.rate_above_day"),
        (D("999999"), "year", "99999900%/year", "err.rate_above_year"),
        (D("1E-101"), "day", D("1E-101"), "err.rate_tiny"),
        (D("0.01"), "week", "week", "err.period"),
    ],
)
def test_rate_refusals_name_the_rate(
    value: object, period: object, shown: object, code: str
) -> None:
    name, got, got_code = _refusal(Rate, value, period)
    assert (name, got, got_code) == ("period" if code == "err.period" else "rate", shown, code)


def test_the_daily_limit_is_accepted_and_a_hair_more_refused() -> None:
    assert Rate(D("0.01"), "day").value == D("0.01")
    assert Rate(D("1E-100"), "day").value == D("1E-100")
    with pytest.raises(InputError):
        Rate(D("0.0100000001"), "day")


def test_a_huge_rate_is_shown_without_a_million_percent() -> None:
    # from 10^6 a year on, the refusal shows the number itself, not a percentage
    name, got, code = _refusal(Rate, D("1E+6"), "year")
    assert (name, code) == ("rate", "err.rate_above_year")
    assert got == "1E+6/year"


@pytest.mark.parametrize("make", [Rate.annual, Rate.monthly, Rate.daily])
def test_constructors_name_the_rate(make: object) -> None:
    assert _refusal(make, "abc") == ("rate", "abc", "err.rate_form")


def test_of_names_the_rate() -> None:
    assert _refusal(Rate.of, "day", "abc") == ("rate", "abc", "err.rate_form")


def test_marked_up_names_the_markup() -> None:
    assert _refusal(Rate.annual("4.9%").marked_up, "abc") == ("markup", "abc", "err.rate_form")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (5, "err.rate_parse_type"),
        ("0.05%/day".rjust(201), "err.rate_form"),
        ("abc%/day", "err.rate_form"),
        ("日利率0.05%/month", "err.rate_two_periods"),
        ("0.05%/fortnight", "err.rate_no_period"),
        ("0.05%/day/day", "err.rate_form"),
        ("5", "err.rate_no_unit_period"),
    ],
)
def test_parse_refusals_name_the_callers_parameter(text: object, code: str) -> None:
    name, _, got_code = _refusal(Rate.parse, text, name="penalty_rate")
    assert (name, got_code) == ("penalty_rate", code)
    assert _refusal(Rate.parse, text)[0] == "rate"


def test_parse_reads_each_separator() -> None:
    daily = Rate.daily("0.05%")
    assert Rate.parse("0.05%每日") == Rate.parse("0.05% per day") == daily


def test_per_day_uses_a_360_day_year_unless_told() -> None:
    # docs/conventions.md: a yearly rate's daily rate is the yearly rate / 360
    assert Rate.annual("36%").per_day() == D("0.001")
    assert Rate.annual("36.5%").per_day(basis=365) == D("0.001")
    assert _refusal(Rate.annual("36%").per_day, basis=366) == ("basis", 366, "err.basis")


@pytest.mark.parametrize(
    "text",
    [
        5,
        "0.05%/day".rjust(201),
        "日利率0.05%/month",
        "0.05%/fortnight",
        "5",
        "5%",
        "abc%/day",  # refused by the unit's reader, after "/day" was taken off
        "0.05%/day/day",
        "年化abc%",
    ],
)
def test_parse_shows_the_whole_text_it_refused(text: object) -> None:
    assert _refusal(Rate.parse, text)[1] == text
