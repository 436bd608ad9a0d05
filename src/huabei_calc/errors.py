"""The errors huabei_calc raises on purpose.

Every error has :class:`HuabeiCalcError` as its base, so a caller can catch
them all at once, and each is also a standard exception (``ValueError`` or
``ArithmeticError``) so that generic code keeps working.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from math import log10
from typing import Final, cast

from ._catalog import MESSAGES, Lang, text

__all__ = ["HuabeiCalcError", "InputError", "NoConvergenceError"]


class HuabeiCalcError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(HuabeiCalcError, ValueError):
    """A parameter's value is not accepted.

    ``name`` is the parameter, ``value`` the value received; ``code`` is the
    stable id of the message in the catalog and ``params`` its fields, so that
    the message can be shown in either language (:meth:`message`).
    ``accepted`` is the English text of what is accepted instead.

    >>> err = InputError("periods", 0, "err.whole_number", lo=1, hi=60)
    >>> str(err)
    'periods=0 must be a whole number from 1 to 60'
    >>> (err.name, err.value, err.code, err.params)
    ('periods', 0, 'err.whole_number', {'lo': 1, 'hi': 60})
    >>> err.message("zh")
    'periods=0 必须是 1 到 60 之间的整数'
    """

    def __init__(self, name: str, value: object, code: str, /, **params: object) -> None:
        self.name = name
        self.value = value
        if code in MESSAGES:
            self.code: str | None = code
            self.accepted = text(code, "en", **params)
        else:  # words of a caller's own (code that embeds the library); ours always have an id
            self.code, self.accepted = None, code
        self.params = params
        super().__init__(f"{name}={show(value)} {self.accepted}")

    def showing(self, value: object) -> InputError:
        """The same refusal, naming ``value`` instead: the whole of what the caller
        wrote, when the refused value was a part of it.

        >>> InputError("rate", "abc%", "err.rate_form").showing("abc%/day").value
        'abc%/day'
        """
        code = self.code if self.code is not None else self.accepted
        return InputError(self.name, value, code, **self.params)

    def message(self, lang: Lang = "en") -> str:
        """The whole message in ``lang``: ``name=value`` and what is accepted."""
        if self.code is None or lang == "en":
            return str(self)
        return f"{self.name}={show(self.value)} {text(self.code, lang, **self.params)}"


class NoConvergenceError(HuabeiCalcError, ArithmeticError):
    """A numerical solver (``irr``, ``xirr``) did not find a root."""


def show(value: object) -> str:
    """Describe a bad value for a message: bounded (at most 60 characters) and safe.

    Strings are quoted, numbers, dates and the library's own values shown as
    ``str``, lists, tuples, sets and dicts element by element to a small depth.
    The error path never converts user input unguarded: a string or an int is
    cut before it is rendered (``str(10**5000)`` would raise), deep nesting is
    not followed, and an object whose ``__str__`` fails is shown by its type.

    >>> show("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."
    >>> show(10**5000)
    'an int of about 5001 digits'
    >>> show([[1, 2], {"a": (3,)}])
    "[[1, 2], {'a': (3,)}]"
    """
    out = _describe(value, _DEPTH)
    return out if len(out) <= _WIDTH else out[: _WIDTH - 3] + "..."


_WIDTH: Final = 60
_LOG10_2: Final = log10(2)
_DEPTH: Final = 3  # containers inside containers: deeper ones show as "[...]"
_ITEMS: Final = 8  # elements of a container shown before "..."


def _describe(value: object, depth: int) -> str:
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, int):
        bits = int.bit_length(value)
        if bits > 200:  # about 60 digits: never ask for all of them
            return f"an int of about {int(bits * _LOG10_2) + 1} digits"
        return int.__repr__(value)
    if isinstance(value, str):
        return str.__repr__(str.__getitem__(value, slice(0, _WIDTH)))
    if isinstance(value, float):
        return float.__repr__(value)
    if isinstance(value, Decimal):
        if len(value.as_tuple().digits) > _WIDTH:
            return f"a Decimal of {len(value.as_tuple().digits)} digits"
        return Decimal.__str__(value)
    if isinstance(value, datetime):
        return datetime.__str__(value)
    if isinstance(value, date):
        return date.__str__(value)
    if isinstance(value, list | tuple | set | frozenset | dict):
        return _container(value, depth)
    if isinstance(value, bytes | bytearray):
        return bytes.__repr__(bytes(value[:_WIDTH]))
    try:
        out = str(value)
        if not isinstance(out, str):
            raise TypeError
        return str.__getitem__(out, slice(0, _WIDTH * 2))
    except Exception:  # a broken __str__ must not replace the real error
        return f"<{type(value).__name__} object>"


def _container(
    value: list[object]
    | tuple[object, ...]
    | set[object]
    | frozenset[object]
    | dict[object, object],
    depth: int,
) -> str:
    if isinstance(value, dict):
        left, right = "{", "}"
    elif isinstance(value, list):
        left, right = "[", "]"
    elif isinstance(value, tuple):
        left, right = "(", ")"
    else:
        left, right = "{", "}"
    if depth <= 0:
        return f"{left}...{right}"
    parts: list[str] = []
    size = 0
    try:
        items = dict.items(value) if isinstance(value, dict) else value
        for count, item in enumerate(items):
            if count == _ITEMS or size > _WIDTH:
                parts.append("...")
                break
            if isinstance(value, dict):
                key, val = cast("tuple[object, object]", item)
                part = f"{_describe(key, depth - 1)}: {_describe(val, depth - 1)}"
            else:
                part = _describe(item, depth - 1)
            parts.append(part)
            size += len(part) + 2
    except Exception:  # a container subclass that fails to iterate
        return f"<{type(value).__name__} object>"
    if isinstance(value, tuple) and len(parts) == 1:
        return f"({parts[0]},)"
    if isinstance(value, set | frozenset) and not parts:
        return f"{type(value).__name__}()"
    return left + ", ".join(parts) + right
