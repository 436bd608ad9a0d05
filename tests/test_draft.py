"""draft.py, document.py, svgchart.py: the negotiation draft as text, and the case command."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings

import huabei_calc as hc
from huabei_calc._catalog import text
from huabei_calc.casewrite import dumps, example
from huabei_calc.cli import main
from huabei_calc.document import money
from huabei_calc.drafting import SECTIONS
from huabei_calc.legal import percent

from .strategies import cases

ID = "11010519491231002X"
TITLES = {lang: [text(f"draft.section.{s}", lang) for s in SECTIONS] for lang in ("en", "zh")}


class _Cells(HTMLParser):
    """Collects the text of every element with data-field, keyed by (field, account)."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: dict[tuple[str, str], str] = {}
        self.sections: list[str] = []
        self._open: tuple[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "section":
            self.sections.append(a.get("id") or "")
        if "data-field" in a:
            self._open = (a["data-field"] or "", a.get("data-account") or "")
            self.cells[self._open] = ""

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self.cells[self._open] += data

    def handle_endtag(self, tag: str) -> None:
        self._open = None


def _cells(html: str) -> _Cells:
    parser = _Cells()
    parser.feed(html)
    return parser


def _value(cell: str) -> Decimal:
    return Decimal(cell.replace(",", ""))


def test_html_draft_holds_every_section_in_order_and_the_library_figures() -> None:
    case = example("zh")
    html = hc.draft(case)
    found = _cells(html)
    assert found.sections == list(SECTIONS)
    positions = [html.index(f"<h2>{title}</h2>") for title in TITLES["zh"]]
    assert positions == sorted(positions)
    proposal = case.propose()
    for account in case.accounts:
        label, owed = account.label, case.owed(account.label)
        plan = proposal.plans[label]
        cmp = hc.compare(owed, account.product, plan)
        lapse = hc.breach(
            owed,
            account.product,
            plan,
            missed_period=1,
            until=date(2027, 12, 29),
            revive=plan.waived,
        )
        expected = {
            "total": owed.total,
            "penalty": owed.penalty,
            "frozen_total": cmp.frozen_total,
            "accruing_total": cmp.accruing_total,
            "untouched_balance": cmp.untouched_balance,
            "saving": cmp.saving,
            "breach_total": lapse.debt.total,
            "breach_charged": lapse.charged,
            "pay1": plan.rows[0].payment,
        }
        for field, value in expected.items():
            assert _value(found.cells[(field, label)]) == value, (field, label)
        cleared = cmp.accruing_cleared_on
        assert found.cells[("accruing_cleared_on", label)] == (
            cleared.isoformat() if cleared else text("draft.not_within", "zh", years=10)
        )
    # docs/rules.md "Cases and drafts": the README case, proposal 19 periods, 1,537.06 a month
    assert _value(found.cells[("pay1", "*")]) == Decimal("1537.06")
    assert _value(found.cells[("total", "*")]) == Decimal("30826.10")
    assert found.cells[("id_number", "")] == "110105********002X"


def test_the_draft_says_it_is_not_legal_advice_once() -> None:
    for lang in ("zh", "en"):
        words = text("draft.disclaimer", lang)
        for fmt in ("html", "markdown"):
            assert hc.draft(example(lang), lang=lang, format=fmt).count(words) == 1


def test_the_id_number_is_never_written_unmasked() -> None:
    case = example("zh")
    outputs = [hc.draft(case), hc.draft(case, format="markdown"), dumps(case), repr(case)]
    assert all(ID not in out for out in outputs)


def test_markdown_parses_with_every_section_and_table() -> None:
    case = example("en")
    md = hc.draft(case, lang="en", format="markdown")
    html = markdown.markdown(md, extensions=["tables"])
    headings = re.findall(r"<h2>(.*?)</h2>", html)
    assert headings == TITLES["en"]
    assert html.count("<table>") == hc.draft(case, lang="en").count("<table>") == 9
    # every figure of the comparison is in a parsed table cell
    cells = set(re.findall(r"<td[^>]*>(.*?)</td>", html))
    proposal = case.propose()
    for account in case.accounts:
        plan = proposal.plans[account.label]
        cmp = hc.compare(case.owed(account.label), account.product, plan)
        for value in (cmp.frozen_total, cmp.accruing_total, cmp.saving):
            assert money(value) in cells
    assert "110105********002X" in html  # the escaped stars come back as stars


def test_a_budget_at_or_below_zero_is_said_plainly() -> None:
    case = example("zh")
    broke = hc.Case(case.accounts, on=case.on, income={"工资": "1000"}, expenses={"房租": "1800"})
    html = hc.draft(broke)
    assert text("draft.no_surplus", "zh") in html
    assert "即使分 60 期" in html
    p = broke.plan(60)
    assert money(p.monthly_total - broke.budget) in html


def test_a_chosen_plan_and_english() -> None:
    case = example("en")
    proposal = case.plan(24, down_payment="10%")
    html = hc.draft(case, proposal, lang="en")
    assert "in 24 monthly installments" in html
    assert _cells(html).cells[("down_payment", "Huabei")] == "800.00"  # 10% of 8,000


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"lang": "fr"}, "lang"),
        ({"format": "pdf"}, "format"),
        ({"proposal": "p"}, "proposal"),
    ],
)
def test_bad_input(kwargs: dict[str, object], name: str) -> None:
    with pytest.raises(hc.InputError) as info:
        hc.draft(example("zh"), **kwargs)  # type: ignore[arg-type]
    assert info.value.name == name
    with pytest.raises(hc.InputError):
        hc.draft("case")  # type: ignore[arg-type]


def test_the_comparison_shows_the_legal_cost_check() -> None:
    # docs/rules.md (legal reference lines): a financial lender's 24% line; the draft shows
    # Comparison.cost_check of each account's accruing scenario on the case date
    case = example("zh")
    proposal = case.propose()
    cells = _cells(hc.draft(case)).cells
    for account in case.accounts:
        cmp = hc.compare(case.owed(account.label), account.product, proposal.plans[account.label])
        check = cmp.cost_check(on=case.on)
        assert cells[("cost_rate", account.label)] == percent(check.rate)
        for line in check.lines:
            key = (f"cost_exceeds.{line.name}", account.label)
            assert (key in cells) == line.applies
            if line.applies:
                assert cells[key] == ("是" if line.exceeded else "否")
    # Jiebei's 0.075% a day runs above 24% a year; Huabei's 0.05% (18.25% simple) does not
    assert cells[("cost_exceeds.financial_24", "借呗")] == "是"
    assert cells[("cost_exceeds.financial_24", "花呗")] == "否"


def test_the_chart_is_well_formed_svg() -> None:
    html = hc.draft(example("zh"))
    svg = re.search(r"<svg.*?</svg>", html, re.S)
    assert svg is not None
    root = ET.fromstring(svg.group(0))
    lines = root.findall("{http://www.w3.org/2000/svg}polyline")
    assert len(lines) == 3
    # one point per month of the 19-period plan, the first on the case date
    assert all(len(pl.attrib["points"].split()) == 20 for pl in lines)


@settings(max_examples=20)
@given(cases())
def test_any_case_drafts_in_both_formats(case: hc.Case) -> None:
    for fmt in ("html", "markdown"):
        out = hc.draft(case, format=fmt)  # type: ignore[arg-type]
        for title in TITLES["zh"]:
            assert title in out


# -- the command line ----------------------------------------------------------------


def test_cli_new_show_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "case.toml"
    assert main(["case", "new", "-o", str(path)]) == 0
    assert hc.Case.load(path) == example("zh")
    assert main(["case", "show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "30,826.10" in out
    assert "建议方案：19 期，每月合计不超过 1,537.06 元。" in out
    assert main(["case", "show", str(path), "--periods", "24,36", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^24\s+1,216\.82\s", out, re.M)
    target = tmp_path / "协商申请.html"
    assert main(["case", "draft", str(path), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == hc.draft(example("zh"))
    md = tmp_path / "a.md"
    assert main(["case", "draft", str(path), "-o", str(md), "--periods", "36"]) == 0
    assert md.read_text(encoding="utf-8") == hc.draft(
        example("zh"), example("zh").plan(36), format="markdown"
    )


def test_cli_bad_case_file_one_line_per_problem_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "case.toml"
    path.write_text(
        dumps(example("zh"))
        .replace('principal = "8000.00"', 'principal = "-8000"')
        .replace('product = "jiebei"', 'product = "weilidai"'),
        encoding="utf-8",
    )
    out = tmp_path / "draft.html"
    assert main(["case", "draft", str(path), "-o", str(out), "--lang", "en"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2
    assert re.match(rf"huabei-calc: {re.escape(str(path))}:\d+: accounts\[1\]\.principal: ", err[0])
    assert "accounts[2].product: 'weilidai' is not a product" in err[1]
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.toml"]


def test_cli_unwritable_output_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "case.toml"
    assert main(["case", "new", "-o", str(path)]) == 0
    assert main(["case", "draft", str(path), "-o", str(tmp_path / "no" / "x.html")]) == 2
    assert "无法写入" in capsys.readouterr().err  # the default language is zh
    assert main(["case", "draft", str(path), "--waive", "everything"]) == 2
    assert main(["case", "show", str(tmp_path / "missing.toml")]) == 2
    assert main(["case", "bogus"]) == 2


def test_the_readme_three_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = Path(__file__).resolve().parents[1] / "README.md"
    (block,) = re.findall(r"```sh\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)
    new, _edit, make = (line.split("#")[0].split() for line in block.strip().splitlines())
    assert new[:3] == ["huabei-calc", "case", "new"]
    assert new[3] == ">"
    monkeypatch.chdir(tmp_path)
    assert main(new[1:3]) == 0
    Path(new[4]).write_text(capsys.readouterr().out, encoding="utf-8")
    assert make[:3] == ["huabei-calc", "case", "draft"]
    assert main(make[1:]) == 0
    written = Path(make[-1]).read_text(encoding="utf-8")
    assert written == hc.draft(example("zh"))
    # the screenshot in the README shows this draft's first page
    assert (readme.parent / "docs" / "assets" / "draft-first-page.png").stat().st_size > 10_000


def test_cli_show_without_a_fitting_plan_and_help(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "case.toml"
    text_ = dumps(example("en")).replace('"salary" = "6500.00"', '"salary" = "5000.00"')
    path.write_text(text_, encoding="utf-8")
    # 5,000 − 4,900 = 100 a month: 60 periods need 133.53 + 353.53 = 487.06 in all
    assert main(["case", "show", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Monthly surplus available for repayment: 100.00 yuan." in out
    assert "No plan within 60 installments fits the budget: 387.06 short a month." in out
    assert main(["case", "--help"]) == 0
    assert "new|show|draft" in capsys.readouterr().out
    assert main(["case"]) == 2
    assert main(["case", "new", "--lang", "en"]) == 0
    assert '"salary" = "6500.00"' in capsys.readouterr().out
