"""Junk in, ``HuabeiCalcError`` out: every public callable (docs/conventions.md#errors,
docs/conventions.md#money).

``JUNK`` maps each public name of ``huabei_calc.__all__`` to its junk cases: ``(callable,
kwargs, parameter)``. Each case must raise an ``InputError`` whose ``.name`` is the parameter
and whose message names it; nothing else (``TypeError``, ``decimal.InvalidOperation`` …) may
escape. ``test_every_public_callable_has_junk_cases`` fails when a public callable is added
without cases: extend ``JUNK`` with :func:`junk` (or list a result type in ``RESULT_TYPES``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import huabei_calc as hc

D = Decimal
Case = tuple[Callable[..., object], dict[str, object], str]

# -- junk, by kind of parameter ------------------------------------------------------------

COMMON: list[object] = [
    0.1,
    None,
    float("nan"),
    float("inf"),
    D("NaN"),
    D("sNaN"),
    D("Infinity"),
    D("-Infinity"),
    "",
    "abc",
    True,
    False,
    [],
    (),
    object(),
    b"100",
    datetime(2025, 1, 1),
]
AMOUNTS = [*COMMON, -1, "-5", D("-0.01"), 10**30, "1e400", "100.005", D("0.001"), 10**12 + 1]
RATE_VALUES = [*COMMON, {}, -1, "-5", "-0.05%", 10**30, "1e999999999", "万分之", "1/3", "5%%"]
DAILY_VALUES = [*RATE_VALUES, "5", "2%", "0.0101"]  # a bare 5 is 500%: a unit mistake
RATE_TEXTS = [*COMMON, {}, "5", "0.05%", "0.05/day", "2%/day", "年0.05%/day", "-0.05%/day", 5]
DATES = [*COMMON, "2025-01-01", 20250101, datetime(2025, 1, 1, 12), date]
COUNTS = [*COMMON, -1, 1.0, "3", 10**30]
BASES = [*COMMON, 0, 364, 366, -360, 360.0, "360", D(360), 10**30]
PERIODS = [*COMMON, "week", "Day", 1, ["day"]]
BUCKET_LISTS: list[object] = [
    "fees",
    None,
    1,
    ("nope",),
    ("fees", "fees"),
    0.1,
    [None],
    {"fees": 1},
]
ORDERS: list[object] = [
    *BUCKET_LISTS,
    ("fees", "penalty", "interest"),
    set(hc.DEFAULT_ORDER),
    ("fees", "penalty", "interest", "capital"),
]


def junk(
    func: Callable[..., object],
    valid: dict[str, object],
    param: str,
    values: Iterable[object],
    *,
    name: str | None = None,
) -> list[Case]:
    """One case per junk value: ``func(**valid)`` with ``param`` replaced by the value.

    ``name`` is what the error must name when it is not the parameter itself (the value of
    ``Rate.daily(value)`` is reported as ``rate``, as the user knows it).
    """
    return [(func, {**valid, param: value}, name or param) for value in values]


def _all_params(
    func: Callable[..., object], valid: dict[str, object], kinds: dict[str, list[object]]
) -> list[Case]:
    return [case for param, values in kinds.items() for case in junk(func, valid, param, values)]


RATE = hc.Rate.daily("0.05%")
DEBT = hc.Debt(principal="1000", interest="10", fees="5", penalty="1")
SINCE, UNTIL = date(2025, 1, 10), date(2025, 2, 10)
PRODUCT_VALID: dict[str, object] = {"name": "p", "rate": RATE}

JUNK: dict[str, list[Case]] = {
    "Rate": [
        *junk(hc.Rate.daily, {}, "value", DAILY_VALUES, name="rate"),
        *junk(hc.Rate.monthly, {}, "value", [*RATE_VALUES, "31%", "0.5"], name="rate"),
        *junk(hc.Rate.annual, {}, "value", [*RATE_VALUES, "1001%", 11], name="rate"),
        *junk(hc.Rate.of, {"period": "day"}, "value", DAILY_VALUES, name="rate"),
        *junk(hc.Rate.of, {"value": "0.05%"}, "period", PERIODS),
        *junk(hc.Rate.parse, {}, "text", RATE_TEXTS, name="rate"),
        *junk(
            hc.Rate,
            {"period": "day"},
            "value",
            [*COMMON, "0.0005", D("-1"), D("0.02"), 1],
            name="rate",
        ),
        *junk(hc.Rate, {"value": D("0.0005")}, "period", PERIODS),
        *junk(RATE.per_day, {}, "basis", BASES),
        *junk(RATE.per_month, {}, "basis", BASES),
        *junk(RATE.per_year, {}, "basis", BASES),
        *junk(RATE.ratio, {"period": "day"}, "basis", BASES),
        *junk(RATE.ratio, {}, "period", PERIODS),
        *junk(RATE.marked_up, {}, "markup", [*RATE_VALUES, 101, "10001%"]),
    ],
    "Product": [
        *_all_params(
            hc.Product,
            PRODUCT_VALID,
            {
                "name": [None, "", 1, b"p", ["p"]],
                "rate": RATE_TEXTS,
                "penalty_markup": [*RATE_VALUES, 101, "10001%"],
                "grace_days": [*COUNTS, 3661],
                "basis": BASES,
                "capitalize": [*COMMON, "daily", "Monthly", ["monthly"]],
                "installment_fees": [*COMMON, {0: D("0.01")}, {"3": D("0.01")}, {3: 0.01}],
                # (an empty mapping is a valid, empty table)
                "purchase_installment_fees": [None, 1, [(3, D("0.01"))], {3: D("1.5")}],
                "minimum_payment_ratio": [*RATE_VALUES, D("1.01"), "101%"],
            },
        ),
        # a markup that lifts the overdue rate past the daily limit
        (
            hc.Product,
            {**PRODUCT_VALID, "rate": hc.Rate.daily("1%"), "penalty_markup": 1},
            "penalty_markup",
        ),
        *junk(hc.HUABEI.with_rate, {}, "rate", DAILY_VALUES),
        # 0.7% × 1.5 = 1.05% a day: the overdue rate passes the daily limit
        *junk(hc.JIEBEI.with_rate, {}, "rate", [*DAILY_VALUES, "0.7%"]),
    ],
    "Debt": [
        *_all_params(
            hc.Debt, {}, dict.fromkeys(("principal", "interest", "fees", "penalty"), AMOUNTS)
        ),
        *junk(DEBT.without, {}, "buckets", BUCKET_LISTS),
    ],
    "accrue": [
        *_all_params(
            hc.accrue,
            {"debt": DEBT, "product": hc.HUABEI, "since": SINCE, "until": UNTIL},
            {
                "debt": [*COMMON, "1000", 1000, hc.HUABEI],
                "product": [*COMMON, "huabei", RATE, DEBT],
                "since": DATES,
                "until": [*DATES, date(2025, 1, 9)],  # the day before since: reversed dates
            },
        ),
        (
            hc.accrue,
            {"debt": DEBT, "product": hc.HUABEI, "since": UNTIL, "until": SINCE},
            "until",
        ),
    ],
    "pay": _all_params(
        hc.pay,
        {"debt": DEBT, "amount": "10", "order": hc.DEFAULT_ORDER},
        {"debt": [*COMMON, "1000", hc.HUABEI], "amount": AMOUNTS, "order": ORDERS},
    ),
}

# -- schedules and plans (schedule.py, plans.py) ---------------------------------------------

LOAN: dict[str, object] = {"principal": "10000", "periods": 12, "rate": "4.9%/year"}
PERIOD_COUNTS = [*COUNTS, 0, 601]
START_DATES = [d for d in DATES if d is not None]  # start=None means "no dates"
for _name, _builder in [
    ("equal_installment", hc.equal_installment),
    ("equal_principal", hc.equal_principal),
    ("interest_only", hc.interest_only),
]:
    JUNK[_name] = _all_params(
        _builder,
        LOAN,
        {
            "principal": [*AMOUNTS, 0],
            "periods": PERIOD_COUNTS,
            "rate": [*RATE_TEXTS, D("0.049")],
            "start": START_DATES,
            "interest": [*COMMON, "daily", "Monthly"],
            "basis": BASES,
        },
    )
    # interest="actual" counts days between due dates, so it needs a start
    JUNK[_name].append((_builder, {**LOAN, "interest": "actual"}, "start"))
JUNK["flat_fee"] = _all_params(
    hc.flat_fee,
    {"principal": "5000", "periods": 12},
    {
        "principal": [*AMOUNTS, 0],
        "periods": [*PERIOD_COUNTS, 24],  # 24: not in Huabei's fee table
        "fee_rate": [*(v for v in RATE_VALUES if v is not None), "150%", D("-0.01")],
        "start": START_DATES,
        "product": [*COMMON, "huabei", RATE],
    },
)

DEBT_10K = hc.Debt(principal="10000", penalty="500")
START = date(2025, 1, 31)
PLAN_VALID: dict[str, object] = {"debt": DEBT_10K, "periods": 24, "start": START}
PLAN_KINDS: dict[str, list[object]] = {
    "debt": [*COMMON, "10000", 10000, hc.HUABEI],
    "periods": [*COUNTS, 0, 61],
    "start": DATES,
    "down_payment": [*AMOUNTS, "110%", "-10%", "10500.00", 20000],
    "waive": [*BUCKET_LISTS, ("principal",)],
    "max_periods": [*COUNTS, 0, 601],
}
JUNK["freeze"] = _all_params(hc.freeze, PLAN_VALID, PLAN_KINDS)
JUNK["plan_for_budget"] = _all_params(
    hc.plan_for_budget,
    {"debt": DEBT_10K, "budget": "1000", "start": START},
    {
        **{k: v for k, v in PLAN_KINDS.items() if k != "periods"},
        "budget": [*AMOUNTS, 0, "1"],  # 1.00 a month cannot clear 10,500 in 60 months
    },
)
PLAN = hc.freeze(DEBT_10K, 24, start=START)
JUNK["compare"] = [
    *_all_params(
        hc.compare,
        {"debt": DEBT_10K, "product": hc.HUABEI, "plan": PLAN},
        {
            "debt": [*COMMON, "10000"],
            "product": [*COMMON, "huabei", RATE],
            "plan": [*COMMON, "plan", DEBT_10K],
            # None is the default (the plan's periods, at least 120); 23 < the plan's 24 periods
            "max_months": [v for v in COUNTS if v is not None] + [0, 23, 1201],
        },
    ),
    # a plan made for another debt: the plan is what does not fit
    (hc.compare, {"debt": hc.Debt(principal="1"), "product": hc.HUABEI, "plan": PLAN}, "plan"),
]
RECORDS = [{"id": 1, "product": "huabei", "principal": "1000"}]
JUNK["compare_many"] = _all_params(
    hc.compare_many,
    {"records": RECORDS, "on": START},
    {
        "records": [None, 5, 0.1, "records", b"x", RECORDS[0]],
        "on": [*COMMON, "2025-01-01", datetime(2025, 1, 1)],
        "periods": [*COUNTS, 0, 61],
        "waive": BUCKET_LISTS,
        "down_payment": AMOUNTS,
        "budget": [*(v for v in AMOUNTS if v is not None), 0],  # None: no budget
    },
)
JUNK["batch_totals"] = junk(
    hc.batch_totals,
    {},
    "rows",
    [None, 5, "rows", RECORDS[0], [None], [{"principal": "x"}], [{"saving": 0.5}]],
)
JUNK["compare_frame"] = [
    *junk(hc.compare_frame, {"on": START}, "df", [None, RECORDS, "df", 5]),
    *junk(
        hc.compare_frame,
        {"df": pytest.importorskip("pandas").DataFrame(RECORDS)},
        "on",
        [None, "2025-01-01"],
    ),
]
JUNK["breach"] = _all_params(
    hc.breach,
    {
        "debt": DEBT_10K,
        "product": hc.HUABEI,
        "plan": PLAN,
        "missed_period": 3,
        "until": date(2025, 12, 31),
    },
    {
        "debt": [*COMMON, "10000"],
        "product": [*COMMON, "huabei"],
        "plan": [*COMMON, "plan"],
        "missed_period": [*COUNTS, 0, 25],
        "until": [*DATES, date(2025, 1, 1)],  # before the lapse date
        "revive": [*BUCKET_LISTS, ("penalty",)],  # nothing was waived, so nothing to revive
    },
)

# schedule values and their rendering (schedule.py, _render.py)
SCHEDULE = hc.equal_installment("1000", 3, "12%/year")
ROW: dict[str, object] = {
    "period": 1,
    "due": None,
    "payment": D("1.00"),
    "principal": D("1.00"),
    "interest": D("0.00"),
    "fee": D("0.00"),
    "balance": D("0.00"),
}
ROW_AMOUNTS = [v for v in COMMON if v is not None] + [1, "1.00", D("-1.00"), D("1.000")]
JUNK["Schedule"] = [
    *junk(SCHEDULE.to_markdown, {}, "lang", [*COMMON, "fr", "ZH", "中文"]),
    *junk(hc.Schedule, {"rows": ()}, "principal", [*COMMON, "1000", 1000]),
    *junk(hc.Schedule, {"principal": D("1.00")}, "rows", [*COMMON[:3], "rows", 1, {}]),
    # period 600 of a loan starting in 9999 would fall after date.max
    (hc.equal_installment, {**LOAN, "start": date(9999, 1, 1)}, "start"),
    # a custom product without a fee table: every term needs an explicit fee_rate
    (hc.flat_fee, {"principal": "5000", "periods": 12, "product": hc.JIEBEI}, "periods"),
]
JUNK["Installment"] = _all_params(
    hc.Installment,
    ROW,
    {
        "period": [*COMMON, -1, 1.0, "3"],  # any int >= 0 is a period
        "due": [d for d in DATES if d is not None],
        "payment": [*ROW_AMOUNTS, D("2.00")],  # 2.00 != principal + interest + fee
        "principal": ROW_AMOUNTS,
        "interest": ROW_AMOUNTS,
        "fee": ROW_AMOUNTS,
        "balance": ROW_AMOUNTS,
    },
)

# rates of return (returns.py): lists of flows, a flow of junk, flows without a rate
FLOW_JUNK: list[object] = [
    *COMMON,
    "-100,110",
    ["-100", 0.5],
    ["-100", "abc"],
    ["-100", D("NaN")],
    ["-100", D("sNaN")],
    ["-100", None],
    ["-100", True],
    ["-100", b"110"],
    ["-100", "100.005"],
    ["-100", 10**12 + 1],
    ["-100", D("1E+999999")],
    ["-100", D("1E-999999")],
    [[-100], [110]],
]
NPV_RATES = [
    *COMMON,
    -1,
    "-1",
    "-100%",
    "-1.5",
    D("-2"),
    "1e999999999",
    "万分之",
    "1/3",
    "%",
    "5%%",
]
DAY, NEXT_YEAR = date(2025, 1, 1), date(2026, 1, 1)
DATED_JUNK: list[object] = [
    *COMMON,
    [(DAY, "-100")],  # one flow
    [(DAY, -100), (DAY, 100)],  # nets to nothing on the one date
    [(DAY, -100), (NEXT_YEAR, -50)],  # no sign change
    [("2025-01-01", -100), (NEXT_YEAR, 110)],
    [(datetime(2025, 1, 1), -100), (NEXT_YEAR, 110)],
    [(DAY, 0.1), (NEXT_YEAR, 1)],
    [(DAY, -100), (NEXT_YEAR, "1e999")],
    [(DAY,), (NEXT_YEAR, 110)],
    [(DAY, -100, 1), (NEXT_YEAR, 110)],
    [DAY, NEXT_YEAR],
    ["ab", "cd"],
]
JUNK["npv"] = _all_params(
    hc.npv,
    {"rate": "0.01", "cashflows": ["-100", "110"]},
    {"rate": NPV_RATES, "cashflows": FLOW_JUNK},
)
JUNK["irr"] = junk(hc.irr, {}, "cashflows", [*FLOW_JUNK, ["-100"], [0, 0], [1, 2], [-1, 0, -2]])
JUNK["xirr"] = junk(hc.xirr, {}, "flows", DATED_JUNK)
JUNK["irr_roots"] = junk(
    hc.irr_roots, {}, "cashflows", [*FLOW_JUNK, ["-100"], [0, 0], [1, 2], [-1, 0, -2]]
)
JUNK["xirr_roots"] = junk(hc.xirr_roots, {}, "flows", DATED_JUNK)

# -- cases and the negotiation draft ------------------------------------------------------
ACCOUNT = hc.Account("花呗", hc.HUABEI, DEBT_10K, overdue_since=date(2025, 1, 10))
LABELS: list[object] = [v for v in COMMON if not isinstance(v, str) or not v.strip()]
JUNK["Account"] = _all_params(
    hc.Account,
    {"label": "花呗", "product": hc.HUABEI, "debt": DEBT_10K},
    {
        "label": [*LABELS, "  "],
        "product": [*COMMON, "huabei", RATE],
        "debt": [*COMMON, "10000", hc.Debt()],
        "overdue_since": [d for d in DATES if d is not None],
        "as_of": [d for d in DATES if d is not None],
    },
)
JUNK["Applicant"] = _all_params(
    hc.Applicant,
    {"name": "张三"},
    {
        "name": [*LABELS],
        "id_number": [
            *(v for v in COMMON if v is not None),
            "110105194912310021",  # a wrong check character
            "11010519491231002",
            "110105********00XX",
        ],
        "phone": [*(v for v in COMMON if v is not None), "call me", "1" * 21],
    },
)
CASE_VALID: dict[str, object] = {"accounts": (ACCOUNT,), "on": date(2025, 6, 1)}
JUNK["Case"] = _all_params(
    hc.Case,
    CASE_VALID,
    {
        "accounts": [*COMMON, "abc", (ACCOUNT, ACCOUNT), (DEBT_10K,)],
        "on": [*DATES, date(2025, 1, 1)],  # before the account fell overdue
        "income": [*COMMON, {"w": -1}, {"w": 0.5}, {1: "5"}, {"": "5"}, {"w": "abc"}],
        "expenses": [{"w": D("NaN")}, {"w": 10**13}, "rent"],
        "applicant": [*(v for v in COMMON if v is not None), "张三"],
    },
)
CASE = hc.Case((ACCOUNT,), on=date(2025, 6, 1), income={"w": "2000"})
JUNK["draft"] = _all_params(
    hc.draft,
    {"case": CASE},
    {
        "case": [*COMMON, "case", ACCOUNT],
        "proposal": [*(v for v in COMMON if v is not None), "p", PLAN],
        "lang": [*COMMON, "fr", "ZH"],
        "format": [*COMMON, "pdf", "HTML"],
    },
)

# rules: reference lines, minimum payment, installments overdue, early settlement
ON = date(2026, 11, 29)
JUNK["lpr_one_year"] = junk(hc.lpr_one_year, {}, "on", [*DATES, date(2019, 8, 19)])
JUNK["check_cost"] = _all_params(
    hc.check_cost,
    {"annual_rate": "24%", "on": ON},
    {
        "annual_rate": [*COMMON, {}, -1, "-5%", "24", 24, D("1.5"), "1001%", "0.05%/week"],
        "on": [*DATES, date(2015, 8, 31)],
        "lender": [*COMMON, "bank", "Private"],
    },
)
JUNK["minimum_payment_path"] = _all_params(
    hc.minimum_payment_path,
    {"balance": "10000", "start": ON},
    {
        "balance": [*AMOUNTS, 0],
        "start": [*DATES, date(9999, 1, 1)],
        "product": [*COMMON, "huabei", RATE],
        "new_spending": AMOUNTS,
        "months": [*(v for v in COUNTS if v is not None), 0, 601],  # None: until cleared
        "ratio": [*(v for v in RATE_VALUES if v is not None), "101%", D("1.5")],
        "revolved": [*COMMON, "all"],
        "pay": [v for v in AMOUNTS if v is not None],
        "due_after_days": [*COUNTS, 28],
    },
)
LOAN_12 = hc.equal_installment("12000", 12, "0.05%/day", start=date(2025, 1, 15))
JUNK["loan_overdue"] = _all_params(
    hc.loan_overdue,
    {"schedule": LOAN_12, "product": hc.JIEBEI, "missed": (3,), "until": ON},
    {
        "schedule": [*COMMON, SCHEDULE, PLAN],  # SCHEDULE has no dates; PLAN is a 停息挂账 plan
        "product": [*COMMON, "jiebei", RATE],
        "missed": [*COMMON[:3], 3, "3", (0,), (13,), (3, 3), {3: "20000"}, {3: -1}, {"3": 0}],
        "until": [*DATES, date(2025, 1, 1)],  # before the start
        "accelerate_after_days": [*(v for v in COUNTS if v is not None), -1],
    },
)
# period 3 is due 2025-04-15: on the 14th it is not missed yet
JUNK["loan_overdue"].append(
    (
        hc.loan_overdue,
        {"schedule": LOAN_12, "product": hc.JIEBEI, "missed": (3,), "until": date(2025, 4, 14)},
        "missed",
    )
)
JUNK["settle_early"] = _all_params(
    hc.settle_early,
    {"schedule": LOAN_12, "on": date(2025, 6, 1), "product": hc.JIEBEI},
    {
        "schedule": [*COMMON, SCHEDULE, PLAN],
        "on": [*DATES, date(2025, 1, 14), date(2026, 1, 16)],
        "product": [*COMMON, "jiebei"],
        "waive_unbilled_fees": [None, 1, "yes"],
        "billed_days_before": [*COUNTS, 28],
    },
)

# result records and exceptions: built by the library, not from user input
RESULT_TYPES = frozenset(
    {
        "CostCheck",
        "LoanOverdue",
        "MinimumPath",
        "MinimumRow",
        "Settlement",
        "Accrual",
        "AccrualRow",
        "CaseFileError",
        "Comparison",
        "ComparisonRow",
        "HuabeiCalcError",
        "InputError",
        "Installment",
        "NoConvergenceError",
        "Payment",
        "Proposal",
        "Schedule",
    }
)

CASES = [
    pytest.param(func, kwargs, param, id=f"{name}-{i}-{param}")
    for name, cases in JUNK.items()
    for i, (func, kwargs, param) in enumerate(cases)
]


@pytest.mark.parametrize(("func", "kwargs", "param"), CASES)
def test_junk_is_refused_with_the_parameter_named(
    func: Callable[..., object], kwargs: dict[str, Any], param: str
) -> None:
    # anything but a HuabeiCalcError propagates and fails the test with its traceback
    with pytest.raises(hc.HuabeiCalcError) as info:
        func(**kwargs)
    err = info.value
    assert isinstance(err, hc.InputError), f"{type(err).__name__} instead of InputError: {err}"
    assert err.name == param, str(err)
    assert param in str(err)
    assert isinstance(err, ValueError)


CODED_CASES = [
    pytest.param(func, kwargs, id=f"{name}-{i}-{param}")
    for name, cases in JUNK.items()
    for i, (func, kwargs, param) in enumerate(cases)
]


@pytest.mark.parametrize(("func", "kwargs"), CODED_CASES)
def test_every_refusal_has_a_catalog_id_and_chinese_words(
    func: Callable[..., object], kwargs: dict[str, Any]
) -> None:
    # issue 10 §2: no library InputError takes the legacy English-only path (code None)
    with pytest.raises(hc.InputError) as info:
        func(**kwargs)
    err = info.value
    assert err.code is not None, f"no catalog id: {err}"
    assert err.message("zh") != str(err), str(err)


def test_every_public_callable_has_junk_cases() -> None:
    for name in hc.__all__:
        obj = getattr(hc, name)
        if not callable(obj) or name in RESULT_TYPES:
            continue
        assert JUNK.get(name), f"add junk cases for huabei_calc.{name} to JUNK"


def test_error_hierarchy() -> None:
    assert issubclass(hc.InputError, hc.HuabeiCalcError)
    assert issubclass(hc.InputError, ValueError)
    assert issubclass(hc.NoConvergenceError, hc.HuabeiCalcError)
    assert issubclass(hc.NoConvergenceError, ArithmeticError)
    err = hc.InputError("periods", 0, "must be between 1 and 60")
    assert str(err) == "periods=0 must be between 1 and 60"
    assert (err.name, err.value) == ("periods", 0)


# -- fuzzing: anything at all either works or raises a HuabeiCalcError ----------------------

anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.decimals(),
    st.text(),
    st.text(alphabet="0123456789.,%‰‱eE+-_ 万千百分之零一二三四五六七八九十点日月年化利率息/dayth"),
    st.dates(),
    st.datetimes(),
    st.binary(max_size=4),
)


def _works_or_input_error(func: Callable[..., object], *args: object, **kwargs: object) -> None:
    with contextlib.suppress(hc.HuabeiCalcError):
        func(*args, **kwargs)


@given(anything)
def test_fuzz_rate_parsing(value: object) -> None:
    _works_or_input_error(hc.Rate.parse, value)
    _works_or_input_error(hc.Rate.daily, value)
    _works_or_input_error(hc.Rate.annual, value)
    _works_or_input_error(hc.JIEBEI.with_rate, value)
    _works_or_input_error(RATE.marked_up, value)


@given(anything, anything)
def test_fuzz_schedules(a: object, b: object) -> None:
    for build in (hc.equal_installment, hc.equal_principal, hc.interest_only):
        _works_or_input_error(build, a, 12, "4.9%/year", start=b)
        _works_or_input_error(build, "1000", a, b)
        _works_or_input_error(build, "1000", 12, a, interest=b)
    _works_or_input_error(hc.flat_fee, a, 12, b)
    _works_or_input_error(hc.flat_fee, "5000", a, start=b)
    _works_or_input_error(SCHEDULE.to_markdown, a)


@given(anything, anything)
def test_fuzz_amounts_and_dates(a: object, b: object) -> None:
    _works_or_input_error(hc.Debt, a, penalty=b)
    _works_or_input_error(hc.pay, DEBT, a)
    _works_or_input_error(hc.accrue, DEBT, hc.JIEBEI, since=a, until=b)
    _works_or_input_error(hc.Product, "p", RATE, grace_days=a, basis=b)


@given(st.lists(anything, max_size=4), anything)
def test_fuzz_rates_of_return(flows: list[object], a: object) -> None:
    _works_or_input_error(hc.npv, a, flows)
    _works_or_input_error(hc.irr, flows)
    _works_or_input_error(hc.irr, [a, *flows])
    _works_or_input_error(hc.xirr, [(a, b) for b in flows])
    _works_or_input_error(hc.xirr, list(zip(flows[::2], flows[1::2], strict=False)))


# -- the error path never converts user input unguarded (issue 10, defect 2) ---------------


class _Loud:
    """An object whose __str__ and __repr__ raise: the error must still be an InputError."""

    def __str__(self) -> str:
        raise RuntimeError("__str__ called")

    def __repr__(self) -> str:
        raise RuntimeError("__repr__ called")


def _deep(depth: int) -> list[object]:
    nested: list[object] = []
    for _ in range(depth):
        nested = [nested]
    return nested


@pytest.mark.parametrize(
    ("make", "name"),
    [
        # str(10**5000) raises ValueError (the int string limit): never called
        (lambda: hc.Debt(principal=10**5000), "principal"),
        (lambda: hc.Debt(principal=-(10**5000)), "principal"),
        (lambda: hc.equal_installment("1000", 10**5000, "1%/month"), "periods"),
        (lambda: hc.Rate.daily("万分之" + "九" * 5000), "rate"),
        (lambda: hc.Rate.daily("万分之" + "九" * 50), "rate"),
        (lambda: hc.Rate.daily(10**5000), "rate"),
        (lambda: hc.Debt(principal="9" * 5000), "principal"),
        (lambda: hc.Debt(principal=D(10) ** 5000), "principal"),
        # a 100,000-deep list: repr() would raise RecursionError
        (lambda: hc.Debt(principal=_deep(100_000)), "principal"),
        (lambda: hc.freeze(DEBT, 12, start=date(2025, 1, 1), waive=_deep(100_000)), "waive"),
        (lambda: hc.Debt(principal=_Loud()), "principal"),
        (lambda: hc.Debt(principal=[_Loud()]), "principal"),
        (lambda: DEBT.without((_Loud(),)), "buckets"),
        (lambda: hc.Product("x", "0.05%/day", installment_fees={_Loud(): 1}), "installment_fees"),
        (lambda: hc.Product("x", "0.05%/day", installment_fees={10**5000: 1}), "installment_fees"),
        (lambda: hc.accrue(DEBT, hc.HUABEI, since=_Loud(), until=date(2025, 1, 1)), "since"),
    ],
)
def test_the_error_path_is_safe_on_any_value(make: Callable[[], object], name: str) -> None:
    with pytest.raises(hc.InputError) as info:
        make()
    err = info.value
    assert err.name == name
    for lang in ("en", "zh"):
        message = err.message(lang)  # type: ignore[arg-type]
        assert message.startswith(f"{name}=")
        assert len(message) < 400


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (10**5000, "an int of about 5001 digits"),
        (-(10**70), "an int of about 71 digits"),
        (12345, "12345"),
        (True, "True"),
        ("abc", "'abc'"),
        (D("1.50"), "1.50"),
        (0.1, "0.1"),
        (date(2025, 1, 31), "2025-01-31"),
        (datetime(2025, 1, 31, 8), "2025-01-31 08:00:00"),
        ([1, "a", (2,)], "[1, 'a', (2,)]"),
        ({"fees": 1}, "{'fees': 1}"),
        (frozenset(), "frozenset()"),
        (_deep(100_000), "[[[[...]]]]"),
        (_Loud(), "<_Loud object>"),
        (b"100", "b'100'"),
    ],
    ids=lambda x: type(x).__name__,  # pytest's own id would call str(10**5000)
)
def test_show_is_bounded_and_safe(value: object, shown: str) -> None:
    from huabei_calc.errors import show

    assert show(value) == shown


def test_show_cuts_long_values() -> None:
    from huabei_calc.errors import show

    for value in ("x" * 10_000, list(range(10_000)), D("1" * 70), hc.HUABEI):
        out = show(value)
        assert len(out) <= 60
        assert "..." in out or "digits" in out, out


# -- one home for checks: the same words wherever a value is passed (issue 10, §2) ---------


class _Day(date):
    """A date subclass (as a library's own date type may be): accepted wherever a date is."""


_WHEN = datetime(2025, 1, 1, 9)
_PLAN = hc.freeze(DEBT, 12, start=date(2025, 1, 31))
_DATED: list[tuple[str, Callable[[object], object]]] = [
    ("since", lambda d: hc.accrue(DEBT, hc.JIEBEI, since=d, until=date(2026, 1, 1))),
    ("until", lambda d: hc.accrue(DEBT, hc.JIEBEI, since=date(2024, 1, 1), until=d)),
    ("start", lambda d: hc.equal_installment("1000", 12, "1%/month", start=d)),
    ("start", lambda d: hc.flat_fee("1000", 12, start=d)),
    ("start", lambda d: hc.freeze(DEBT, 12, start=d)),
    ("start", lambda d: hc.plan_for_budget(DEBT, "1000", start=d)),
    ("until", lambda d: hc.breach(DEBT, hc.JIEBEI, _PLAN, missed_period=1, until=d)),
    ("due", lambda d: hc.Installment(1, d, D("0.00"), D("0.00"), D("0.00"), D("0.00"), D("0.00"))),
    ("start", lambda d: hc.Schedule((), D("0.00"), start=d)),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("name", "call"), _DATED)
def test_dates_are_checked_with_the_same_words_everywhere(
    name: str, call: Callable[[object], object]
) -> None:
    assert call(_Day(2025, 6, 30)) is not None  # a date subclass is a date
    with pytest.raises(hc.InputError) as err:
        call(_WHEN)
    assert (err.value.name, err.value.code) == (name, "err.date_not_datetime")
    with pytest.raises(hc.InputError) as err:
        call("2025-01-01")
    assert (err.value.name, err.value.code) == (name, "err.date")


_FRACTIONS: list[tuple[str, Callable[[object], object]]] = [
    ("principal", lambda x: hc.Debt(principal=x)),
    ("amount", lambda x: hc.pay(DEBT, x)),
    ("rate", hc.Rate.daily),
    ("markup", lambda x: hc.Rate.daily("0.05%").marked_up(x)),
    ("penalty_markup", lambda x: hc.Product("x", "0.05%/day", penalty_markup=x)),  # type: ignore[arg-type]
    ("fee_rate", lambda x: hc.flat_fee("1000", 12, x)),  # type: ignore[arg-type]
    ("down_payment", lambda x: hc.freeze(DEBT, 12, start=date(2025, 1, 1), down_payment=x)),  # type: ignore[arg-type]
    ("budget", lambda x: hc.plan_for_budget(DEBT, x, start=date(2025, 1, 1))),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("name", "call"), _FRACTIONS)
def test_one_float_refusal(name: str, call: Callable[[object], object]) -> None:
    with pytest.raises(hc.InputError) as err:
        call(0.05)
    assert (err.value.name, err.value.code) == (name, "err.float")
    assert 'pass Decimal("0.05") or "0.05"' in str(err.value)
    assert 'Decimal("0.05")' in err.value.message("zh")


_COUNTS: list[tuple[str, int, int, Callable[[object], object]]] = [
    ("periods", 1, 600, lambda n: hc.equal_installment("1000", n, "1%/month")),  # type: ignore[arg-type]
    ("periods", 1, 600, lambda n: hc.flat_fee("1000", n, "1%")),  # type: ignore[arg-type]
    ("periods", 1, 60, lambda n: hc.freeze(DEBT, n, start=date(2025, 1, 1))),  # type: ignore[arg-type]
    ("max_periods", 1, 600, lambda n: hc.freeze(DEBT, 1, start=date(2025, 1, 1), max_periods=n)),  # type: ignore[arg-type]
    (
        "missed_period",
        1,
        24,
        lambda n: hc.breach(DEBT, hc.JIEBEI, _PLAN24, missed_period=n, until=date(2030, 1, 1)),
    ),  # type: ignore[arg-type]
    ("grace_days", 0, 3660, lambda n: hc.Product("x", "0.05%/day", grace_days=n)),  # type: ignore[arg-type]
    (
        "period",
        0,
        600,
        lambda n: hc.Installment(n, None, D("0.00"), D("0.00"), D("0.00"), D("0.00"), D("0.00")),
    ),  # type: ignore[arg-type]
]
_PLAN24 = hc.freeze(DEBT, 24, start=date(2025, 1, 1))


@pytest.mark.parametrize(("name", "lo", "hi", "call"), _COUNTS)
def test_one_wording_for_whole_numbers(
    name: str, lo: int, hi: int, call: Callable[[object], object]
) -> None:
    for bad in (lo - 1, hi + 1, True, 1.0, "3", 10**5000):
        with pytest.raises(hc.InputError) as err:
            call(bad)
        assert err.value.name == name
        assert f"must be a whole number from {lo} to {hi}" in str(err.value)
        assert f"必须是 {lo} 到 {hi} 之间的整数" in err.value.message("zh")
