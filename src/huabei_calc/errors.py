"""The errors huabei_calc raises on purpose.

Every error has :class:`HuabeiCalcError` as its base, so a caller can catch
them all at once, and each is also a standard exception (``ValueError`` or
``ArithmeticError``) so that generic code keeps working.
"""

from __future__ import annotations

from ._catalog import MESSAGES, Lang, text

__all__ = ["HuabeiCalcError", "InputError", "NoConvergenceError", "show"]


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
        else:  # legacy: English words without an id (being moved into the catalog)
            self.code, self.accepted = None, code
        self.params = params
        super().__init__(f"{name}={show(value)} {self.accepted}")

    def message(self, lang: Lang = "en") -> str:
        """The whole message in ``lang``: ``name=value`` and what is accepted."""
        if self.code is None or lang == "en":
            return str(self)
        return f"{self.name}={show(self.value)} {text(self.code, lang, **self.params)}"


class NoConvergenceError(HuabeiCalcError, ArithmeticError):
    """A numerical solver (``irr``, ``xirr``) did not find a root."""


def show(value: object) -> str:
    """Render a bad value for a message: strings quoted, the rest as ``str``, cut at 60."""
    text_ = repr(value) if isinstance(value, str) else str(value)
    return text_ if len(text_) <= 60 else text_[:57] + "..."
