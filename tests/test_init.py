"""__init__.py: the flat facade. ``__all__`` is sorted and holds the public names of
docs/reference/api.md."""

from __future__ import annotations

import re

import pytest

import huabei_calc as hc

# every public name docs/reference/api.md lists as hc.<name> (or as a type a function returns)
API_NAMES = frozenset(
    {
        # values, products, overdue accrual, payments, errors
        "Rate",
        "Product",
        "HUABEI",
        "JIEBEI",
        "Debt",
        "accrue",
        "Accrual",
        "AccrualRow",
        "pay",
        "Payment",
        "DEFAULT_ORDER",
        "HuabeiCalcError",
        "InputError",
        "NoConvergenceError",
        # schedules
        "equal_installment",
        "equal_principal",
        "interest_only",
        "flat_fee",
        "Schedule",
        "Installment",
        # rates of return
        "npv",
        "irr",
        "irr_roots",
        "xirr",
        "xirr_roots",
        # 停息挂账
        "freeze",
        "compare",
        "Comparison",
        "plan_for_budget",
        "breach",
        # cases and the negotiation draft
        "Account",
        "Applicant",
        "Case",
        "Proposal",
        "draft",
        # portfolios
        "compare_many",
        "batch_totals",
        "compare_frame",
        # rules: reference lines, minimum payment, installment overdue, early settlement
        "lpr_one_year",
        "check_cost",
        "CostCheck",
        "minimum_payment_path",
        "MinimumPath",
        "MinimumRow",
        "loan_overdue",
        "LoanOverdue",
        "settle_early",
        "Settlement",
    }
)
FOUNDATION = frozenset(
    {
        "Rate",
        "Product",
        "HUABEI",
        "JIEBEI",
        "Debt",
        "accrue",
        "Accrual",
        "AccrualRow",
        "pay",
        "Payment",
        "DEFAULT_ORDER",
        "HuabeiCalcError",
        "InputError",
        "NoConvergenceError",
    }
)


def _isort_key(name: str) -> tuple[int, list[object]]:
    """ruff's RUF022 order: SCREAMING_CASE, then CamelCase, then the rest; natural sort within."""
    if name.isupper():
        kind = 0
    elif name[:1].isupper():
        kind = 1
    else:
        kind = 2
    parts = re.split(r"(\d+)", name)
    return kind, [int(p) if p.isdigit() else p for p in parts]


def test_all_is_sorted_and_unique() -> None:
    assert list(hc.__all__) == sorted(hc.__all__, key=_isort_key)
    assert len(set(hc.__all__)) == len(hc.__all__)


def test_all_names_exist() -> None:
    for name in hc.__all__:
        assert hasattr(hc, name), name
    assert not any(name.startswith("_") for name in hc.__all__)


# public names added later, each documented in the API reference
EXTRAS = frozenset({"ComparisonRow", "CaseFileError"})


def test_all_is_pinned_to_api_md() -> None:
    assert set(hc.__all__) == API_NAMES | EXTRAS
    assert set(hc.__all__) >= FOUNDATION


def test_lazy_facade_resolves_every_name_to_its_module() -> None:
    # PEP 562 re-exports: the name in the package is the object in its module
    import importlib

    for name in hc.__all__:
        home = importlib.import_module(f"huabei_calc.{hc._HOME[name]}")
        assert getattr(hc, name) is getattr(home, name)
    assert set(dir(hc)) >= set(hc.__all__)
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        hc.nope  # noqa: B018


def test_import_is_light() -> None:
    # `import huabei_calc` must not import numpy, pandas, matplotlib or dateutil
    import subprocess
    import sys

    code = (
        "import sys, huabei_calc; "
        "print(sorted(m for m in ('numpy', 'pandas', 'matplotlib', 'dateutil', 'decimal') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    # nor does using the library (the CLI's plots import matplotlib only when drawing)
    code = "import sys, huabei_calc as hc; hc.compare, hc.equal_installment, hc.irr; "
    code += "print(sorted(m for m in ('numpy', 'pandas', 'matplotlib') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_sort_key() -> None:
    # the key must be able to fail: a plain sorted() would put "Accrual" before "HUABEI"
    assert sorted(["pay", "Rate", "HUABEI", "Accrual"], key=_isort_key) == [
        "HUABEI",
        "Accrual",
        "Rate",
        "pay",
    ]
