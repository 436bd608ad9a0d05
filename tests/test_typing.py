"""The type hints admit what the code accepts (issue 10, defect 15).

:func:`calls_with_strings` makes the calls a user writes, with strings for rates,
amounts and fractions; ``mypy --strict`` must accept them (the last test runs it on
this file), and the library must too (the first test runs them).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import huabei_calc as hc
from huabei_calc.rules import HUABEI_BILL_INSTALLMENT_FEES


def calls_with_strings() -> list[object]:
    """Every public constructor and function called the way the docs show, strings included."""
    product = hc.Product("mine", "0.05%/day", penalty_markup="50%", minimum_payment_ratio="10%")
    fees = hc.Product(
        "fees",
        hc.Rate.daily("万分之五"),
        penalty_markup=0,
        installment_fees={3: "2.5%", 12: Decimal("0.088")},
        purchase_installment_fees=HUABEI_BILL_INSTALLMENT_FEES,
    )
    debt = hc.Debt(principal="10,000", interest=12, penalty=Decimal("5.00"))
    waivers = {"penalty": "agreed"}
    plan = hc.freeze(debt, 12, start=date(2025, 1, 1), down_payment="1‰", waive=waivers.keys())
    return [
        product.with_rate("0.06%"),
        product.with_rate(Decimal("0.0006")),
        hc.JIEBEI.with_rate("年化18%"),
        hc.Rate.daily("0.05%").marked_up("50%"),
        hc.Rate.of("month", "1.2%"),
        debt.without(["penalty"]),
        debt.without(waivers.keys()),
        hc.pay(debt, "100", ["principal", "interest", "fees", "penalty"]),
        hc.accrue(debt, fees, since=date(2025, 1, 1), until=date(2025, 2, 1)),
        hc.equal_installment("10000", 12, "18%/year", start=date(2025, 1, 1)),
        hc.equal_principal(10000, 12, hc.Rate.annual("18%")),
        hc.interest_only("10000", 12, "0.05%/day", basis=365),
        hc.flat_fee("5000", 12, "8.8%"),
        hc.flat_fee("5000", 12, 0, product=fees),
        plan,
        hc.Schedule(list(plan.rows), plan.principal, "freeze", ["penalty"], date(2025, 1, 1)),
        hc.plan_for_budget(debt, "900", start=date(2025, 1, 1), waive={"penalty"}),
        hc.breach(debt, product, plan, missed_period=2, until=date(2025, 6, 1), revive=["penalty"]),
    ]


def test_the_calls_run() -> None:
    assert all(result is not None for result in calls_with_strings())


def test_mypy_strict_accepts_the_calls() -> None:
    api = pytest.importorskip("mypy.api")
    out, err, status = api.run(["--strict", "--no-incremental", str(Path(__file__))])
    assert status == 0, out + err
