"""``huabei-calc batch``: one 停息挂账 comparison per row of a CSV or JSON Lines file.

Reads records as they come (CSV in UTF-8, with or without the BOM Excel writes,
or JSON Lines), runs :func:`~huabei_calc.batch.compare_many` on chunks of them, and
writes the rows in input order to a temporary file renamed onto the output at the
end (CSV, or JSON Lines for ``.jsonl``/``.ndjson``). ``--workers N`` hands chunks to N
processes, ``--dask ADDRESS|local`` to a Dask cluster; either way every chunk goes
through :func:`run_chunk`, so the output is byte-identical to ``--workers 1``.
"""

from __future__ import annotations

import argparse
import csv
import errno
import io
import json
import os
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import ExitStack
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, TextIO

from .._catalog import Lang, text
from ..batch import COLUMNS, REQUIRED, batch_totals, cells, compare_many_in
from .options import CliError
from .output import write
from .parser import Commands

CHUNK: Final = 500
"""Records per chunk: large enough to amortise a hand-off to a process, small enough
that a few chunks in flight per worker keep memory flat."""
_JSONL: Final = (".jsonl", ".ndjson")
_MAX_WORKERS: Final = 256
_WAIVE_ZH: Final = {"罚息": "penalty", "逾期费": "penalty", "利息": "interest", "手续费": "fees"}
_TOTALS: Final = ("frozen_total", "accruing_total", "saving")


def register(commands: Commands) -> None:
    """Add the ``batch`` subcommand (it writes a file, so it takes no ``--format``)."""

    def h(key: str) -> str:  # argparse %-formats help: a literal % is written %%
        return text(f"cli.batch.{key}", commands.lang).replace("%", "%%")

    g = commands.add("batch", run, help=text("cli.batch.help", commands.lang), formats=False)
    g.add_argument("input", metavar="IN", help=h("in"))
    g.add_argument("-o", "--output", required=True, metavar="OUT", help=h("out"))
    g.add_argument("--on", metavar="DATE", help=h("on"))
    g.add_argument("--periods", default="36", metavar="N", help=h("periods"))
    g.add_argument("--waive", default="penalty", metavar="BUCKETS", help=h("waive"))
    g.add_argument("--down-payment", default="0", metavar="X|X%", help=h("down_payment"))
    g.add_argument("--budget-column", metavar="NAME", help=h("budget_column"))
    g.add_argument("--workers", default="1", metavar="N", help=h("workers"))
    g.add_argument("--dask", metavar="ADDRESS|local", help=h("dask"))
    g.add_argument("--strict", action="store_true", help=h("strict"))
    g.add_argument("--force", action="store_true", help=h("force"))


def run(ns: argparse.Namespace) -> int:
    """Run ``batch`` with the parsed options; return the exit status."""
    lang: Lang = "zh" if ns.lang == "zh" else "en"
    source, target = Path(ns.input), Path(ns.output)
    if target.is_dir():
        raise _fail(lang, "write", path=str(target), reason=os.strerror(errno.EISDIR))
    if target.exists() and not ns.force:
        raise _fail(lang, "exists", path=str(target))
    if not target.parent.is_dir():
        raise _fail(lang, "no_dir", path=str(target.parent))
    options = _options(ns, lang)
    workers = _workers(ns, lang)
    jsonl_out = target.suffix.lower() in _JSONL
    with ExitStack() as stack:
        try:
            handle = stack.enter_context(source.open(encoding="utf-8-sig", newline=""))
        except OSError as err:
            raise _fail(lang, "read", path=str(source), reason=err.strerror or str(err)) from None
        records = _records(handle, source, ns.budget_column, lang)
        progress = _Progress(source) if sys.stderr.isatty() else None
        executor = _executor(ns.dask, workers, lang, stack)
        chunks = _chunks(records, CHUNK)
        results = _ordered(chunks, options, jsonl_out, executor, workers)
        try:
            totals = _write(results, target, jsonl_out, progress)
        except OSError as err:  # disk full, no permission …: no half file is left
            raise _fail(lang, "write", path=str(target), reason=err.strerror or str(err)) from None
    line = text(
        "cli.batch.done",
        lang,
        rows=f"{totals['rows']:,}",
        errors=f"{totals['errors']:,}",
        path=str(target),
        **{key: f"{totals[key]:,}" for key in _TOTALS},
    )
    status = write(line + "\n", lang)  # whatever the terminal can show
    return status or (1 if ns.strict and totals["errors"] else 0)


def _fail(lang: Lang, key: str, **params: str) -> CliError:
    return CliError(text(f"cli.batch.{key}", lang, **params))


def _options(ns: argparse.Namespace, lang: Lang) -> dict[str, Any]:
    """compare_many's options from the command line (checked once, before any row)."""
    raw = ns.on
    if raw is None:
        on = date.today()  # the command line alone defaults to today
    else:
        try:
            on = date.fromisoformat(raw.strip())
        except ValueError:
            raise _fail(lang, "not_date", value=raw) from None
    try:
        periods = int(ns.periods.strip())
    except ValueError:
        raise _fail(lang, "not_count", option="--periods", value=ns.periods) from None
    items = (item.strip() for item in ns.waive.replace("，", ",").replace("、", ",").split(","))
    waive = tuple(_WAIVE_ZH.get(item, item) for item in items if item)
    options = {"on": on, "periods": periods, "waive": waive, "down_payment": ns.down_payment}
    compare_many_in(lang, (), **options)  # an InputError here names the option, before any work
    return {**options, "lang": lang}


def _workers(ns: argparse.Namespace, lang: Lang) -> int:
    raw = ns.workers.strip()
    if not raw.isdigit() or not 1 <= int(raw) <= _MAX_WORKERS:
        raise _fail(lang, "workers_range", value=ns.workers, hi=str(_MAX_WORKERS))
    return int(raw)


def _records(handle: TextIO, source: Path, budget_column: str | None, lang: Lang) -> Iterator[Any]:
    """Records from CSV (a header row) or JSON Lines; required columns checked first."""
    rename = {budget_column: "budget"} if budget_column and budget_column != "budget" else {}
    if source.suffix.lower() in _JSONL:
        return _json_lines(handle, rename, lang)
    reader = csv.reader(handle)
    header = next(reader, None) or []
    header = [rename.get(name.strip(), name.strip()) for name in header]
    wanted = [*REQUIRED, *(["budget"] if budget_column else [])]
    missing = [str(budget_column) if n == "budget" else n for n in wanted if n not in header]
    if missing:
        raise _fail(lang, "missing", path=str(source), columns=", ".join(missing))
    twice = sorted({name for name in header if name and header.count(name) > 1})
    if twice:
        raise _fail(lang, "duplicate", path=str(source), columns=", ".join(twice))
    # a blank line (or Excel's row of empty cells) is no record
    return (dict(zip(header, row, strict=False)) for row in reader if any(c.strip() for c in row))


def _json_lines(handle: TextIO, rename: dict[str, str], lang: Lang) -> Iterator[Any]:
    lines = (line for line in handle if line.strip())
    first = next(lines, None)

    def parse(line: str) -> Any:
        try:
            record = json.loads(line, parse_float=Decimal)
        except ValueError:
            return line.strip()[:80]  # not a mapping: an error row, the run goes on
        if isinstance(record, dict) and rename:
            record = {rename.get(k, k): v for k, v in record.items()}
        return record

    if first is None:
        return iter(())
    head = parse(first)
    if isinstance(head, dict):
        missing = [name for name in REQUIRED if name not in head]
        if missing:
            raise _fail(lang, "missing", path=handle.name, columns=", ".join(missing))

    def all_records() -> Iterator[Any]:
        yield head
        for line in lines:
            yield parse(line)

    return all_records()


def _chunks(records: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for record in records:
        chunk.append(record)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_chunk(
    records: list[Any], options: Mapping[str, Any], jsonl: bool
) -> tuple[str, dict[str, Any]]:
    """One chunk's output text and its totals: the same function in every mode."""
    rows = list(compare_many_in(options.get("lang", "en"), records, **without_lang(options)))
    out = io.StringIO()
    if jsonl:
        for row in rows:
            out.write(json.dumps(_json_row(row), ensure_ascii=False) + "\n")
    else:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerows(cells(row) for row in rows)
    return out.getvalue(), batch_totals(rows)


def without_lang(options: Mapping[str, Any]) -> dict[str, Any]:
    """The options of :func:`compare_many_in` other than the language of the errors."""
    return {key: value for key, value in options.items() if key != "lang"}


def _json_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """Money as strings (exact), ``periods`` as a number, dates ISO, None as null."""
    values = cells(row)
    out: dict[str, Any] = {}
    for key, value in zip(COLUMNS, values, strict=True):
        if row.get(key) is None:
            out[key] = None
        elif key == "periods":
            out[key] = row[key]
        else:
            out[key] = value
    return out


def _executor(dask: str | None, workers: int, lang: Lang, stack: ExitStack) -> Executor | None:
    """None to run in this process; else a pool of processes or a Dask cluster's executor."""
    if dask is not None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise _fail(lang, "no_dask") from None
        if dask == "local":
            cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=max(workers, 2),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            stack.enter_context(cluster)
            client = stack.enter_context(Client(cluster))  # type: ignore[no-untyped-call]
        else:
            try:
                connected = Client(dask, timeout="10s")  # type: ignore[no-untyped-call]
                client = stack.enter_context(connected)
            except OSError as err:
                raise _fail(lang, "dask_connect", address=dask, reason=str(err)) from None
        return client.get_executor()  # type: ignore[no-any-return]
    if workers == 1:
        return None
    return stack.enter_context(ProcessPoolExecutor(max_workers=workers))


def _ordered(
    chunks: Iterator[list[Any]],
    options: Mapping[str, Any],
    jsonl: bool,
    executor: Executor | None,
    workers: int,
) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """(records, text, totals) per chunk, in input order; at most ``2 × workers`` chunks
    in flight, so memory stays flat whatever the input's size."""
    if executor is None:
        for chunk in chunks:
            yield (len(chunk), *run_chunk(chunk, options, jsonl))
        return
    window: deque[tuple[int, Future[tuple[str, dict[str, Any]]]]] = deque()
    for chunk in chunks:
        window.append((len(chunk), executor.submit(run_chunk, chunk, dict(options), jsonl)))
        if len(window) >= 2 * workers:
            n, future = window.popleft()
            yield (n, *future.result())
    while window:
        n, future = window.popleft()
        yield (n, *future.result())


def _write(
    results: Iterable[tuple[int, str, dict[str, Any]]],
    target: Path,
    jsonl: bool,
    progress: _Progress | None,
) -> dict[str, Any]:
    """Write to a temporary file beside ``target``, then rename it: never a half file."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    totals: dict[str, Any] = batch_totals(())
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            if not jsonl:
                out.write(",".join(COLUMNS) + "\n")
            for n, chunk_text, chunk_totals in results:
                out.write(chunk_text)
                for key, value in chunk_totals.items():
                    totals[key] += value
                if progress is not None:
                    progress.step(n)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        if progress is not None:
            progress.close()
    return totals


class _Progress:
    """A one-line progress bar on stderr (a terminal only): rows, rows/s, ETA."""

    def __init__(self, source: Path, clock: Callable[[], float] = time.monotonic) -> None:
        with source.open("rb") as raw:
            lines = sum(block.count(b"\n") for block in iter(lambda: raw.read(1 << 20), b""))
        self.total = max(lines - (0 if source.suffix.lower() in _JSONL else 1), 0)
        self.done, self.clock = 0, clock
        self.start = self.shown = clock()

    def step(self, n: int) -> None:
        self.done += n
        now = self.clock()
        if now - self.shown < 0.2 and self.done < self.total:
            return
        self.shown = now
        rate = self.done / max(now - self.start, 1e-9)
        left = max(self.total - self.done, 0) / rate if rate else 0.0
        width = 30
        filled = int(width * min(self.done / self.total, 1)) if self.total else width
        bar = "#" * filled + "-" * (width - filled)
        eta = f"{int(left) // 60}:{int(left) % 60:02d}"
        sys.stderr.write(
            f"\r[{bar}] {self.done:,}/{self.total:,} rows  {rate:,.0f} rows/s  ETA {eta} "
        )
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")
        sys.stderr.flush()
