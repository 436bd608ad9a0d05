"""Workflow options of ``freeze`` and ``compare``: ``--since``, ``--budget``, several ``--periods``.

- ``--since DATE`` brings the debt forward from the missed due date to ``--start``
  (``accrue``) before the plan is made, and shows the charges added;
- ``--budget AMOUNT`` takes the shortest plan that fits (``plan_for_budget``) instead of
  ``--periods``;
- ``compare --periods 24,36,48`` compares several plans side by side, one summary row each.

The commands call :func:`plan` and :func:`side_by_side`; their options are added by
:func:`add_options` (kept apart so that the commands' own code changes little).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

from ..comparison import Comparison, compare
from ..debt import Debt
from ..overdue import Accrual, accrue
from ..plans import freeze, plan_for_budget
from ..products import Product
from ..schedule import Schedule
from . import options as opt

__all__: list[str] = []  # the command line's own: no public names

_COUNTS: Final = re.compile(r"\s*\d+\s*(?:[,，]\s*\d+\s*)*")


def add_options(group: Any, name: str, h: Callable[[str], str]) -> None:
    """``--budget`` and ``--since`` (freeze, compare); ``--summary``; ``--rows`` (compare)."""
    group.add_argument("--budget", metavar="AMOUNT", help=h("budget"))
    group.add_argument("--since", metavar="DATE", help=h("since_plan"))
    group.add_argument("--summary", action="store_true", help=h("summary"))
    if name == "compare":
        group.add_argument("--rows", action="store_true", help=h("rows"))


def counts(ns: argparse.Namespace) -> tuple[int, ...]:
    """``--periods N`` or ``N,N,…`` (several only where the command compares them)."""
    raw = ns.periods
    if raw is None:
        if ns.budget is None:
            raise opt.fail(ns, "periods", "periods_or_budget")
        return ()
    if ns.budget is not None:
        raise opt.fail(ns, "budget", "budget_or_periods")
    if not _COUNTS.fullmatch(raw):
        raise opt.fail(ns, "periods", "not_count")
    items = [p.strip().lstrip("0") for p in re.split(r"[,，]", raw)]
    longest = max(len(p) for p in items)
    if longest > 18:  # int() refuses over 4,300 digits; no count is this large
        raise opt.fail(ns, "periods", "count_too_long", digits=longest)
    return tuple(int(p or "0") for p in items)


def brought_forward(
    ns: argparse.Namespace, debt: Debt, product: Product | None
) -> tuple[Debt, Accrual | None]:
    """The debt on ``--start``: accrued from ``--since`` under ``product`` when given."""
    if ns.since is None:
        return debt, None
    if product is None:
        raise opt.fail(ns, "since", "since_needs_product")
    grown = accrue(debt, product, since=opt.day(ns, "since"), until=opt.day(ns, "start"))
    return grown.debt, grown


def plan(ns: argparse.Namespace, debt: Debt, periods: int | None) -> Schedule:
    """``freeze`` over ``periods``, or the shortest plan within ``--budget``."""
    down = ns.down_payment if ns.down_payment is not None else 0
    start, waive = opt.day(ns, "start"), opt.waive(ns)
    if periods is None:
        return plan_for_budget(debt, ns.budget, start=start, down_payment=down, waive=waive)
    return freeze(debt, periods, start=start, down_payment=down, waive=waive)


def side_by_side(
    ns: argparse.Namespace, debt: Debt, product: Product, periods: tuple[int, ...]
) -> list[tuple[Schedule, Comparison]]:
    """One plan and its comparison for each period count, in the order given."""
    months = opt.max_months(ns)
    out = []
    for n in periods:
        p = plan(ns, debt, n)
        out.append((p, compare(debt, product, p, max_months=months)))
    return out


def monthly(plan: Schedule) -> Decimal:
    """The plan's regular monthly payment (its last)."""
    return plan.rows[-1].payment
