"""The repository explains itself: every rule cited lives on a page of docs/.

No tracked file may point at a file outside the repository (the reference notes the
project started from); every ``docs/<page>.md#<anchor>`` cited in the source, the
tests and the benchmarks, and every ``<page>.md#<anchor>`` link between the docs
pages, names an existing page and one of its headings.
"""

from __future__ import annotations

import os
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# spelled in pieces so that this file does not match itself
OUTSIDE = ("DOMAIN" + ".md", "API" + ".md", "../" + "shared", "work/" + "shared")
SKIP_DIRS = {".git", ".venv", "venv", "site", "build", "dist", "__pycache__", ".hypothesis"}
CITATION = re.compile(r"docs/((?:[\w-]+/)*[\w-]+\.md)(?:#([\w-]+))?")
LINK = re.compile(r"\]\(((?:[\w.-]+/)*[\w-]+\.md)#([\w-]+)\)")
FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def tracked_files() -> list[Path]:
    """The repository's tracked files (``git ls-files``), or its tree outside a checkout."""
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        found = []
        for here, dirs, files in os.walk(ROOT):
            dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not d.endswith(".egg-info")]
            found += [Path(here) / name for name in files]
        return found
    return [ROOT / name for name in out.decode().split("\0") if name and (ROOT / name).is_file()]


def slugify(text: str) -> str:
    """Python-Markdown's ``toc`` slug (MkDocs' default): ASCII words joined by ``-``."""
    text = re.sub(r"`|\*\*?|_(?=\w)|\[|\]\([^)]*\)", "", text)  # markup the page renders
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", ascii_).strip().lower())


def anchors(page: Path) -> set[str]:
    """The heading anchors of a markdown page (headings inside code fences skipped)."""
    found: set[str] = set()
    fenced = False
    for line in page.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else HEADING.match(line)
        if match:
            slug, n = slugify(match.group(2)), 1
            while slug in found:  # MkDocs numbers repeated headings
                slug, n = f"{slugify(match.group(2))}_{n}", n + 1
            found.add(slug)
    return found


def test_slugify_matches_the_docs_toc() -> None:
    assert slugify("Overdue charges (逾期费 / 罚息 / 复利)") == "overdue-charges"
    assert slugify("Before/after: the speed tricks") == "beforeafter-the-speed-tricks"
    assert slugify("`accrue`: overdue charges") == "accrue-overdue-charges"


def test_no_file_refers_to_a_file_outside_the_repository() -> None:
    bad = []
    for path in tracked_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # images and other binary files
        for number, line in enumerate(text.splitlines(), 1):
            if any(word in line for word in OUTSIDE):
                bad.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}")
    assert not bad, "cite a docs/ page instead:\n" + "\n".join(bad)


def _citations() -> list[tuple[str, str, str | None]]:
    """(where, page, anchor) for every docs citation in src, tests and benchmarks."""
    out = []
    for folder in ("src", "tests", "benchmarks"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            for number, line in enumerate(text.splitlines(), 1):
                for match in CITATION.finditer(line):
                    where = f"{path.relative_to(ROOT)}:{number}"
                    out.append((where, match.group(1), match.group(2)))
    return out


def test_the_code_cites_the_docs() -> None:
    cited = _citations()
    assert len(cited) > 50  # the rules the code relies on are cited, not just present
    pages = {page for _, page, _ in cited}
    assert {"conventions.md", "rules.md", "numerics.md"} <= pages


@pytest.mark.parametrize(("where", "page", "anchor"), _citations())
def test_each_citation_names_a_page_and_a_heading(where: str, page: str, anchor: str) -> None:
    target = DOCS / page
    assert target.is_file(), f"{where}: docs/{page} does not exist"
    if anchor is not None:
        assert anchor in anchors(target), f"{where}: docs/{page} has no heading #{anchor}"


def test_links_between_docs_pages_name_existing_headings() -> None:
    bad = []
    for page in sorted(DOCS.rglob("*.md")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            for match in LINK.finditer(line):
                target = (page.parent / match.group(1)).resolve()
                if not target.is_file() or match.group(2) not in anchors(target):
                    bad.append(f"{page.relative_to(ROOT)}:{number}: {match.group(0)}")
    assert not bad, "\n".join(bad)
