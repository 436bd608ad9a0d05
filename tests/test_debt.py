"""debt.py: the four-bucket Debt and payment allocation (docs/rules.md#payment-allocation)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given

import huabei_calc as hc
from huabei_calc import DEFAULT_ORDER, Debt, InputError, Payment, pay

from .strategies import amount_inputs, bucket_orders, debts, money

D = Decimal
BUCKETS = ("principal", "interest", "fees", "penalty")


def test_debt_buckets_and_totals() -> None:
    debt = Debt(principal="10000", interest="120.5", fees=30, penalty=D("55.55"))
    assert (debt.principal, debt.interest, debt.fees, debt.penalty) == (
        D("10000.00"),
        D("120.50"),
        D("30.00"),
        D("55.55"),
    )
    assert debt.total == D("10206.05")
    # docs/rules.md#overdue-charges: base = principal + interest + fees (the penalty bears none)
    assert debt.base == D("10150.50")
    assert str(debt.total) == "10206.05"


def test_debt_defaults_to_zero() -> None:
    debt = Debt()
    assert debt.total == 0
    assert str(debt.penalty) == "0.00"
    assert Debt(principal="1") == Debt(1, 0, 0, 0) == Debt(principal=D("1.000"))


def test_debt_is_frozen_and_hashable() -> None:
    debt = Debt(principal="100")
    with pytest.raises(dataclasses.FrozenInstanceError):
        debt.principal = D(1)  # type: ignore[misc]
    assert hash(debt) == hash(Debt(principal=D("100.00")))
    assert dataclasses.replace(debt, penalty=D("5")).total == D("105.00")


@pytest.mark.parametrize("bucket", BUCKETS)
@pytest.mark.parametrize("bad", [0.1, "-5", "100.005", None, "abc", True, 10**13])
def test_debt_refuses(bucket: str, bad: object) -> None:
    with pytest.raises(InputError) as info:
        Debt(**{bucket: bad})  # type: ignore[arg-type]
    assert info.value.name == bucket


def test_without() -> None:
    debt = Debt(principal="100", interest="10", fees="1", penalty="5")
    assert debt.without(("penalty",)) == Debt(principal="100", interest="10", fees="1")
    assert debt.without(["penalty", "interest"]).total == D("101.00")
    assert debt.without(()) == debt
    for bad in ("penalty", ("nope",), ("penalty", "penalty"), None):
        with pytest.raises(InputError, match="buckets"):
            debt.without(bad)  # type: ignore[arg-type]


# -- pay: golden (docs/rules.md#payment-allocation, Civil Code art. 561) --------------------


def test_default_order() -> None:
    # docs/rules.md#payment-allocation: "Default order: fees → penalty → interest → principal"
    assert DEFAULT_ORDER == ("fees", "penalty", "interest", "principal")


def test_pay_default_order() -> None:
    debt = Debt(principal="1000", interest="20", fees="10", penalty="5")
    # 30.00: fees 10 first, then penalty 5, then 15 of the 20 interest; principal untouched
    payment = pay(debt, "30")
    assert isinstance(payment, Payment)
    assert payment.applied == Debt(fees="10", penalty="5", interest="15")
    assert payment.debt == Debt(principal="1000", interest="5")
    assert payment.unapplied == D("0.00")
    # 100.00: 10 + 5 + 20 = 35 to costs and interest, 65 to principal
    payment = pay(debt, 100)
    assert payment.applied == Debt(principal="65", interest="20", fees="10", penalty="5")
    assert payment.debt == Debt(principal="935")


def test_pay_custom_order() -> None:
    debt = Debt(principal="1000", interest="20", fees="10", penalty="5")
    payment = pay(debt, "1004", order=("principal", "interest", "penalty", "fees"))
    assert payment.applied == Debt(principal="1000", interest="4")
    assert payment.debt == Debt(interest="16", fees="10", penalty="5")
    payment = pay(debt, "12", ["penalty", "fees", "principal", "interest"])
    assert payment.applied == Debt(penalty="5", fees="7")


def test_pay_overpayment_goes_to_unapplied() -> None:
    debt = Debt(principal="1000", interest="20", fees="10", penalty="5")
    payment = pay(debt, "2000")
    assert payment.applied == debt
    assert payment.debt == Debt()
    assert payment.unapplied == D("965.00")
    assert str(payment.unapplied) == "965.00"


def test_pay_nothing() -> None:
    debt = Debt(principal="1000", penalty="5")
    payment = pay(debt, 0)
    assert payment.debt == debt
    assert payment.applied == Debt()
    assert payment.unapplied == 0


def test_pay_takes_amount_by_keyword() -> None:
    # docs/rules.md#payment-allocation: hc.pay(debt, amount, order=hc.DEFAULT_ORDER)
    payment = pay(debt=Debt(principal="10"), amount="4", order=DEFAULT_ORDER)
    assert payment.debt.principal == D("6.00")


@pytest.mark.parametrize(
    "order",
    [
        ("fees", "penalty", "interest"),
        ("fees", "penalty", "interest", "principal", "fees"),
        ("fees", "fees", "interest", "principal"),
        ("fees", "penalty", "interest", "capital"),
        "fees",
        None,
        set(DEFAULT_ORDER),
        frozenset(DEFAULT_ORDER),
        1,
    ],
)
def test_pay_refuses_bad_orders(order: object) -> None:
    with pytest.raises(InputError) as info:
        pay(Debt(principal="10"), "1", order=order)  # type: ignore[arg-type]
    assert info.value.name == "order"


@pytest.mark.parametrize("bad", [0.1, "-5", None, "100.005", True, D("NaN")])
def test_pay_refuses_bad_amounts(bad: object) -> None:
    with pytest.raises(InputError) as info:
        pay(Debt(principal="10"), bad)  # type: ignore[arg-type]
    assert info.value.name == "amount"


def test_pay_refuses_a_non_debt() -> None:
    with pytest.raises(InputError, match="debt"):
        pay({"principal": 10}, "1")  # type: ignore[arg-type]


# -- properties --------------------------------------------------------------------------


@given(debts, money("0", "2000000"), bucket_orders)
def test_pay_conserves_money(debt: Debt, paid: Decimal, order: tuple[str, ...]) -> None:
    payment = pay(debt, paid, order)
    assert payment.applied.total + payment.unapplied == paid
    assert payment.debt.total == debt.total - payment.applied.total
    for bucket in BUCKETS:
        after, applied = getattr(payment.debt, bucket), getattr(payment.applied, bucket)
        assert after >= 0
        assert applied >= 0
        assert after + applied == getattr(debt, bucket)
    assert payment.unapplied >= 0
    assert payment.unapplied == max(paid - debt.total, D(0))


@given(debts, money("0", "2000000"), bucket_orders)
def test_pay_follows_the_order(debt: Debt, paid: Decimal, order: tuple[str, ...]) -> None:
    # a bucket receives money only once every bucket before it in the order is cleared
    payment = pay(debt, paid, order)
    for i, bucket in enumerate(order):
        if getattr(payment.applied, bucket) > 0:
            assert all(getattr(payment.debt, earlier) == 0 for earlier in order[:i])


@given(debts, amount_inputs("2000000"))
def test_pay_accepts_every_amount_form(debt: Debt, case: tuple[object, Decimal]) -> None:
    raw, value = case
    assert pay(debt, raw) == pay(debt, value)  # type: ignore[arg-type]


# -- any collection of bucket names (issue 10, defect 15) ----------------------------------


def test_bucket_names_may_be_any_collection() -> None:
    debt = hc.Debt(principal="100", interest="3", penalty="5")
    waivers = {"penalty": "agreed", "interest": "agreed"}
    expected = hc.Debt(principal="100")
    for names in (
        waivers.keys(),
        ["penalty", "interest"],
        {"penalty", "interest"},
        ("penalty", "interest"),
    ):
        assert debt.without(names) == expected  # type: ignore[arg-type]
    order = dict.fromkeys(("principal", "interest", "fees", "penalty"))
    paid = hc.pay(debt, "100", order.keys())
    assert paid.applied.principal == D("100.00")  # principal first, as the keys say


@pytest.mark.parametrize("names", ["penalty", {"penalty": 1}, 7, [["penalty"]]])
def test_a_string_or_a_mapping_is_not_a_collection_of_bucket_names(names: object) -> None:
    with pytest.raises(hc.InputError) as err:
        hc.Debt(principal="1").without(names)  # type: ignore[arg-type]
    assert err.value.name == "buckets"


# -- gaps found by mutation testing (docs/testing.md) -------------------------------


def _refused(call: object, *args: object, **kwargs: object) -> InputError:
    assert callable(call)
    with pytest.raises(InputError) as info:
        call(*args, **kwargs)
    return info.value


_ALLOWED = "fees, penalty, interest, principal"


@pytest.mark.parametrize(
    ("order", "code", "params"),
    [
        ("fees", "err.buckets", {"allowed": "principal, interest, fees, penalty"}),
        (["fees", "tax"], "err.bucket_unknown", None),
        (["fees", "fees", "penalty", "interest"], "err.bucket_twice", {}),
        ({"fees", "penalty", "interest", "principal"}, "err.order_set", {}),
        (["fees", "penalty"], "err.order_all", {"order": _ALLOWED}),
    ],
)
def test_pay_refuses_a_bad_order_naming_it(
    order: object, code: str, params: dict[str, object] | None
) -> None:
    err = _refused(pay, Debt(principal="100"), "10", order)
    assert (err.name, err.value, err.code) == ("order", order, code)
    if params is not None:
        assert err.params == params


def test_an_unknown_bucket_is_named_with_the_buckets_allowed() -> None:
    err = _refused(pay, Debt(principal="100"), "10", ["fees", "tax"])
    assert err.params == {"item": "'tax'", "allowed": "principal, interest, fees, penalty"}
    assert "'tax'" in str(err)


def test_pay_refuses_what_is_not_a_debt() -> None:
    err = _refused(pay, "1000", "10")
    assert (err.name, err.value, err.code) == ("debt", "1000", "err.debt")


def test_pay_is_exact_whatever_the_callers_context() -> None:
    import decimal

    hostile = decimal.Context(prec=3, rounding=decimal.ROUND_DOWN, traps=[])
    with decimal.localcontext(hostile):
        p = pay(Debt(principal="123456.78", interest="0.05"), "100000.01")
    assert p.applied == Debt(principal="99999.96", interest="0.05")
    assert p.debt == Debt(principal="23456.82")


def test_a_payment_cannot_be_changed() -> None:
    p = pay(Debt(principal="100"), "10")
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.unapplied = D("1")  # type: ignore[misc]
    assert not hasattr(p, "__dict__")
