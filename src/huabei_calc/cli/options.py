"""Reading the command line's options: strings as typed → library values.

Amounts and rates go to the library as typed, so that its checks (and its
error names) apply; :func:`input_message` reports a library ``InputError``
under the option it came from, in the user's language by its message id
(``err.code``; an error without one is shown in English). What the library
cannot check (a date's form, a whole number, a bare rate) is checked here, with
the catalog's ``cli.msg.*`` words.
"""

from __future__ import annotations

import argparse
import decimal
import re
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Final

from .._catalog import Lang, text
from ..debt import Debt
from ..errors import HuabeiCalcError, InputError, show
from ..products import HUABEI, JIEBEI, Product
from ..rates import Rate

_MAX_DAYS: Final = 36_600
_MAX_DIGITS: Final = 18  # a count typed with more significant digits is never accepted
_SHOWN: Final = 60  # an option's value is cut to this many characters in a message
_PRODUCTS: Final = {"huabei": HUABEI, "jiebei": JIEBEI, "花呗": HUABEI, "借呗": JIEBEI}
_OPTIONS: Final = frozenset(
    [
        "principal",
        "interest",
        "fees",
        "penalty",
        "periods",
        "rate",
        "fee_rate",
        "start",
        "since",
        "until",
        "days",
        "down_payment",
        "waive",
        "max_months",
        "flows",
        "dated",
    ]
)
_BARE: Final = re.compile(r"\s*[0-9]*\.?[0-9]+\s*")
_PERIOD_NAMED: Final = re.compile(r"/|per|每|^\s*[日月年]")
_WAIVE_ZH: Final = {"罚息": "penalty", "逾期费": "penalty", "利息": "interest", "手续费": "fees"}
_today: Callable[[], date] = date.today  # the only clock the package reads


class CliError(HuabeiCalcError):
    """A command-line input error, already worded in the user's language."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


def shown(raw: object) -> str:
    """An option's value as typed (``None`` when not given), cut to a readable length."""
    said = str(raw)
    return said if len(said) <= _SHOWN else said[: _SHOWN - 3] + "..."


def words(err: HuabeiCalcError, lang: Lang) -> str:
    """What a library error says, in ``lang`` when it carries a message id.

    For an ``InputError`` only the words after ``name=value``; an error without an
    id (``code is None``) is said in English.
    """
    if isinstance(err, InputError):
        return err.accepted if err.code is None else text(err.code, lang, **err.params)
    message = getattr(err, "message", None)
    return message(lang) if callable(message) else str(err)


def input_message(err: InputError, ns: argparse.Namespace | None, lang: Lang) -> str:
    """A library ``InputError`` worded under the command-line option it came from."""
    said = words(err, lang)
    dest = {"max_periods": "periods", "cashflows": "flows"}.get(err.name, err.name)
    if ns is not None:
        if dest == "until" and getattr(ns, "days", None) is not None:
            dest = "days"
        if dest == "flows" and getattr(ns, "flows", None) is None:
            dest = "dated"
        if dest == "debt":
            dest = "waive" if getattr(ns, "waive", None) else "principal"
    if ns is None or dest not in _OPTIONS or not hasattr(ns, dest):
        return f"{err.name}={show(err.value)} {said}"
    raw = getattr(ns, dest)
    value = shown(raw) if isinstance(raw, str) else show(err.value)
    return f"--{dest.replace('_', '-')}={value} {said}"


def other_message(err: HuabeiCalcError, ns: argparse.Namespace | None, lang: Lang) -> str:
    """Any other library error (``irr``/``xirr`` finding no rate), under ``apr``'s option."""
    said = words(err, lang)
    dest = None if ns is None else ("flows" if getattr(ns, "flows", None) else "dated")
    if ns is None or getattr(ns, "command", None) != "apr" or dest is None:
        return said
    return f"--{dest}={shown(getattr(ns, dest))}: {said}"


def fail(ns: argparse.Namespace, dest: str, key: str, **params: object) -> CliError:
    """An error about option ``dest`` as typed, with the words ``cli.msg.<key>``."""
    message = text(f"cli.msg.{key}", ns.lang, **params)
    return CliError(f"--{dest.replace('_', '-')}={shown(getattr(ns, dest))} {message}")


def max_months(ns: argparse.Namespace) -> int | None:
    """``--max-months``, or ``None`` (the library's default: 120 months, or the plan's
    periods when the plan is longer)."""
    return None if ns.max_months is None else count(ns, "max_months")


def count(ns: argparse.Namespace, dest: str) -> int:
    """A whole number (its range is the library's to check)."""
    raw = getattr(ns, dest)
    if not re.fullmatch(r"\s*[+-]?[0-9]+\s*", raw):
        raise fail(ns, dest, "not_count")
    number = raw.strip()
    digits = number.lstrip("+-").lstrip("0")
    if len(digits) > _MAX_DIGITS:  # int() refuses over 4,300 digits; no count is this large
        raise fail(ns, dest, "count_too_long", digits=len(digits))
    return -int(digits or "0") if number.startswith("-") else int(digits or "0")


def day(ns: argparse.Namespace, dest: str) -> date:
    """A ``YYYY-MM-DD`` date; ``--start`` left out is today."""
    raw = getattr(ns, dest)
    if raw is None and dest == "start":
        return _today()
    try:
        if raw is not None and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", raw.strip()):
            return date.fromisoformat(raw.strip())
    except ValueError:
        pass
    raise fail(ns, dest, "not_date")


def debt(ns: argparse.Namespace) -> Debt:
    """The debt in its four buckets, amounts as typed."""
    return Debt(principal=ns.principal, interest=ns.interest, fees=ns.fees, penalty=ns.penalty)


def product(ns: argparse.Namespace) -> Product:
    """The preset (``huabei``/``花呗``, ``jiebei``/``借呗``), at ``--rate`` if given: a rate
    that names its period, or a bare percentage (``0.06%``, ``万分之六``) in the preset's
    period (daily)."""
    preset = _PRODUCTS[ns.product]
    raw = ns.rate
    if raw is None:
        return preset
    if _BARE.fullmatch(raw):
        raise fail(ns, "rate", "bare_rate")
    if _PERIOD_NAMED.search(raw):
        return preset.with_rate(Rate.parse(raw))
    return preset.with_rate(raw)


def waive(ns: argparse.Namespace) -> tuple[str, ...]:
    """Bucket names, comma-separated, in English or Chinese (罚息, 利息, 手续费)."""
    if not ns.waive:
        return ()
    items = (item.strip() for item in re.split(r"[,，、]", ns.waive))
    return tuple(_WAIVE_ZH.get(item, item) for item in items if item)


def flows(ns: argparse.Namespace) -> list[Decimal]:
    """``--flows=-10000,906.67,…``: numbers (the library checks them as cash flows)."""
    values = []
    for item in re.split(r"[,，]", ns.flows):
        if not item.strip():
            raise fail(ns, "flows", "flow_empty")
        try:
            value = Decimal(item.strip())
        except decimal.InvalidOperation:
            value = Decimal("NaN")
        if not value.is_finite():
            raise fail(ns, "flows", "flow", item=item)
        values.append(value)
    return values


def dated(ns: argparse.Namespace) -> list[tuple[date, Decimal]]:
    """``--dated 2025-01-01:-10000,2025-02-01:906.67,…``."""
    pairs = []
    for item in re.split(r"[,，]", ns.dated):
        when, sep, amount = item.strip().partition(":")
        try:
            if not sep or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", when):
                raise ValueError(item)
            value = Decimal(amount.strip())
            if not value.is_finite():
                raise ValueError(item)
            pairs.append((date.fromisoformat(when), value))
        except (ValueError, decimal.InvalidOperation):
            raise fail(ns, "dated", "dated_flow", item=item) from None
    return pairs


def plot_path(ns: argparse.Namespace) -> str | None:
    """``--plot FILE``, checked before any work: a known suffix, an existing directory."""
    path: str | None = getattr(ns, "plot", None)
    if path is None:
        return None
    from pathlib import Path

    target = Path(path)
    if target.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise fail(ns, "plot", "plot_suffix")
    if not target.parent.is_dir():
        raise fail(ns, "plot", "plot_dir")
    return path


def until(ns: argparse.Namespace, since: date) -> date:
    """``--until``, or ``--since`` + ``--days``."""
    if ns.until is not None:
        return day(ns, "until")
    if ns.days is None:  # neither --until nor --days: until today
        return _today()
    days = count(ns, "days")
    if not 0 <= days <= _MAX_DAYS:
        raise fail(ns, "days", "days_range", hi=str(_MAX_DAYS))
    if days > (date.max - since).days:
        raise fail(ns, "days", "date_range")
    return since + timedelta(days=days)
