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
The invariant the callers keep: **every value is one ``__init__`` would accept and
store unchanged** (checked amounts, dates, tuples). ``tests/test_unchecked.py``
proves the construction once for every class built this way.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["maker"]

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
    params = dataclasses.fields(cls)  # type: ignore[arg-type]
    slots = tuple(cls.__dict__.get("__slots__", ()))
    if tuple(f.name for f in params) != slots:
        raise TypeError(f"{cls.__name__}: its slots must be exactly its fields")
    if not cls.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__} must be a frozen dataclass")
    twin = type(f"{cls.__name__}Twin", (), {"__slots__": slots, "__module__": cls.__module__})
    args = ", ".join(slots)
    stores = "".join(f"    new.{name} = {name}\n" for name in slots)
    source = (
        f"def make({args}):\n    new = twin()\n{stores}    new.__class__ = cls\n    return new\n"
    )
    namespace: dict[str, Any] = {}
    exec(source, {"twin": twin, "cls": cls}, namespace)  # the names come from __slots__ only
    make: Callable[..., T] = namespace["make"]
    make.__qualname__ = f"maker({cls.__name__})"
    make.__doc__ = f"Build a {cls.__name__} from its slots {slots}, unchecked."
    return make
