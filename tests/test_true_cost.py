"""true_cost.py: the annual cost of a schedule, an overdue accrual, a comparison.

Sources (docs/rules.md, "Legal reference lines"): PBoC announcement 2021 No. 3 (99,000 net,
12 × 8,833.30 → monthly IRR 1.06698%, 12.80% simple, 13.58% compound); Jiebei's 0.05% × 1.5
= 0.075% a day (27.375% over a year, about 31% over a month); docs/guides/true-rate.md for
Huabei's 15.86%.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import huabei_calc as hc
from huabei_calc.true_cost import accrual_cost, comparison_cost, schedule_cost

D = Decimal
TODAY = date(2026, 11, 29)


def _exceeded(check: hc.CostCheck) -> dict[str, Decimal]:
    return {line.name: line.excess for line in check.lines if line.exceeded}


def test_pboc_2021_no_3_example() -> None:
    # PBoC announcement 2021 No. 3: 100,000 lent, 1,000 fee up front (99,000 net), 12 × 8,833.30
    # → monthly IRR 1.06698%, 12.80% simple, 13.58% compound
    rows = tuple(
        hc.Installment(k, None, D("8833.30"), D("8250.00"), D("583.30"), D("0.00"), D("0.00"))
        for k in range(1, 13)
    )
    loan = hc.Schedule(rows, D("99000.00"))
    assert abs(hc.irr(["-99000", *["8833.30"] * 12]) - D("0.0106698")) < D("5e-8")
    assert round(schedule_cost(loan), 4) == D("0.1280")
    assert round(loan.effective_annual_rate(), 4) == D("0.1358")
    check = loan.cost_check(on=date(2021, 3, 12))
    assert check.rate == loan.apr()
    assert not check.exceeds
    # the same cash flows from a private lender in 2021: above 4 × 3.85% = 15.40%? no
    assert not loan.cost_check(on=date(2021, 3, 12), lender="private").exceeds


def test_huabei_installment_cost_check() -> None:
    # docs/guides/true-rate.md: 12 periods at 8.8% cost 15.86% a year, within 24%
    plan = hc.flat_fee("5000", 12)
    check = plan.cost_check(on=TODAY)
    assert f"{check.rate:.2%}" == "15.86%"
    assert not check.exceeds
    # but above 4 × LPR (12%) were the lender private
    assert _exceeded(plan.cost_check(on=TODAY, lender="private")).keys() == {"private_4lpr"}


def test_accrual_cost_jiebei() -> None:
    # docs/rules.md: Jiebei 0.05% × 1.5 = 0.075% a day on 10,000: 7.50 a day
    year = hc.accrue(hc.Debt(principal="10000"), hc.JIEBEI, since=date(2025, 1, 10),
                     until=date(2026, 1, 10))  # fmt: skip
    assert year.charged == D("2737.50")
    assert accrual_cost(year) == D("0.27375")  # one year: the simple rate itself
    month = hc.accrue(hc.Debt(principal="10000"), hc.JIEBEI, since=date(2025, 1, 10),
                      until=date(2025, 2, 9))  # fmt: skip
    assert month.charged == D("225.00")
    expected = D("1.0225") ** (D(365) / D(30)) - 1  # about 31.0% a year
    assert abs(accrual_cost(month) - expected) < D("1e-15")
    assert 0.31 < accrual_cost(month) < 0.311
    check = month.cost_check(on=TODAY)
    assert check.exceeds
    assert check.rate == accrual_cost(month)
    # Huabei's 0.05% a day for a year: 18.25%, within 24%
    huabei = hc.accrue(hc.Debt(principal="10000"), hc.HUABEI, since=date(2025, 1, 10),
                       until=date(2026, 1, 10))  # fmt: skip
    assert accrual_cost(huabei) == D("0.1825")
    assert not huabei.cost_check(on=TODAY).exceeds


def test_accrual_cost_check_against_a_private_lender() -> None:
    # Huabei's 18.25% a year is within the financial 24% line but above the private line of
    # 4 × the one-year LPR, 4 × 3.00% = 12% on 2026-11-29 (docs/rules.md, "Legal reference
    # lines" and "The one-year LPR"): an excess of 6.25%
    huabei = hc.accrue(hc.Debt(principal="10000"), hc.HUABEI, since=date(2025, 1, 10),
                       until=date(2026, 1, 10))  # fmt: skip
    assert _exceeded(huabei.cost_check(on=TODAY)) == {}
    assert _exceeded(huabei.cost_check(on=TODAY, lender="private")) == {"private_4lpr": D("0.0625")}


def test_accrual_cost_degenerate() -> None:
    nothing = hc.accrue(hc.Debt(principal="10000"), hc.JIEBEI, since=TODAY, until=TODAY)
    assert accrual_cost(nothing) == 0
    empty = hc.accrue(hc.Debt(), hc.JIEBEI, since=date(2025, 1, 1), until=TODAY)
    with pytest.raises(hc.InputError, match="owes nothing"):
        accrual_cost(empty)


def _accruing_flows(
    debt: hc.Debt, product: hc.Product, plan: hc.Schedule, cmp: hc.Comparison
) -> list[tuple[date, Decimal]]:
    """The accruing scenario replayed with accrue and pay, independently of comparison_cost."""
    from huabei_calc._dates import add_months

    assert plan.start is not None
    dates = [row.due for row in plan.rows] + [
        add_months(plan.start, k) for k in range(plan.rows[-1].period + 1, cmp.max_months + 1)
    ]
    amounts = [row.payment for row in plan.rows] + [plan.rows[-1].payment] * (
        len(dates) - len(plan.rows)
    )
    current, prev = debt, plan.start
    flows: list[tuple[date, Decimal]] = []
    for day, due in zip(dates, amounts, strict=True):
        assert day is not None
        current = hc.accrue(current, product, since=prev, until=day).debt
        paid = hc.pay(current, due)
        current, prev = paid.debt, day
        # the first date lends what is owed after its payment; later dates are payments
        flows.append((day, -current.total) if not flows else (day, due - paid.unapplied))
        if not current.total:
            break
    if current.total:
        flows.append((prev, current.total))
    return flows


@pytest.mark.parametrize(
    ("product", "lo", "hi", "exceeds"),
    [(hc.JIEBEI, "0.27375", "0.32", True), (hc.HUABEI, "0.1825", "0.20", False)],
)
def test_comparison_cost(product: hc.Product, lo: str, hi: str, exceeds: bool) -> None:
    debt = hc.Debt(principal="10000", penalty="300")
    plan = hc.freeze(debt, 12, start=date(2025, 1, 31), waive=("penalty",))
    cmp = hc.compare(debt, product, plan)
    cost = comparison_cost(cmp)
    assert cost == hc.xirr(_accruing_flows(debt, product, plan, cmp))
    # charges paid off monthly: between the simple rate and its monthly compounding
    assert D(lo) < cost < D(hi)
    assert cmp.cost_check(on=TODAY).exceeds is exceeds


def test_comparison_cost_of_a_debt_never_cleared() -> None:
    # payments (1,666.66) below the charges (75.00 a day): the cost includes what is still
    # owed at the horizon; the unpaid penalty bears no charge, so the cost stays below the
    # simple 27.375%
    debt = hc.Debt(principal="100000")
    plan = hc.freeze(debt, 60, start=date(2025, 1, 31))
    cmp = hc.compare(debt, hc.JIEBEI, plan, max_months=60)
    assert cmp.accruing_cleared_on is None
    assert cost_between(comparison_cost(cmp), "0.25", "0.27375")
    assert comparison_cost(cmp) == hc.xirr(_accruing_flows(debt, hc.JIEBEI, plan, cmp))


def cost_between(cost: Decimal, lo: str, hi: str) -> bool:
    return D(lo) < cost < D(hi)


def test_a_cost_of_100_percent_or_more_is_checked_not_refused() -> None:
    # an annual cost the library computed is a fraction of any size: 1 or more is a cost,
    # not "a percentage written without its sign" (that guard is for what a user types)
    rows = tuple(
        hc.Installment(k, date(2025, k + 1, 1), D("600.00"), D("333.33"), D("266.67"),
                       D("0.00"), D("0.00"))
        for k in range(1, 4)
    )  # fmt: skip
    costly = hc.Schedule(rows, D("999.99"), start=date(2025, 1, 1))
    assert costly.apr() > 1  # 3 × 600 for 999.99: about 436% a year
    check = costly.cost_check(on=TODAY)
    assert check.rate == costly.apr()
    assert _exceeded(check)["financial_24"] == costly.apr() - D("0.24")
    # 0.6% a day × 1.5 = 0.9% a day for a month: (1 + 0.27)^(365/30) − 1 ≈ 17.3 a year
    dear = hc.accrue(hc.Debt(principal="1000"), hc.JIEBEI.with_rate("0.6%"),
                     since=date(2025, 1, 1), until=date(2025, 1, 31))  # fmt: skip
    assert dear.charged == D("270.00")
    late = dear.cost_check(on=TODAY)
    assert late.rate == accrual_cost(dear) > 17
    assert late.exceeds


def test_a_one_payment_plan_has_a_cost() -> None:
    # freeze in 1 payment of 7,274.00 on 2025-04-13; the accruing scenario pays the same
    # 7,274.00, owes 163.37 after it, and (the plan over) pays the rest a month later:
    # 166.97 on 2025-05-13. XIRR of (−163.37, +166.97 thirty days later):
    # (166.97 / 163.37)^(365/30) − 1 = 0.3036… (docs/rules.md: the accruing scenario's flows)
    debt = hc.Debt(principal="6983", interest="50", penalty="241")
    plan = hc.freeze(debt, 1, start=date(2025, 3, 13))
    cmp = hc.compare(debt, hc.JIEBEI, plan)
    assert cmp.rows[0].accruing_balance == D("163.37")
    assert cmp.accruing_paid - (cmp.rows[0].untouched_balance - D("163.37")) == D("166.97")
    expected = (D("166.97") / D("163.37")) ** (D(365) / 30) - 1
    cost = comparison_cost(cmp)
    assert abs(cost - expected) < D("1e-12")
    assert cmp.cost_check(on=date(2025, 3, 13)).exceeds


def test_a_comparison_that_ends_on_its_first_payment_has_no_span() -> None:
    # one payment, a horizon of one month: the accruing scenario's flows are all on one day
    debt = hc.Debt(principal="988", interest="58", penalty="106")
    cmp = hc.compare(debt, hc.JIEBEI, hc.freeze(debt, 1, start=date(2026, 3, 29)), max_months=1)
    assert len(cmp.rows) == 1
    with pytest.raises(hc.InputError) as info:
        cmp.cost_check(on=TODAY)
    assert (info.value.name, info.value.code) == ("comparison", "err.rules.no_span")
    assert "年化" in info.value.message("zh")
