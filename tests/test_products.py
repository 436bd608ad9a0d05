"""products.py: the HUABEI and JIEBEI presets and Product (docs/rules.md#huabei,
docs/rules.md#jiebei)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from huabei_calc import HUABEI, JIEBEI, InputError, Product, Rate, flat_fee
from huabei_calc.rules import HUABEI_BILL_INSTALLMENT_FEES, FeeTable

D = Decimal


def test_huabei_preset() -> None:
    # docs/rules.md#huabei: overdue fee 0.05% a day, simple, no markup; quoted × 365;
    # minimum repayment 10%; the bill-installment fee table
    assert HUABEI.rate == Rate(D("0.0005"), "day")
    assert HUABEI.penalty_markup == 0
    assert HUABEI.overdue_rate == Rate(D("0.0005"), "day")
    assert HUABEI.grace_days == 0
    assert HUABEI.basis == 365
    assert HUABEI.capitalize == "never"
    assert HUABEI.minimum_payment_ratio == D("0.10")
    assert HUABEI.installment_fees is HUABEI_BILL_INSTALLMENT_FEES
    assert dict(HUABEI.installment_fees) == {
        3: D("0.025"),
        6: D("0.045"),
        9: D("0.065"),
        12: D("0.088"),
    }
    assert dict(HUABEI.purchase_installment_fees) == {3: D("0.023"), 6: D("0.045"), 12: D("0.075")}


def test_jiebei_preset() -> None:
    # docs/rules.md#jiebei: penalty at the contractual rate × 1.5 ("上浮50%"), annualised × 360
    assert JIEBEI.rate == Rate(D("0.0005"), "day")
    assert JIEBEI.penalty_markup == D("0.5")
    assert JIEBEI.overdue_rate == Rate(D("0.00075"), "day")
    assert str(JIEBEI.overdue_rate) == "0.075%/day"
    assert JIEBEI.basis == 360
    assert JIEBEI.grace_days == 0
    assert JIEBEI.capitalize == "never"
    assert len(JIEBEI.installment_fees) == 0


def test_quoted_annual_rates() -> None:
    # docs/conventions.md#rates-and-bases: 0.05%/day → 18.25% a year (Huabei, × 365); 0.045%/day →
    # 16.2% (Jiebei, × 360)
    assert HUABEI.rate.per_year(basis=HUABEI.basis) == D("0.1825")
    jiebei = JIEBEI.with_rate("0.045%")
    assert jiebei.rate.per_year(basis=jiebei.basis) == D("0.162")


@pytest.mark.parametrize("rate", ["0.06%", D("0.0006"), Rate.daily("0.06%"), "万分之六"])
def test_with_rate(rate: object) -> None:
    # docs/rules.md#jiebei: JIEBEI.with_rate("0.06%") → a copy; penalty 0.06% × 1.5 = 0.09%
    jiebei = JIEBEI.with_rate(rate)
    assert jiebei.rate == Rate(D("0.0006"), "day")
    assert jiebei.overdue_rate == Rate(D("0.0009"), "day")
    assert jiebei.penalty_markup == D("0.5")
    assert jiebei.basis == 360
    assert JIEBEI.rate == Rate(D("0.0005"), "day")  # the preset is untouched


def test_with_rate_of_another_period() -> None:
    product = HUABEI.with_rate(Rate.annual("18%"))
    assert product.rate == Rate(D("0.18"), "year")
    assert product.overdue_rate == Rate(D("0.18"), "year")


@pytest.mark.parametrize("rate", ["2%", "5", "abc", None, 0.0006, -1, "0.06/day", "2%/day"])
def test_with_rate_refuses(rate: object) -> None:
    with pytest.raises(InputError) as info:
        JIEBEI.with_rate(rate)
    assert info.value.name == "rate"


def test_products_are_frozen_values() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        HUABEI.grace_days = 3  # type: ignore[misc]
    twin = Product(name="jiebei", rate=Rate.daily("0.05%"), penalty_markup=D("0.50"), basis=360)
    assert twin == JIEBEI
    assert hash(twin) == hash(JIEBEI)
    assert HUABEI != JIEBEI
    assert dataclasses.replace(HUABEI, grace_days=3).grace_days == 3


def test_convenient_field_forms() -> None:
    product = Product(
        name="card",
        rate="0.05%/day",  # type: ignore[arg-type]
        penalty_markup="50%",  # type: ignore[arg-type]
        minimum_payment_ratio="10%",  # type: ignore[arg-type]
        installment_fees={12: "8.8%", 3: D("0.025")},  # type: ignore[arg-type]
    )
    assert product.rate == Rate.daily("0.05%")
    assert product.penalty_markup == D("0.5")
    assert product.overdue_rate == Rate.daily("0.075%")
    assert product.minimum_payment_ratio == D("0.1")
    assert isinstance(product.installment_fees, FeeTable)
    assert list(product.installment_fees.items()) == [(3, D("0.025")), (12, D("0.088"))]
    assert product.installment_fees.historic is False


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", None),
        ("name", ""),
        ("rate", None),
        ("rate", "0.05%"),  # no period
        ("rate", D("0.0005")),
        ("penalty_markup", D("-0.5")),
        ("penalty_markup", 0.5),
        ("penalty_markup", D("NaN")),
        ("penalty_markup", 101),
        ("grace_days", -1),
        ("grace_days", 3661),
        ("grace_days", True),
        ("grace_days", 1.0),
        ("grace_days", "3"),
        ("basis", 364),
        ("basis", 365.0),
        ("basis", "360"),
        ("basis", True),
        ("capitalize", "daily"),
        ("capitalize", None),
        ("capitalize", ["monthly"]),
        ("installment_fees", None),
        ("installment_fees", {0: D("0.01")}),
        ("installment_fees", {"12": D("0.01")}),
        ("installment_fees", {12: D("2")}),
        ("installment_fees", {12: 0.088}),
        ("purchase_installment_fees", [(3, D("0.023"))]),
        ("minimum_payment_ratio", D("1.5")),
        ("minimum_payment_ratio", -1),
    ],
)
def test_product_refuses(field: str, value: object) -> None:
    kwargs: dict[str, object] = {"name": "x", "rate": Rate.daily("0.05%"), field: value}
    with pytest.raises(InputError) as info:
        Product(**kwargs)  # type: ignore[arg-type]
    assert info.value.name == field
    assert field in str(info.value)


def test_markup_that_pushes_the_overdue_rate_past_the_limit() -> None:
    # 0.8% a day × 1.5 = 1.2% a day: above the daily limit
    with pytest.raises(InputError, match="penalty_markup"):
        Product(name="x", rate=Rate.daily("0.8%"), penalty_markup=D("0.5"))


def test_with_rate_accepts_a_rate_that_names_its_period() -> None:
    # docs/reference/api.md#values-and-products: with_rate takes a Rate, or a value in the
    # product's period; a string that
    # names its own period is read as that rate (0.06%/day → overdue 0.09%/day for Jiebei)
    assert JIEBEI.with_rate("0.06%/day").rate == Rate.daily("0.06%")
    assert JIEBEI.with_rate("日利率万分之六").rate == Rate.daily("0.06%")
    assert str(JIEBEI.with_rate("0.06%/day").overdue_rate) == "0.09%/day"
    assert JIEBEI.with_rate("21.6%/year").rate == Rate.annual("21.6%")
    with pytest.raises(InputError, match="rate"):
        JIEBEI.with_rate("0.06/day")


# -- a FeeTable is converted like a mapping (issue 10, defect 10) ---------------------------


def test_a_fee_table_is_converted_and_shares_nothing_with_the_caller() -> None:
    entries = [(12, "8.8%"), (3, D("0.025"))]
    table = FeeTable("mine", entries, "typed in by hand", historic=False)  # type: ignore[arg-type]
    product = Product("x", "0.05%/day", installment_fees=table)
    fees = product.installment_fees
    assert isinstance(fees, FeeTable)
    assert fees.entries == ((12, D("0.088")), (3, D("0.025")))  # Decimal, in a tuple
    assert (fees.name, fees.source, fees.historic) == ("mine", "typed in by hand", False)
    entries.append((6, "5%"))  # the caller's list is not the product's
    assert 6 not in product.installment_fees
    assert hash(product) == hash(Product("x", "0.05%/day", installment_fees=fees))
    # string fees broke flat_fee before: now 8.8% of 5,000 is 440.00
    assert flat_fee("5000", 12, product=product).total_fee == D("440.00")


def test_a_fee_table_of_decimals_in_a_tuple_is_kept_as_it_is() -> None:
    assert (
        Product("x", "0.05%/day", installment_fees=HUABEI_BILL_INSTALLMENT_FEES).installment_fees
        is HUABEI_BILL_INSTALLMENT_FEES
    )


@pytest.mark.parametrize("fee", ["x", 0.088, D("1.5"), None])
def test_a_fee_table_with_a_bad_fee_is_refused(fee: object) -> None:
    table = FeeTable("mine", ((12, fee),), "typed in by hand")  # type: ignore[arg-type]
    with pytest.raises(InputError) as err:
        Product("x", "0.05%/day", purchase_installment_fees=table)
    assert err.value.name == "purchase_installment_fees"


# -- with_rate says why (issue 10, defect 13) -----------------------------------------------


@pytest.mark.parametrize(
    ("rate", "said"),
    [
        ("2%/day", "is above 1% a day"),
        ("日利率百分之二", "is above 1% a day"),
        ("40%/month", "is above 30% a month"),
        ("年0.05%/day", "two different periods"),
        ("0.05/day", "no unit"),
        ("0.8%/day", "overdue rate of 1.2% a day"),  # × 1.5 for Jiebei
    ],
)
def test_with_rate_keeps_the_reason(rate: str, said: str) -> None:
    # before: "2%/day" was refused with "must be a rate such as '0.05%', ..."
    with pytest.raises(InputError) as err:
        JIEBEI.with_rate(rate)
    assert err.value.name == "rate"
    assert said in str(err.value)
    assert "must be a rate such as" not in str(err.value)


def test_with_rate_still_reads_a_value_in_the_products_period() -> None:
    assert JIEBEI.with_rate("万分之六").rate == Rate.daily("0.06%")
    with pytest.raises(InputError, match="is above 1% a day"):
        JIEBEI.with_rate("2%")


def test_overdue_rate_past_the_limit_speaks_chinese() -> None:
    with pytest.raises(InputError) as err:
        Product(name="x", rate=Rate.daily("0.8%"), penalty_markup=D("0.5"))
    assert err.value.code == "err.overdue_rate_day"
    assert str(err.value) == (
        "penalty_markup=0.5 gives, with 0.8% a day and a markup of 50%, an overdue rate of "
        "1.2% a day, above 1% a day: almost certainly a unit mistake"
    )
    assert "与日利率 0.8% 和上浮 50% 一起得出的逾期日利率为 1.2%" in err.value.message("zh")


def test_a_huge_markup_is_refused_with_its_percentage() -> None:
    with pytest.raises(InputError) as err:
        Product(name="x", rate=Rate.daily("0.05%"), penalty_markup="99")
    assert "a markup of 9900%" in str(err.value)


# -- gaps found by mutation testing (docs/testing.md) -------------------------------


@pytest.mark.parametrize(
    ("kwargs", "name", "value", "code", "params"),
    [
        ({"name": " "}, "name", " ", "err.name", {}),
        ({"rate": 5}, "rate", 5, "err.product_rate", {}),
        ({"installment_fees": "3:1%"}, "installment_fees", "3:1%", "err.fee_table", {}),
        (
            {"installment_fees": {True: "1%"}},
            "installment_fees",
            {True: "1%"},
            "err.fee_key",
            {"key": "True"},
        ),
        (
            {"purchase_installment_fees": {0: "1%"}},
            "purchase_installment_fees",
            {0: "1%"},
            "err.fee_periods",
            {"periods": "0", "hi": 600},
        ),
        (
            {"installment_fees": {601: "1%"}},
            "installment_fees",
            {601: "1%"},
            "err.fee_periods",
            {"periods": "601", "hi": 600},
        ),
    ],
)
def test_product_refusals_name_the_parameter_the_value_and_the_reason(
    kwargs: dict[str, object], name: str, value: object, code: str, params: dict[str, object]
) -> None:
    args: dict[str, object] = {"name": "mine", "rate": "0.05%/day", **kwargs}
    with pytest.raises(InputError) as info:
        Product(**args)  # type: ignore[arg-type]
    err = info.value
    assert (err.name, err.value, err.code) == (name, value, code)
    assert err.params == params


def test_fee_tables_take_one_to_600_periods() -> None:
    p = Product("mine", "0.05%/day", installment_fees={1: "1%", 600: "50%"})
    assert p.installment_fees[1] == Decimal("0.01")
    assert p.installment_fees[600] == Decimal("0.5")


def test_a_callers_fee_table_is_marked_as_such() -> None:
    table = Product("mine", "0.05%/day", installment_fees={3: "1%"}).installment_fees
    assert (table.name, table.source, table.historic) == ("custom", "given by the caller", False)


@pytest.mark.parametrize("fee", ["0.01", 0])
def test_a_fee_table_of_other_numbers_is_read_as_exact_decimals(fee: object) -> None:
    table = FeeTable("bank", ((3, fee),), "a bank's page")  # type: ignore[arg-type]
    got = Product("mine", "0.05%/day", installment_fees=table).installment_fees
    assert type(got[3]) is Decimal
    assert got[3] == Decimal(str(fee))
    assert got.name == "bank"


def test_with_rate_reads_a_bare_number_in_the_products_period() -> None:
    # docs/reference/api.md, Product.with_rate: a value without a period is in the
    # product's period (daily for Jiebei)
    assert JIEBEI.with_rate("0.0006").rate == Rate.daily("0.06%")
    assert JIEBEI.with_rate("0.06%").rate == Rate.daily("0.06%")


def test_with_rate_blames_an_overdue_rate_past_the_limit_on_the_rate() -> None:
    marked = Product("mine", "0.05%/day", penalty_markup="50%")
    with pytest.raises(InputError) as info:
        marked.with_rate("0.9%")
    err = info.value
    assert (err.name, err.value, err.code) == ("rate", "0.9%", "err.overdue_rate_day")
    assert err.params["overdue"] == "1.35%"


def test_capitalize_takes_never_or_monthly_and_refuses_anything_else() -> None:
    assert Product("mine", "0.05%/day", capitalize="monthly").capitalize == "monthly"
    with pytest.raises(InputError) as info:
        Product("mine", "0.05%/day", capitalize="daily")  # type: ignore[arg-type]
    err = info.value
    assert (err.name, err.value, err.code) == ("capitalize", "daily", "err.capitalize")


@pytest.mark.parametrize(("basis", "charged"), [(365, Decimal("1.00")), (360, Decimal("1.01"))])
def test_a_products_day_count_basis_sets_its_daily_overdue_rate(
    basis: int, charged: Decimal
) -> None:
    # docs/conventions.md: a yearly rate's daily rate is rate / basis; 1,000 at 36.5% a year
    # for one day is 1,000 × 0.365 / 365 = 1.00 (or / 360 = 1.0139 → 1.01)
    from datetime import date

    from huabei_calc import Debt, accrue

    product = Product("mine", "36.5%/year", basis=basis)
    got = accrue(Debt(principal="1000"), product, since=date(2025, 1, 1), until=date(2025, 1, 2))
    assert got.charged == charged
