"""A seeded random walk through the window: clicks, keystrokes, menu actions and files.

"Nothing the user could type, load, import or click raises a traceback" (the guide). Each
step picks a visible widget and does what a hurried trader might: types a number, garbage or
a symbol (with Enter, Escape, Tab…), picks an item, clicks a button, double-clicks a cell,
triggers a menu action; the file dialogs answer with presets, broken files and venue exports.
pytest-qt fails the test on any exception raised inside Qt's event loop, and the steps taken
are printed beside it. Walks like this, run by hand with other seeds and longer, found the
bugs the tests named "a GUI monkey run" pin. Beside ``test_gui_monkey.py``, which edits the
book and checks every figure against the engine's after each step, this one checks only that
nothing raises, and reaches every tab, menu and file dialog.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

from marginlab.desktop.main_window import MainWindow
from tests.desktop.test_chinese_window import chinese  # noqa: F401 (a fixture)

ROOT = Path(__file__).parents[2]
SEED, STEPS = 20261130, 800
TEXTS = [
    "", "0", "-1", "1e308", "nan", "inf", "abc", "1,000.5", "0.000000001", "99999999999999",
    "½", "１２３", " 5 ", "1e-320", "50%", "-0", "3.", ".", "1,2,3", "2.5", "100", "45000", "0.01",
    "10", "125", "1e12", "-5%", "BTCUSDT", "ethusdt", "DOGEUSDT", "kPEPE", "x" * 300, "1_000",
    "0x10", "5e", "--1", "+3", "20x",
]  # fmt: skip
KEYS = [
    Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Up, Qt.Key.Key_Down,
    Qt.Key.Key_Delete, Qt.Key.Key_Space, Qt.Key.Key_Backspace, Qt.Key.Key_F2,
]  # fmt: skip
# Quitting ends the walk, and pyqtgraph's "Export..." is reached only through its context menu.
LEFT_OUT = ("Quit", "Exit", "Export...")
# A library's words where the trader's belong: pydantic's "Input should be less than or equal
# to 1000000000000" stood under the order tabs' fields, found by hand.
LIBRARY_WORDS = (
    "should be",
    "invalid float",
    "invalid int",
    "value error",
    "traceback",
    "the the ",
)


def _type(widget: QWidget, text: str) -> None:
    """Keystrokes as a keyboard sends them: QTest's own take ASCII only."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _targets(window: MainWindow) -> list[QWidget]:
    kinds = (QLineEdit, QAbstractSpinBox, QComboBox, QAbstractButton, QTabBar, QAbstractItemView)
    found = []
    for widget in window.findChildren(QWidget):
        if not (isinstance(widget, kinds) and widget.isVisible() and widget.isEnabled()):
            continue
        if isinstance(widget, QLineEdit) and widget.isReadOnly():
            continue
        if isinstance(widget, QHeaderView) or widget.objectName() == "qt_tableview_cornerbutton":
            continue  # they sort or select, and would take a third of the steps
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "") in LEFT_OUT:
            continue
        found.append(widget)
    return found


def _step(rng: random.Random, widget: QWidget) -> str:
    """One thing done to ``widget``; what it was, for the failure's report."""
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        text = (
            rng.choice(TEXTS)
            if rng.random() < 0.7
            else f"{rng.uniform(-10, 1e5):.{rng.randint(0, 6)}f}"
        )
        widget.setFocus()
        QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        _type(widget, text)
        if rng.random() < 0.5:
            QTest.keyClick(widget, rng.choice(KEYS))
        return f"typed {text[:20]!r}"
    if isinstance(widget, QComboBox):
        if widget.count():
            widget.setCurrentIndex(rng.randrange(widget.count()))
        return f"picked {widget.currentText()!r}"
    if isinstance(widget, QTabBar):
        widget.setCurrentIndex(rng.randrange(widget.count()))
        return f"tab {widget.currentIndex()}"
    if isinstance(widget, QAbstractItemView):
        model = widget.model()
        if model is None or not model.rowCount() or not model.columnCount():
            return "empty view"
        index = model.index(rng.randrange(model.rowCount()), rng.randrange(model.columnCount()))
        widget.setCurrentIndex(index)
        centre = widget.visualRect(index).center()
        if rng.random() < 0.5:
            QTest.mouseDClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=centre)
            editor = QApplication.focusWidget()
            text = rng.choice(TEXTS)
            if editor is not None:
                _type(editor, text)
                QTest.keyClick(editor, rng.choice(KEYS))
            return f"cell {index.row()},{index.column()} typed {text[:20]!r}"
        QTest.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        QTest.keyClick(widget, rng.choice(KEYS))
        return f"cell {index.row()},{index.column()} clicked"
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    return "clicked"


def test_a_random_walk_through_the_window_raises_nothing(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _walk(window, tmp_path, monkeypatch, random.Random(SEED))


def test_a_random_walk_through_the_chinese_window_raises_nothing(
    chinese,  # noqa: F811 (the fixture)
    qtbot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same in the Chinese window: every message there is a translation formatted with
    the figures, each a chance to name a field the English does not."""
    _walk(window, tmp_path, monkeypatch, random.Random(SEED + 1))


def _walk(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rng: random.Random
) -> None:
    files = tmp_path / "files"
    files.mkdir()
    (files / "truncated.json").write_text('{"format": "marginlab.scenario", "version": 1')
    (files / "binary.json").write_bytes(b"\x00\x01\x02garbage")
    (files / "future.json").write_text('{"format": "marginlab.scenario", "version": 99}')
    (files / "positions.csv").write_text("symbol,side,qty\nBTCUSDT,long,abc\n")
    # Copies: "Save" after "Open" writes back to the file opened (a preset, once).
    for source in [
        *(ROOT / "tests" / "fixtures" / "venues").glob("*.json"),
        *(ROOT / "resources" / "presets").glob("*-*.json"),
    ]:
        shutil.copy(source, files)
    opened = ["", str(tmp_path / "missing.json"), *map(str, sorted(files.iterdir()))]
    saved = ["", str(tmp_path / "saved.json"), str(tmp_path / "no" / "such" / "folder.json")]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (rng.choice(opened), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (rng.choice(saved), ""))
    said: list[str] = []  # errors the window shows the trader: expected, in words
    window.files.show_error = lambda title, lines: said.append("\n".join([title, *lines]))
    window.ask_unusual = lambda message: rng.random() < 0.5

    def close_dialogs() -> None:  # a message box or a menu would wait for a click
        for widget in (QApplication.activeModalWidget(), QApplication.activePopupWidget()):
            if isinstance(widget, QDialog):
                widget.reject()
            elif widget is not None:
                widget.close()

    closer = QTimer(interval=20)
    closer.timeout.connect(close_dialogs)
    closer.start()
    quit_keys = QKeySequence(QKeySequence.StandardKey.Quit)  # "Quit" in any language
    actions = [
        a
        for a in window.findChildren(QAction)
        if a.text()
        and a.shortcut() != quit_keys
        and not any(word in a.text().replace("&", "") for word in LEFT_OUT)
    ]
    done: list[str] = []
    for step in range(STEPS):
        if rng.random() < 0.06:
            action = rng.choice(actions)
            done.append(f"{step}: action {action.text()!r}")
            if action.isEnabled():
                action.trigger()
        else:
            widget = rng.choice(_targets(window))
            name = widget.accessibleName() or widget.objectName() or type(widget).__name__
            done.append(f"{step}: {name}: {_step(rng, widget)}")
        print(done[-1])  # shown when the test fails: the steps that led there
        QApplication.processEvents()
        shown = [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
        for text in [*shown, *said]:
            assert not any(words in text.lower() for words in LIBRARY_WORDS), (done[-5:], text)
    closer.stop()
    assert len(done) == STEPS
    assert window.isVisible()
    window.controller.undo_stack.setClean()
