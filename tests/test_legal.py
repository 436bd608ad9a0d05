"""legal.py: the one-year LPR and the legal reference lines.

Sources (docs/rules.md, "Legal reference lines"): the LPR table (NIFC publications); the
2015 private-lending interpretation (24% / 36%); its 2020 amendment (4 × LPR, transition
art. 31); 法发〔2017〕22号 art. 2 (24% for financial loans); press reports of the 2025 24%
line on new loans; PBoC announcement 2021 No. 3 (the APR example).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import huabei_calc as hc
from huabei_calc.legal import lpr_record
from huabei_calc.rules import LPR_ONE_YEAR, LPR_TABLE_CHECKED
from huabei_calc.true_cost import comparison_cost

from .strategies import annual_costs, lenders, line_dates

D = Decimal
TODAY = date(2026, 11, 29)


def _exceeded(check: hc.CostCheck) -> dict[str, Decimal]:
    return {line.name: line.excess for line in check.lines if line.exceeded}


def _applying(check: hc.CostCheck) -> dict[str, Decimal | None]:
    return {line.name: line.value for line in check.lines if line.applies}


# -- the LPR ---------------------------------------------------------------------------------


def test_lpr_in_force_is_the_latest_publication() -> None:
    # docs/rules.md LPR table: 2023-12-20 3.45% is in force on 2024-01-01 (API example)
    assert hc.lpr_one_year(date(2024, 1, 1)) == D("0.0345")
    # the first publication, the day before the second, the second
    assert hc.lpr_one_year(date(2019, 8, 20)) == D("0.0425")
    assert hc.lpr_one_year(date(2019, 9, 19)) == D("0.0425")
    assert hc.lpr_one_year(date(2019, 9, 20)) == D("0.0420")
    # 2024-10-21: 3.35% → 3.10%; 2025-05-20: 3.10% → 3.00% (PBOC page)
    assert hc.lpr_one_year(date(2024, 10, 20)) == D("0.0335")
    assert hc.lpr_one_year(date(2024, 10, 21)) == D("0.0310")
    assert hc.lpr_one_year(date(2025, 5, 19)) == D("0.0310")
    assert hc.lpr_one_year(date(2025, 5, 20)) == D("0.0300")
    # February 2021 was published on the Saturday make-up day 2021-02-20
    assert lpr_record(date(2021, 2, 21)).effective == date(2021, 2, 20)


def test_lpr_after_the_table_answers_with_the_last_value() -> None:
    assert hc.lpr_one_year(TODAY) == D("0.0300")
    check = hc.check_cost("10%", on=TODAY, lender="private")
    assert check.table_checked == LPR_TABLE_CHECKED == date(2026, 8, 20)
    assert check.days_past_table == 101  # 2026-08-20 → 2026-11-29
    assert "last checked on 2026-08-20, 101 days before 2026-11-29" in check.summary()
    assert hc.check_cost("10%", on=date(2026, 8, 20)).days_past_table == 0


def test_no_lpr_before_2019_08_20() -> None:
    with pytest.raises(hc.InputError) as info:
        hc.lpr_one_year(date(2019, 8, 19))
    assert info.value.name == "on"
    assert info.value.code == "err.rules.lpr_before_first"
    assert "no LPR existed" in str(info.value)
    assert "2019-08-20" in info.value.message("zh")


@given(st.dates(date(2019, 8, 20), date(2030, 12, 31)), st.dates(date(2019, 8, 20)))
def test_lpr_is_the_record_in_force(day: date, other: date) -> None:
    record = lpr_record(day)
    assert record.effective <= day
    later = [r for r in LPR_ONE_YEAR if record.effective < r.effective]
    assert not later or later[0].effective > day
    # in the table's years the LPR has only fallen: a later date never has a higher LPR
    if other >= day:
        assert hc.lpr_one_year(other) <= hc.lpr_one_year(day)


# -- check_cost: goldens ------------------------------------------------------------------


def test_jiebei_penalty_rate_exceeds_the_financial_line() -> None:
    # docs/rules.md: 0.05% × 1.5 = 0.075% a day ≈ 27.4% a year (× 365), above 24%
    check = hc.check_cost("0.075%/day", on=TODAY)
    assert check.rate == D("0.27375")
    assert check.exceeds
    assert _exceeded(check) == {"financial_24": D("0.03375"), "new_loans_24": D("0.03375")}
    text = check.summary()
    assert "27.38% a year exceeds the reference line of 24.00% a year by 3.38 percentage" in text
    assert "法发〔2017〕22号" in text
    assert "not legal advice" in text
    assert "illegal" not in text.lower()
    zh = check.summary("zh")
    assert "超过参考线" in zh
    assert "不构成法律意见" in zh
    # the same rate as a Rate, as a percentage and as a fraction
    assert hc.check_cost(hc.Rate.daily("0.075%"), on=TODAY).rate == D("0.27375")
    assert hc.check_cost("27.375%", on=TODAY).rate == D("0.27375")
    assert hc.check_cost(D("0.27375"), on=TODAY) == check


def test_huabei_overdue_rate_is_within_24() -> None:
    # 0.05% a day × 365 = 18.25% (docs/conventions.md): within every financial line
    check = hc.check_cost("0.05%/day", on=TODAY)
    assert check.rate == D("0.1825")
    assert not check.exceeds
    assert "within the reference line of 24.00% a year" in check.summary()
    # a line is exceeded only strictly above it
    assert not hc.check_cost("24%", on=TODAY).exceeds


def test_private_lending_lines_by_date() -> None:
    # 2015 interpretation arts. 26/29-31: 24% enforced, 36% void above (2015-09-01..2020-08-19)
    check = hc.check_cost("30%", on=date(2018, 1, 1), lender="private")
    assert _applying(check) == {"private_24": D("0.24"), "private_36": D("0.36")}
    assert _exceeded(check) == {"private_24": D("0.06")}
    assert check.lpr is None  # no LPR before 2019-08-20: the 4 × LPR line has no value
    assert next(line for line in check.lines if line.name == "private_4lpr").value is None
    # 2020 amendment arts. 25/28/29: 4 × the LPR at the contract date, from 2020-08-20
    check = hc.check_cost("18%", on=TODAY, lender="private")
    assert _applying(check) == {"private_4lpr": D("0.1200")}
    assert _exceeded(check) == {"private_4lpr": D("0.0600")}
    assert hc.check_cost("15%", on=date(2020, 8, 20), lender="private").lines[2].value == D(
        "0.1540"
    )
    # between the first LPR and the amendment, the 4 × LPR line is shown but not in force
    check = hc.check_cost("20%", on=date(2019, 9, 1), lender="private")
    line = next(line for line in check.lines if line.name == "private_4lpr")
    assert (line.value, line.applies, line.exceeded) == (D("0.1700"), False, False)
    # transition (art. 31): a 2019 contract's interest from 2020-08-20 is measured at filing
    filed = hc.check_cost("20%", on=date(2021, 1, 4), lender="private")
    assert _exceeded(filed) == {"private_4lpr": D("0.0460")}  # 20% − 4 × 3.85%


def test_financial_lines_by_date() -> None:
    # before the 2017 opinion no financial line is in the table
    check = hc.check_cost("30%", on=date(2016, 1, 1))
    assert _applying(check) == {}
    assert not check.exceeds
    assert "No reference line in the table applies to a financial lender" in check.summary()
    # 2017-08-04: the 24% line; 2025-10-01: the press-reported line on new loans too
    assert _applying(hc.check_cost("30%", on=date(2017, 8, 4))) == {"financial_24": D("0.24")}
    assert _applying(hc.check_cost("30%", on=date(2025, 9, 30))) == {"financial_24": D("0.24")}
    late = hc.check_cost("30%", on=date(2025, 10, 1))
    assert _applying(late) == {"financial_24": D("0.24"), "new_loans_24": D("0.24")}
    press = next(line for line in late.lines if line.name == "new_loans_24")
    assert press.press_reported
    assert press.confidence == "low"
    # the 4 × LPR line does not bind financial lenders
    assert "private_4lpr" not in _exceeded(hc.check_cost("20%", on=TODAY))


def test_bad_rates_and_dates() -> None:
    for bad, code in [
        ("24", "err.rules.rate_unit"),  # a bare 24 is 2400%: a percentage without its sign
        (24, "err.rules.rate_unit"),
        ("2%/day", "err.rules.rate_limit"),
        ("1001%", "err.rules.rate_limit"),
        (0.24, None),  # a float: the rate parser's own words
    ]:
        with pytest.raises(hc.InputError) as info:
            hc.check_cost(bad, on=TODAY)  # type: ignore[arg-type]
        assert info.value.name == "annual_rate"
        if code:
            assert info.value.code == code
    with pytest.raises(hc.InputError, match="2015-09-01, the date of the first reference line"):
        hc.check_cost("24%", on=date(2015, 8, 31))
    with pytest.raises(hc.InputError, match="lender='bank' must be 'financial' or 'private'"):
        hc.check_cost("24%", on=TODAY, lender="bank")  # type: ignore[arg-type]


# -- properties ---------------------------------------------------------------------------


@given(annual_costs, annual_costs, line_dates, lenders)
def test_a_higher_rate_exceeds_at_least_the_same_lines(
    a: Decimal, b: Decimal, on: date, lender: str
) -> None:
    low, high = sorted((a, b))
    lo = hc.check_cost(low, on=on, lender=lender)  # type: ignore[arg-type]
    hi = hc.check_cost(high, on=on, lender=lender)  # type: ignore[arg-type]
    assert set(_exceeded(lo)) <= set(_exceeded(hi))
    assert _applying(lo) == _applying(hi)  # which lines apply does not depend on the rate
    for line in hi.lines:
        assert line.exceeded == (line.applies and line.value is not None and high > line.value)
        assert line.excess == (high - line.value if line.exceeded and line.value else 0)


@given(line_dates, line_dates, annual_costs)
def test_lines_are_monotone_in_date(a: date, b: date, rate: Decimal) -> None:
    early, late = sorted((a, b))
    # financial lines: once in force, they stay in force
    fin_early = hc.check_cost(rate, on=early)
    fin_late = hc.check_cost(rate, on=late)
    assert set(_applying(fin_early)) <= set(_applying(fin_late))
    # private lending: the strictest line in force never rises (24% → 4 × a falling LPR)
    strict_early = min(_applying(hc.check_cost(rate, on=early, lender="private")).values())
    strict_late = min(_applying(hc.check_cost(rate, on=late, lender="private")).values())
    assert strict_late is not None
    assert strict_early is not None
    assert strict_late <= strict_early


@given(st.integers(0, 10000))
def test_daily_rate_is_annualised_over_365_days(hundredths_bp: int) -> None:
    daily = hc.Rate.daily(D(hundredths_bp).scaleb(-8))
    assert hc.check_cost(daily, on=TODAY).rate == daily.value * 365
    assert hc.check_cost(daily, on=TODAY, basis=360).rate == daily.value * 360


def test_results_do_not_depend_on_the_callers_context() -> None:
    import decimal

    def run() -> tuple[object, ...]:
        loan = hc.equal_installment("12000", 12, "0.05%/day", start=date(2025, 1, 15),
                                    interest="actual")  # fmt: skip
        debt = hc.Debt(principal="10000", penalty="300")
        cmp = hc.compare(debt, hc.JIEBEI, hc.freeze(debt, 12, start=date(2025, 1, 31)))
        return (
            hc.check_cost("0.075%/day", on=TODAY).summary(),
            hc.check_cost(D("0.123456789"), on=TODAY, lender="private"),
            comparison_cost(cmp),
            hc.minimum_payment_path(
                "12345.67", start=date(2024, 11, 1), new_spending="99.99", months=40
            ),
            hc.loan_overdue(
                loan,
                hc.JIEBEI,
                missed={3: "10.01", 5: 0},
                until=date(2025, 9, 30),
                accelerate_after_days=60,
            ),
            hc.settle_early(loan, date(2025, 5, 3), product=hc.JIEBEI),
        )

    expected = run()
    with decimal.localcontext() as ctx:
        ctx.prec = 6
        ctx.rounding = decimal.ROUND_FLOOR
        assert run() == expected
        assert ctx.prec == 6


# -- review: bad input in both languages, the basis, the whole table ---------------------


@pytest.mark.parametrize(
    "bad",
    ["-5%", "-0.01", D("-0.1"), "NaN", D("NaN"), D("Infinity"), "inf", "abc", "", " ", 0.24],
)
def test_every_bad_rate_has_words_in_both_languages(bad: object) -> None:
    with pytest.raises(hc.InputError) as info:
        hc.check_cost(bad, on=TODAY)  # type: ignore[arg-type]
    assert info.value.name == "annual_rate"
    assert info.value.code is not None  # a catalog id, not the legacy English-only form
    assert info.value.code.startswith("err.")
    assert "必须" in info.value.message("zh")


@pytest.mark.parametrize("basis", [0, 366, 360.0, True, "365", -1, 10**9, None])
def test_a_bad_basis_is_blamed_on_basis(basis: object) -> None:
    with pytest.raises(hc.InputError) as info:
        hc.check_cost("0.05%/day", on=TODAY, basis=basis)  # type: ignore[arg-type]
    assert (info.value.name, info.value.code) == ("basis", "err.rules.basis")
    assert "360" in info.value.message("zh")
    # an annual rate needs no basis, but a bad one is still refused
    with pytest.raises(hc.InputError):
        hc.check_cost("10%", on=TODAY, basis=basis)  # type: ignore[arg-type]


# The shipped table, row by row, as published (publication date, one-year LPR %): the 85
# rows of docs/rules.md "The one-year LPR" (two tables to 2025-01, one after; Feb 2021 on
# the Saturday make-up day 2021-02-20).
_PUBLISHED = """
2019-08-20 4.25 2019-09-20 4.20 2019-10-21 4.20 2019-11-20 4.15 2019-12-20 4.15
2020-01-20 4.15 2020-02-20 4.05 2020-03-20 4.05 2020-04-20 3.85 2020-05-20 3.85
2020-06-22 3.85 2020-07-20 3.85 2020-08-20 3.85 2020-09-21 3.85 2020-10-20 3.85
2020-11-20 3.85 2020-12-21 3.85 2021-01-20 3.85 2021-02-20 3.85 2021-03-22 3.85
2021-04-20 3.85 2021-05-20 3.85 2021-06-21 3.85 2021-07-20 3.85 2021-08-20 3.85
2021-09-22 3.85 2021-10-20 3.85 2021-11-22 3.85 2021-12-20 3.80 2022-01-20 3.70
2022-02-21 3.70 2022-03-21 3.70 2022-04-20 3.70 2022-05-20 3.70 2022-06-20 3.70
2022-07-20 3.70 2022-08-22 3.65 2022-09-20 3.65 2022-10-20 3.65 2022-11-21 3.65
2022-12-20 3.65 2023-01-20 3.65 2023-02-20 3.65 2023-03-20 3.65 2023-04-20 3.65
2023-05-22 3.65 2023-06-20 3.55 2023-07-20 3.55 2023-08-21 3.45 2023-09-20 3.45
2023-10-20 3.45 2023-11-20 3.45 2023-12-20 3.45 2024-01-22 3.45 2024-02-20 3.45
2024-03-20 3.45 2024-04-22 3.45 2024-05-20 3.45 2024-06-20 3.45 2024-07-22 3.35
2024-08-20 3.35 2024-09-20 3.35 2024-10-21 3.10 2024-11-20 3.10 2024-12-20 3.10
2025-01-20 3.10 2025-02-20 3.10 2025-03-20 3.10 2025-04-21 3.10 2025-05-20 3.00
2025-06-20 3.00 2025-07-21 3.00 2025-08-20 3.00 2025-09-22 3.00 2025-10-20 3.00
2025-11-20 3.00 2025-12-22 3.00 2026-01-20 3.00 2026-02-24 3.00 2026-03-20 3.00
2026-04-20 3.00 2026-05-20 3.00 2026-06-22 3.00 2026-07-20 3.00 2026-08-20 3.00
"""


def test_every_publication_and_the_days_around_it() -> None:
    words = _PUBLISHED.split()
    published = [
        (date.fromisoformat(day), D(pct) / 100)
        for day, pct in zip(words[::2], words[1::2], strict=True)
    ]
    assert [(r.effective, r.rate) for r in LPR_ONE_YEAR] == published
    one = timedelta(days=1)
    for k, (day, rate) in enumerate(published):
        assert hc.lpr_one_year(day) == rate  # the publication day itself counts
        if k:
            assert hc.lpr_one_year(day - one) == published[k - 1][1]
        check = hc.check_cost("20%", on=day, lender="private")
        four = next(line for line in check.lines if line.name == "private_4lpr")
        assert four.value == 4 * rate
        assert check.days_past_table == 0
    # the day after the last check: the last value, one day old
    late = hc.check_cost("20%", on=LPR_TABLE_CHECKED + one, lender="private")
    assert (late.lpr, late.days_past_table) == (published[-1][1], 1)
