"""_unchecked.py: the one fast constructor of frozen slotted dataclasses, proved once.

Every class the library builds this way (``Debt``, ``Installment``, ``Schedule``,
``Accrual``) is checked here: the unchecked instance is a genuine instance of its
class, equal to and hashing like one built through ``__init__``, frozen, with the
same repr; and the builders' results are such instances.
"""

from __future__ import annotations

import dataclasses
import pickle
from datetime import date
from decimal import Decimal as D

import pytest

import huabei_calc as hc
from huabei_calc._unchecked import blank, maker
from huabei_calc.debt import make_debt
from huabei_calc.overdue import Accrual, make_accrual
from huabei_calc.schedule import (
    Installment,
    Schedule,
    blank_installment,
    make_installment,
    make_schedule,
)

Z = D("0.00")
ROW = (1, date(2025, 2, 10), D("1.00"), D("1.00"), Z, Z, Z)


def _filled(cells: tuple[object, ...]) -> object:
    """A row as loans._post makes it: a blank twin, every slot stored, then retyped."""
    row = blank_installment()
    for name, value in zip(Installment.__slots__, cells, strict=True):
        setattr(row, name, value)
    row.__class__ = Installment
    return row


def _cases() -> list[tuple[object, object]]:
    """(built unchecked, built through __init__) for every class built unchecked."""
    debt = hc.Debt(principal="5000", penalty="10")
    accrual = hc.accrue(
        hc.Debt(principal="5000"), hc.HUABEI, since=date(2025, 1, 10), until=date(2025, 1, 14)
    )
    return [
        (make_debt(D("5000.00"), Z, Z, D("10.00")), debt),
        (make_installment(*ROW), Installment(*ROW)),
        (_filled(ROW), Installment(*ROW)),
        (
            make_schedule((Installment(*ROW),), D("1.00"), "custom", (), None),
            Schedule((Installment(*ROW),), D("1.00")),
        ),
        (
            make_accrual(
                debt,
                D("10.00"),
                4,
                date(2025, 1, 10),
                date(2025, 1, 14),
                hc.HUABEI,
                None,
                D("5000.00"),
                D("2.50"),
            ),
            Accrual(debt, D("10.00"), 4, date(2025, 1, 10), date(2025, 1, 14), hc.HUABEI),
        ),
        (
            accrual,
            Accrual(*(getattr(accrual, f.name) for f in dataclasses.fields(Accrual) if f.init)),
        ),
    ]


@pytest.mark.parametrize(("made", "checked"), _cases())
def test_unchecked_instances_are_genuine(made: object, checked: object) -> None:
    cls = type(checked)
    assert type(made) is cls
    assert isinstance(made, cls)
    assert made == checked
    assert checked == made
    assert hash(made) == hash(checked)
    assert repr(made) == repr(checked)
    first = dataclasses.fields(cls)[0].name  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, first, None)
    assert not hasattr(made, "__dict__")  # slotted: no stray attributes
    assert pickle.loads(pickle.dumps(made)) == checked
    assert dataclasses.replace(made) == checked  # type: ignore[type-var]


def test_builders_return_genuine_instances() -> None:
    s = hc.equal_installment("1000", 3, "12%/year", start=date(2024, 1, 31))
    assert type(s) is Schedule
    assert s == Schedule(s.rows, D("1000.00"), "equal_installment", (), date(2024, 1, 31))
    for build in (hc.equal_principal, hc.interest_only):
        assert type(build("1000", 3, "12%/year")) is Schedule
    assert type(hc.flat_fee("1000", 3)) is Schedule
    assert all(type(row) is Installment for row in s.rows)
    assert all(row == Installment(*dataclasses.astuple(row)) for row in s.rows)
    paid = hc.pay(hc.Debt(principal="100", penalty="5"), "10")
    assert type(paid.debt) is hc.Debt
    assert type(paid.applied) is hc.Debt


def test_maker_takes_every_slot_in_order() -> None:
    make = maker(Installment)
    assert make(**dict(zip(Installment.__slots__, ROW, strict=True))) == Installment(*ROW)
    with pytest.raises(TypeError):
        make(*ROW[:-1])


def test_maker_refuses_what_it_cannot_build_safely() -> None:
    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        x: int

    @dataclasses.dataclass(slots=True)
    class NotFrozen:
        x: int

    for build in (maker, blank):
        for cls in (NoSlots, NotFrozen, int):
            with pytest.raises(TypeError):
                build(cls)


def test_a_blank_row_is_no_installment_until_retyped() -> None:
    # loans._post stores every slot before the retyping; a half-filled twin is not a row
    row = blank_installment()
    assert not isinstance(row, Installment)
    with pytest.raises(AttributeError):
        _ = row.period
