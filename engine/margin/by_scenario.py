"""Results remembered by the scenario object they were computed from, not by its hash.

A scenario is immutable, so its identity names its content; hashing a book of thousands of
positions would cost more than some of the work remembered. The scenario is kept with its
result, so its id cannot be reused by another object while the entry lives.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:  # the models remember their own marks here: imported for the types only
    from marginlab.engine.margin.models import Scenario

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")


class ByScenario(Generic[K, T]):
    """The last ``kept`` results of ``compute(scenario, key)``; safe across threads (a Monte
    Carlo run builds its pools on its own)."""

    def __init__(self, compute: Callable[[Scenario, K], T], kept: int) -> None:
        self._compute = compute
        self._kept = kept
        self._entries: dict[tuple[int, K], tuple[Scenario, T]] = {}
        self._lock = threading.Lock()

    def get(self, scenario: Scenario, key: K) -> T:
        slot = (id(scenario), key)
        found = self._entries.get(slot)
        if found is not None and found[0] is scenario:
            return found[1]
        result = self._compute(scenario, key)
        self.put(scenario, key, result)
        return result

    def put(self, scenario: Scenario, key: K, result: T) -> None:
        """Remember ``result`` as ``compute(scenario, key)``'s, found by another way."""
        with self._lock:
            if len(self._entries) >= self._kept:
                del self._entries[next(iter(self._entries))]
            self._entries[(id(scenario), key)] = (scenario, result)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
