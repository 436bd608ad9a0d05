"""Fast construction of frozen slotted dataclasses from values already checked.

A frozen dataclass's ``__init__`` stores each field through ``object.__setattr__``
and then runs ``__post_init__``: a schedule row costs about 2 µs that way, and the
builders post hundreds of rows whose cells are right by construction. ``maker(cls)``
returns a function that builds an instance of ``cls`` without either:

- it fills a *twin*, a plain class with exactly ``cls``'s ``__slots__`` (so the
  same memory layout), with ordinary slot stores;
- it then sets the twin's ``__class__`` to ``cls``, which CPython allows between
  classes of the same layout. The result is a genuine ``cls`` instance: frozen,
  equal to and hashing like one built through ``__init__``.

The function takes every slot positionally, in the order of ``cls.__slots__``, and is
generated once per class from source, as :mod:`dataclasses` generates ``__init__``.
``blank(cls)`` hands out the empty twin itself, for the one loop where even a call per
row shows (``loans._post``, up to 600 rows): the loop stores every slot and then sets
``__class__``. The invariant the callers keep: **every value is one ``__init__`` would
accept and store unchanged** (checked amounts, dates, tuples), and every slot is stored
before the retyping. ``tests/test_unchecked.py`` proves the construction once for every
class built this way.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

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


def blank(cls: type) -> Callable[[], Any]:
    """The empty twin of ``cls`` (a class with its slots), to fill in place and retype.

    For a loop that posts many rows: store **every** slot, then set
    ``new.__class__ = cls``; the result is then a genuine ``cls``, as :func:`maker`
    makes it. Until the retyping the object is not a ``cls``: keep it inside the loop.

    >>> @dataclasses.dataclass(frozen=True, slots=True)
    ... class Point:
    ...     x: int
    ...     y: int
    >>> new = blank(Point)()
    >>> new.x, new.y = 1, 2
    >>> new.__class__ = Point
    >>> new == Point(1, 2)
    True
    """
    twin: Callable[[], Any] = _twin(cls)
    return twin


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


def _twin(cls: type) -> type:
    """A plain class with exactly ``cls``'s slots: the same memory layout."""
    return type(f"{cls.__name__}Twin", (), {"__slots__": _slots(cls), "__module__": cls.__module__})


def _compile(cls: type, source: str, name: str) -> Any:
    """The function ``name`` defined by ``source``, with ``twin`` and ``cls`` in scope."""
    namespace: dict[str, Any] = {}
    exec(source, {"twin": _twin(cls), "cls": cls}, namespace)  # names from __slots__ only
    function = namespace[name]
    function.__qualname__ = f"{name}<{cls.__name__}>"
    return function
