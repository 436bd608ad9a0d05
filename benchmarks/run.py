"""Time huabei_calc beside its peers and check every peer's answer against it.

Usage::

    pip install -e ".[bench]"
    python benchmarks/run.py [--rounds N] [--quick] [--only PREFIX] [--json FILE]

Every contender of a workload runs in this one process, interleaved round-robin
(the order rotates each round), for several rounds. A measurement repeats the
call enough times to last ``--min-time`` seconds (calibrated once, like
``timeit.autorange``) with the garbage collector off (as ``timeit`` does). The
table shows the median time per call over the rounds and the median of the
per-round ratios ``contender / huabei_calc`` (above 1: huabei_calc is faster).

Correctness: each peer's answer is compared cell by cell with huabei_calc's
exact one. A float is rounded to the fen half-up from its shortest repr (the
most generous reading); "≠ fen" counts the cells that still differ, "max |Δ|" is
the largest difference before that rounding. Rates are compared at 1e-10.

numpy and OpenBLAS: ``OPENBLAS_CORETYPE`` pins OpenBLAS to a kernel; the
script reports the kernel in use but never changes the environment. To time
numpy on its native kernel, unset the variables for this command alone::

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python benchmarks/run.py
"""

from __future__ import annotations

import argparse
import ctypes
import datetime as dt
import decimal
import gc
import importlib
import importlib.metadata
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import partial
from itertools import repeat
from typing import Any, Literal

from dateutil.relativedelta import relativedelta

import huabei_calc as hc

try:
    import numpy as np
    import numpy_financial as npf
except ImportError:  # pragma: no cover - the bench extra is optional
    np = None  # type: ignore[assignment]
    npf = None
try:
    import pyxirr
except ImportError:  # pragma: no cover
    pyxirr = None  # type: ignore[assignment]
try:
    from amortization.schedule import amortization_schedule
except ImportError:  # pragma: no cover
    amortization_schedule = None

Cell = Decimal | float
Unit = Literal["fen", "rate", "none"]

FEN = Decimal("0.01")
RATE_TOLERANCE = Decimal("1e-10")
PRINCIPAL = Decimal("10000")
MONTHLY = Decimal("0.015")  # 1.5% a month
START = date(2025, 1, 31)  # a month end: due dates clamp (Feb 28, Mar 31, Apr 30 ...)
SIZES = (12, 60, 360)
ACCRUE_DEBTS = 100_000
ACCRUE_SINCE = date(2025, 1, 10)
FIRST_USE = ("accrue", "equal_installment", "freeze", "irr")  # names touched after import
PACKAGES = ("huabei-calc", "python-dateutil", "numpy", "numpy-financial", "pyxirr", "amortization")


# --------------------------------------------------------------------------- the exact-money floor


def _ctx() -> decimal.Context:
    return decimal.Context(prec=60, rounding=ROUND_HALF_UP)


def floor_equal_installment(
    principal: Decimal, periods: int, rate: Decimal, start: date | None
) -> list[tuple[date | None, Decimal, Decimal, Decimal, Decimal]]:
    """A plain Decimal loop: due, payment, interest, principal, balance.

    The rules of docs/conventions.md#schedules, written as a bare loop.
    """
    with decimal.localcontext(_ctx()):
        growth = (1 + rate) ** periods
        level = (principal * rate * growth / (growth - 1)).quantize(FEN, ROUND_HALF_UP)
        balance = principal
        rows = []
        for k in range(1, periods + 1):
            interest = (balance * rate).quantize(FEN, ROUND_HALF_UP)
            paid = balance if k == periods else min(level - interest, balance)
            balance -= paid
            due = None if start is None else start + relativedelta(months=k)
            rows.append((due, paid + interest, interest, paid, balance))
        return rows


def floor_equal_principal(
    principal: Decimal, periods: int, rate: Decimal, start: date | None
) -> list[tuple[date | None, Decimal, Decimal, Decimal, Decimal]]:
    """A plain Decimal loop for equal principal: P/n half-up, the last row takes the rest."""
    with decimal.localcontext(_ctx()):
        part = (principal / periods).quantize(FEN, ROUND_HALF_UP)
        balance = principal
        rows = []
        for k in range(1, periods + 1):
            interest = (balance * rate).quantize(FEN, ROUND_HALF_UP)
            paid = balance if k == periods else min(part, balance)
            balance -= paid
            due = None if start is None else start + relativedelta(months=k)
            rows.append((due, paid + interest, interest, paid, balance))
        return rows


def floor_accrue(debts: Sequence[hc.Debt], days: int) -> list[Decimal]:
    """Huabei overdue fee, plain: round_half_up(base × 0.05%) × days."""
    rate = Decimal("0.0005")
    with decimal.localcontext(_ctx()):
        return [(d.base * rate).quantize(FEN, ROUND_HALF_UP) * days for d in debts]


# --------------------------------------------------------------------------- harness


@dataclass
class Contender:
    name: str
    run: Callable[[], object]
    cells: Callable[[object], Sequence[Cell]] | None = None
    expected: Callable[[], Sequence[Cell]] | None = None  # overrides the workload's reference
    number: int = 1
    times: list[float] = field(default_factory=list)


@dataclass
class Workload:
    key: str
    title: str
    contenders: list[Contender]
    unit: Unit = "fen"
    reps: int = 1  # measurements per contender per round
    fixed_number: int | None = None  # skip calibration (subprocess workloads)
    note: str = ""


@dataclass
class Check:
    cells: int
    differ: int
    max_abs: Decimal | None

    def text(self, unit: Unit) -> str:
        if unit == "none":
            return "—"
        worst = "n/a" if self.max_abs is None else f"{float(self.max_abs):.3g}"
        if unit == "rate":
            return f"{'ok' if self.differ == 0 else 'DIFFERS'} |Δ| {worst}"
        return f"{self.differ}/{self.cells} ≠ fen, max |Δ| {worst}"


def _as_decimal(value: Cell) -> Decimal:
    # repr is the shortest string that reads back as the same float
    return value if isinstance(value, Decimal) else Decimal(repr(float(value)))


def compare(reference: Sequence[Cell], got: Sequence[Cell], unit: Unit) -> Check:
    """Count cells of ``got`` that differ from ``reference`` (at the fen, or at 1e-10 for rates)."""
    differ = abs(len(reference) - len(got))
    worst: Decimal | None = None
    for want, val in zip(reference, got, strict=False):
        ref = Decimal(want) if isinstance(want, float) else want
        exact = Decimal(val) if isinstance(val, float) else val  # the float's exact binary value
        if not exact.is_finite():
            differ += 1
            continue
        delta = abs(exact - ref)
        worst = delta if worst is None else max(worst, delta)
        if unit == "rate":
            differ += delta > RATE_TOLERANCE
        else:
            differ += _as_decimal(val).quantize(FEN, ROUND_HALF_UP) != ref
    return Check(max(len(reference), len(got)), differ, worst)


def measure(fn: Callable[[], object], number: int) -> float:
    """Seconds per call over ``number`` calls, with the garbage collector off."""
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        begin = time.perf_counter()
        for _ in repeat(None, number):
            fn()
        return (time.perf_counter() - begin) / number
    finally:
        if enabled:
            gc.enable()


def calibrate(fn: Callable[[], object], min_time: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50 … calls that lasts ``min_time`` seconds."""
    fn()  # warm up caches
    number = 1
    while True:
        for factor in (1, 2, 5):
            if measure(fn, number * factor) * number * factor >= min_time:
                return number * factor
        number *= 10


def run_rounds(workloads: Sequence[Workload], rounds: int, min_time: float) -> None:
    for wl in workloads:
        for c in wl.contenders:
            c.number = wl.fixed_number or calibrate(c.run, min_time)
    for r in range(rounds):
        for wl in workloads:
            k = r % len(wl.contenders)
            order = wl.contenders[k:] + wl.contenders[:k]
            for _ in range(wl.reps):
                for c in order:
                    c.times.append(measure(c.run, c.number))
        print(f"  round {r + 1}/{rounds} done", file=sys.stderr)


def paired(a: Contender, b: Contender) -> float:
    """Median over rounds of a's time / b's time (the same round and repetition)."""
    return statistics.median(x / y for x, y in zip(a.times, b.times, strict=True))


# --------------------------------------------------------------------------- workloads


def library(name: str) -> Callable[..., Any] | None:
    """A huabei_calc function by its public name, or from its module while not yet exported."""
    found = getattr(hc, name, None)
    if found is None and name in ("npv", "irr", "xirr"):
        try:
            found = getattr(importlib.import_module("huabei_calc.returns"), name, None)
        except ImportError:
            return None
    return found


def _schedule_cells(schedule: Any) -> list[Cell]:
    rows = [r for r in schedule.rows if r.period >= 1]
    return [v for r in rows for v in (r.payment, r.interest, r.principal, r.balance)]


def _floor_cells(rows: Any) -> list[Cell]:
    return [v for row in rows for v in row[1:]]


def _array_cells(result: Any) -> list[Cell]:
    pay, ipmt, ppmt, balance = result
    return [float(v) for row in zip(pay, ipmt, ppmt, balance, strict=True) for v in row]


def _amortization_cells(rows: Any) -> list[Cell]:
    return [v for row in rows for v in (row.amount, row.interest, row.principal, row.balance)]


def _rate_cell(result: Any) -> list[Cell]:
    return [result if isinstance(result, Decimal) else float(result)]


def _charges(result: Any) -> list[Cell]:
    return list(result)


def schedule_workloads(kind: Literal["installment", "principal"]) -> list[Workload]:
    builder = getattr(hc, f"equal_{kind}", None)
    floor = floor_equal_installment if kind == "installment" else floor_equal_principal
    rate = hc.Rate.monthly("1.5%")
    out = []
    for n in SIZES:
        # the goals compare the same cells every peer computes (payment, interest,
        # principal, balance); the due dates, which no float peer makes, are timed apart
        contenders = []
        if builder is not None:
            contenders.append(
                Contender("huabei_calc", partial(builder, PRINCIPAL, n, rate), _schedule_cells)
            )
        contenders.append(
            Contender(
                "plain Decimal loop", partial(floor, PRINCIPAL, n, MONTHLY, None), _floor_cells
            )
        )
        if kind == "installment":
            contenders += installment_peers(n)
        if builder is not None:
            contenders.append(
                Contender(
                    DATED,
                    partial(builder, PRINCIPAL, n, rate, start=START),
                    _schedule_cells,
                )
            )
        contenders.append(  # due dates as start + relativedelta(months=k)
            Contender(DATED_FLOOR, partial(floor, PRINCIPAL, n, MONTHLY, START), _floor_cells)
        )
        label = (
            "equal installment 等额本息" if kind == "installment" else "equal principal 等额本金"
        )
        out.append(Workload(f"{kind}-{n}", f"{label}, n={n}", contenders))
    return out


DATED = "huabei_calc, with due dates"
DATED_FLOOR = "plain Decimal loop, with due dates"


def installment_peers(n: int) -> list[Contender]:
    i, pv = float(MONTHLY), -float(PRINCIPAL)
    peers = []
    if npf is not None and np is not None:
        per = np.arange(1, n + 1)

        def numpy_financial() -> object:
            pay = npf.pmt(i, n, pv)
            ipmt = npf.ipmt(i, per, n, pv)
            ppmt = npf.ppmt(i, per, n, pv)
            return np.full(n, pay), ipmt, ppmt, -pv - np.cumsum(ppmt)

        peers.append(Contender("numpy-financial", numpy_financial, _array_cells))
    if pyxirr is not None and np is not None:
        per_list = np.arange(1, n + 1)

        def pyxirr_pmt() -> object:
            pay = pyxirr.pmt(i, n, pv)
            ipmt = np.asarray(pyxirr.ipmt(i, per_list, n, pv))
            ppmt = np.asarray(pyxirr.ppmt(i, per_list, n, pv))
            return np.full(n, pay), ipmt, ppmt, -pv - np.cumsum(ppmt)

        peers.append(Contender("pyxirr", pyxirr_pmt, _array_cells))
    if amortization_schedule is not None:
        annual = float(MONTHLY * 12)
        peers.append(
            Contender(
                "amortization",
                lambda: list(amortization_schedule(-pv, annual, n)),
                _amortization_cells,
            )
        )
    return peers


def irr_workloads() -> list[Workload]:
    out = []
    for n, payment in ((12, "906.67"), (60, "253.93")):
        flows = [-PRINCIPAL] + [Decimal(payment)] * n
        floats = [float(v) for v in flows]
        contenders = []
        if (irr := library("irr")) is not None:
            contenders.append(Contender("huabei_calc", partial(irr, flows), _rate_cell))
        if pyxirr is not None:
            contenders.append(Contender("pyxirr", partial(pyxirr.irr, floats), _rate_cell))
        if npf is not None and np is not None:
            array = np.array(floats)
            contenders.append(Contender("numpy-financial", partial(npf.irr, array), _rate_cell))
        out.append(Workload(f"irr-{n}", f"irr: −10,000 then {n} × {payment}", contenders, "rate"))
    return out


def xirr_workload() -> Workload:
    dates = [START + relativedelta(months=k) for k in range(13)]
    amounts = [-PRINCIPAL] + [Decimal("906.67")] * 12
    pairs = list(zip(dates, amounts, strict=True))
    floats = [float(a) for a in amounts]
    contenders = []
    if (xirr := library("xirr")) is not None:
        contenders.append(Contender("huabei_calc", partial(xirr, pairs), _rate_cell))
    if pyxirr is not None:
        contenders.append(Contender("pyxirr", partial(pyxirr.xirr, dates, floats), _rate_cell))
    return Workload("xirr-13", "xirr: 13 monthly dated flows", contenders, "rate")


def accrue_workload() -> Workload:
    # principals 1,000.00 … 90,999.99, so daily charges round up and down
    debts = [
        hc.Debt(principal=Decimal(1000 + k % 90_000) + Decimal(k % 100) / 100)
        for k in range(ACCRUE_DEBTS)
    ]

    def accrue_all(days: int) -> Callable[[], object]:
        until = ACCRUE_SINCE + timedelta(days=days)

        def run() -> object:
            for d in debts:
                hc.accrue(d, hc.HUABEI, since=ACCRUE_SINCE, until=until)
            return None

        return run

    def charged(days: int) -> Callable[[object], Sequence[Cell]]:
        until = ACCRUE_SINCE + timedelta(days=days)

        def cells(_: object) -> list[Cell]:
            return [hc.accrue(d, hc.HUABEI, since=ACCRUE_SINCE, until=until).charged for d in debts]

        return cells

    return Workload(
        "accrue",
        f"accrue: {ACCRUE_DEBTS:,} Huabei debts (rows not read)",
        [
            Contender("huabei_calc, 90 days", accrue_all(90), charged(90)),
            Contender(
                "huabei_calc, 3,650 days",
                accrue_all(3650),
                charged(3650),
                expected=partial(floor_accrue, debts, 3650),
            ),
            Contender("plain Decimal, 90 days", partial(floor_accrue, debts, 90), _charges),
        ],
    )


def import_workload(reps: int) -> Workload:
    def spawn(code: str) -> Callable[[], object]:
        return partial(subprocess.run, [sys.executable, "-c", code], check=True)

    names = ", ".join(f"h.{name}" for name in FIRST_USE if hasattr(hc, name))
    first_use = f"import huabei_calc as h; {names}"
    return Workload(
        "import",
        "import huabei_calc (whole process)",
        [
            Contender('python -c "import huabei_calc"', spawn("import huabei_calc")),
            Contender('python -c "pass"', spawn("pass")),
            # informative: what a first real call costs if the facade loads lazily
            Contender("import + first use", spawn(first_use)),
        ],
        unit="none",
        reps=reps,
        fixed_number=1,
    )


# --------------------------------------------------------------------------- checks, goals, report


def check_all(workloads: Sequence[Workload]) -> dict[tuple[str, str], Check]:
    """Compare every contender's cells with the workload's reference (huabei_calc if present)."""
    checks: dict[tuple[str, str], Check] = {}
    for wl in workloads:
        if wl.unit == "none":
            continue
        ref = wl.contenders[0]
        assert ref.cells is not None
        ref_cells = ref.cells(ref.run())
        for c in wl.contenders:
            if c.cells is None:
                continue
            expected = ref_cells if c.expected is None else c.expected()
            checks[(wl.key, c.name)] = compare(expected, c.cells(c.run()), wl.unit)
        if wl.key.startswith(("installment", "principal")):
            dates_ok = check_dates(wl)
            if not dates_ok:
                wl.note = "due dates DIFFER between huabei_calc and the plain loop"
    return checks


def check_dates(wl: Workload) -> bool:
    by_name = {c.name: c for c in wl.contenders}
    if DATED not in by_name:
        return True
    mine = [r.due for r in by_name[DATED].run().rows if r.period >= 1]  # type: ignore[attr-defined]
    floor = [row[0] for row in by_name[DATED_FLOOR].run()]  # type: ignore[attr-defined]
    return mine == floor and None not in mine


@dataclass
class Goal:
    text: str
    value: float | None
    limit: float
    higher_is_better: bool = False
    detail: str = ""
    informative: bool = False  # measured beside the goals, not one of them

    @property
    def status(self) -> str:
        if self.value is None:
            return "n/a"
        if self.informative:
            return "info"
        ok = self.value >= self.limit if self.higher_is_better else self.value <= self.limit
        return "PASS" if ok else "MISS"


def find(workloads: Sequence[Workload], key: str, name: str) -> Contender | None:
    for wl in workloads:
        if wl.key == key:
            for c in wl.contenders:
                if c.name == name:
                    return c
    return None


def hc_over(
    workloads: Sequence[Workload], key: str, peer: str, mine_name: str = "huabei_calc"
) -> float | None:
    """Median paired ratio huabei_calc / peer for one workload (None if either is absent)."""
    mine, other = find(workloads, key, mine_name), find(workloads, key, peer)
    if mine is None or other is None or not mine.times:
        return None
    return paired(mine, other)


def worst(
    workloads: Sequence[Workload],
    keys: Sequence[str],
    peer: str,
    *,
    invert: bool = False,
    mine: str = "huabei_calc",
) -> tuple[float | None, str]:
    values = [(hc_over(workloads, k, peer, mine), k) for k in keys]
    known = [(1 / v if invert else v, k) for v, k in values if v is not None]
    if not known:
        return None, ""
    value, _ = min(known) if invert else max(known)
    partial = " (not every size was run)" if len(known) < len(keys) else ""
    return value, "worst of " + ", ".join(f"{k}: {v:.2f}" for v, k in known) + partial


def goals(workloads: Sequence[Workload]) -> list[Goal]:
    """The guard rails: the old micro goals, fixed at the level of 2026-11-29.

    No compiled accelerator (a decision): these keep what the pure-Python code
    achieves from regressing, with room for the noise of a shared machine.
    """
    inst = [f"installment-{n}" for n in SIZES]
    out = []
    for kind in ("installment", "principal"):
        v = hc_over(workloads, f"{kind}-360", "plain Decimal loop")
        out.append(Goal(f"equal {kind} n=360 ≤ 2× the plain Decimal loop", v, 2.0))
    v = hc_over(workloads, "installment-360", "numpy-financial")
    out.append(Goal("equal installment n=360 ≤ 1.5× numpy-financial", v, 1.5))
    out.append(Goal("irr ≤ 30× pyxirr at 12 flows", hc_over(workloads, "irr-12", "pyxirr"), 30.0))
    out.append(Goal("irr ≤ 5× pyxirr at 60 flows", hc_over(workloads, "irr-60", "pyxirr"), 5.0))
    v = hc_over(workloads, "irr-60", "numpy-financial")
    out.append(Goal("irr ≥ 10× faster than numpy-financial at 60 flows", v and 1 / v, 10.0, True))
    out.append(Goal("xirr ≤ 60× pyxirr", hc_over(workloads, "xirr-13", "pyxirr"), 60.0))
    a90, a3650 = (find(workloads, "accrue", f"huabei_calc, {d} days") for d in ("90", "3,650"))
    v = paired(a3650, a90) if a90 and a3650 and a90.times else None
    out.append(Goal("accrue 3,650 days ≤ 1.5× 90 days (O(events))", v, 1.5))
    imp = find(workloads, "import", 'python -c "import huabei_calc"')
    bare = find(workloads, "import", 'python -c "pass"')
    v = paired(imp, bare) if imp and bare and imp.times else None
    out.append(Goal("import huabei_calc ≤ 1.5× a bare interpreter", v, 1.5))
    # information beside the guard rails: the old "faster than" goals, and due dates
    for peer in ("amortization", "numpy-financial"):
        v, d = worst(workloads, inst, peer)
        text = f"equal installment vs {peer} at every n"
        out.append(Goal(text, v, 1.0, detail=d, informative=True))
    # the schedule goals again with due dates on both sides where both make them
    for kind in ("installment", "principal"):
        v = hc_over(workloads, f"{kind}-360", DATED_FLOOR, DATED)
        text = f"with due dates: equal {kind} n=360 vs the plain loop with due dates"
        out.append(Goal(text, v, 1.5, informative=True))
    for peer in ("amortization", "numpy-financial"):
        v, d = worst(workloads, inst, peer, mine=DATED)
        text = f"with due dates: equal installment vs {peer} (no dates) at every n"
        out.append(Goal(text, v, 1.0, detail=d, informative=True))
    return out


def width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    return text + " " * (columns - width(text))


def fmt_time(seconds: float) -> str:
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def openblas_core() -> str:
    """The OpenBLAS kernel numpy runs (threadpoolctl if present, else ask the library)."""
    if np is None:
        return "numpy not installed"
    try:
        from threadpoolctl import threadpool_info  # type: ignore[import-not-found]

        for info in threadpool_info():
            if info.get("internal_api") == "openblas":
                return f"{info.get('architecture')} (threadpoolctl)"
    except ImportError:
        pass
    try:
        with open("/proc/self/maps") as maps:
            libs = {line.split()[-1] for line in maps if "openblas" in line.lower()}
        for path in sorted(libs):
            lib = ctypes.CDLL(path)
            for sym in ("scipy_openblas_get_corename64_", "openblas_get_corename"):
                if hasattr(lib, sym):
                    getter = getattr(lib, sym)
                    getter.restype = ctypes.c_char_p
                    return f"{getter().decode()} (OpenBLAS corename)"
    except OSError:
        pass
    return "unknown"


def machine() -> dict[str, Any]:
    cpu = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(
                line.split(":", 1)[1].strip() for line in info if line.startswith("model name")
            )
    except (OSError, StopIteration):
        pass
    versions = {}
    for pkg in PACKAGES:
        try:
            versions[pkg] = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            versions[pkg] = "not installed"
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "platform": platform.platform(),
        "cpu": f"{cpu} × {os.cpu_count()}",
        "python": sys.version.split()[0] + f" ({platform.python_implementation()})",
        "openblas": openblas_core(),
        "env": {k: v for k, v in os.environ.items() if k.startswith("OPENBLAS")},
        "versions": versions,
    }


def report(
    workloads: Sequence[Workload], checks: dict[tuple[str, str], Check], info: dict[str, Any]
) -> list[Goal]:
    print()
    for key in ("date", "platform", "cpu", "python", "openblas"):
        print(f"{key:>9}: {info[key]}")
    print(f"{'env':>9}: {info['env'] or '(no OPENBLAS_* set)'}")
    print(f"{'versions':>9}: " + ", ".join(f"{k} {v}" for k, v in info["versions"].items()))
    head = ("workload", "contender", "median", "ratio", "correctness vs huabei_calc")
    rows = [head]
    for wl in workloads:
        ref = wl.contenders[0]
        for c in wl.contenders:
            ratio = "1 (ref)" if c is ref else f"{paired(c, ref):.2f}"
            check = checks.get((wl.key, c.name))
            ok = "ref" if c is ref and wl.unit != "none" else ""
            if check is not None and c is not ref:
                ok = check.text(wl.unit)
            rows.append(
                (
                    wl.title if c is ref else "",
                    c.name,
                    fmt_time(statistics.median(c.times)),
                    ratio,
                    ok,
                )
            )
        if wl.note:
            rows.append(("", f"  note: {wl.note}", "", "", ""))
    widths = [max(width(r[i]) for r in rows) for i in range(len(head))]
    print()
    print(
        "ratio = contender time / reference time, median of per-round ratios (>1: reference faster)"
    )
    for n, row in enumerate(rows):
        print("  ".join(pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    found = goals(workloads)
    print("\nGoals (value = huabei_calc / peer, paired median; info: not a goal)")
    for g in found:
        shown = "n/a" if g.value is None else f"{g.value:.2f}"
        sign = "≥" if g.higher_is_better else "≤"
        limit = "" if g.informative else f" ({sign} {g.limit:g})"
        print(f"  {g.status:4}  {g.text}: {shown}{limit} {g.detail}".rstrip())
    return found


def to_json(
    workloads: Sequence[Workload],
    checks: dict[tuple[str, str], Check],
    info: dict[str, Any],
    found: Sequence[Goal],
    rounds: int,
) -> dict[str, Any]:
    result: dict[str, Any] = {"machine": info, "rounds": rounds, "workloads": [], "goals": []}
    for wl in workloads:
        ref = wl.contenders[0]
        entries = []
        for c in wl.contenders:
            check = checks.get((wl.key, c.name))
            entries.append(
                {
                    "name": c.name,
                    "calls_per_measurement": c.number,
                    "times_s": c.times,
                    "median_s": statistics.median(c.times),
                    "ratio_vs_ref": paired(c, ref),
                    "cells": None if check is None else check.cells,
                    "cells_differing": None if check is None else check.differ,
                    "max_abs_difference": None
                    if check is None or check.max_abs is None
                    else str(check.max_abs),
                }
            )
        result["workloads"].append(
            {"key": wl.key, "title": wl.title, "reference": ref.name, "contenders": entries}
        )
    for g in found:
        result["goals"].append(
            {
                "goal": g.text,
                "value": g.value,
                "limit": g.limit,
                "status": g.status,
                "detail": g.detail,
                "informative": g.informative,
            }
        )
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=7, help="rounds of every workload (7)")
    parser.add_argument("--quick", action="store_true", help="3 rounds, shorter measurements")
    parser.add_argument("--min-time", type=float, default=None, help="seconds per measurement")
    parser.add_argument("--only", default="", help="run workloads whose key starts with this")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args(argv)
    rounds = 3 if args.quick and args.rounds == 7 else args.rounds
    min_time = args.min_time or (0.01 if args.quick else 0.05)
    if rounds < 1:
        parser.error("--rounds must be at least 1")

    missing = [
        f for f in ("equal_installment", "equal_principal", "irr", "xirr") if library(f) is None
    ]
    if missing:
        print(
            f"note: huabei_calc has no {', '.join(missing)} yet; those rows are skipped",
            file=sys.stderr,
        )
    workloads = [
        *schedule_workloads("installment"),
        *schedule_workloads("principal"),
        *irr_workloads(),
        xirr_workload(),
        accrue_workload(),
        import_workload(reps=3 if args.quick else 5),
    ]
    workloads = [w for w in workloads if w.key.startswith(args.only) and w.contenders]
    print(f"checking answers of {len(workloads)} workloads …", file=sys.stderr)
    checks = check_all(workloads)
    print(f"timing: {rounds} rounds, ≥ {min_time:g} s a measurement …", file=sys.stderr)
    run_rounds(workloads, rounds, min_time)
    info = machine()
    found = report(workloads, checks, info)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(
                to_json(workloads, checks, info, found, rounds), out, ensure_ascii=False, indent=2
            )
            out.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
