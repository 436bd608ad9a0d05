"""Portfolios: one 停息挂账 comparison per debtor, streamed over any number of records.

A batch row is computed exactly as the single-debtor calls compute it
(:class:`~huabei_calc.debt.Debt`, :func:`~huabei_calc.overdue.accrue`,
:func:`~huabei_calc.plans.freeze` or :func:`~huabei_calc.plans.plan_for_budget`,
:func:`~huabei_calc.comparison.compare`); this module adds reading records,
streaming and error capture, never another formula (docs/rules.md, "Portfolios").
"""

from __future__ import annotations

import decimal
import math
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from ._catalog import Lang
from ._check import MAX_PLAN_PERIODS, check_date, whole_number
from .comparison import compare
from .debt import WAIVABLE, Debt, check_buckets
from .errors import InputError
from .money import Amount, amount, context
from .overdue import accrue
from .plans import freeze, plan_for_budget
from .products import HUABEI, JIEBEI, Product
from .rates import is_percentage

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "batch_totals", "compare_frame", "compare_many"]

COLUMNS: Final = (
    "id",
    "principal",
    "interest",
    "fees",
    "penalty",
    "total",
    "periods",
    "monthly_payment",
    "frozen_total",
    "accruing_total",
    "accruing_cleared_on",
    "untouched_balance",
    "saving",
    "error",
)
"""The columns of a result row, in order."""

REQUIRED: Final = ("id", "product", "principal")
"""The keys every record must have; ``interest``, ``fees``, ``penalty`` (default 0),
``overdue_since`` and ``budget`` are optional (missing or empty: not given)."""

PRODUCTS: Final[Mapping[str, Product]] = {
    "huabei": HUABEI,
    "花呗": HUABEI,
    "jiebei": JIEBEI,
    "借呗": JIEBEI,
}
"""Product names a record may use (case and surrounding spaces ignored)."""

_SUMMED: Final = (
    "principal",
    "interest",
    "fees",
    "penalty",
    "total",
    "monthly_payment",
    "frozen_total",
    "accruing_total",
    "untouched_balance",
    "saving",
)
_ZERO: Final = Decimal("0.00")
_CTX: Final = context()
_CACHE_SIZE: Final = 256  # distinct product strings remembered (a bounded dict: constant memory)


def compare_many(
    records: Iterable[Mapping[str, Any]],
    *,
    on: date,
    periods: int = 36,
    waive: tuple[str, ...] = ("penalty",),
    down_payment: Amount = 0,
    budget: Amount | None = None,
) -> Iterator[dict[str, Any]]:
    """One comparison per record, in order, streamed: a row of :data:`COLUMNS` each.

    Each record maps ``id``, ``product``, ``principal`` and optionally ``interest``,
    ``fees``, ``penalty``, ``overdue_since`` and ``budget`` to values as a user
    writes them (strings from a CSV, or ints and Decimals). ``product`` is
    ``huabei``/``jiebei``/``花呗``/``借呗`` or a rate such as ``0.06%/day``, which
    means **Jiebei at that daily rate** (``JIEBEI.with_rate``): Huabei's overdue fee is
    one published rate, a personal rate is a Jiebei contract's. With
    ``overdue_since`` the debt is first brought forward to ``on`` by ``accrue``.
    The plan starts on ``on``: ``plan_for_budget`` when the record's ``budget``
    (or else the ``budget`` argument) is given, else ``freeze`` over ``periods``;
    then ``compare`` with its defaults. ``monthly_payment`` is the largest monthly
    installment (period 1, which carries the truncation remainder).

    A record that is refused yields a row with its ``id`` and ``error`` (the
    ``InputError`` message, which starts with the parameter: ``principal='abc' is
    not a number…``) and the run goes on. Options are checked before the first
    record. Memory does not grow with the number of records.

    >>> rows = compare_many(
    ...     [{"id": "A1", "product": "花呗", "principal": "10000", "penalty": "500"},
    ...      {"id": "A2", "product": "jiebei", "principal": "abc"}],
    ...     on=date(2025, 1, 31), periods=24)
    >>> first = next(rows)
    >>> first["total"], first["monthly_payment"], first["frozen_total"], first["error"]
    (Decimal('10500.00'), Decimal('416.82'), Decimal('10000.00'), None)
    >>> next(rows)["error"]
    "principal='abc' is not a number; pass an amount in yuan like '1234.56'"
    """
    return compare_many_in(
        "en",
        records,
        on=on,
        periods=periods,
        waive=waive,
        down_payment=down_payment,
        budget=budget,
    )


def compare_many_in(
    lang: Lang,
    records: Iterable[Mapping[str, Any]],
    *,
    on: date,
    periods: int = 36,
    waive: tuple[str, ...] = ("penalty",),
    down_payment: Amount = 0,
    budget: Amount | None = None,
) -> Iterator[dict[str, Any]]:
    """:func:`compare_many` with the ``error`` column in ``lang`` (the command line's
    ``--lang``); everything else is the same.

    >>> rows = compare_many_in("zh", [{"id": 1, "product": "花呗", "principal": "abc"}],
    ...                        on=date(2025, 1, 31))
    >>> next(rows)["error"]
    "principal='abc' 不是数字；请传入以元为单位的金额，例如 '1234.56'"
    """
    if lang not in ("en", "zh"):
        raise InputError("lang", lang, "err.batch_lang")
    source = _iterable(records, "records")
    day = check_date(on, "on")
    n = whole_number(periods, "periods", 1, MAX_PLAN_PERIODS)
    waived = check_buckets(waive, "waive", WAIVABLE)
    if not (isinstance(down_payment, str) and is_percentage(down_payment)):
        amount(down_payment, "down_payment")  # a percentage is checked per record
    if budget is not None:
        amount(budget, "budget", allow_zero=False)
    return _rows(source, day, n, waived, down_payment, budget, lang)


def _rows(
    records: Iterable[Mapping[str, Any]],
    on: date,
    periods: int,
    waive: tuple[str, ...],
    down_payment: Amount,
    budget: Amount | None,
    lang: Lang,
) -> Iterator[dict[str, Any]]:
    products: dict[object, Product] = {}
    for record in records:
        row: dict[str, Any] = dict.fromkeys(COLUMNS)
        try:
            if not isinstance(record, Mapping):
                raise InputError("record", record, "err.batch_record")
            row["id"] = record.get("id")
            _fill(row, record, on, periods, waive, down_payment, budget, products)
        except InputError as err:
            for key in COLUMNS[1:-1]:
                row[key] = None
            row["error"] = str(err) if lang == "en" else err.message(lang)
        yield row


def _fill(
    row: dict[str, Any],
    record: Mapping[str, Any],
    on: date,
    periods: int,
    waive: tuple[str, ...],
    down_payment: Amount,
    budget: Amount | None,
    products: dict[object, Product],
) -> None:
    raw = record.get("product")
    product = products.get(raw) if isinstance(raw, str) else None
    if product is None:
        product = product_of(raw)
        if isinstance(raw, str):
            if len(products) >= _CACHE_SIZE:
                products.clear()
            products[raw] = product
    debt = Debt(
        record.get("principal"),  # type: ignore[arg-type]  # refused with its name if bad
        _given(record, "interest", 0),
        _given(record, "fees", 0),
        _given(record, "penalty", 0),
    )
    since = _given(record, "overdue_since", None)
    if since is not None:
        day = _date(since, "overdue_since")
        if day > on:
            raise InputError("overdue_since", since, "err.batch_since_after_on", on=on)
        debt = accrue(debt, product, since=day, until=on).debt
    own = _given(record, "budget", None)
    cap = budget if own is None else own
    if cap is None:
        plan = freeze(debt, periods, start=on, down_payment=down_payment, waive=waive)
    else:
        plan = plan_for_budget(debt, cap, start=on, down_payment=down_payment, waive=waive)
    cmp = compare(debt, product, plan)
    first = plan.rows[1] if plan.rows[0].period == 0 else plan.rows[0]
    row["principal"], row["interest"] = debt.principal, debt.interest
    row["fees"], row["penalty"], row["total"] = debt.fees, debt.penalty, debt.total
    row["periods"], row["monthly_payment"] = plan.rows[-1].period, first.payment
    row["frozen_total"], row["accruing_total"] = cmp.frozen_total, cmp.accruing_total
    row["accruing_cleared_on"] = cmp.accruing_cleared_on
    row["untouched_balance"], row["saving"] = cmp.untouched_balance, cmp.saving


def _iterable(value: object, name: str) -> Iterator[Any]:
    """An iterator over ``value``: records or rows, not one record and not a string."""
    if isinstance(value, str | bytes | Mapping):
        raise InputError(name, value, "err.batch_records")
    try:
        return iter(value)  # type: ignore[call-overload, no-any-return]
    except TypeError:
        raise InputError(name, value, "err.batch_records") from None


def _given(record: Mapping[str, Any], key: str, default: Any) -> Any:
    """The record's value, or ``default`` when it is missing, None, empty or NaN."""
    value = record.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    if isinstance(value, float) and math.isnan(value):  # pandas' empty cell
        return default
    return value


def _date(value: object, name: str) -> date:
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise InputError(name, value, "err.batch_date") from None
    return check_date(value, name)


def product_of(value: object) -> Product:
    """A record's product: a name (huabei, jiebei, 花呗, 借呗) or a Jiebei daily rate.

    >>> product_of("借呗") is JIEBEI, str(product_of("0.06%/day").overdue_rate)
    (True, '0.09%/day')
    """
    if isinstance(value, str):
        named = PRODUCTS.get(value.strip().lower())
        if named is not None:
            return named
        try:
            return JIEBEI.with_rate(value.strip())
        except InputError as err:
            raise InputError("product", value, "err.batch_product", reason=err.accepted) from None
    raise InputError("product", value, "err.batch_product", reason="not a string")


def cells(row: Mapping[str, Any]) -> list[str]:
    """A result row as text, column by column: Decimals as written, dates ISO, None empty.

    >>> cells({"id": 7, "principal": Decimal("1.50"), "accruing_cleared_on": date(2025, 1, 2)})[:3]
    ['7', '1.50', '']
    """
    out = []
    for key in COLUMNS:
        value = row.get(key)
        out.append(
            "" if value is None else value.isoformat() if isinstance(value, date) else str(value)
        )
    return out


def batch_totals(rows: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Totals of result rows: ``rows``, ``errors``, and the sums of the money columns
    over the rows without an error (a separate record, never mixed into the data).
    Rows read back from a file (amounts as text) are summed exactly too.

    >>> rows = list(compare_many([{"id": 1, "product": "huabei", "principal": "1000"},
    ...                           {"id": 2, "product": "?", "principal": "1"}],
    ...                          on=date(2025, 1, 1), periods=2))
    >>> totals = batch_totals(rows)
    >>> totals["rows"], totals["errors"], totals["frozen_total"], totals["saving"]
    (2, 1, Decimal('1000.00'), Decimal('23.09'))
    """
    count, errors = 0, 0
    sums = dict.fromkeys(_SUMMED, _ZERO)
    with decimal.localcontext(_CTX):
        for row in _iterable(rows, "rows"):
            if not isinstance(row, Mapping):
                raise InputError("rows", row, "err.batch_record")
            count += 1
            if row.get("error"):
                errors += 1
                continue
            for key in _SUMMED:
                value = row.get(key)
                if type(value) is not Decimal:  # rows read back from a file: text
                    try:
                        value = amount(value, key)
                    except InputError as err:
                        raise InputError(
                            "rows", value, "err.batch_cell", column=key, reason=err.accepted
                        ) from None
                sums[key] += value
    return {"rows": count, "errors": errors, **sums}


def compare_frame(df: pd.DataFrame, **options: Any) -> pd.DataFrame:
    """:func:`compare_many` over a pandas DataFrame's rows: a DataFrame of :data:`COLUMNS`.

    Read money columns as text (``pd.read_csv(path, dtype=str, keep_default_na=False)``):
    a float cell is refused like any float amount. The result keeps the frame's index;
    its columns hold Python objects (``Decimal``, ``date``, ``int``, ``None``), exact.
    Needs the ``pandas`` extra.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"id": ["A"], "product": ["huabei"], "principal": ["1000"]})
    >>> compare_frame(df, on=date(2025, 1, 1), periods=2).loc[0, "saving"]
    Decimal('23.09')
    """
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise InputError("df", df, "err.batch_frame")
    rows = compare_many(df.to_dict("records"), **options)
    return pd.DataFrame(list(rows), columns=list(COLUMNS), index=df.index, dtype=object)
