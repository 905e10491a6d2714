"""A monkey at the keyboard: random edits, clicks and drags through qtbot.

``make test`` runs 300 steps; the long run (3,000 steps by default, ``MARGINLAB_MONKEY_STEPS``)
is marked ``slow``: ``make test-slow`` runs it. The book is capped at MAX_POSITIONS so the
cost of a step stays flat, instead of growing with every "add" and "duplicate".

No exception may escape (pytest-qt fails the test on any exception raised in a Qt callback),
and after every step the figures on screen equal the engine's result for the scenario shown.
Typing that is finished (Enter, Tab) leaves either the value typed or the one before it, and
every field not being edited shows the scenario's value (issue 15: nothing half-typed lands).
"""

from __future__ import annotations

import math
import os
import random
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from marginlab.desktop.main_window import MainWindow
from marginlab.desktop.positions_table_model import FIELDS, MODE_COLUMN
from marginlab.engine.files.presets import preset_list
from marginlab.engine.margin.sweep import ALL_SYMBOLS
from marginlab.engine.text.numbers import parse_number
from tests.desktop.screen import assert_shows_engine_figures
from tests.desktop.test_chinese_window import chinese  # noqa: F401 (a fixture)

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

    def type_and_finish(field) -> Callable[[], None]:
        """Part of a text, then Enter or Tab: the field ends holding either what was typed
        (if it is valid) or what it held before, never a half-typed value on the way."""

        def act() -> None:
            text = rng.choice(TEXTS)
            text = text[: rng.randint(0, len(text))] if rng.random() < 0.5 else text
            win.table.setFocus()  # the click into the field: an edit left open elsewhere ends
            before = _committed(win, field)
            field.setFocus()
            field.selectAll()
            qtbot.keyClicks(field, text)
            qtbot.keyClick(field, rng.choice([Qt.Key.Key_Return, Qt.Key.Key_Tab]))
            if QApplication.activePopupWidget() is not None:  # the symbol list took the key
                _back_to_the_window(win)
                win.table.setFocus()  # the user clicks elsewhere: the edit is finished
            after = _committed(win, field)
            valid, typed = _expected(field, text)
            assert after == before or (valid and _same(after, typed)), (
                f"{field.path}: typed {text!r}, before {before!r}, now {after!r}"
            )

        return act

    for field in (*win.account.fields.values(), win.account.name, win.account.fee):
        actions.append((f"type {field.path}", type_into(field)))
        actions.append((f"type and finish {field.path}", type_and_finish(field)))
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
            if field is not win.form.size_field:
                actions.append((f"type and finish {field.path}", type_and_finish(field)))
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

    def calculator() -> None:
        calc = win.calculator
        if rng.random() < 0.3:
            win.views.setCurrentIndex(3)
        calc.tabs.setCurrentIndex(rng.randrange(calc.tabs.count()))
        fields = [calc.leverage, calc.price, calc.mmr, calc.quantity, calc.exit_price,
                  calc.target_roe, calc.target_pnl, calc.margin, calc.step, calc.stop,
                  calc.loss, calc.rate, calc.hours]  # fmt: skip
        choice = rng.randrange(len(fields) + 3)
        if choice < len(fields):
            field = fields[choice]
            field.setFocus()
            field.selectAll()
            qtbot.keyClicks(field, rng.choice(TEXTS))
        elif choice == len(fields):
            calc.symbol.setEditText(rng.choice([*TEXTS, "BTCUSDT", "ETHUSDT", "btc usdt"]))
        elif choice == len(fields) + 1:
            lines = [f"{rng.choice(TEXTS)} @ {rng.choice(TEXTS)}" for _ in range(rng.randrange(4))]
            calc.fills.setPlainText("\n".join([*lines, rng.choice(TEXTS)]))
        else:
            calc.side.setCurrentIndex(rng.randrange(2))
        calc.recompute()

    def pretrade() -> None:
        view = win.pretrade
        if rng.random() < 0.3:
            win.views.setCurrentIndex(4)
        fields = [view.size_field, view.leverage, view.price, view.mmr, view.acceptable]
        choice = rng.randrange(len(fields) + 3)
        if choice < len(fields):
            field = fields[choice]
            field.setFocus()
            field.selectAll()
            qtbot.keyClicks(field, rng.choice(TEXTS))
        elif choice == len(fields):
            view.symbol.setEditText(rng.choice([*TEXTS, "BTCUSDT", "ETHUSDT"]))
        elif choice == len(fields) + 1:
            view.size_kind.setCurrentIndex(rng.randrange(2))
            view.side.setCurrentIndex(rng.randrange(2))
        elif win.model.rowCount() < MAX_POSITIONS:
            view.recompute()
            view.open_it(rng.choice(["isolated", "cross"]))
        view.recompute()

    actions.append(("calculator", calculator))
    actions.append(("before you open", pretrade))
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


OPTIONAL = {
    "taker_fee",
    "max_acceptable_loss",
    "mark_price",
    "margin",
    "maintenance_rate",
    "maintenance_amount",
}
_SCALES = {"maintenance_rate": 0.01, "taker_fee": 0.01}  # typed in %, kept as a fraction


def _committed(win: MainWindow, field) -> object:
    """The scenario's value behind ``field`` (``account.x`` or ``positions[i].x``)."""
    path = field.path
    if path in ("name", "taker_fee"):
        return getattr(win.controller.scenario, path)
    owner, _, attribute = path.partition(".")
    if owner == "account":
        return getattr(win.controller.scenario.account, attribute)
    row = int(owner.removeprefix("positions[").removesuffix("]"))
    positions = win.controller.scenario.positions
    return getattr(positions[row], attribute) if row < len(positions) else None


def _expected(field, text: str) -> tuple[bool, object]:
    """Whether ``text`` is a value for ``field``, and what it would be once committed."""
    attribute = field.path.rpartition(".")[2]
    if attribute == "name":
        return True, text
    if attribute == "currency":
        return True, text.strip()
    if attribute == "symbol":  # kept as the book or the venue spells it: "btcusdt" is BTCUSDT
        return True, _AnyCase(text.strip())
    if not text.strip():
        # Empty is a value where the field has a default: the venue's base rate, no loss
        # limit, the entry as the mark, notional / leverage as the margin, the table's MMR.
        return attribute in OPTIONAL, None
    value = parse_number(text)
    if value is None:
        return False, None
    return True, value * _SCALES.get(attribute, 1.0)


class _AnyCase(str):
    """A symbol as typed, the same as the one committed in any case."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, str) and other.upper() == self.upper()

    __hash__ = str.__hash__


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-12)
    return a == b


def _fields_show_committed(win: MainWindow) -> None:
    """A field not being edited shows the scenario's value: nothing half-typed stays."""
    fields = [*win.account.fields.values(), win.account.fee, *win.form._edits()[2:]]
    for field in fields:
        if field.hasFocus() or not field.isEnabled():
            continue
        value = _committed(win, field)
        shown = parse_number(field.text()) if field.text().strip() else None
        if isinstance(value, str):
            assert field.text() == value, (field.path, field.text(), value)
        elif value is None:
            assert shown is None, (field.path, field.text())
        else:
            scale = _SCALES.get(field.path.rpartition(".")[2], 1.0)
            assert shown is not None and math.isclose(shown * scale, value, rel_tol=1e-9), (
                field.path,
                field.text(),
                value,
            )


def _back_to_the_window(win: MainWindow) -> None:
    """What a click on the window does: an open completer list closes, the window is active
    again (a user cannot type into a field of an inactive window)."""
    while (popup := QApplication.activePopupWidget()) is not None:
        popup.close()
    if QApplication.activeWindow() is not win:
        win.activateWindow()
        QApplication.processEvents()


def run_monkey(qtbot, window: MainWindow, steps: int, seed: int) -> None:
    rng = random.Random(seed)
    window.ask_unusual = lambda _message: rng.random() < 0.5  # keep it, or put it back
    done: list[str] = []
    for _ in range(steps):
        _back_to_the_window(window)
        done.append(monkey_step(qtbot, window, rng))
        if window.controller._soon.pending:
            qtbot.waitUntil(lambda: not window.controller._soon.pending, timeout=2000)
        try:
            assert_shows_engine_figures(window)
            _fields_show_committed(window)
        except AssertionError as error:
            raise AssertionError(f"after {done[-5:]}: {error}") from error
        assert window.model.rowCount() <= MAX_POSITIONS
    window.controller.undo_stack.setClean()


def test_monkey(qtbot, window: MainWindow) -> None:
    run_monkey(qtbot, window, STEPS, 20261125)


def test_monkey_in_chinese(chinese, qtbot, window: MainWindow) -> None:  # noqa: F811
    """The same in the Chinese window: a message or a figure said only there (a card's "none"
    in English, found this way) gets its turn."""
    run_monkey(qtbot, window, STEPS, 20261129)


@pytest.mark.slow
@pytest.mark.timeout(0)  # as long as MARGINLAB_MONKEY_STEPS asks
def test_monkey_long_run(qtbot, window: MainWindow) -> None:
    run_monkey(qtbot, window, SLOW_STEPS, 20261126)
