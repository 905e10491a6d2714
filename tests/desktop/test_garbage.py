"""Python's garbage collector runs in the window's thread only (``app.collect_garbage_in_the_
window_thread``): a Monte Carlo worker that collected a cycle holding a Qt object once left
the window and the worker waiting for each other."""

from __future__ import annotations

import gc
import threading

from marginlab.desktop.main_window import MainWindow

FREED_IN: list[bool] = []  # per object: freed in the main (the window's) thread


class _Cycle:
    """An object in a reference cycle, saying where it was finally freed."""

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        FREED_IN.append(threading.current_thread() is threading.main_thread())


def test_cycles_made_in_a_worker_are_freed_in_the_window_thread(qtbot, window: MainWindow) -> None:
    assert not gc.isenabled()  # no thread collects on its own when it allocates
    FREED_IN.clear()

    def work() -> None:  # far more new objects than the collector's pace
        for _ in range(50_000):
            _Cycle()

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert FREED_IN == []  # the worker allocated, and collected nothing
    qtbot.waitUntil(lambda: len(FREED_IN) == 50_000, timeout=5_000)
    assert all(FREED_IN)
