"""Portfolios on a Dask cluster: :func:`compare_frame` over a ``dask.dataframe``.

Each partition goes through :func:`huabei_calc.batch.compare_frame`, the same
per-partition function a pandas user calls (and a Spark user would hand to
``mapInPandas``): the cluster adds parallelism, never another formula
(docs/guides/scale.md). Needs the ``dask`` extra (``dask[dataframe]``, ``distributed``).
"""

from __future__ import annotations

from typing import Any

from . import batch
from .batch import COLUMNS

__all__ = ["compare_frame"]


def meta() -> Any:
    """The empty pandas frame that describes the result: :data:`~huabei_calc.batch.COLUMNS`,
    every one of dtype ``object`` (``Decimal``, ``date``, ``int``, ``None``: exact values).

    >>> list(meta().columns)[:3], str(meta()["saving"].dtype)
    (['id', 'principal', 'interest'], 'object')
    """
    import pandas as pd

    return pd.DataFrame({name: pd.Series(dtype=object) for name in COLUMNS})


def compare_frame(ddf: Any, **options: Any) -> Any:
    """One comparison per row of a Dask DataFrame, partition by partition (``map_partitions``
    with an explicit ``meta``); the options are :func:`~huabei_calc.batch.compare_many`'s.

    Read the input as text (``dd.read_csv(path, dtype=str, keep_default_na=False)``);
    the result is lazy: ``.compute()`` it, or write it (``.to_parquet`` after
    ``.astype(str)``, see docs/guides/scale.md).

    >>> import dask.dataframe as dd, pandas as pd
    >>> from datetime import date
    >>> df = pd.DataFrame({"id": ["A", "B"], "product": ["huabei", "借呗"],
    ...                    "principal": ["1000", "x"]})
    >>> out = compare_frame(dd.from_pandas(df, npartitions=2), on=date(2025, 1, 1), periods=2)
    >>> out.compute(scheduler="sync")["saving"].tolist()
    [Decimal('23.09'), None]
    """
    return ddf.map_partitions(batch.compare_frame, meta=meta(), **options)
