"""huabei_calc: exact calculators for Huabei (花呗) and Jiebei (借呗) debt.

Overdue growth, installment schedules and their true annual rates, and what a
停息挂账 (interest-frozen installment) agreement saves. Money is ``Decimal``.
"""

from .debt import DEFAULT_ORDER, Debt, Payment, pay
from .errors import HuabeiCalcError, InputError, NoConvergenceError
from .overdue import Accrual, AccrualRow, accrue
from .products import HUABEI, JIEBEI, Product
from .rates import Rate

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_ORDER",
    "HUABEI",
    "JIEBEI",
    "Accrual",
    "AccrualRow",
    "Debt",
    "HuabeiCalcError",
    "InputError",
    "NoConvergenceError",
    "Payment",
    "Product",
    "Rate",
    "accrue",
    "pay",
]
