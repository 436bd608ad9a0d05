"""A debtor's case (协商还款): accounts, income and expenses, plan options and a proposal.

A :class:`Case` gathers what a person owes on each account (:class:`Account`),
what comes in and goes out each month, and who they are (:class:`Applicant`).
Every figure comes from the library's own calls (docs/rules.md, "Cases and
drafts"): an account overdue since a date is brought forward to the case date
with :func:`~huabei_calc.overdue.accrue`; options and the proposal are
:func:`~huabei_calc.plans.freeze`, :func:`~huabei_calc.plans.plan_for_budget` and
:func:`~huabei_calc.comparison.compare` per account. Reading and writing the
case file is :mod:`huabei_calc.casefile`; the document is :mod:`huabei_calc.drafting`.
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Final

from ._check import MAX_PLAN_PERIODS, check_date, whole_number
from .accounts import Account, Applicant, check_label
from .case_results import (
    Breakdown,
    BreakdownRow,
    OptionRow,
    Options,
    OptionTotal,
    Proposal,
    monthly_totals,
)
from .comparison import compare
from .debt import WAIVABLE, Debt
from .errors import InputError
from .money import Amount, amount, context, to_fen
from .overdue import accrue
from .plans import freeze, plan_for_budget
from .schedule import Schedule

__all__ = ["Account", "Applicant", "Case", "Proposal"]

_ZERO: Final = Decimal("0.00")
_CTX: Final = context()
_DEFAULT_PERIODS: Final = (12, 24, 36, 48, 60)


def _sum(checked: Mapping[str, Amount]) -> Decimal:
    # __post_init__ turned every value into a Decimal
    return sum((Decimal(v) for v in checked.values()), _ZERO)


def _money_map(value: object, name: str) -> Mapping[str, Decimal]:
    if not isinstance(value, Mapping):
        raise InputError(name, value, "err.case_mapping")
    out = {}
    for key, raw in value.items():
        label = check_label(key, name)
        try:
            out[label] = amount(raw, name)
        except InputError as err:  # name the entry: income={'工资': '-1'} must not be negative
            raise InputError(name, {key: raw}, err.code or err.accepted, **err.params) from None
    return MappingProxyType(out)


@dataclass(frozen=True, slots=True)
class Case:
    """A debtor's case on the date ``on``: accounts, monthly income and expenses, applicant.

    ``income`` and ``expenses`` map a label to a monthly amount; ``budget`` = Σ income −
    Σ expenses (it may be ≤ 0). Account labels are unique; every ``as_of`` and
    ``overdue_since`` is on or before ``on``.

    >>> from huabei_calc import HUABEI
    >>> case = Case((Account("花呗", HUABEI, Debt(principal="8000"),
    ...                      overdue_since=date(2026, 10, 10)),),
    ...             on=date(2026, 11, 29), income={"工资": "6500"}, expenses={"房租": "1800"})
    >>> case.budget, case.breakdown().rows[0].added
    (Decimal('4700.00'), Decimal('200.00'))
    """

    accounts: tuple[Account, ...]
    on: date = field(kw_only=True)
    # given as amounts (int, str, Decimal); kept as two-place Decimals
    income: Mapping[str, Amount] = field(default_factory=dict, kw_only=True)
    expenses: Mapping[str, Amount] = field(default_factory=dict, kw_only=True)
    applicant: Applicant | None = field(default=None, kw_only=True)
    _rows: tuple[BreakdownRow, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        if isinstance(self.accounts, Account):
            set_(self, "accounts", (self.accounts,))
        if not isinstance(self.accounts, Sequence) or isinstance(self.accounts, str):
            raise InputError("accounts", self.accounts, "err.case_accounts")
        accounts = tuple(self.accounts)
        if not accounts or not all(isinstance(a, Account) for a in accounts):
            raise InputError("accounts", self.accounts, "err.case_accounts")
        labels = [a.label for a in accounts]
        for label in labels:
            if labels.count(label) > 1:
                raise InputError("accounts", label, "err.case_label_twice")
        set_(self, "accounts", accounts)
        on = check_date(self.on, "on")
        set_(self, "income", _money_map(self.income, "income"))
        set_(self, "expenses", _money_map(self.expenses, "expenses"))
        if self.applicant is not None and not isinstance(self.applicant, Applicant):
            raise InputError("applicant", self.applicant, "err.case_applicant")
        set_(self, "_rows", tuple(_bring_forward(a, on) for a in accounts))

    def __hash__(self) -> int:
        money = (tuple(self.income.items()), tuple(self.expenses.items()))
        return hash((self.accounts, self.on, money, self.applicant))

    @property
    def budget(self) -> Decimal:
        """Σ income − Σ expenses, monthly (may be ≤ 0)."""
        with decimal.localcontext(_CTX):
            return _sum(self.income) - _sum(self.expenses)

    def owed(self, label: str) -> Debt:
        """What the account ``label`` owes on the case date."""
        for row in self._rows:
            if row.label == label:
                return row.debt
        raise InputError("label", label, "err.case_no_account")

    def breakdown(self) -> Breakdown:
        """The four buckets of every account on ``on``, the charges added since each statement.

        The total's buckets are the sums of the rows'; ``total.total`` = Σ statement
        totals + ``added``.
        """
        with decimal.localcontext(_CTX):
            sums = {
                b: sum((getattr(r.debt, b) for r in self._rows), _ZERO)
                for b in ("principal", "interest", "fees", "penalty")
            }
            added = sum((r.added for r in self._rows), _ZERO)
        return Breakdown(self.on, self._rows, Debt(**sums), added)

    def options(
        self,
        periods: Sequence[int] = _DEFAULT_PERIODS,
        *,
        waive: tuple[str, ...] = ("penalty",),
        down_payment: Amount = 0,
    ) -> Options:
        """Every account under a 停息挂账 plan of each of ``periods``, and the totals.

        Each row is ``freeze(owed, n, start=on, down_payment=…, waive=…)`` priced by
        ``compare(owed, product, plan)``; ``monthly_payment`` is the plan's largest
        payment (period 1). A total fits when Σ monthly payments ≤ ``budget``.
        ``down_payment`` (an amount or ``"10%"``) applies to each account.

        >>> from huabei_calc import HUABEI
        >>> case = Case((Account("花呗", HUABEI, Debt(principal="1200")),),
        ...             on=date(2026, 1, 1), income={"wage": "150"})
        >>> for t in case.options((6, 12)).totals:
        ...     print(t.periods, t.monthly_payment, t.fits_budget)
        6 200.00 False
        12 100.00 True
        """
        counts = _periods(periods)
        rows, totals = [], []
        budget = self.budget
        for n in counts:
            group = [self._option(row, n, waive, down_payment) for row in self._rows]
            rows.extend(group)
            with decimal.localcontext(_CTX):
                monthly = sum((r.monthly_payment for r in group), _ZERO)
                totals.append(
                    OptionTotal(
                        n,
                        sum((r.down_payment for r in group), _ZERO),
                        monthly,
                        sum((r.frozen_total for r in group), _ZERO),
                        sum((r.accruing_total for r in group), _ZERO),
                        sum((r.saving for r in group), _ZERO),
                        monthly <= budget,
                    )
                )
        return Options(budget, tuple(waive), tuple(rows), tuple(totals))

    def _option(
        self, row: BreakdownRow, n: int, waive: tuple[str, ...], down_payment: Amount
    ) -> OptionRow:
        plan = freeze(row.debt, n, start=self.on, down_payment=down_payment, waive=waive)
        cmp = compare(row.debt, row.product, plan)
        down = plan.rows[0].payment if plan.rows[0].period == 0 else _ZERO
        largest = _largest(plan)
        return OptionRow(
            row.label,
            n,
            down,
            largest,
            cmp.frozen_total,
            cmp.accruing_total,
            cmp.accruing_cleared_on,
            cmp.untouched_balance,
            cmp.saving,
        )

    def propose(
        self, *, waive: tuple[str, ...] = ("penalty",), down_payment: Amount = 0
    ) -> Proposal:
        """One plan per account, together within ``budget``, each with the fewest periods.

        The budget is split across accounts in proportion to their frozen amounts
        (half-up to the fen, the remainder to the largest account), then
        ``plan_for_budget(owed, share, start=on, …)`` per account. The plans then fit:
        their largest monthly total is at most the budget. When no split of the budget
        fits within 60 periods, the error names the monthly shortfall.

        >>> from huabei_calc import HUABEI, JIEBEI
        >>> case = Case((Account("花呗", HUABEI, Debt(principal="3000")),
        ...              Account("借呗", JIEBEI, Debt(principal="9000"))),
        ...             on=date(2026, 1, 1), income={"wage": "1000"})
        >>> p = case.propose()
        >>> dict(p.shares), [len(s.rows) for s in p.plans.values()], p.monthly_total
        ({'花呗': Decimal('250.00'), '借呗': Decimal('750.00')}, [12, 12], Decimal('1000.00'))
        """
        waived = tuple(waive)
        frozen = [r.debt.without(_waivable(waived)).total for r in self._rows]
        budget = self.budget
        shares = split_budget(budget, frozen) if budget > 0 else [_ZERO] * len(frozen)
        plans: dict[str, Schedule] = {}
        short: list[tuple[str, Decimal, Decimal]] = []
        for row, share in zip(self._rows, shares, strict=True):
            # a one-period plan checks waive and down_payment, and shows what is left to split
            rest = freeze(row.debt, 1, start=self.on, down_payment=down_payment, waive=waived)
            if share > 0:
                try:
                    plans[row.label] = plan_for_budget(
                        row.debt, share, start=self.on, down_payment=down_payment, waive=waived
                    )
                    continue
                except InputError as err:
                    if err.name != "budget":
                        raise
            most = min(MAX_PLAN_PERIODS, int(rest.rows[-1].payment * 100))
            least = freeze(row.debt, most, start=self.on, down_payment=down_payment, waive=waived)
            short.append((row.label, _largest(least), share))
        if short:
            with decimal.localcontext(_CTX):
                gap = sum((need - share for _, need, share in short), _ZERO) - min(budget, _ZERO)
            detail = "; ".join(f"{label} {need} > {share}" for label, need, share in short)
            raise InputError(
                "budget",
                budget,
                "err.case_budget_short",
                short=gap,
                detail=detail,
                periods=MAX_PLAN_PERIODS,
            )
        return Proposal(
            MappingProxyType(plans),
            MappingProxyType({r.label: s for r, s in zip(self._rows, shares, strict=True)}),
            budget,
            max(total for k, _, total in monthly_totals(plans.values()) if k >= 1),
            waived,
        )

    def plan(
        self, periods: int, *, waive: tuple[str, ...] = ("penalty",), down_payment: Amount = 0
    ) -> Proposal:
        """Every account frozen over the same ``periods`` (fitting the budget or not).

        For a draft that asks for a chosen period count instead of :meth:`propose`'s.

        >>> from huabei_calc import HUABEI
        >>> case = Case((Account("花呗", HUABEI, Debt(principal="1200")),),
        ...             on=date(2026, 1, 1), income={"wage": "50"})
        >>> p = case.plan(24)
        >>> p.periods, p.monthly_total, p.monthly_total <= p.budget
        (24, Decimal('50.00'), True)
        """
        n = whole_number(periods, "periods", 1, MAX_PLAN_PERIODS)
        waived = tuple(waive)
        plans = {
            r.label: freeze(r.debt, n, start=self.on, down_payment=down_payment, waive=waived)
            for r in self._rows
        }
        return Proposal(
            MappingProxyType(plans),
            MappingProxyType({label: _largest(p) for label, p in plans.items()}),
            self.budget,
            max(total for k, _, total in monthly_totals(plans.values()) if k >= 1),
            waived,
        )

    @classmethod
    def load(cls, path: str | Path) -> Case:
        """Read a case file (TOML): see :mod:`huabei_calc.casefile`."""
        from .casefile import load

        return load(path)

    def dump(self, path: str | Path) -> None:
        """Write this case as a commented TOML file: see :mod:`huabei_calc.casefile`."""
        from .casewrite import dump

        dump(self, path)


def _waivable(waive: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(b for b in waive if b in WAIVABLE)


def _largest(plan: Schedule) -> Decimal:
    return max(r.payment for r in plan.rows if r.period >= 1)


def split_budget(budget: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """Split ``budget`` in proportion to ``weights``: each share half-up to the fen, the
    remainder (positive or negative) to the largest weight (the first, on a tie).
    The shares sum to ``budget`` exactly.

    >>> split_budget(Decimal("100.00"), [Decimal(1), Decimal(1), Decimal(1)])
    [Decimal('33.34'), Decimal('33.33'), Decimal('33.33')]
    """
    with decimal.localcontext(_CTX):
        whole = sum(weights, Decimal(0))
        shares = [to_fen(budget * w / whole) for w in weights]
        big = max(range(len(weights)), key=lambda i: (weights[i], -i))
        shares[big] += budget - sum(shares, _ZERO)
        return shares


def _periods(value: object) -> tuple[int, ...]:
    if isinstance(value, int):
        value = (value,)
    if isinstance(value, str) or not isinstance(value, Sequence) or not value:
        raise InputError("periods", value, "err.case_periods", hi=MAX_PLAN_PERIODS)
    counts = tuple(whole_number(n, "periods", 1, MAX_PLAN_PERIODS) for n in value)
    if len(set(counts)) != len(counts):
        raise InputError("periods", value, "err.case_periods", hi=MAX_PLAN_PERIODS)
    return counts


def _bring_forward(account: Account, on: date) -> BreakdownRow:
    for name in ("as_of", "overdue_since"):
        day = getattr(account, name)
        if day is not None and day > on:
            raise InputError(
                "on", on, "err.case_on_before", label=account.label, field=name, day=day
            )
    if account.overdue_since is None:
        return BreakdownRow(
            account.label,
            account.product,
            account.debt,
            account.as_of,
            None,
            0,
            _ZERO,
            account.debt,
        )
    assert account.as_of is not None  # defaults to overdue_since
    since = max(account.as_of, account.overdue_since)
    grown = accrue(account.debt, account.product, since=since, until=on)
    return BreakdownRow(
        account.label,
        account.product,
        account.debt,
        account.as_of,
        since,
        grown.days,
        grown.charged,
        grown.debt,
    )
