"""Assertions shared by several test modules."""

from __future__ import annotations

import dataclasses

import pytest


def assert_genuine_frozen(made: object, checked: object, draft: type) -> None:
    """``made``, built through a mutable slot twin (``draft``) and retyped, is a real
    frozen dataclass instance: same type, equal and hashing alike to one built with
    checks, frozen, and the twin has exactly the same slots."""
    cls = type(checked)
    assert type(made) is cls
    assert made == checked
    assert hash(made) == hash(checked)
    field = dataclasses.fields(cls)[0].name  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, field, None)
    assert set(draft.__slots__) == set(cls.__slots__)
