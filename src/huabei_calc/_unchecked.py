"""Fast construction of frozen slotted dataclasses from values already checked.

A frozen dataclass's ``__init__`` stores each field through ``object.__setattr__``
and then runs ``__post_init__``: a schedule row costs about 2 µs that way, and the
builders post hundreds of rows whose cells are right by construction. ``maker(cls)``
returns a function that builds an instance of ``cls`` without either
(``many_maker(cls)`` one that builds many in a loop):

- it fills a *twin*, a plain class with exactly ``cls``'s ``__slots__`` (so the
  same memory layout), with ordinary slot stores;
- it then sets the twin's ``__class__`` to ``cls``, which CPython allows between
  classes of the same layout. The result is a genuine ``cls`` instance: frozen,
  equal to and hashing like one built through ``__init__``.

The function takes every slot positionally, in the order of ``cls.__slots__``, and is
generated once per class from source, as :mod:`dataclasses` generates ``__init__``.
The invariant the callers keep: **every value is one ``__init__`` would accept and
store unchanged** (checked amounts, dates, tuples). ``tests/test_unchecked.py``
proves the construction once for every class built this way.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

__all__ = ["maker", "many_maker"]

T = TypeVar("T")


def maker(cls: type[T]) -> Callable[..., T]:
    """A function ``(*slots) -> cls`` that skips ``__init__`` and its checks.

    ``cls`` must be a frozen dataclass with ``slots=True``; the arguments are its
    slots in the order of ``cls.__slots__`` (its fields, ``init=False`` ones
    included).

    >>> @dataclasses.dataclass(frozen=True, slots=True)
    ... class Point:
    ...     x: int
    ...     y: int
    >>> make = maker(Point)
    >>> make(1, 2), make(1, 2) == Point(1, 2)
    (Point(x=1, y=2), True)
    """
    slots = _slots(cls)
    body = f"def make({', '.join(slots)}):\n{_fill(cls, slots, '    ')}    return new\n"
    make: Callable[..., T] = _compile(cls, body, "make")
    make.__doc__ = f"Build a {cls.__name__} from its slots {slots}, unchecked."
    return make


def many_maker(cls: type[T]) -> Callable[[Iterable[tuple[Any, ...]]], tuple[T, ...]]:
    """:func:`maker` for many at once: a tuple of ``cls`` from tuples of slot values.

    The same construction in one loop, without a call per instance: what the loan
    builders use for their rows.

    >>> @dataclasses.dataclass(frozen=True, slots=True)
    ... class Point:
    ...     x: int
    ...     y: int
    >>> many_maker(Point)([(1, 2), (3, 4)])
    (Point(x=1, y=2), Point(x=3, y=4))
    """
    slots = _slots(cls)
    body = (
        "def make_all(cells):\n    out = []\n    put = out.append\n"
        f"    for {', '.join(slots)}, in cells:\n{_fill(cls, slots, '        ')}"
        "        put(new)\n    return tuple(out)\n"
    )
    make_all: Callable[[Iterable[tuple[Any, ...]]], tuple[T, ...]] = _compile(cls, body, "make_all")
    make_all.__doc__ = f"Build {cls.__name__}s from tuples of their slots {slots}, unchecked."
    return make_all


def _slots(cls: type) -> tuple[str, ...]:
    """``cls.__slots__``, after checking that ``cls`` is a frozen slotted dataclass."""
    if not dataclasses.is_dataclass(cls) or not cls.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__} must be a frozen dataclass")
    slots = tuple(cls.__dict__.get("__slots__", ()))
    if tuple(f.name for f in dataclasses.fields(cls)) != slots:
        raise TypeError(f"{cls.__name__}: its slots must be exactly its fields (slots=True)")
    return slots


def _fill(cls: type, slots: tuple[str, ...], indent: str) -> str:
    """Source that fills a twin of ``cls`` from the local names ``slots`` and retypes it."""
    stores = "".join(f"{indent}new.{name} = {name}\n" for name in slots)
    return f"{indent}new = twin()\n{stores}{indent}new.__class__ = cls\n"


def _compile(cls: type, source: str, name: str) -> Any:
    """The function ``name`` defined by ``source``, with ``twin`` and ``cls`` in scope."""
    twin = type(f"{cls.__name__}Twin", (), {"__slots__": _slots(cls), "__module__": cls.__module__})
    namespace: dict[str, Any] = {}
    exec(source, {"twin": twin, "cls": cls}, namespace)  # the names come from __slots__ only
    function = namespace[name]
    function.__qualname__ = f"{name}<{cls.__name__}>"
    return function
