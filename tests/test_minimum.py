"""minimum.py: Huabei's minimum payment path (最低还款).

Sources (docs/rules.md, "Huabei minimum payment"): the reprinted Alipay formula (10% of the
principal + 100% of interest and fees); the revolving-interest example "还款日为每月10号 …
1000 元 … 最低还款100元后,剩下的900元 … 从11月11号开始计息,每天利息就是:900*0.05%=0.45元"
(chinaoffshore.com.cn, 2024-05); "如果本月需要还款3000元,那么最低还款金额就是300元"
(3dmxku.com).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given

import huabei_calc as hc

from .strategies import monthly_payments, statement_balances

D = Decimal
NOV = date(2024, 11, 1)  # statement on the 1st, due on the 10th


def test_the_900_yuan_example() -> None:
    # 1,000 billed on Nov 1, the minimum 100 paid by Nov 10: 900 bears 0.45 a day from Nov 11
    path = hc.minimum_payment_path("1000", start=NOV, months=3)
    first, second, third = path.rows
    assert (first.statement, first.due, first.minimum, first.balance) == (
        NOV,
        date(2024, 11, 10),
        D("100.00"),
        D("900.00"),
    )
    # Dec 1 statement bills Nov 11 … Dec 1: 21 days × 0.45 = 9.45; minimum 90 + 9.45
    assert (second.interest, second.minimum, second.principal) == (
        D("9.45"),
        D("99.45"),
        D("90.00"),
    )
    assert second.balance == D("810.00")
    # Jan 1 bills Dec 2 … Dec 10 on 900 (9 × 0.45 = 4.05) and Dec 11 … Jan 1 on 810
    # (22 × 0.405 = 8.91): 12.96; minimum 81 + 12.96
    assert (third.interest, third.minimum, third.balance) == (D("12.96"), D("93.96"), D("729.00"))
    assert path.months_to_clear is None  # not cleared within 3 months
    assert path.total_interest == D("22.41")
    assert path.total_paid == D("293.41")


def test_10000_with_a_1000_minimum() -> None:
    # 10% of 10,000 = 1,000; then 9,000 × 0.05% = 4.50 a day for 21 days = 94.50
    path = hc.minimum_payment_path("10000", start=NOV)
    assert path.rows[0].minimum == D("1000.00")
    assert path.rows[1].interest == D("94.50")
    assert path.rows[1].minimum == D("994.50")
    # "3000 → 300"
    assert hc.minimum_payment_path("3000", start=NOV, months=1).rows[0].minimum == D("300.00")
    # paying only the minimum: years, not months; it clears in the end (at least 0.01 a month)
    assert path.months_to_clear is not None
    assert path.months_to_clear > 100
    assert path.rows[-1].balance == 0
    assert sum(row.principal for row in path.rows) == D("10000.00")
    assert path.total_paid == D("10000.00") + path.total_interest


def test_the_level_contrast() -> None:
    # the same 10,000 in 12 equal payments at 0.05% × 365 / 12 a month (docs/conventions.md)
    path = hc.minimum_payment_path("10000", start=NOV, months=12)
    i = D("0.0005") * 365 / 12
    level = (D(10000) * i * (1 + i) ** 12 / ((1 + i) ** 12 - 1)).quantize(D("0.01"), ROUND_HALF_UP)
    assert path.level_payment == level == D("917.99")
    assert (
        path.level_total_interest
        == hc.equal_installment("10000", 12, "0.05%/day", basis=365).total_interest
    )
    full = hc.minimum_payment_path("10000", start=NOV)
    assert full.total_interest > path.level_total_interest


def test_revolved_principal_due_in_full() -> None:
    # the older reading: carried principal is 100% due on the next statement
    path = hc.minimum_payment_path("1000", start=NOV, revolved="full")
    assert [row.minimum for row in path.rows] == [D("100.00"), D("909.45"), D("4.05")]
    assert path.months_to_clear == 3
    assert path.rows[-1].interest == D("4.05")  # Dec 2 … Dec 10 on 900, billed on Jan 1


def test_ratio_pay_and_new_spending() -> None:
    assert hc.minimum_payment_path("1000", start=NOV, ratio="20%", months=1).rows[0].minimum == D(
        "200.00"
    )
    # paying 1,000 a month: the principal is gone with the 11th payment (11,000 less about
    # 700 of interest), and the 12th pays the interest of the days before that due date
    paid = hc.minimum_payment_path("10000", start=NOV, pay="1000")
    assert paid.months_to_clear == 12
    assert paid.rows[10].balance == 0
    assert paid.rows[10].principal < D("1000.00")
    assert paid.rows[11].principal == 0
    assert paid.rows[11].paid == paid.rows[11].interest > 0
    assert all(row.paid >= row.minimum for row in paid.rows)
    assert paid.total_interest < hc.minimum_payment_path("10000", start=NOV).total_interest
    # new purchases every month: only the minimum never clears
    spend = hc.minimum_payment_path("1000", start=NOV, new_spending="500", months=24)
    assert spend.months_to_clear is None
    assert len(spend.rows) == 24
    assert spend.rows[1].minimum == D("149.45")  # 10% of (900 + 500) + 9.45
    # paying everything each month clears on the first due date, new purchases or not
    whole = hc.minimum_payment_path("1000", start=NOV, new_spending="500", pay="100000", months=6)
    assert whole.months_to_clear == 1
    assert whole.total_interest == 0


def test_bad_input_names_the_parameter() -> None:
    for kwargs, name in [
        ({"balance": "0"}, "balance"),
        ({"balance": "1", "months": 0}, "months"),
        ({"balance": "1", "ratio": "150%"}, "ratio"),
        ({"balance": "1", "revolved": "all"}, "revolved"),
        ({"balance": "1", "product": "huabei"}, "product"),
    ]:
        with pytest.raises(hc.InputError) as info:
            hc.minimum_payment_path(start=NOV, **kwargs)  # type: ignore[arg-type]
        assert info.value.name == name


@given(statement_balances, monthly_payments)
def test_the_minimum_never_clears_faster_than_a_larger_payment(
    balance: Decimal, pay: Decimal
) -> None:
    only = hc.minimum_payment_path(balance, start=NOV)
    more = hc.minimum_payment_path(balance, start=NOV, pay=pay)
    assert only.months_to_clear is not None
    assert more.months_to_clear is not None
    assert more.months_to_clear <= only.months_to_clear
    assert more.total_interest <= only.total_interest
    for path in (only, more):
        assert sum(row.principal for row in path.rows) == balance
        assert path.total_paid == balance + path.total_interest
        for row in path.rows:
            assert row.paid == row.interest + row.principal
            assert row.minimum >= row.interest
            assert row.paid >= row.minimum
            assert row.balance >= 0


@given(statement_balances, monthly_payments, monthly_payments)
def test_a_larger_payment_clears_no_later(balance: Decimal, a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    slow = hc.minimum_payment_path(balance, start=NOV, pay=low)
    fast = hc.minimum_payment_path(balance, start=NOV, pay=high)
    assert slow.months_to_clear is not None
    assert fast.months_to_clear is not None
    assert fast.months_to_clear <= slow.months_to_clear
    assert fast.total_interest <= slow.total_interest
