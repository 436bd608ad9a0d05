"""The catalog: every id has English and Chinese words with the same fields."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import huabei_calc as hc
from huabei_calc._catalog import LANGS, MESSAGES, fields, text
from huabei_calc.errors import InputError


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_id_speaks_both_languages(code: str) -> None:
    en, zh = MESSAGES[code]
    assert en.strip(), code
    assert zh.strip(), code
    assert fields(en) == fields(zh), code
    params = dict.fromkeys(fields(en), "X")
    for lang in LANGS:
        assert text(code, lang, **params)


def test_chinese_words_are_chinese() -> None:
    # a zh entry that is only ASCII was most likely left untranslated
    untranslated = [code for code, (en, zh) in MESSAGES.items() if zh == en and zh.isascii()]
    assert not untranslated


def test_an_error_carries_its_id_and_speaks_both_languages() -> None:
    err = InputError("periods", 0, "err.whole_number", lo=1, hi=60)
    assert (err.code, err.params) == ("err.whole_number", {"lo": 1, "hi": 60})
    assert str(err) == err.message("en") == "periods=0 must be a whole number from 1 to 60"
    assert err.message("zh") == "periods=0 必须是 1 到 60 之间的整数"


# the modules whose every InputError carries a catalog id (helper "core"'s share of issue 10)
CORE = (
    "money.py",
    "rates.py",
    "products.py",
    "debt.py",
    "overdue.py",
    "plans.py",
    "schedule.py",
    "loans.py",
    "_amortize.py",
    "_check.py",
)


def _codes_raised(source: str) -> list[object]:
    """The third argument of every ``InputError(...)`` call: a constant, or what it is."""
    import ast

    codes: list[object] = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "InputError"
        ):
            code = node.args[2]
            if isinstance(code, ast.Constant):
                codes.append(code.value)
            elif isinstance(code, ast.JoinedStr):  # f"err.rate_above_{period}"
                codes.append("f-string")
            else:
                codes.append(ast.unparse(code))
    return codes


@pytest.mark.parametrize("module", CORE)
def test_every_error_of_the_core_has_a_catalog_id(module: str) -> None:
    from pathlib import Path

    import huabei_calc

    source = (Path(huabei_calc.__file__).parent / module).read_text(encoding="utf-8")
    computed = {"f-string", "_MISSING[not has_unit, period is None]"}  # see the test below
    not_ids = [c for c in _codes_raised(source) if c not in computed and c not in MESSAGES]
    assert not_ids == []


def test_the_walk_finds_a_legacy_message() -> None:
    assert _codes_raised('raise InputError("x", 1, "must be nice")') == ["must be nice"]


@pytest.mark.parametrize("period", ["day", "month", "year"])
def test_computed_ids_exist(period: str) -> None:
    from huabei_calc.rates import _MISSING

    assert f"err.rate_above_{period}" in MESSAGES
    assert f"err.overdue_rate_{period}" in MESSAGES
    assert all(code in MESSAGES for code in _MISSING.values())


def _input_errors_without_an_id(tree: ast.Module) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "InputError"):
            continue
        if len(node.args) < 3:
            found.append(f"line {node.lineno}: no message id")
            continue
        code = node.args[2]
        if isinstance(code, ast.Constant) and code.value not in MESSAGES:
            found.append(f"line {node.lineno}: {code.value!r}")
        elif isinstance(code, ast.JoinedStr) and not ast.unparse(code).startswith("f'err."):
            found.append(f"line {node.lineno}: {ast.unparse(code)}")
    return found


def test_the_walk_finds_an_input_error_without_an_id() -> None:
    bad = ast.parse('InputError("x", 1, "must be good")\nInputError("x", 1, "err.basis")')
    assert _input_errors_without_an_id(bad) == ["line 1: 'must be good'"]


def test_every_library_input_error_names_a_catalog_id() -> None:
    # issue 10 §2: every module, the command line and the charts included, words its
    # refusals by catalog id (no legacy English-only third argument)
    src = Path(hc.__file__).parent
    missing = {}
    for path in sorted(src.rglob("*.py")):
        where = path.relative_to(src).as_posix()
        found = _input_errors_without_an_id(ast.parse(path.read_text(encoding="utf-8")))
        if found:
            missing[where] = found
    assert missing == {}


def test_showing_keeps_the_refusal_and_names_the_whole_value() -> None:
    # Rate.parse refuses "abc%" inside "abc%/day" and shows the caller's whole text
    err = InputError("rate", "abc%", "err.at_most", cap=1).showing("abc%/day")
    assert (err.name, err.value, err.code, err.params) == (
        "rate",
        "abc%/day",
        "err.at_most",
        {"cap": 1},
    )
    assert str(err) == "rate='abc%/day' " + text("err.at_most", "en", cap=1)
    free = InputError("x", 1, "must be nice").showing(2)  # an embedder's own words
    assert (free.code, free.accepted, str(free)) == (None, "must be nice", "x=2 must be nice")
