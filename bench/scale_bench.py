"""Scale benchmark (issue 16): every figure a ratio measured in the same run.

* keystroke → frame (the quantity typed, the curves hold the new data, the window painted:
  all of it, and as the event loop paints it) at N = 1, 20 and 500 positions
  (``bench/books.py``: up to 50 symbols, half cross), against a bare pyqtgraph window
  redrawing three 801-point curves (the stack's floor);
  budgets: N=20 ≤ 1.2 × N=1, N=500 ≤ 3 × N=1, N=1 ≤ 2 × the floor;
* evaluate at N = 500 against N = 5 (≤ 10 ×);
* loading a 2,000-position file into the window against a 20-position one (≤ 10 ×);
* "Before you open" at N = 20, 500 and 2,000 (not budgeted: a check runs at each keystroke
  of the order, in the window's thread).

The books' keystrokes and the floor are taken in rounds, each in turn, and the evaluations
of the two books alternate: a ratio compares figures taken under the same machine load.

Run: ``make bench`` (offscreen, on the tests' 1920 × 1080 screen).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

SCREEN = Path(__file__).parents[1] / "tests" / "offscreen_screen.json"
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREEN}")
sys.path.insert(0, str(Path(__file__).parents[1]))

from bench.books import book, book_document  # noqa: E402

ROUNDS = 4
BOOKS = {1: 16, 20: 16, 500: 8}  # edits per round; each way of painting gets half, after 2


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def floor_frame(app, edits: int) -> list[float]:
    """A bare pyqtgraph window: three 801-point curves get new data, then it repaints."""
    import numpy as np
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    x = np.linspace(20_000, 100_000, 801)
    curves = [plot.plot(x, x * k) for k in (1.0, 1.1, 1.2)]
    plot.resize(1200, 500)
    plot.show()
    app.processEvents()
    samples = []
    for i in range(edits):
        start = time.perf_counter()
        for k, curve in enumerate(curves):
            curve.setData(x, x * (1 + 0.1 * k) + i)
        plot.viewport().repaint()
        samples.append(time.perf_counter() - start)
    plot.close()
    return samples[3:]


def window_frame(app, window, n: int, folder: str, edits: int) -> dict[bool, list[float]]:
    """Keystroke in the quantity field → curves hold new data → a frame, two ways, edits
    taken in turn: the whole window repainted (``QWidget.repaint``: every widget, changed or
    not), and the frame the event loop paints itself (what a trader sees: only what changed)."""
    from PySide6.QtTest import QTest

    path = Path(folder) / f"book{n}.json"
    path.write_text(json.dumps(book_document(n)), encoding="utf-8")
    window.files.open_path(path, ask=False)
    window.controller.recompute()
    app.processEvents()
    window.table.selectRow(0)
    field = window.form.size_field
    field.setFocus()
    curve = window.plot.curves["cross"]
    samples: dict[bool, list[float]] = {True: [], False: []}
    for i in range(edits):
        field.selectAll()
        QTest.keyClicks(field, "0.")
        app.processEvents()
        before = curve.getData()[1].copy()
        whole = (i // 2) % 2 == 0
        start = time.perf_counter()
        QTest.keyClick(field, "3" if i % 2 else "5")
        while (curve.getData()[1] == before).all():
            app.processEvents()
        if whole:
            window.repaint()
        else:
            app.processEvents()  # the paint the edit asked for, if the loop has not made it
        samples[whole].append(time.perf_counter() - start)
    window.controller.undo_stack.setClean()
    return {whole: taken[2:] for whole, taken in samples.items()}


def load_seconds(app, window, n: int, folder: str) -> float:
    path = Path(folder) / f"load{n}.json"
    path.write_text(json.dumps(book_document(n)), encoding="utf-8")
    best = []
    for _ in range(2):
        start = time.perf_counter()
        window.files.open_path(path, ask=False)
        window.controller.recompute()
        app.processEvents()
        window.repaint()
        best.append(time.perf_counter() - start)
        window.controller.undo_stack.setClean()
    return min(best)


def evaluate_ms(rounds: int) -> tuple[float, float]:
    """Fresh evaluations at N = 5 and N = 500 (every pool and search built again, as the
    first evaluation of a book), taken in turn so both see the same machine load."""
    from marginlab.engine.margin.evaluate import clear_headline_cache, evaluate

    scenarios = {5: book(5), 500: book(500)}
    samples: dict[int, list[float]] = {5: [], 500: []}
    for _ in range(rounds):
        for n, repeat in ((5, 6), (500, 1)):
            for _ in range(repeat):
                clear_headline_cache()
                start = time.perf_counter()
                evaluate(scenarios[n])
                samples[n].append(time.perf_counter() - start)
    return median_ms(samples[5]), median_ms(samples[500])


def precheck_ms(n: int, rounds: int = 5) -> tuple[float, float]:
    """ "Before you open" in a book of ``n`` positions: one check of an order in its fourth
    position's symbol (both modes, their largest size and highest leverage within a limit
    400 above what a wrong symbol costs the book already). First as the first keystroke after
    an edit of the book sees it: every cache cleared, then the book evaluated as the window
    evaluates it (not timed); then as the next keystroke sees it."""
    from marginlab.engine.margin.evaluate import as_entered, clear_headline_cache, evaluate
    from marginlab.engine.margin.planning import Ticket
    from marginlab.engine.margin.precheck import check_order

    scenario = book(n)
    symbol = scenario.positions[3].symbol
    ticket = Ticket(symbol, "long", 10, scenario.marks()[symbol])
    limit = as_entered(scenario).symbol_risks[symbol].fall.loss + 400.0
    first: list[float] = []
    next_: list[float] = []
    for _ in range(rounds):
        for taken, clear in ((first, True), (next_, False)):
            if clear:
                clear_headline_cache()
                evaluate(scenario)
            start = time.perf_counter()
            check_order(scenario, ticket, 1.0, None, limit)
            taken.append(time.perf_counter() - start)
    return median_ms(first), median_ms(next_)


def verdict(ratio: float, budget: float) -> str:
    return f"ratio {ratio:5.2f} (budget {budget:g}: {'met' if ratio <= budget else 'MISSED'})"


def main() -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from marginlab.desktop.app import build_window, follow_palette

    app = QApplication.instance() or QApplication([])
    follow_palette(app)
    e5, e500 = evaluate_ms(8)
    print(f"evaluate N=5 {e5:8.2f} ms, N=500 {e500:8.2f} ms        {verdict(e500 / e5, 10)}")
    for n in (20, 500, 2000):
        first, following = precheck_ms(n)
        print(
            f"before you open, N={n:<5d} first keystroke {first:7.1f} ms, next {following:7.1f} ms"
            " (not budgeted)"
        )
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
        window = build_window(settings, autosave_folder=Path(folder) / "autosave")
        window.show()
        app.processEvents()
        # In rounds, each book in turn: a slow spell of the machine weighs on every N alike
        # instead of on whichever book it fell on.
        floors: list[float] = []
        frames: dict[int, dict[bool, list[float]]] = {n: {True: [], False: []} for n in BOOKS}
        for _ in range(ROUNDS):
            floors += floor_frame(app, 14)
            for n, edits in BOOKS.items():
                for whole, taken in window_frame(app, window, n, folder, edits).items():
                    frames[n][whole] += taken
        floor = median_ms(floors)
        print(f"bare pyqtgraph frame (3 × 801 points) {floor:7.2f} ms")
        for whole, label in (
            (True, "whole window repainted"),
            (False, "the event loop's own paint"),
        ):
            one = median_ms(frames[1][whole])
            print(f"keystroke → frame, {label}:")
            print(f"  N=1   {one:8.2f} ms vs the floor  {verdict(one / floor, 2)}")
            for n, budget in ((20, 1.2), (500, 3.0)):
                ms = median_ms(frames[n][whole])
                print(f"  N={n:<4d}{ms:8.2f} ms vs N=1      {verdict(ms / one, budget)}")
        l20, l2000 = load_seconds(app, window, 20, folder), load_seconds(app, window, 2000, folder)
        print(
            f"load N=20 {l20:6.3f} s, N=2,000 {l2000:6.3f} s            {verdict(l2000 / l20, 10)}"
        )
        window.close()


if __name__ == "__main__":
    main()
