"""Notes for standard error, said once a command has succeeded: on a refusal, standard error
holds the problems only, one line each (DESIGN §3)."""

from __future__ import annotations

import sys

_PENDING: list[str] = []


def note(text: str) -> None:
    """Keep ``text`` to say after the command's output is ready."""
    _PENDING.append(text)


def say_notes() -> None:
    """Write the notes kept (``note: …``) to standard error, and forget them."""
    for text in _PENDING:
        print(f"note: {text}", file=sys.stderr)
    _PENDING.clear()


def forget_notes() -> None:
    _PENDING.clear()
