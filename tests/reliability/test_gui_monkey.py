"""A monkey at the keyboard: random edits, clicks and drags through qtbot.

``make test`` runs 300 steps; the long run (3,000 steps by default, ``MARGINLAB_MONKEY_STEPS``)
is marked ``slow``: ``make test-slow`` runs it. The book is capped at MAX_POSITIONS so the
cost of a step stays flat, instead of growing with every "add" and "duplicate".

No exception may escape (pytest-qt fails the test on any exception raised in a Qt callback),
and after every step the figures on screen equal the engine's result for the scenario shown.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt

from marginlab.desktop.main_window import MainWindow
from marginlab.desktop.positions_table_model import FIELDS, MODE_COLUMN
from marginlab.engine.files.presets import preset_list
from marginlab.engine.margin.sweep import ALL_SYMBOLS
from tests.desktop.screen import assert_shows_engine_figures

STEPS = 300
SLOW_STEPS = int(os.environ.get("MARGINLAB_MONKEY_STEPS", "3000"))
MAX_POSITIONS = 8
TEXTS = [
    "",
    "0",
    "-1",
    "1",
    "0.5",
    "12",
    "1e-8",
    "1e12",
    "3e15",
    "abc",
    "1,000",
    "nan",
    "inf",
    "  7 ",
    "99999999999999999999",
    "0.0001",
    "200",
    "1000",
    "-0",
    "1e-300",
    "5e4",
    "½",
]


def monkey_step(qtbot, win: MainWindow, rng: random.Random) -> str:
    """One random user action; returns what it did (for the failure message)."""
    rows = win.model.rowCount()
    actions: list[tuple[str, Callable[[], None]]] = []

    def type_into(field) -> Callable[[], None]:
        def act() -> None:
            field.setFocus()
            field.selectAll()
            qtbot.keyClicks(field, rng.choice(TEXTS))

        return act

    for field in (*win.account.fields.values(), win.account.name):
        actions.append((f"type {field.path}", type_into(field)))
    if rows:
        row = rng.randrange(rows)
        column = rng.randrange(len(FIELDS))

        def select() -> None:
            win.table.selectRow(row)

        def edit_cell() -> None:
            index = win.model.index(row, column)
            if column == MODE_COLUMN:
                win.table.setCurrentIndex(index)
                qtbot.keyClick(win.table, Qt.Key.Key_Space)
            else:
                win.model.setData(index, rng.choice([*TEXTS, "long", "short", "BTCUSDT", "X"]))

        def size_kind() -> None:
            win.form.size_kind.setCurrentIndex(rng.randrange(3))

        actions += [
            (f"select row {row}", select),
            (f"edit cell {row},{column}", edit_cell),
            ("size kind", size_kind),
        ]
        for field in win.form._edits():
            actions.append((f"type form {field.path}", type_into(field)))
        actions.append(("remove", win.remove_position))
        if rows < MAX_POSITIONS:
            actions.append(("duplicate", win.duplicate_position))

    def drag() -> None:
        low, high = win.plot.what_if.maxRange
        if low is not None:
            win.plot.what_if.setValue(rng.uniform(low, high))

    def what_if_typed() -> None:
        field = win.plot.what_if_value
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, rng.choice(TEXTS))
        qtbot.keyClick(field, rng.choice([Qt.Key.Key_Return, Qt.Key.Key_Up, Qt.Key.Key_PageDown]))

    def axis() -> None:
        items = [win.plot.axis.itemText(i) for i in range(win.plot.axis.count())]
        win.controller.set_axis(rng.choice(items or [ALL_SYMBOLS]))

    def rules() -> None:
        win.account.rules.setCurrentIndex(rng.randrange(win.account.rules.count()))
        win.account._on_rules_activated(win.account.rules.currentIndex())

    def undo() -> None:
        qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    def redo() -> None:
        win.controller.undo_stack.redo()

    def preset() -> None:
        win.files.load_preset(rng.choice(preset_list()).file)

    if rows < MAX_POSITIONS:
        actions.append(("add", win.add_position))
    actions += [
        ("drag what-if", drag),
        ("type what-if", what_if_typed),
        ("axis", axis),
        ("rules", rules),
        ("undo", undo),
        ("redo", redo),
        ("undo", undo),
    ]
    if rng.random() < 0.02:
        actions.append(("preset", preset))
    name, act = rng.choice(actions)
    act()
    return name


def run_monkey(qtbot, window: MainWindow, steps: int, seed: int) -> None:
    rng = random.Random(seed)
    done: list[str] = []
    for _ in range(steps):
        done.append(monkey_step(qtbot, window, rng))
        if window.controller._timer.isActive():
            qtbot.waitUntil(lambda: not window.controller._timer.isActive(), timeout=2000)
        try:
            assert_shows_engine_figures(window)
        except AssertionError as error:
            raise AssertionError(f"after {done[-5:]}: {error}") from error
        assert window.model.rowCount() <= MAX_POSITIONS
    window.controller.undo_stack.setClean()


def test_monkey(qtbot, window: MainWindow) -> None:
    run_monkey(qtbot, window, STEPS, 20261125)


@pytest.mark.slow
def test_monkey_long_run(qtbot, window: MainWindow) -> None:
    run_monkey(qtbot, window, SLOW_STEPS, 20261126)
