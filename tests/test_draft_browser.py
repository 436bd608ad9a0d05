"""The HTML draft in a real browser: Debian's chromium driven by Playwright's Python API.

``.ci/run`` installs ``chromium`` and ``fonts-noto-cjk``; Playwright's own browser
download is never used (``executable_path``). When no browser can be launched the
tests skip with the reason printed, except in CI (``CI`` set), where they fail.
Artifacts (screenshot of the first page, the PDF) go to a temporary folder whose
path is printed.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import huabei_calc as hc
from huabei_calc._catalog import text
from huabei_calc.casewrite import example
from huabei_calc.drafting import SECTIONS

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
A4 = {"width": 794, "height": 1123}  # CSS pixels of an A4 page at 96 dpi


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def _skip(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests must run in CI: {reason}")
    print(f"\nSKIP browser tests: {reason}", file=sys.stderr)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as err:  # pragma: no cover - the test extra installs it
        _skip(f"playwright is not installed ({err})")
    path = _chromium()
    if path is None:
        _skip("no chromium executable (apt-get install chromium fonts-noto-cjk)")
    profile = tempfile.mkdtemp(prefix="hc-chromium-")
    with sync_playwright() as p:
        try:
            context = p.chromium.launch_persistent_context(
                profile, executable_path=path, args=ARGS, headless=True, viewport=A4
            )
        except Exception as err:  # any launch failure is an environment to report
            _skip(f"chromium at {path} did not start: {err}")
        yield context
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def artifacts() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="hc-draft-artifacts-"))
    print(f"\nbrowser test artifacts: {folder}", file=sys.stderr)
    return folder


def _open(browser: Any, html: str, folder: Path, name: str) -> tuple[Any, list[str]]:
    path = folder / name
    path.write_text(html, encoding="utf-8")
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, errors


def _number(s: str) -> Decimal:
    return Decimal(s.strip().replace(",", ""))


def test_draft_in_chromium(browser: Any, artifacts: Path) -> None:
    case = example("zh")
    html = hc.draft(case)
    page, errors = _open(browser, html, artifacts, "协商申请.html")
    # every section is there, in order, visible, with its title
    ids = page.eval_on_selector_all("section", "els => els.map(e => e.id)")
    assert ids == list(SECTIONS)
    for sid in SECTIONS:
        heading = page.locator(f"section#{sid} h2")
        assert heading.is_visible()
        assert heading.inner_text() == text(f"draft.section.{sid}", "zh")
    # the numbers the browser shows equal the library's, for each account
    proposal = case.propose()
    for account in case.accounts:
        label, owed = account.label, case.owed(account.label)
        plan = proposal.plans[label]
        cmp = hc.compare(owed, account.product, plan)
        first_due = plan.rows[0].due
        assert first_due is not None
        lapse = hc.breach(
            owed,
            account.product,
            plan,
            missed_period=1,
            until=date(first_due.year + 1, first_due.month, first_due.day),
            revive=plan.waived,
        )

        def shown(field: str, label: str = label) -> str:
            sel = f'[data-field="{field}"][data-account="{label}"]'
            return str(page.locator(sel).inner_text())

        assert _number(shown("total")) == owed.total
        assert _number(shown("frozen_total")) == cmp.frozen_total
        assert _number(shown("accruing_total")) == cmp.accruing_total
        assert _number(shown("untouched_balance")) == cmp.untouched_balance
        assert _number(shown("saving")) == cmp.saving
        assert _number(shown("breach_total")) == lapse.debt.total
        assert _number(shown("breach_charged")) == lapse.charged
        for row in plan.rows:
            assert _number(shown(f"pay{row.period}")) == row.payment
    assert _number(page.locator('[data-field="pay1"][data-account="*"]').inner_text()) == (
        proposal.monthly_total
    )
    # the chart is drawn (inline SVG with three lines) and the Chinese text has a real font
    assert page.locator("svg polyline").count() == 3
    box = page.locator("svg").bounding_box()
    assert box is not None
    assert box["width"] > 300
    assert box["height"] > 100
    # readable on a phone: nothing wider than the screen but the scrolling tables
    page.set_viewport_size({"width": 390, "height": 844})
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= 390
    page.set_viewport_size(A4)
    # a screenshot of the first page, kept as an artifact
    shot = artifacts / "draft-first-page.png"
    page.screenshot(path=str(shot), clip={"x": 0, "y": 0, **A4})
    assert shot.stat().st_size > 10_000
    # printing: an A4 PDF of a sensible page count
    pdf = artifacts / "draft.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))
    assert 2 <= pages <= 10, pages
    assert errors == []
    print(f"\nfirst page: {shot}\nPDF ({pages} pages): {pdf}", file=sys.stderr)
    page.close()


def test_english_and_no_budget_draft_in_chromium(browser: Any, artifacts: Path) -> None:
    case = example("en")
    broke = hc.Case(case.accounts, on=case.on, income={"salary": "900"}, expenses={"rent": "1800"})
    page, errors = _open(browser, hc.draft(broke, lang="en"), artifacts, "broke.html")
    body = page.locator("body").inner_text()
    assert text("draft.no_surplus", "en") in body
    assert page.locator("section").count() == len(SECTIONS)
    assert errors == []
    page.close()
