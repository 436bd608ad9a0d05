"""money.py: parsing amounts and rounding to the fen (docs/conventions.md#money,
docs/conventions.md#rounding)."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from huabei_calc import InputError
from huabei_calc.money import FEN, MAX_AMOUNT, amount, to_fen, truncate_fen

from .strategies import amount_inputs

D = Decimal


def _two_places(value: Decimal) -> bool:
    return value.as_tuple().exponent == -2


# -- golden -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # docs/conventions.md#money: "100.50" and Decimal("100.500") are fine
        ("100.50", D("100.50")),
        (D("100.500"), D("100.50")),
        (100, D("100.00")),
        (0, D("0.00")),
        ("0", D("0.00")),
        ("1,234.5", D("1234.50")),
        ("1，234.56", D("1234.56")),
        ("¥88", D("88.00")),
        ("￥88.8", D("88.80")),
        ("88元", D("88.00")),
        ("  7.1 ", D("7.10")),
        (D("1E+2"), D("100.00")),
        ("1e3", D("1000.00")),
        # the upper bound itself, 10^12 yuan, is accepted
        (10**12, D("1000000000000.00")),
        ("1000000000000.00", D("1000000000000.00")),
    ],
)
def test_amount_parses_to_two_places(raw: object, expected: Decimal) -> None:
    got = amount(raw, "principal")
    assert got == expected
    assert _two_places(got)
    assert str(got) == str(expected)


def test_negative_zero_comes_back_as_plain_zero() -> None:
    # "-0" is not negative, but "-0.00" would be an odd amount to print
    for raw in ("-0", D("-0.00"), "-0.0"):
        got = amount(raw, "x")
        assert str(got) == "0.00"


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("100.005", "more than two decimals"),
        (D("0.001"), "more than two decimals"),
        ("-5", "negative"),
        (-1, "negative"),
        (D("-0.01"), "negative"),
        (10**12 + 1, "10^12"),
        ("1000000000000.01", "10^12"),
        (10**30, "10^12"),
        ("abc", "not a number"),
        ("", "not a number"),
        ("1.2.3", "not a number"),
        ("NaN", "NaN"),
        (D("NaN"), "NaN"),
        (D("sNaN"), "NaN"),
        (D("Infinity"), "infinity"),
        ("-Infinity", "infinity"),
        (True, "bool"),
        (False, "bool"),
        (None, "NoneType"),
        ([100], "list"),
        (b"100", "bytes"),
        (float("nan"), "NaN"),
        (float("inf"), "infinity"),
    ],
)
def test_amount_refuses(raw: object, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        amount(raw, "principal")
    err = info.value
    assert err.name == "principal"
    assert err.value is raw
    assert "principal" in str(err)
    assert fragment in str(err)


@pytest.mark.parametrize(("raw", "shown"), [(0.1, "0.1"), (1234.56, "1234.56"), (100.0, "100.0")])
def test_float_refused_with_the_fix(raw: float, shown: str) -> None:
    # docs/conventions.md#money: a float is refused with a message showing Decimal("0.1") or "0.1"
    with pytest.raises(InputError) as info:
        amount(raw, "fees")
    message = str(info.value)
    assert f'Decimal("{shown}")' in message
    assert f'"{shown}"' in message
    assert message.startswith("fees=")


def test_zero_refused_when_not_allowed() -> None:
    assert amount("0.01", "principal", allow_zero=False) == D("0.01")
    with pytest.raises(InputError, match="greater than 0"):
        amount("0.00", "principal", allow_zero=False)


def test_input_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match=r"^x='q' "):
        amount("q", "x")


def test_bad_value_is_cut_in_the_message() -> None:
    with pytest.raises(InputError) as info:
        amount("9" * 500, "principal")
    assert len(str(info.value)) < 200


@pytest.mark.parametrize(
    ("value", "half_up", "truncated"),
    [
        # docs/rules.md#huabei: 1,234.56 × 0.0005 = 0.61728 → 0.62 (half-up)
        (D("0.61728"), D("0.62"), D("0.61")),
        (D("0.615"), D("0.62"), D("0.61")),
        (D("0.625"), D("0.63"), D("0.62")),
        (D("0.005"), D("0.01"), D("0.00")),
        (D("0.00499999"), D("0.00"), D("0.00")),
        (D("2.675"), D("2.68"), D("2.67")),
        # docs/conventions.md#rounding: 574,050.00 × 0.1564 / 12 = 7,481.785 → 7,481.79
        (D("7481.785"), D("7481.79"), D("7481.78")),
        # docs/rules.md#huabei-installments: 5,000 / 12 = 416.666… truncated to 416.66
        (D("416.6666666666666666666666667"), D("416.67"), D("416.66")),
        (D("123456789012.345"), D("123456789012.35"), D("123456789012.34")),
        (D("-0.615"), D("-0.62"), D("-0.61")),
        (D("7"), D("7.00"), D("7.00")),
    ],
)
def test_rounding_to_the_fen(value: Decimal, half_up: Decimal, truncated: Decimal) -> None:
    assert to_fen(value) == half_up
    assert truncate_fen(value) == truncated
    assert _two_places(to_fen(value))
    assert _two_places(truncate_fen(value))


def test_to_fen_takes_another_rounding() -> None:
    assert to_fen(D("0.625"), rounding=ROUND_HALF_EVEN) == D("0.62")
    assert to_fen(D("0.635"), rounding=ROUND_HALF_EVEN) == D("0.64")


def test_constants() -> None:
    assert D("0.01") == FEN
    assert D("1000000000000") == MAX_AMOUNT


# -- properties ------------------------------------------------------------------------


@given(amount_inputs())
def test_every_two_place_amount_in_range_is_accepted_exactly(case: tuple[object, Decimal]) -> None:
    raw, value = case
    got = amount(raw, "amount")
    assert got == value
    assert _two_places(got)


@given(st.integers(0, 10**14), st.integers(3, 8))
def test_more_than_two_places_refused(units: int, places: int) -> None:
    value = Decimal(f"{units}E-{places}")
    accepted = value == value.quantize(FEN) and value <= MAX_AMOUNT
    if accepted:
        assert amount(value, "a") == value
    else:
        with pytest.raises(InputError):
            amount(value, "a")


@given(st.integers(1, 10**14))
def test_negative_amounts_refused(fen: int) -> None:
    with pytest.raises(InputError, match="negative"):
        amount(Decimal(-fen).scaleb(-2), "a")


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=6))
def test_to_fen_is_within_half_a_fen(value: Decimal) -> None:
    rounded = to_fen(value)
    assert _two_places(rounded)
    assert abs(rounded - value) <= D("0.005")
    assert abs(truncate_fen(value)) <= abs(value)
    assert abs(value - truncate_fen(value)) < FEN


# -- commas: thousands separators only (issue 10, defect 6) --------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("8,000", D("8000.00")),
        ("1,234,567.89", D("1234567.89")),
        ("1，234，567.89", D("1234567.89")),  # full-width commas, as Chinese input methods type
        ("¥12,345.6", D("12345.60")),
        ("999,999,999,999.99", D("999999999999.99")),
        ("1,000元", D("1000.00")),
    ],
)
def test_commas_between_groups_of_three_are_thousands_separators(raw: str, expected: D) -> None:
    assert amount(raw, "principal") == expected


@pytest.mark.parametrize(
    "raw",
    ["0,05", "1,5", "1,23", "12,34.5", "1234,567", ",100", "100,", "1,,000", "1,000,00", "1.000,5"],
)
def test_a_comma_that_is_not_a_thousands_separator_is_refused(raw: str) -> None:
    # before: "0,05" was read as 5.00 and "1,5" as 15.00, silently
    with pytest.raises(InputError) as info:
        amount(raw, "principal")
    assert info.value.code == "err.amount_commas"
    assert "'1,234.56'" in str(info.value)
    assert "千位分隔符" in info.value.message("zh")


@pytest.mark.parametrize("raw", ["0_05", "1_000"])
def test_underscores_are_refused(raw: str) -> None:
    # Decimal("0_05") is 5: the same silent misreading as a decimal comma
    with pytest.raises(InputError, match="not a number"):
        amount(raw, "principal")


@given(st.integers(1, 10**14), st.integers(1, 20))
def test_a_comma_anywhere_but_a_group_boundary_is_refused(fen: int, at: int) -> None:
    digits = str(fen)
    cut = at % len(digits)
    if cut == 0 or (len(digits) - cut) % 3 == 0:
        return  # a group boundary (or no comma at all)
    with pytest.raises(InputError):
        amount(digits[:cut] + "," + digits[cut:], "principal")


# -- gaps found by mutation testing (docs/testing.md) -------------------------------
# Each test states a promise of docs/conventions.md ("Money", "Errors") that no earlier test
# checked closely enough for a one-token change of money.py to be noticed.


@pytest.mark.parametrize(
    ("raw", "allow_zero", "code"),
    [
        ("-1", True, "err.not_negative"),
        ("0", False, "err.positive"),
        ("1,5", True, "err.amount_commas"),
        ("abc", True, "err.amount_text"),
        ("1" * 1001, True, "err.amount_text"),
        (True, True, "err.amount_type"),
    ],
)
def test_every_refusal_names_the_parameter_the_value_and_its_reason(
    raw: object, allow_zero: bool, code: str
) -> None:
    with pytest.raises(InputError) as info:
        amount(raw, "down_payment", allow_zero=allow_zero)
    assert (info.value.name, info.value.value, info.value.code) == ("down_payment", raw, code)
    assert str(info.value).startswith("down_payment=")


def test_a_bool_is_refused_as_a_bool() -> None:
    # True is an int to Python; the message must say why 1 yuan was not read
    with pytest.raises(InputError, match=r"not bool$"):
        amount(True, "principal")


def test_a_string_of_up_to_1000_characters_is_read_and_a_longer_one_refused() -> None:
    # docs/testing.md "Promises pinned": amount strings are read up to 1,000 characters
    padded = " " * 990 + "1234.50"
    assert len(padded.ljust(1000)) == 1000
    assert amount(padded.ljust(1000), "principal") == D("1234.50")
    with pytest.raises(InputError) as info:
        amount(padded.ljust(1001), "principal")
    assert info.value.code == "err.amount_text"


class _Yuan(Decimal):
    """A caller's Decimal subclass (as a units library might pass)."""


def test_a_decimal_subclass_is_read_like_a_decimal() -> None:
    got = amount(_Yuan("8000.5"), "principal")
    assert got == D("8000.50")
    assert _two_places(got)


def test_the_private_context_is_the_documented_one() -> None:
    # docs/testing.md "Promises pinned": 60 significant digits, half-up, exponents within
    # ±999,999, and the
    # three traps that turn a silent NaN, division by zero or overflow into an error
    import decimal

    from huabei_calc.money import context

    ctx = context()
    with decimal.localcontext(ctx):
        assert D(2) / D(3) == D("0." + "6" * 59 + "7")  # 60 digits, the last rounded half-up
        assert D(10) ** 999_999 == D("1E+999999")
        with pytest.raises(decimal.Overflow):
            _ = D(10) ** 1_000_000
        with pytest.raises(decimal.DivisionByZero):
            _ = D(1) / D(0)
        with pytest.raises(decimal.InvalidOperation):
            _ = D("abc")
    assert (ctx.Emin, ctx.Emax) == (-999_999, 999_999)


def test_results_do_not_depend_on_the_default_context_either() -> None:
    # decimal.DefaultContext seeds every new context (and every new thread's): a caller
    # that changes it must not change what amount() reads, refuses or rounds
    import decimal

    saved = decimal.DefaultContext.copy()
    try:
        decimal.DefaultContext.prec = 3
        decimal.DefaultContext.rounding = decimal.ROUND_DOWN
        decimal.DefaultContext.Emin, decimal.DefaultContext.Emax = -1, 3
        decimal.DefaultContext.traps = dict.fromkeys(decimal.DefaultContext.traps, False)
        from huabei_calc.money import context

        assert amount("123456.78", "principal") == D("123456.78")
        assert to_fen(D("123456.785")) == D("123456.79")
        with pytest.raises(InputError) as info:
            amount("abc", "principal")
        assert info.value.code == "err.amount_text"
        with decimal.localcontext(context()):  # a context made now: nothing taken from it
            assert D(2) / D(3) == D("0." + "6" * 59 + "7")
            assert D(10) ** 999_999 == D("1E+999999")
            assert D(10) ** -999_999 == D("1E-999999")
            with pytest.raises(decimal.InvalidOperation):
                _ = D("abc")
    finally:
        for field in ("prec", "rounding", "Emin", "Emax", "capitals", "clamp"):
            setattr(decimal.DefaultContext, field, getattr(saved, field))
        decimal.DefaultContext.traps = saved.traps
