"""Old code against new: the loan builders of two commits, side by side in one interpreter.

Usage (from the repository root)::

    python benchmarks/old_vs_new.py e2a84f8            # that commit against the working tree
    python benchmarks/old_vs_new.py e2a84f8 HEAD --actual --rounds 150

Each side's ``src/huabei_calc`` is copied into a temporary directory under another name
(``hc_old``, ``hc_new``; the package imports itself only relatively), both are imported
into this process and their builders are called in alternation, round after round, so
that a burst of load on a shared machine hits both sides alike. Printed per builder and
size: the best time of each side and their ratio, then the ratio of the 10th
percentiles (docs/performance.md#guard-rails).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILDERS = ("equal_installment", "equal_principal", "interest_only")


def _copy(rev: str | None, name: str, into: Path) -> None:
    """``src/huabei_calc`` of ``rev`` (None: the working tree) as package ``name``."""
    target = into / name
    if rev is None:
        shutil.copytree(ROOT / "src" / "huabei_calc", target)
        return
    archive = subprocess.run(
        ["git", "archive", rev, "src/huabei_calc"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    (into / "src" / "huabei_calc").rename(target)


def _calls(name: str, actual: bool, rate_text: str) -> dict[str, Callable[[int], object]]:
    package = importlib.import_module(name)
    rate = package.Rate.parse(rate_text)
    principal = Decimal("1000000")
    out: dict[str, Callable[[int], object]] = {}
    for builder in BUILDERS:
        build = getattr(package, builder)
        if actual:
            out[builder] = lambda n, b=build: b(
                principal, n, rate, start=date(2024, 1, 15), interest="actual"
            )
        else:
            out[builder] = lambda n, b=build: b(principal, n, rate)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", help="the old commit")
    parser.add_argument("new", nargs="?", help="the new commit (default: the working tree)")
    parser.add_argument("--sizes", default="1,12,60,360", help="periods, comma-separated")
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--actual", action="store_true", help='interest="actual" from 2024-01-15')
    parser.add_argument("--rate", default="4.9%/year", help="the loans' rate (4.9%%/year)")
    parser.add_argument(
        "--gc", action="store_true", help="leave the garbage collector on (run.py turns it off)"
    )
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        _copy(args.old, "hc_old", Path(tmp))
        _copy(args.new, "hc_new", Path(tmp))
        sys.path.insert(0, tmp)
        sides = {side: _calls(f"hc_{side}", args.actual, args.rate) for side in ("old", "new")}
        times: dict[tuple[str, int, str], list[float]] = {}
        if not args.gc:
            gc.collect()
            gc.disable()
        for turn in range(args.rounds):
            for builder in BUILDERS:
                for n in sizes:
                    calls = max(1, 2000 // n)
                    for side in ("old", "new") if turn % 2 == 0 else ("new", "old"):
                        build = sides[side][builder]
                        start = time.perf_counter()
                        for _ in range(calls):
                            build(n)
                        seconds = (time.perf_counter() - start) / calls
                        times.setdefault((builder, n, side), []).append(seconds * 1e6)
    print(f"{'builder':<18} {'n':>4} {'old µs':>9} {'new µs':>9} {'new/old':>8} {'p10 ratio':>9}")
    for builder in BUILDERS:
        for n in sizes:
            old, new = sorted(times[builder, n, "old"]), sorted(times[builder, n, "new"])
            p10 = len(old) // 10
            print(
                f"{builder:<18} {n:>4} {old[0]:>9.1f} {new[0]:>9.1f} "
                f"{new[0] / old[0]:>8.3f} {new[p10] / old[p10]:>9.3f}"
            )


if __name__ == "__main__":
    main()
