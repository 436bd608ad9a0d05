"""The README's Python example runs and prints what it says (so it cannot rot)."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_python_example_runs() -> None:
    (code,) = _blocks("python")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, str(README), "exec"), {})
    charged, totals, apr = out.getvalue().splitlines()
    # Jiebei 21,200 base × 0.075% = 15.90 a day × 50 days (2025-01-10 → 2025-03-01)
    assert charged == "795.00"
    assert totals == "21200.00 48911.02 27711.02 2032-05-01"
    assert apr.startswith("0.1586")


def test_exactly_two_setup_commands_and_ci_runs_the_test_one() -> None:
    commands = [b.strip() for b in _blocks("bash")]
    assert len(commands) == 2
    assert "huabei-calc compare" in commands[0]
    test_command = commands[1].rsplit("&& ", 1)[1]
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci
