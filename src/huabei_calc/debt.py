"""A debt in four buckets, and payment allocation (冲抵顺序)."""

from __future__ import annotations

import decimal
from collections.abc import Collection, KeysView, Mapping, Sequence, Set
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from ._unchecked import maker
from .errors import InputError, show
from .money import Amount, context
from .money import amount as _amount

__all__ = ["DEFAULT_ORDER", "Debt", "Payment", "pay"]

BUCKETS: Final = ("principal", "interest", "fees", "penalty")
DEFAULT_ORDER: Final = ("fees", "penalty", "interest", "principal")
"""Civil Code art. 561, absent agreement: costs, then interest, then principal."""
WAIVABLE: Final = ("penalty", "interest", "fees")
"""The buckets a 停息挂账 plan may waive (减免): everything but the principal."""
_ZERO: Final = Decimal("0.00")
_CTX: Final = context()  # sums of two-place amounts are exact in it, whatever the caller's


@dataclass(frozen=True, slots=True, init=False)
class Debt:
    """What is owed, in four buckets (yuan, two places).

    ``penalty`` holds overdue charges (逾期费 / 罚息 / 复利); it bears no charge itself.

    >>> d = Debt(principal="10000", penalty="500")
    >>> d.total, d.base
    (Decimal('10500.00'), Decimal('10000.00'))
    """

    principal: Decimal
    interest: Decimal
    fees: Decimal
    penalty: Decimal

    def __init__(
        self,
        principal: Amount = 0,
        interest: Amount = 0,
        fees: Amount = 0,
        penalty: Amount = 0,
    ) -> None:
        for name, value in zip(BUCKETS, (principal, interest, fees, penalty), strict=True):
            object.__setattr__(self, name, _amount(value, name))

    @property
    def total(self) -> Decimal:
        """The sum of the four buckets."""
        add = _CTX.add
        return add(add(add(self.principal, self.interest), self.fees), self.penalty)

    @property
    def base(self) -> Decimal:
        """What overdue charges are computed on: principal + interest + fees."""
        return _CTX.add(_CTX.add(self.principal, self.interest), self.fees)

    def without(self, buckets: Collection[str]) -> Debt:
        """A copy with the named buckets set to 0.00 (a waiver).

        >>> Debt(principal="100", penalty="5").without(("penalty",)).total
        Decimal('100.00')
        """
        names = check_buckets(buckets, "buckets", BUCKETS)
        values = {b: (_ZERO if b in names else getattr(self, b)) for b in BUCKETS}
        return make_debt(**values)


make_debt: Final = maker(Debt)
"""``make_debt(principal, interest, fees, penalty)``: a ``Debt`` from checked two-place
Decimals, without the checks (:mod:`huabei_calc._unchecked`; ``accrue`` and ``pay``)."""


@dataclass(frozen=True, slots=True)
class Payment:
    """The result of :func:`pay`: the debt after, what went where, and any overpayment."""

    debt: Debt
    applied: Debt
    unapplied: Decimal


def check_buckets(value: object, name: str, allowed: Sequence[str]) -> tuple[str, ...]:
    """Bucket names from ``allowed``, each at most once, as a tuple in the order given.

    Any collection of names is accepted (a tuple, a list, a set, ``dict.keys()``);
    a lone string or a mapping is refused (``"penalty"`` is not a collection of
    bucket names).

    >>> check_buckets({"penalty": 1}.keys(), "waive", ("penalty", "interest"))
    ('penalty',)
    """
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Collection):
        raise InputError(name, value, "err.buckets", allowed=", ".join(allowed))
    names = tuple(value)
    for item in names:
        if not isinstance(item, str) or item not in allowed:
            raise InputError(
                name, value, "err.bucket_unknown", item=show(item), allowed=", ".join(allowed)
            )
    if len(set(names)) != len(names):
        raise InputError(name, value, "err.bucket_twice")
    return names


def pay(debt: Debt, amount: Amount, order: Collection[str] = DEFAULT_ORDER) -> Payment:
    """Apply a payment to ``debt`` bucket by bucket in ``order``.

    ``order`` is any permutation of ``("fees", "penalty", "interest", "principal")``
    (a tuple, a list, ``dict.keys()``: not a set, which has no order);
    the default follows Civil Code art. 561. Money is conserved:
    ``applied.total + unapplied == amount`` and ``debt.total - applied.total``
    is what remains.

    >>> p = pay(Debt(principal="1000", interest="20", penalty="5"), "100")
    >>> p.applied.penalty, p.applied.interest, p.applied.principal, p.debt.principal
    (Decimal('5.00'), Decimal('20.00'), Decimal('75.00'), Decimal('925.00'))
    """
    if not isinstance(debt, Debt):
        raise InputError("debt", debt, "err.debt")
    paid = _amount(amount, "amount")
    if isinstance(order, Set) and not isinstance(order, KeysView):  # keys keep their order
        raise InputError("order", order, "err.order_set")
    names = check_buckets(order, "order", BUCKETS)
    if len(names) != len(BUCKETS):
        raise InputError("order", order, "err.order_all", order=", ".join(DEFAULT_ORDER))
    return apply_payment(debt, paid, names)


def apply_payment(debt: Debt, paid: Decimal, order: Sequence[str] = DEFAULT_ORDER) -> Payment:
    """:func:`pay` of checked arguments: a ``Debt``, a two-place amount, an order of buckets."""
    with decimal.localcontext(context()):
        left = paid
        after = {b: getattr(debt, b) for b in BUCKETS}
        applied = dict.fromkeys(BUCKETS, _ZERO)
        for bucket in order:
            take = min(left, after[bucket])
            if take:
                applied[bucket] = take
                after[bucket] -= take
                left -= take
        return Payment(make_debt(**after), make_debt(**applied), left)
