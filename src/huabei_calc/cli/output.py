"""Writing to the terminal without a traceback, whatever the terminal is.

A stream whose encoding cannot show a character (``PYTHONIOENCODING=ascii``, a
latin-1 terminal and Chinese labels) gets it as a ``\\uXXXX`` escape, and one note
on stderr says why and what to do. A stdout that cannot be written (full disk,
closed) gets one line on stderr and exit status 1; a reader that left
(``huabei-calc … | head``) gets nothing more.
"""

from __future__ import annotations

import os
import sys
from typing import Final, TextIO

from .._catalog import Lang, text

PROG: Final = "huabei-calc"


def _encodable(message: str, stream: TextIO) -> tuple[str, bool]:
    """``message`` as ``stream`` can show it, and whether anything had to be escaped."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        message.encode(encoding)
    except UnicodeEncodeError:
        return message.encode(encoding, "backslashreplace").decode(encoding), True
    except LookupError:  # an encoding Python does not know: let the stream decide
        pass
    return message, False


def _can_show(message: str, stream: TextIO | None) -> bool:
    return stream is not None and not _encodable(message, stream)[1]


def say(kind: str, message: str, lang: Lang) -> None:
    """One line on stderr: ``huabei-calc: <kind>: <message>`` (``kind`` is ``error`` or
    ``note``, translated); never raises, whatever stderr is."""
    line = f"{PROG}: {text(f'cli.msg.{kind}', lang)}: {' '.join(message.split())}\n"
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(_encodable(line, stream)[0])
        stream.flush()
    except (OSError, ValueError):
        pass


def _silence(stream: TextIO) -> None:
    """Point ``stream``'s file descriptor at the null device, so that the interpreter's
    last flush of what is still buffered does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def write(output: str, lang: Lang) -> int:
    """Write ``output`` to stdout; return 0, or 1 when it could not be written."""
    stream = sys.stdout
    if stream is None:  # started with stdout closed (`huabei-calc … >&-`)
        closed = text("cli.msg.stdout_closed", lang)
        reason = text("cli.msg.cannot_write", lang, reason=closed)
        say("error", reason, lang)
        return 1
    shown, escaped = _encodable(output, stream)
    try:
        stream.write(shown)
        stream.flush()
    except BrokenPipeError:  # `huabei-calc … | head`: the reader left; say nothing more
        _silence(stream)
        return 1
    except (OSError, ValueError) as err:  # a full disk, a closed stdout
        _silence(stream)
        reason = (err.strerror if isinstance(err, OSError) else None) or str(err)
        say("error", text("cli.msg.cannot_write", lang, reason=reason), lang)
        return 1
    if escaped:
        encoding = getattr(stream, "encoding", None)
        note = text("cli.msg.cannot_show", lang, encoding=encoding)
        shown_lang: Lang = lang if _can_show(note, sys.stderr) else "en"
        say("note", text("cli.msg.cannot_show", shown_lang, encoding=encoding), shown_lang)
    return 0
