"""Portfolios: compare_many, batch_totals, compare_frame (docs/rules.md, "Portfolios").

A batch row must equal the single-debtor calls exactly; bad records become rows
with an ``error`` that names the column, and the run goes on.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import huabei_calc as hc
from huabei_calc.batch import COLUMNS, cells

from .strategies import batch_records

D = Decimal
ON = date(2026, 11, 29)


def _single(
    record: dict[str, Any], *, on: date, periods: int, budget: Any = None
) -> dict[str, Any]:
    """The same row made by hand from the single-debtor calls (docs/rules.md, "Portfolios")."""
    names = {"huabei": hc.HUABEI, "花呗": hc.HUABEI, "jiebei": hc.JIEBEI, "借呗": hc.JIEBEI}
    name = record["product"]
    product = names.get(name.strip().lower()) or hc.JIEBEI.with_rate(name)
    debt = hc.Debt(
        record["principal"],
        record.get("interest") or 0,
        record.get("fees") or 0,
        record.get("penalty") or 0,
    )
    if record.get("overdue_since"):
        since = date.fromisoformat(record["overdue_since"])
        debt = hc.accrue(debt, product, since=since, until=on).debt
    cap = record.get("budget") or budget
    if cap:
        plan = hc.plan_for_budget(debt, cap, start=on, waive=("penalty",))
    else:
        plan = hc.freeze(debt, periods, start=on, waive=("penalty",))
    cmp = hc.compare(debt, product, plan)
    regular = [r for r in plan.rows if r.period >= 1]
    return {
        "id": record["id"],
        "principal": debt.principal,
        "interest": debt.interest,
        "fees": debt.fees,
        "penalty": debt.penalty,
        "total": debt.total,
        "periods": len(regular),
        "monthly_payment": max(r.payment for r in regular),
        "frozen_total": cmp.frozen_total,
        "accruing_total": cmp.accruing_total,
        "accruing_cleared_on": cmp.accruing_cleared_on,
        "untouched_balance": cmp.untouched_balance,
        "saving": cmp.saving,
        "error": None,
    }


@given(st.lists(batch_records(ON), min_size=1, max_size=5), st.integers(1, 60))
def test_a_batch_row_equals_the_single_debtor_calls(
    records: list[dict[str, Any]], periods: int
) -> None:
    rows = list(hc.compare_many(records, on=ON, periods=periods))
    assert [row["id"] for row in rows] == [r["id"] for r in records]  # order kept
    for record, row in zip(records, rows, strict=True):
        assert list(row) == list(COLUMNS)
        try:
            expected = _single(record, on=ON, periods=periods)
        except hc.InputError as err:
            # the same refusal, named for the column (a bad rate: product; a later since)
            said = row["error"] if err.name in ("rate", "until") else str(err)
            expected = {**dict.fromkeys(COLUMNS), "id": record["id"], "error": said}
        assert row == expected
        if row["error"] is not None:
            assert row["error"].split("=")[0] in {*record, "debt", "periods"}


def test_golden_row_from_the_docs_case() -> None:
    # docs/rules.md "Comparison" worked example: Huabei 1,000 in 2 × 500 → accruing 1,023.09
    row = next(
        hc.compare_many(
            [{"id": "A", "product": "huabei", "principal": "1000"}],
            on=date(2025, 1, 1),
            periods=2,
            waive=(),
        )
    )
    assert row["accruing_total"] == D("1023.09")
    assert row["saving"] == D("23.09")
    assert row["accruing_cleared_on"] == date(2025, 4, 1)
    assert row["untouched_balance"] == D("1029.50")
    assert (row["periods"], row["monthly_payment"]) == (2, D("500.00"))
    assert cells(row) == [
        "A", "1000.00", "0.00", "0.00", "0.00", "1000.00", "2", "500.00", "1000.00",
        "1023.09", "2025-04-01", "1029.50", "23.09", "",
    ]  # fmt: skip


def test_overdue_since_accrues_to_on_first() -> None:
    # Huabei 5,000 overdue 4 days → 2.50 a day → 10.00 (docs/rules.md, "Overdue charges")
    rows = hc.compare_many(
        [{"id": 1, "product": "花呗", "principal": "5000", "overdue_since": "2025-01-10"}],
        on=date(2025, 1, 14),
        periods=12,
    )
    row = next(rows)
    assert (row["penalty"], row["total"]) == (D("10.00"), D("5010.00"))
    assert row["frozen_total"] == D("5000.00")  # the penalty is waived by default


def test_budget_argument_and_column_choose_plan_for_budget() -> None:
    debt = hc.Debt(principal="10000")
    plan = hc.plan_for_budget(debt, "900", start=ON, waive=("penalty",))
    records = [
        {"id": "arg", "product": "huabei", "principal": "10000"},
        {"id": "own", "product": "huabei", "principal": "10000", "budget": "2000"},
    ]
    rows = list(hc.compare_many(records, on=ON, budget="900"))
    assert rows[0]["periods"] == len(plan.rows) == 12
    assert rows[1]["periods"] == 5  # 10,000 / 5 = 2,000 fits; 4 would need 2,500
    too_small = next(hc.compare_many([records[0]], on=ON, budget="1"))
    assert too_small["error"].startswith("budget=")


def test_a_bare_rate_means_jiebei_at_that_daily_rate() -> None:
    rows = list(
        hc.compare_many(
            [
                {"id": 1, "product": "0.06%/day", "principal": "10000"},
                {"id": 2, "product": " JIEBEI ", "principal": "10000"},
                {"id": 3, "product": "2%/day", "principal": "10000"},
            ],
            on=ON,
        )
    )
    expected = _single({"id": 1, "product": "0.06%/day", "principal": "10000"}, on=ON, periods=36)
    assert rows[0] == expected
    assert rows[0]["accruing_total"] > rows[1]["accruing_total"]  # 0.09% > 0.075% a day
    assert rows[2]["error"].startswith("product='2%/day' must be huabei, jiebei")


@pytest.mark.parametrize(
    ("cell", "value", "words"),
    [
        ("principal", "abc", "is not a number"),
        ("principal", "", "is not a number"),
        ("interest", "-5", "must not be negative"),
        ("penalty", "1.234", "more than two decimals"),
        ("product", "credit card", "must be huabei"),
        ("overdue_since", "10/01/2025", "YYYY-MM-DD"),
        ("overdue_since", "2027-01-01", "is after on=2026-11-29"),
        ("budget", "0", "greater than 0"),
    ],
)
def test_junk_in_one_cell_names_that_column_and_the_run_goes_on(
    cell: str, value: str, words: str
) -> None:
    good = {"id": "ok", "product": "huabei", "principal": "1000"}
    bad = {**good, "id": "bad", cell: value}
    rows = list(hc.compare_many([good, bad, good], on=ON))
    assert [r["error"] is None for r in rows] == [True, False, True]
    assert rows[1]["id"] == "bad"
    assert rows[1]["error"].startswith(f"{cell}=")
    assert words in rows[1]["error"]


def test_a_record_that_is_not_a_mapping_is_an_error_row() -> None:
    rows = list(
        hc.compare_many([["id", "1"], {"id": 2, "product": "huabei", "principal": 5}], on=ON)
    )
    assert rows[0]["error"].startswith("record=")
    assert rows[1]["error"] is None


def test_options_are_checked_before_any_record() -> None:
    never_read = iter(())
    for kwargs, name in [
        ({"on": "2025-01-01"}, "on"),
        ({"on": ON, "periods": 61}, "periods"),
        ({"on": ON, "waive": ("principal",)}, "waive"),
        ({"on": ON, "down_payment": -1}, "down_payment"),
        ({"on": ON, "budget": "abc"}, "budget"),
    ]:
        with pytest.raises(hc.InputError) as err:
            hc.compare_many(never_read, **kwargs)
        assert err.value.name == name


def test_streams_an_endless_input() -> None:
    # streaming: rows come out as records go in, so an endless source is fine
    endless = ({"id": i, "product": "huabei", "principal": "1000"} for i in itertools.count())
    rows = list(itertools.islice(hc.compare_many(endless, on=ON), 3))
    assert [r["id"] for r in rows] == [0, 1, 2]


def test_batch_totals_sums_the_good_rows_and_counts_errors() -> None:
    records = [
        {"id": 1, "product": "huabei", "principal": "1000"},
        {"id": 2, "product": "jiebei", "principal": "2000", "interest": "50"},
        {"id": 3, "product": "huabei", "principal": "x"},
    ]
    rows = list(hc.compare_many(records, on=ON, periods=6))
    totals = hc.batch_totals(rows)
    assert (totals["rows"], totals["errors"]) == (3, 1)
    for key in ("principal", "total", "frozen_total", "accruing_total", "saving"):
        assert totals[key] == rows[0][key] + rows[1][key]
    empty = hc.batch_totals(iter([]))
    assert empty.keys() == totals.keys()
    assert (empty["rows"], empty["errors"], empty["saving"]) == (0, 0, D("0.00"))


def test_compare_frame_equals_compare_many() -> None:
    pd = pytest.importorskip("pandas")
    records = [
        {"id": "A", "product": "花呗", "principal": "8000", "penalty": "120", "overdue_since": ""},
        {"id": "B", "product": "借呗", "principal": "20000", "overdue_since": "2026-08-01"},
        {"id": "C", "product": "huabei", "principal": "junk", "overdue_since": ""},
    ]
    df = pd.DataFrame(records, index=[10, 11, 12])
    frame = hc.compare_frame(df, on=ON, periods=24)
    assert list(frame.columns) == list(COLUMNS)
    assert list(frame.index) == [10, 11, 12]
    expected = list(hc.compare_many(records, on=ON, periods=24))
    assert frame.to_dict("records") == expected
    assert frame.loc[12, "error"].startswith("principal='junk'")
    # pandas' empty cells (NaN) are "not given"
    nan = pd.DataFrame({"id": ["A"], "product": ["huabei"], "principal": ["100"], "fees": [None]})
    assert hc.compare_frame(nan.astype(object), on=ON).loc[0, "error"] is None


def test_periods_of_a_record_after_accrual_over_a_long_span() -> None:
    # a debt overdue for years is brought forward before the plan: frozen = debt on `on`
    since = (ON - timedelta(days=800)).isoformat()
    row = next(
        hc.compare_many(
            [{"id": 1, "product": "jiebei", "principal": "10000", "overdue_since": since}],
            on=ON,
            waive=(),
        )
    )
    assert row["frozen_total"] == row["total"] == D("10000.00") + D("7.50") * 800


_anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.decimals(),
    st.text(),
    st.text(alphabet="0123456789.,%-/ 万分之日day花呗借呗huabeijiebi"),
    st.dates(),
    st.datetimes(),
    st.binary(max_size=4),
    st.lists(st.integers(), max_size=2),
)


@given(
    st.dictionaries(
        st.sampled_from(
            ["id", "product", "principal", "interest", "fees", "penalty", "overdue_since", "budget"]
        ),
        _anything,
    )
)
def test_any_cell_gives_a_row_never_an_exception(record: dict[str, Any]) -> None:
    good = {"id": "g", "product": "huabei", "principal": "1000"}
    rows = list(hc.compare_many([record, good], on=ON))
    assert len(rows) == 2
    assert rows[1]["error"] is None
    if rows[0]["error"] is not None:
        assert rows[0]["error"].split("=")[0] in {
            *COLUMNS,
            "product",
            "overdue_since",
            "budget",
            "debt",
            "record",
        }


def test_a_per_mille_down_payment_is_a_percentage_like_in_freeze() -> None:
    # issue 10 §2: percent strings are read by rates alone, "1‰" wherever "%" works
    record = [{"id": 1, "product": "huabei", "principal": "10000"}]
    on = date(2025, 1, 31)
    row = next(hc.compare_many(record, on=on, periods=12, down_payment="1‰"))
    assert row["error"] is None
    plan = hc.freeze(hc.Debt(principal="10000"), 12, start=on, down_payment="1‰")
    assert plan.rows[0].payment == Decimal("10.00")


def test_an_iso_date_cell_past_the_last_year_is_refused_like_a_date() -> None:
    rows = hc.compare_many(
        [{"id": 1, "product": "huabei", "principal": "1000", "overdue_since": "9999-12-31"}],
        on=date(2025, 1, 31),
        periods=12,
    )
    assert next(rows)["error"] is not None


def test_the_error_column_speaks_the_language_asked_for() -> None:
    # review of issue 12: `huabei-calc batch --lang zh` wrote its error column in English
    from huabei_calc.batch import compare_many_in

    records = [
        {"id": "A", "product": "花呗", "principal": "abc"},
        {"id": "B", "product": "花呗", "principal": "1000"},
    ]
    zh = list(compare_many_in("zh", records, on=date(2025, 1, 31), periods=12))
    en = list(hc.compare_many(records, on=date(2025, 1, 31), periods=12))
    assert zh[0]["error"] == "principal='abc' 不是数字；请传入以元为单位的金额，例如 '1234.56'"
    assert (
        en[0]["error"] == "principal='abc' is not a number; pass an amount in yuan like '1234.56'"
    )
    assert zh[1] == en[1]
    with pytest.raises(hc.InputError) as err:
        compare_many_in("fr", records, on=date(2025, 1, 31))  # type: ignore[arg-type]
    assert err.value.name == "lang"
