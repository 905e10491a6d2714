"""Bounded reads: every file the app or the CLI reads goes through here (issue 13).

A path that is not a regular file (a FIFO would block for good, ``/dev/zero`` never ends) is
refused before it is opened for reading; a regular file is read with a size cap, so a huge or
growing file costs at most the cap. Problems are capped too: a reader reports at most
``MAX_PROBLEMS`` lines, then "and N more".
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from marginlab.engine.text.said import say

MAX_PROBLEMS = 20


class ReadError(OSError):
    """A file that cannot be read safely, with the reason in the user's words."""


def read_bounded(path: str | os.PathLike[str], limit: int, what: str = "file") -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them; else ``ReadError``.

    The kind of file is checked before opening (opening a FIFO for reading waits for a writer)
    and again on the open descriptor, so a file swapped in between is caught as well.
    """
    target = Path(path)
    try:
        info = os.stat(target)
    except OSError as error:
        raise ReadError(
            say("{target}: cannot be read ({value})", target=target, value=error.strerror or error)
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(
            say(
                "{target}: not a regular file ({st_mode}); choose a {what}",
                target=target,
                st_mode=_kind(info.st_mode),
                what=what,
            )
        )
    if info.st_size > limit:
        raise ReadError(say("{name}: larger than {limit}", name=target.name, limit=_size(limit)))
    try:
        descriptor = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise ReadError(
            say("{target}: cannot be read ({value})", target=target, value=error.strerror or error)
        ) from None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise ReadError(
                say("{target}: not a regular file; choose a {what}", target=target, what=what)
            )
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise ReadError(
            say("{target}: cannot be read ({value})", target=target, value=error.strerror or error)
        ) from None
    finally:
        os.close(descriptor)
    if size > limit:
        raise ReadError(say("{name}: larger than {limit}", name=target.name, limit=_size(limit)))
    return b"".join(chunks)


def capped(problems: list[str], limit: int = MAX_PROBLEMS) -> list[str]:
    """At most ``limit`` problems, then one line saying how many more there are."""
    if len(problems) <= limit:
        return problems
    return [*problems[:limit], say("… and {n} more problems", n=f"{len(problems) - limit:,}")]


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, say("a folder")),
        (stat.S_ISFIFO, say("a pipe")),
        (stat.S_ISCHR, say("a device")),
        (stat.S_ISBLK, say("a device")),
        (stat.S_ISSOCK, say("a socket")),
    ):
        if test(mode):
            return name
    return say("not a file")


def _size(limit: int) -> str:
    return f"{limit // 2**20} MB" if limit >= 2**20 else f"{limit // 1024} KB"
