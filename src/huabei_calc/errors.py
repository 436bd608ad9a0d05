"""The errors huabei_calc raises on purpose.

Every error has :class:`HuabeiCalcError` as its base, so a caller can catch
them all at once, and each is also a standard exception (``ValueError`` or
``ArithmeticError``) so that generic code keeps working.
"""

from __future__ import annotations

__all__ = ["HuabeiCalcError", "InputError", "NoConvergenceError"]


class HuabeiCalcError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(HuabeiCalcError, ValueError):
    """A parameter's value is not accepted.

    ``name`` is the parameter, ``value`` the value received; the message says
    what is accepted instead.

    >>> err = InputError("periods", 0, "must be between 1 and 60")
    >>> str(err)
    'periods=0 must be between 1 and 60'
    >>> (err.name, err.value)
    ('periods', 0)
    """

    def __init__(self, name: str, value: object, accepted: str) -> None:
        self.name = name
        self.value = value
        self.accepted = accepted
        super().__init__(f"{name}={_show(value)} {accepted}")


class NoConvergenceError(HuabeiCalcError, ArithmeticError):
    """A numerical solver (``irr``, ``xirr``) did not find a root."""


def _show(value: object) -> str:
    """Render a bad value for a message: strings quoted, the rest as ``str``, cut at 60."""
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."
