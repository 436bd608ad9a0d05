"""Mutation testing of the core modules, one module at a time (docs/testing.md).

Usage (from the repository root, with the ``mutation`` extra installed)::

    python tools/mutation.py run [MODULE ...]        # all core modules when none is named
    python tools/mutation.py run rates --only '*parse*'  # only the mutants of one function
    python tools/mutation.py survivors [MODULE ...]  # rerun only the last run's survivors
    python tools/mutation.py report [MODULE ...]     # print the table of the last run
    python tools/mutation.py show MODULE MUTANT      # the diff of one mutant

Each module gets its own working copy ``build/mutation/<module>/`` (``src/``, ``tests/`` and
``pyproject.toml``), whose ``[tool.mutmut]`` is the project's plus ``only_mutate`` = that module
and ``pytest_add_cli_args_test_selection`` = the module's test files from
``[tool.mutmut.modules]``. mutmut then further narrows each mutant's tests to those that
called the mutated function. Every mutmut process runs under ``nice -n 19`` (the machine is
shared) with a derandomized Hypothesis profile, so that a mutant's verdict is reproducible:
``run`` uses ``mutation`` (25 examples a property, eight times faster over thousands of
mutants), ``survivors`` reruns what survived under ``ci`` (200, what .ci/run uses), so a
mutant is reported as surviving only if the suite as CI runs it lets it through.
``--jobs N`` sets mutmut's ``--max-children`` (default 2).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "mutation"
PACKAGE = "huabei_calc"


def _config() -> dict[str, object]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    config: dict[str, object] = data["tool"]["mutmut"]
    return config


def _modules() -> dict[str, list[str]]:
    modules = _config()["modules"]
    assert isinstance(modules, dict)
    return {str(k): [str(t) for t in v] for k, v in modules.items()}


def _toml_value(value: object) -> str:
    return json.dumps(value)  # lists of strings, numbers, booleans: JSON spells them as TOML


def _prepare(module: str, tests: list[str]) -> Path:
    """Lay out (or refresh) the working copy of one module: sources, tests, config."""
    here = WORK / module
    here.mkdir(parents=True, exist_ok=True)
    for name in ("src", "tests"):
        target = here / name
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(
            ROOT / name, target, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
        )
    config = {k: v for k, v in _config().items() if k != "modules"}
    package = ROOT / "src" / PACKAGE / module  # the solver, _roots, is a package
    config["only_mutate"] = [
        f"src/{PACKAGE}/{module}/*" if package.is_dir() else f"src/{PACKAGE}/{module}.py"
    ]
    config["pytest_add_cli_args_test_selection"] = tests
    lines = ["[tool.mutmut]"] + [f"{k} = {_toml_value(v)}" for k, v in config.items()]
    pytest_section = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["pytest"]
    ini = pytest_section["ini_options"]
    lines += ["", "[tool.pytest.ini_options]"]
    lines += [f"{k} = {_toml_value(v)}" for k, v in ini.items() if k != "testpaths"]
    (here / "pyproject.toml").write_text("\n".join(lines) + "\n", "utf-8")
    return here


def _mutmut(here: Path, args: list[str], profile: str = "ci") -> int:
    env = dict(os.environ, HYPOTHESIS_PROFILE=profile, PYTHONDONTWRITEBYTECODE="1")
    command = ["nice", "-n", "19", sys.executable, "-m", "mutmut", *args]
    return subprocess.call(command, cwd=here, env=env)


def _results(here: Path) -> dict[str, str]:
    """Mutant name -> status ("killed", "survived", "timeout", ...) of the last run."""
    out = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        cwd=here,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    found: dict[str, str] = {}
    for line in out.splitlines():
        match = re.match(r"\s*(\S+): (.+)$", line)
        if match:
            found[match.group(1)] = match.group(2).strip()
    return found


def _summary(module: str) -> dict[str, int]:
    results = _results(WORK / module)
    counts: dict[str, int] = {"mutants": len(results)}
    for status in results.values():
        counts[status] = counts.get(status, 0) + 1
    return counts


def _report(modules: list[str]) -> None:
    print(f"{'module':<12} {'mutants':>8} {'killed':>7} {'survived':>9}  other")
    for module in modules:
        if not (WORK / module / "mutants").exists():
            print(f"{module:<12} (not run)")
            continue
        c = _summary(module)
        other = {k: v for k, v in c.items() if k not in ("mutants", "killed", "survived")}
        print(
            f"{module:<12} {c['mutants']:>8} {c.get('killed', 0):>7} "
            f"{c.get('survived', 0):>9}  {other or ''}"
        )
        for name, status in sorted(_results(WORK / module).items()):
            if status not in ("killed",):
                print(f"    {name}: {status}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["run", "survivors", "report", "show"])
    parser.add_argument("modules", nargs="*")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="PATTERN",
        help="run: only the mutants whose name matches (fnmatch), e.g. '*Rate*parse*'",
    )
    args = parser.parse_args(argv)
    known = _modules()
    if args.command == "show":
        module, mutant = args.modules
        return _mutmut(WORK / module, ["show", mutant])
    modules = args.modules or list(known)
    for module in modules:
        if module not in known:
            parser.error(f"unknown module {module!r}; known: {', '.join(known)}")
    if args.command == "report":
        _report(modules)
        return 0
    status = 0
    for module in modules:
        if args.command == "run":
            here = _prepare(module, known[module])
            shutil.rmtree(here / "mutants", ignore_errors=True)
            command = ["run", "--max-children", str(args.jobs), *args.only]
            status |= _mutmut(here, command, "mutation")
        else:
            here = WORK / module
            if not (here / "mutants").exists():
                print(f"{module}: no earlier run; use `run` first")
                status = 1
                continue
            left = [n for n, s in _results(here).items() if s != "killed"]
            if not left:
                print(f"{module}: no survivors")
                continue
            _prepare(module, known[module])
            # the tests' times were measured under the light profile: measure them again
            # under ci, or a slow but correct test would pass for a timed-out mutant
            (here / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
            status |= _mutmut(here, ["run", "--max-children", str(args.jobs), *left])
    _report(modules)
    return status


if __name__ == "__main__":
    sys.exit(main())
