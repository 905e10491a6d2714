"""A bounded memory of results by key: the engine's caches of pools, tier segments, schedules
and thresholds. Past its limit it forgets everything at once, which costs nothing to track
and suits how an edit asks: again for almost everything it asked before."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")
_MISSING = object()


class Remembered(Generic[K, T]):
    """``get(key, compute)``: the result remembered for ``key``, else ``compute()``'s."""

    __slots__ = ("_entries", "_limit")

    def __init__(self, limit: int) -> None:
        self._entries: dict[K, T] = {}
        self._limit = limit

    def get(self, key: K, compute: Callable[[], T]) -> T:
        found = self._entries.get(key, _MISSING)
        if found is _MISSING:
            if len(self._entries) >= self._limit:
                self._entries.clear()
            found = self._entries[key] = compute()
        return found  # type: ignore[return-value]

    def peek(self, key: K) -> T | None:
        """The result remembered for ``key``, None when there is none."""
        return self._entries.get(key)

    def put(self, key: K, value: T) -> None:
        """Remember ``value`` for ``key`` (found by the caller with others at once)."""
        if len(self._entries) >= self._limit:
            self._entries.clear()
        self._entries[key] = value

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
