"""The layout of the source: no private name crosses a module, and only public names show.

What two modules share gets a name without a leading underscore in the module
that owns it (kept out of ``__all__`` when it is not public API); a module may
itself be private (``_check``, ``_dates``). ``__all__`` of every module lists only
the public API: the names of ``huabei_calc.__all__`` and the names the API
reference documents (docs/reference/api.md).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import huabei_calc as hc

SRC = Path(hc.__file__).parent
DOCS = Path(__file__).parent.parent / "docs" / "reference" / "api.md"


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(SRC.rglob("*.py")):
        yield str(path.relative_to(SRC)), ast.parse(path.read_text(encoding="utf-8"))


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_imports(tree: ast.Module) -> list[str]:
    """``from .x import _y`` and ``from ..x import _y`` (relative, or of huabei_calc)."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.module is None:  # "from . import _check": modules, whose names may be private
            continue
        if node.level > 0 or node.module.split(".")[0] == "huabei_calc":
            found += [f"{node.module}.{a.name}" for a in node.names if _private(a.name)]
    return found


def test_the_walk_finds_a_private_import() -> None:
    # the check must be able to fail
    bad = ast.parse("from .schedule import _row\nfrom ..x import _y as y\nfrom ._check import ok")
    assert private_imports(bad) == ["schedule._row", "x._y"]
    assert private_imports(ast.parse("from . import _check\nfrom os import _exit")) == []


def test_no_private_name_is_imported_across_modules() -> None:
    crossings = {where: found for where, tree in _modules() if (found := private_imports(tree))}
    assert crossings == {}


def test_schedule_and_loans_do_not_import_accrual_to_check_a_date() -> None:
    for name in ("schedule.py", "loans.py"):
        tree = ast.parse((SRC / name).read_text(encoding="utf-8"))
        homes = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert "overdue" not in homes, name
    # check_date lives in _check alone: no module defines its own
    defined = {
        where
        for where, tree in _modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name == "check_date"
    }
    assert defined == {"_check.py"}


def _documented() -> set[str]:
    """Names the API reference documents: ``::: huabei_calc.module.Name`` (and whole modules)."""
    names: set[str] = set(hc.__all__)
    for target in re.findall(r"^::: huabei_calc\.(\S+)", DOCS.read_text(encoding="utf-8"), re.M):
        module, _, name = target.rpartition(".")
        if module:
            names.add(name)
        else:  # a whole module is documented: its own public names
            tree = ast.parse((SRC / f"{name}.py").read_text(encoding="utf-8"))
            names |= _all_of(tree) or set()
    return names


def _all_of(tree: ast.Module) -> set[str] | None:
    for node in tree.body:
        targets = [node.target] if isinstance(node, ast.AnnAssign) else []
        if isinstance(node, ast.Assign):
            targets = node.targets
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            value = node.value
            assert isinstance(value, ast.List | ast.Tuple)
            return {elt.value for elt in value.elts if isinstance(elt, ast.Constant)}
    return None


def test_every_module_all_lists_only_public_names() -> None:
    public = _documented()
    extra = {}
    for where, tree in _modules():
        names = _all_of(tree)
        if where == "__init__.py" or names is None:
            continue
        if Path(where).stem.startswith("_") and Path(where).stem != "__init__":
            unexpected = names  # a private module has no public names
        else:
            unexpected = names - public
        if unexpected:
            extra[where] = sorted(unexpected)
    assert extra == {}


def test_dir_shows_only_public_names() -> None:
    shown = {name for name in dir(hc) if not (name.startswith("__") and name.endswith("__"))}
    assert shown == set(hc.__all__)
    for hidden in ("TYPE_CHECKING", "annotations", "Any", "_HOME"):
        assert hidden not in dir(hc)
    hc.Rate  # noqa: B018  a resolved name is cached in the module, and still public
    assert "Rate" in dir(hc)
