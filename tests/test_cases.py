"""cases.py and casefile.py: the debtor's case, its options and proposal, the case file."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import huabei_calc as hc
from huabei_calc.accounts import check_id_number, mask_id_number
from huabei_calc.casefile import loads
from huabei_calc.cases import split_budget
from huabei_calc.casewrite import dumps, write_atomic
from huabei_calc.casewrite import example as example_case

from .strategies import cases, money

ID = "11010519491231002X"  # GB 11643-1999's own example number (check character X)
D = Decimal


def _readme_case() -> hc.Case:
    return example_case("zh")


# -- golden cases (hand-checked; the rules are on docs/rules.md, "Cases and drafts") --


def test_breakdown_golden_readme_case() -> None:
    # docs/rules.md "Cases and drafts": 花呗 8,000 overdue since 2026-06-10, to 2026-11-29:
    # 172 days (20 + 31 + 31 + 30 + 31 + 29) × 8,000 × 0.05% = 4.00/day → 688.00.
    # 借呗 statement of 2026-10-01 (20,000 + 1,200), overdue since 2026-08-01: accrues from
    # max(as_of, overdue_since) = 2026-10-01, 59 days × 21,200 × 0.075% = 15.90/day → 938.10.
    bd = _readme_case().breakdown()
    hua, jie = bd.rows
    assert (hua.since, hua.days, hua.added, hua.debt.total) == (
        date(2026, 6, 10),
        172,
        D("688.00"),
        D("8688.00"),
    )
    assert (jie.since, jie.days, jie.added, jie.debt.penalty) == (
        date(2026, 10, 1),
        59,
        D("938.10"),
        D("938.10"),
    )
    assert bd.total == hc.Debt(principal="28000", interest="1200", penalty="1626.10")
    assert bd.added == D("1626.10")


def test_budget_golden() -> None:
    # 6,500 − (1,800 + 2,500 + 600) = 1,600
    assert _readme_case().budget == D("1600.00")


def test_propose_golden_readme_case() -> None:
    # frozen 8,000 and 21,200 (penalty waived); 1,600 × 8,000 / 29,200 = 438.356… → 438.36,
    # 1,600 × 21,200 / 29,200 = 1,161.643… → 1,161.64 (sum 1,600.00: no remainder).
    # 花呗: 18 periods need 444.44 > 438.36; 19: 8,000/19 → 421.05, period 1 takes 421.10.
    # 借呗: 18 periods need 1,177.77 > 1,161.64; 19: 1,115.78, period 1 takes 1,115.96.
    p = _readme_case().propose()
    assert dict(p.shares) == {"花呗": D("438.36"), "借呗": D("1161.64")}
    assert [len(s.rows) for s in p.plans.values()] == [19, 19]
    assert p.plans["花呗"].rows[0].payment == D("421.10")
    assert p.plans["借呗"].rows[0].payment == D("1115.96")
    assert p.monthly_total == D("1537.06")
    assert p.periods == 19
    assert p.monthly()[0][1:] == (date(2026, 12, 29), D("1537.06"))


def test_options_golden_twelve_periods() -> None:
    # 8,000/12 → 666.66, period 1: 8,000 − 11 × 666.66 = 666.74; 21,200/12 → 1,766.66,
    # period 1: 21,200 − 11 × 1,766.66 = 1,766.74; together 2,433.48 > 1,600: does not fit.
    opts = _readme_case().options((12, 24))
    twelve = opts.totals[0]
    assert (twelve.monthly_payment, twelve.frozen_total, twelve.fits_budget) == (
        D("2433.48"),
        D("29200.00"),
        False,
    )
    assert opts.totals[1].fits_budget
    rows = {(r.account, r.periods): r for r in opts.rows}
    case = _readme_case()
    for (label, n), row in rows.items():
        plan = hc.freeze(case.owed(label), n, start=case.on, waive=("penalty",))
        product = next(a.product for a in case.accounts if a.label == label)
        cmp = hc.compare(case.owed(label), product, plan)
        assert (row.frozen_total, row.accruing_total, row.saving) == (
            cmp.frozen_total,
            cmp.accruing_total,
            cmp.saving,
        )
        assert row.accruing_cleared_on == cmp.accruing_cleared_on


def test_an_account_without_overdue_since_is_taken_unchanged() -> None:
    acct = hc.Account("x", hc.HUABEI, hc.Debt(principal="100", penalty="5"))
    case = hc.Case((acct,), on=date(2026, 1, 1))
    assert case.breakdown().rows[0].debt == acct.debt
    assert case.breakdown().rows[0].added == 0


def test_no_budget_no_plan_and_the_shortfall_is_named() -> None:
    acct = hc.Account("花呗", hc.HUABEI, hc.Debt(principal="6000"))
    case = hc.Case((acct,), on=date(2026, 1, 1), income={"wage": "100"}, expenses={"rent": "150"})
    assert case.budget == D("-50.00")
    with pytest.raises(hc.InputError) as info:
        case.propose()
    # 60 periods of 6,000 need 100.00 a month; the budget is −50: 150.00 short
    assert info.value.name == "budget"
    assert info.value.params["short"] == D("150.00")
    assert "150.00 short a month" in str(info.value)
    assert all(not t.fits_budget for t in case.options().totals)


# -- the ID number -------------------------------------------------------------------


def test_id_number_is_checked_and_kept_masked() -> None:
    who = hc.Applicant("张三", id_number=ID.lower())
    assert who.id_number == "110105********002X"
    assert ID not in repr(who)
    assert ID not in str(who)
    assert mask_id_number(check_id_number(ID)) == who.id_number
    # a masked number (as a case file holds it) is taken as it is
    assert hc.Applicant("张三", id_number="110105********002X") == who


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("110105194912310021", "err.id_number_check"),  # check character should be X
        ("11010519491231002", "err.id_number_format"),  # 17 characters
        ("1101051949123100AX", "err.id_number_format"),
        ("", "err.id_number_format"),
    ],
)
def test_bad_id_numbers(number: str, code: str) -> None:
    with pytest.raises(hc.InputError) as info:
        hc.Applicant("张三", id_number=number)
    assert (info.value.name, info.value.code) == ("id_number", code)
    assert number[6:14] not in str(info.value) or len(number) < 14


@given(st.text("0123456789", min_size=17, max_size=17))
def test_exactly_one_check_character_is_right(digits: str) -> None:
    right = [c for c in "0123456789X" if _valid(digits + c)]
    assert len(right) == 1


def _valid(number: str) -> bool:
    try:
        check_id_number(number)
    except hc.InputError:
        return False
    return True


# -- bad input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "name"),
    [
        (lambda: hc.Account("", hc.HUABEI, hc.Debt(principal="1")), "label"),
        (lambda: hc.Account("a", "huabei", hc.Debt(principal="1")), "product"),
        (lambda: hc.Account("a", hc.HUABEI, "1"), "debt"),
        (lambda: hc.Account("a", hc.HUABEI, hc.Debt()), "debt"),
        (lambda: hc.Account("a", hc.HUABEI, hc.Debt(principal="1"), as_of="2025"), "as_of"),
        (lambda: hc.Case((), on=date(2026, 1, 1)), "accounts"),
        (lambda: hc.Case((_acct("a"), _acct("a")), on=date(2026, 1, 1)), "accounts"),
        (lambda: hc.Case((_acct("a"),), on="2026-01-01"), "on"),
        (lambda: hc.Case((_acct("a"),), on=date(2026, 1, 1), income={"w": "-1"}), "income"),
        (lambda: hc.Case((_acct("a"),), on=date(2026, 1, 1), income=[1]), "income"),
        (lambda: hc.Case((_acct("a", since=date(2026, 2, 1)),), on=date(2026, 1, 1)), "on"),
        (lambda: hc.Case((_acct("a"),), on=date(2026, 1, 1)).options(()), "periods"),
        (lambda: hc.Case((_acct("a"),), on=date(2026, 1, 1)).options((61,)), "periods"),
        (lambda: hc.Case((_acct("a"),), on=date(2026, 1, 1)).options((3, 3)), "periods"),
        (lambda: hc.Case((_acct("a"),), on=date(2026, 1, 1)).propose(waive=("x",)), "waive"),
        (lambda: hc.Applicant("a", phone="call me"), "phone"),
    ],
)
def test_bad_input_names_the_parameter(make: object, name: str) -> None:
    with pytest.raises(hc.InputError) as info:
        make()  # type: ignore[operator]
    assert info.value.name == name


def _acct(label: str, since: date | None = None) -> hc.Account:
    return hc.Account(label, hc.HUABEI, hc.Debt(principal="1000"), overdue_since=since)


# -- properties ----------------------------------------------------------------------


@given(money("-1000", "100000"), st.lists(money("0.01", "1000000"), min_size=1, max_size=6))
@example(D("100.00"), [D(1), D(1), D(1)])
def test_budget_split_sums_to_the_budget_to_the_fen(budget: Decimal, weights: list) -> None:
    shares = split_budget(budget, weights)
    assert sum(shares) == budget
    assert all(s.as_tuple().exponent == -2 for s in shares)
    whole = sum(weights)
    big = max(range(len(weights)), key=lambda i: (weights[i], -i))
    for i, (share, w) in enumerate(zip(shares, weights, strict=True)):
        if i != big:  # half-up to the fen: within half a fen of the exact share
            assert abs(share - budget * w / whole) <= D("0.005")


@given(cases(), money("1", "20000"))
def test_proposal_fits_the_budget_and_is_minimal(case: hc.Case, income: Decimal) -> None:
    case = hc.Case(case.accounts, on=case.on, income={"w": income})
    failure: hc.InputError | None = None
    try:
        p = case.propose()
    except hc.InputError as err:
        failure = err
    if failure is not None:  # no split fits within 60 periods: the shortfall is named
        assert failure.name == "budget"
        assert Decimal(str(failure.params["short"])) > 0
        return
    assert p.monthly_total <= case.budget
    assert max(total for k, _, total in p.monthly() if k >= 1) == p.monthly_total
    assert sum(p.shares.values()) == case.budget
    for label, plan in p.plans.items():
        owed = case.owed(label)
        assert plan.principal == owed.without(("penalty",)).total
        assert plan.start == case.on
        largest = max(r.payment for r in plan.rows if r.period >= 1)
        assert largest <= p.shares[label]
        n = plan.rows[-1].period
        if n > 1:  # one period fewer would not fit this account's share
            shorter = hc.freeze(owed, n - 1, start=case.on, waive=("penalty",))
            assert max(r.payment for r in shorter.rows if r.period >= 1) > p.shares[label]


@given(cases())
def test_breakdown_totals_reconcile(case: hc.Case) -> None:
    bd = case.breakdown()
    for bucket in ("principal", "interest", "fees", "penalty"):
        assert getattr(bd.total, bucket) == sum(getattr(r.debt, bucket) for r in bd.rows)
    assert bd.total.total == sum(r.statement.total for r in bd.rows) + bd.added
    for r in bd.rows:
        assert r.debt.total == r.statement.total + r.added


@given(cases())
def test_the_case_file_reads_back_what_was_written(case: hc.Case) -> None:
    text = dumps(case)
    assert loads(text) == case
    assert ID not in text


# -- the case file -------------------------------------------------------------------

BAD = """\
on = 2026-11-29
[applicant]
name = "张三"
id_number = "110105194912310021"
[income]
"工资" = "-6500"
[expenses]
"房租" = 1800.5
[[accounts]]
label = "花呗"
product = "visa"
principal = "8000"
[[accounts]]
label = "借呗"
product = "jiebei"
principal = "20000"
overdue_since = 2027-01-01
colour = "red"
"""


def test_a_bad_case_file_names_file_line_and_field_for_every_problem() -> None:
    with pytest.raises(hc.CaseFileError) as info:
        loads(BAD, "case.toml")
    lines = info.value.message("en").splitlines()
    assert lines == [
        "case.toml:4: applicant.id_number: '110105********0021' has a wrong check character "
        "(GB 11643-1999, ISO 7064 MOD 11-2): check for a typo",
        "case.toml:6: income.工资: '-6500' must not be negative",
        "case.toml:8: expenses.房租: 1800.5 is a TOML float, which cannot hold money exactly; "
        'write it as a string: "1800.5"',
        "case.toml:11: accounts[1].product: 'visa' is not a product; accepted: huabei, jiebei, "
        "花呗, 借呗",
        "case.toml:18: accounts[2].colour: is not a field here; accepted: label, product, rate, "
        "principal, interest, fees, penalty, as_of, overdue_since",
        "case.toml:17: accounts[2].overdue_since: 2027-01-01 is after the case date 2026-11-29: "
        "an account cannot be overdue since a later day",
    ]
    assert "110105194912310021" not in str(info.value)
    zh = info.value.message("zh").splitlines()
    assert zh[3].startswith("case.toml:11：accounts[1].product：'visa' 不是已知产品")


def test_a_toml_syntax_error_keeps_line_and_column() -> None:
    with pytest.raises(hc.CaseFileError) as info:
        loads('on = 2026-11-29\n[income]\n"x" = \n', "c.toml")
    (problem,) = info.value.problems
    assert problem.line == 3
    assert "(at line 3, column" in problem.message()


def test_missing_fields_are_named() -> None:
    with pytest.raises(hc.CaseFileError) as info:
        loads('[[accounts]]\nlabel = "x"\n', "c.toml")
    assert [p.field for p in info.value.problems] == [
        "on",
        "accounts[1].product",
        "accounts[1].principal",
    ]


def test_load_and_dump_files(tmp_path: Path) -> None:
    case = _readme_case()
    path = tmp_path / "case.toml"
    case.dump(path)
    assert hc.Case.load(path) == case
    assert ID not in path.read_text(encoding="utf-8")
    with pytest.raises(hc.InputError) as info:
        hc.Case.load(tmp_path / "missing.toml")
    assert info.value.name == "path"


def test_an_unwritable_path_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "dir" / "case.toml"
    with pytest.raises(hc.InputError) as info:
        write_atomic(target, "x")
    assert info.value.code == "err.case_file_write"
    # an existing file is untouched when the write fails half-way
    keep = tmp_path / "keep.toml"
    keep.write_text("old", encoding="utf-8")
    os.chmod(tmp_path, 0o500)
    try:
        if os.access(tmp_path, os.W_OK):  # root ignores the mode: nothing to prove here
            return
        with pytest.raises(hc.InputError):
            write_atomic(keep, "new")
        assert keep.read_text(encoding="utf-8") == "old"
    finally:
        os.chmod(tmp_path, 0o700)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.toml"]
