"""huabei_calc.dask on a real LocalCluster: the same rows as the serial run, row for row.

docs/rules.md, "Portfolios": a batch row is the single-debtor calls' row, and the
output order is the input order whatever runs it.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import huabei_calc as hc
from huabei_calc.batch import COLUMNS

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
hc_dask = pytest.importorskip("huabei_calc.dask")

ON = date(2026, 11, 29)
PRODUCTS = ["huabei", "jiebei", "花呗", "借呗", "0.06%/day", "visa"]


def _records(n: int) -> list[dict[str, str]]:
    return [
        {
            "id": f"C{i:04d}",
            "product": PRODUCTS[i % len(PRODUCTS)],
            "principal": "junk" if i % 37 == 5 else f"{1000 + 137 * i}.{i % 100:02d}",
            "interest": str(i % 300),
            "penalty": f"{(i * 7) % 900}.50",
            "overdue_since": "2026-06-01" if i % 10 == 0 else "",
        }
        for i in range(n)
    ]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


def test_local_cluster_equals_the_serial_run_row_for_row(client: Any) -> None:
    records = _records(400)
    ddf = dd.from_pandas(pd.DataFrame(records), npartitions=7)
    lazy = hc_dask.compare_frame(ddf, on=ON, periods=24)
    assert list(lazy.columns) == list(COLUMNS)
    result = client.compute(lazy).result()
    serial = list(hc.compare_many(records, on=ON, periods=24))
    assert result.to_dict("records") == serial
    assert sum(row["error"] is not None for row in serial) > 0  # bad rows went through too


def test_cli_dask_is_byte_identical_to_one_process(tmp_path: Path, client: Any) -> None:
    source = tmp_path / "in.csv"
    pd.DataFrame(_records(1200)).to_csv(source, index=False)
    outputs = []
    address = client.scheduler.address  # a running cluster, reached by its address
    for extra in (["--workers", "1"], ["--dask", "local"], ["--dask", address]):
        target = tmp_path / f"out{len(outputs)}.csv"
        subprocess.run(
            [sys.executable, "-m", "huabei_calc", "batch", str(source), "-o", str(target),
             "--on", ON.isoformat(), *extra],
            check=True,
            capture_output=True,
        )  # fmt: skip
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
