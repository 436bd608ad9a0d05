"""Portfolios: ``compare`` against a hand-written loop, and batch runs over many debtors.

Usage::

    pip install -e ".[test,bench,dask]"
    python benchmarks/portfolio.py compare [--rounds N]      # compare vs the plain loop
    python benchmarks/portfolio.py profile                   # cProfile of compare (Jiebei 36)
    python benchmarks/portfolio.py throughput [--n 50000]    # compare_many vs direct calls
    python benchmarks/portfolio.py workers [--n 50000]       # batch --workers 2 vs 1
    python benchmarks/portfolio.py memory [--n 1000000]      # CSV -> CSV peak RSS
    python benchmarks/portfolio.py dask [--n 50000]          # 2-worker LocalCluster vs --workers 2
    python benchmarks/portfolio.py all                       # everything, default sizes

Timings are medians of paired, interleaved rounds (the contenders alternate within
a round and the order rotates), with the garbage collector off, as in
``benchmarks/run.py``. Nothing here is asserted: the script prints the ratios and
docs/performance.md ("Portfolios") records a run with its conditions.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import decimal
import gc
import io
import os
import pstats
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import huabei_calc as hc

FEN = Decimal("0.01")
CTX = decimal.Context(prec=60, rounding=ROUND_HALF_UP)
ON = date(2026, 11, 29)

# -- the hand-written loop (issue: "a plain Decimal loop ... for one debtor") ----------


def plain_loop(
    buckets: tuple[Decimal, Decimal, Decimal, Decimal],
    daily_rate: Decimal,
    payments: list[tuple[date, Decimal]],
    start: date,
    max_months: int = 120,
) -> tuple[Decimal, date | None]:
    """(total paid + still owed, cleared on): the plan's payments on its dates, the daily
    charge rounded half-up to the fen times the days between events, each payment in
    fees → penalty → interest → principal, then the last payment monthly until cleared.
    No checks, no rows, no capitalisation: the floor that ``compare`` is measured against."""
    principal, interest, fees, penalty = buckets
    paid = Decimal("0.00")
    prev = start
    last = payments[-1][1]
    k = len(payments) - (1 if payments[0][0] == start else 0)
    with decimal.localcontext(CTX):
        base = principal + interest + fees
        daily = (base * daily_rate).quantize(FEN, ROUND_HALF_UP)

        def events() -> Iterator[tuple[date, Decimal]]:
            yield from payments
            for m in range(k + 1, max_months + 1):
                year, month = divmod(start.year * 12 + start.month - 1 + m, 12)
                day = min(start.day, _days_in_month(year, month + 1))
                yield date(year, month + 1, day), last

        for day, due in events():
            penalty += daily * (day - prev).days
            prev = day
            left = due
            for name in ("fees", "penalty", "interest", "principal"):
                owed = {"fees": fees, "penalty": penalty, "interest": interest}.get(name, principal)
                take = min(owed, left)
                left -= take
                if name == "fees":
                    fees -= take
                elif name == "penalty":
                    penalty -= take
                elif name == "interest":
                    interest -= take
                else:
                    principal -= take
            base = principal + interest + fees
            daily = (base * daily_rate).quantize(FEN, ROUND_HALF_UP)
            paid += due - left
            if principal + interest + fees + penalty == 0:
                return paid, day
        return paid + principal + interest + fees + penalty, None


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


# -- the three cases of the issue -------------------------------------------------------

Case = tuple[str, hc.Debt, hc.Product, hc.Schedule]


def cases() -> list[Case]:
    # README's Jiebei case: 20,000 + 1,200 interest + 800 penalty, 0.05%/day, 36 periods
    jiebei = hc.Debt(principal="20000", interest="1200", penalty="800")
    plan_j = hc.freeze(jiebei, 36, start=date(2025, 3, 1), down_payment="5%", waive=("penalty",))
    huabei = hc.Debt(principal="10000", penalty="500")
    plan_h24 = hc.freeze(
        huabei, 24, start=date(2025, 1, 31), down_payment="10%", waive=("penalty",)
    )
    plan_h60 = hc.freeze(huabei, 60, start=date(2025, 1, 31), waive=("penalty",))
    return [
        ("Jiebei 36", jiebei, hc.JIEBEI, plan_j),
        ("Huabei 24", huabei, hc.HUABEI, plan_h24),
        ("Huabei 60", huabei, hc.HUABEI, plan_h60),
    ]


def _loop_args(case: Case) -> tuple[Any, ...]:
    _, debt, product, plan = case
    rate = product.overdue_daily[2]
    assert rate is not None
    payments = [(r.due, r.payment) for r in plan.rows]
    buckets = (debt.principal, debt.interest, debt.fees, debt.penalty)
    return buckets, rate, payments, plan.start


def _time(fn: Callable[[], object], repeat: int) -> float:
    t0 = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - t0) / repeat


def paired(
    contenders: dict[str, Callable[[], object]], rounds: int, min_time: float = 0.05
) -> dict[str, tuple[float, float]]:
    """name -> (median seconds per call, median per-round ratio to the first contender)."""
    names = list(contenders)
    reps = {}
    for name, fn in contenders.items():
        n = 1
        while _time(fn, n) * n < min_time:
            n *= 2
        reps[name] = n
    times: dict[str, list[float]] = {name: [] for name in names}
    gc_was = gc.isenabled()
    gc.disable()
    try:
        for r in range(rounds):
            order = names[r % len(names) :] + names[: r % len(names)]
            for name in order:
                times[name].append(_time(contenders[name], reps[name]))
    finally:
        if gc_was:
            gc.enable()
    first = names[0]
    return {
        name: (
            statistics.median(times[name]),
            statistics.median(a / b for a, b in zip(times[name], times[first], strict=True)),
        )
        for name in names
    }


def bench_compare(rounds: int) -> None:
    print(f"compare vs the plain loop ({rounds} paired rounds; ratio = compare / loop)")
    for case in cases():
        name, debt, product, plan = case
        args = _loop_args(case)
        cmp = hc.compare(debt, product, plan)
        total, cleared = plain_loop(*args)
        assert (total, cleared) == (cmp.accruing_total, cmp.accruing_cleared_on), name
        result = paired(
            {
                "loop": lambda args=args: plain_loop(*args),
                "compare": lambda d=debt, p=product, s=plan: hc.compare(d, p, s),
                "compare+rows": lambda d=debt, p=product, s=plan: hc.compare(d, p, s).rows,
            },
            rounds,
        )
        cells = "  ".join(f"{k} {t * 1e3:.3f} ms (×{r:.2f})" for k, (t, r) in result.items())
        print(f"  {name:<10} {cells}")


def profile() -> None:
    _, debt, product, plan = cases()[0]
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(2000):
        hc.compare(debt, product, plan)
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(12)
    print(out.getvalue())


# -- debtors ------------------------------------------------------------------------


def debtors(n: int, seed: int = 12) -> Iterator[dict[str, str]]:
    """Seeded records: mixed products, 12–60 periods (per row, as ``periods``), 10% overdue."""
    rng = random.Random(seed)
    products = ["huabei", "jiebei", "花呗", "借呗", "0.06%/day"]
    for i in range(n):
        principal = rng.randint(100_00, 200_000_00)
        row = {
            "id": f"C{i:07d}",
            "product": rng.choice(products),
            "principal": f"{principal / 100:.2f}",
            "interest": f"{rng.randint(0, principal // 20) / 100:.2f}",
            "fees": f"{rng.randint(0, 5000) / 100:.2f}" if rng.random() < 0.3 else "0",
            "penalty": f"{rng.randint(0, principal // 10) / 100:.2f}",
            "overdue_since": "",
            "periods": str(rng.randint(12, 60)),
        }
        if rng.random() < 0.1:
            row["overdue_since"] = (ON - timedelta(days=rng.randint(1, 400))).isoformat()
        yield row


def before_loop(records: list[dict[str, str]]) -> int:
    """The counsellor's 35 hand-written lines (issue 12): map the product, accrue, freeze,
    compare, collect errors. Run before and after the work on compare."""
    names = {"huabei": hc.HUABEI, "花呗": hc.HUABEI, "jiebei": hc.JIEBEI, "借呗": hc.JIEBEI}
    errors = 0
    for rec in records:
        try:
            product = names.get(rec["product"]) or hc.JIEBEI.with_rate(rec["product"])
            debt = hc.Debt(rec["principal"], rec["interest"], rec["fees"], rec["penalty"])
            if rec["overdue_since"]:
                since = date.fromisoformat(rec["overdue_since"])
                debt = hc.accrue(debt, product, since=since, until=ON).debt
            plan = hc.freeze(debt, int(rec["periods"]), start=ON, waive=("penalty",))
            hc.compare(debt, product, plan)
        except hc.InputError:
            errors += 1
    return errors


def bench_throughput(n: int, rounds: int) -> None:
    records = list(debtors(n))
    by_periods: dict[int, list[dict[str, str]]] = {}
    for rec in records:
        by_periods.setdefault(int(rec["periods"]), []).append(rec)

    if not hasattr(hc, "compare_many"):  # the library before this work: the loop alone
        t0 = time.perf_counter()
        before_loop(records)
        t = time.perf_counter() - t0
        print(f"throughput, {n:,} debtors, hand-written loop: {t:.2f} s  {n / t:,.0f} rows/s")
        return

    def many() -> None:
        for periods, group in by_periods.items():
            for _ in hc.compare_many(group, on=ON, periods=periods):
                pass

    result = paired({"direct": lambda: before_loop(records), "compare_many": many}, rounds, 0)
    print(f"throughput, {n:,} debtors, one process ({rounds} paired rounds)")
    for name, (t, r) in result.items():
        print(f"  {name:<13} {t:7.2f} s  {n / t:9,.0f} rows/s  ×{r:.3f} of direct")


# -- the command line ------------------------------------------------------------------


def _write_csv(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = None
        for rec in debtors(n):
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(rec))
                writer.writeheader()
            writer.writerow(rec)


def _batch(src: Path, dst: Path, *extra: str) -> float:
    argv = [sys.executable, "-m", "huabei_calc", "batch", str(src), "-o", str(dst)]
    argv += ["--on", ON.isoformat(), "--force", *extra]
    t0 = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def bench_workers(n: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src, one, two = Path(tmp, "in.csv"), Path(tmp, "w1.csv"), Path(tmp, "w2.csv")
        _write_csv(src, n)
        t1, t2 = [], []
        for r in range(rounds):
            pair = [("1", one, t1), ("2", two, t2)]
            for workers, dst, acc in pair if r % 2 == 0 else pair[::-1]:
                acc.append(_batch(src, dst, "--workers", workers))
        same = one.read_bytes() == two.read_bytes()
        m1, m2 = statistics.median(t1), statistics.median(t2)
        print(f"batch {n:,} rows CSV→CSV ({rounds} rounds, {os.cpu_count()} CPUs)")
        print(f"  --workers 1 {m1:6.2f} s   --workers 2 {m2:6.2f} s   speed-up ×{m1 / m2:.2f}")
        print(f"  outputs byte-identical: {same}")


def bench_memory(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp, "in.csv"), Path(tmp, "out.csv")
        _write_csv(src, n)
        code = (
            "import resource, sys; from huabei_calc.cli import main; "
            f"rc = main(['batch', {str(src)!r}, '-o', {str(dst)!r}, '--on', '{ON}']); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss); sys.exit(rc)"
        )
        t0 = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        )
        elapsed = time.perf_counter() - t0
        peak_mb = int(done.stdout.split()[-1]) / 1024
        print(f"memory: {n:,} rows CSV→CSV in {elapsed:.1f} s, peak RSS {peak_mb:.0f} MB")


def bench_dask(n: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "in.csv")
        _write_csv(src, n)
        td, tw = [], []
        for r in range(rounds):
            pair = [("dask", td), ("workers", tw)]
            for kind, acc in pair if r % 2 == 0 else pair[::-1]:
                extra = ["--dask", "local"] if kind == "dask" else ["--workers", "2"]
                acc.append(_batch(src, Path(tmp, f"{kind}.csv"), *extra))
        same = Path(tmp, "dask.csv").read_bytes() == Path(tmp, "workers.csv").read_bytes()
        md, mw = statistics.median(td), statistics.median(tw)
        print(f"dask: {n:,} rows, --dask local (2 workers) vs --workers 2 ({rounds} rounds)")
        print(f"  dask {md:6.2f} s   workers {mw:6.2f} s   overhead ×{md / mw:.2f}  same: {same}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "what", choices=["compare", "profile", "throughput", "workers", "memory", "dask", "all"]
    )
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--n", type=int, default=None)
    ns = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()}")
    if ns.what in ("compare", "all"):
        bench_compare(ns.rounds or 15)
    if ns.what in ("profile", "all"):
        profile()
    if ns.what in ("throughput", "all"):
        bench_throughput(ns.n or 50_000, ns.rounds or 3)
    if ns.what in ("workers", "all"):
        bench_workers(ns.n or 50_000, ns.rounds or 3)
    if ns.what in ("memory", "all"):
        bench_memory(ns.n or 1_000_000)
    if ns.what in ("dask", "all"):
        bench_dask(ns.n or 50_000, ns.rounds or 3)
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss} KB")


if __name__ == "__main__":
    main()
