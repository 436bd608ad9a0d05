"""huabei_calc: exact calculators for Huabei (花呗) and Jiebei (借呗) debt.

Overdue growth, installment schedules and their true annual rates, and what a
停息挂账 (interest-frozen installment) agreement saves. Money is ``Decimal``.

The public names below are re-exported lazily (PEP 562): ``import huabei_calc``
costs about what a bare interpreter start costs, and each module loads on the
first use of one of its names. ``from huabei_calc import X`` works as usual.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing would double the import time
if TYPE_CHECKING:
    from typing import Any

    from .accounts import Account, Applicant
    from .batch import batch_totals, compare_frame, compare_many
    from .case_results import Proposal
    from .casefile import CaseFileError
    from .cases import Case
    from .comparison import Comparison, ComparisonRow, compare
    from .debt import DEFAULT_ORDER, Debt, Payment, pay
    from .drafting import draft
    from .errors import HuabeiCalcError, InputError, NoConvergenceError
    from .installments import LoanOverdue, loan_overdue
    from .legal import CostCheck, check_cost, lpr_one_year
    from .loans import equal_installment, equal_principal, flat_fee, interest_only
    from .minimum import MinimumPath, MinimumRow, minimum_payment_path
    from .overdue import Accrual, AccrualRow, accrue
    from .plans import breach, freeze, plan_for_budget
    from .products import HUABEI, JIEBEI, Product
    from .rates import Rate
    from .returns import irr, irr_roots, npv, xirr, xirr_roots
    from .schedule import Installment, Schedule
    from .settlement import Settlement, settle_early

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_ORDER",
    "HUABEI",
    "JIEBEI",
    "Account",
    "Accrual",
    "AccrualRow",
    "Applicant",
    "Case",
    "CaseFileError",
    "Comparison",
    "ComparisonRow",
    "CostCheck",
    "Debt",
    "HuabeiCalcError",
    "InputError",
    "Installment",
    "LoanOverdue",
    "MinimumPath",
    "MinimumRow",
    "NoConvergenceError",
    "Payment",
    "Product",
    "Proposal",
    "Rate",
    "Schedule",
    "Settlement",
    "accrue",
    "batch_totals",
    "breach",
    "check_cost",
    "compare",
    "compare_frame",
    "compare_many",
    "draft",
    "equal_installment",
    "equal_principal",
    "flat_fee",
    "freeze",
    "interest_only",
    "irr",
    "irr_roots",
    "loan_overdue",
    "lpr_one_year",
    "minimum_payment_path",
    "npv",
    "pay",
    "plan_for_budget",
    "settle_early",
    "xirr",
    "xirr_roots",
]

_HOME = {
    "DEFAULT_ORDER": "debt",
    "Debt": "debt",
    "Payment": "debt",
    "pay": "debt",
    "HuabeiCalcError": "errors",
    "InputError": "errors",
    "NoConvergenceError": "errors",
    "Accrual": "overdue",
    "AccrualRow": "overdue",
    "accrue": "overdue",
    "Comparison": "comparison",
    "ComparisonRow": "comparison",
    "breach": "plans",
    "compare": "comparison",
    "batch_totals": "batch",
    "compare_frame": "batch",
    "compare_many": "batch",
    "freeze": "plans",
    "plan_for_budget": "plans",
    "HUABEI": "products",
    "JIEBEI": "products",
    "Product": "products",
    "Rate": "rates",
    "irr": "returns",
    "irr_roots": "returns",
    "npv": "returns",
    "xirr": "returns",
    "xirr_roots": "returns",
    "Installment": "schedule",
    "Schedule": "schedule",
    "equal_installment": "loans",
    "equal_principal": "loans",
    "flat_fee": "loans",
    "interest_only": "loans",
    "Account": "accounts",
    "Applicant": "accounts",
    "Case": "cases",
    "Proposal": "case_results",
    "CaseFileError": "casefile",
    "draft": "drafting",
    "CostCheck": "legal",
    "check_cost": "legal",
    "lpr_one_year": "legal",
    "MinimumPath": "minimum",
    "MinimumRow": "minimum",
    "minimum_payment_path": "minimum",
    "LoanOverdue": "installments",
    "loan_overdue": "installments",
    "Settlement": "settlement",
    "settle_early": "settlement",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(__import__(f"{__name__}.{home}", fromlist=[name]), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    # the public names and the module's own dunders: not TYPE_CHECKING, annotations, _HOME
    dunders = (name for name in globals() if name.startswith("__") and name.endswith("__"))
    return sorted({*dunders, *__all__})
