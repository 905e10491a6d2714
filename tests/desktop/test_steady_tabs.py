"""``SteadyTabs``: a label's new text inside a page repaints that label, not the whole tab,
and the tabs still lay out their page whenever a size changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from marginlab.desktop.steady_tabs import SteadyTabs

ONE_LINE = "Equity 1,234.56 USDT"
OTHER_LINE = "Equity 9,876.54 USDT"
MANY_LINES = " ".join(["Liquidates P1, P2 and P3 with ETHUSDT at 1,234.56 USDT."] * 12)


class _Paints(QObject):
    """The regions of the paints a widget gets."""

    def __init__(self) -> None:
        super().__init__()
        self.regions: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.regions.append(event.region().boundingRect())  # type: ignore[attr-defined]
        return False


def _tabs_with_label(qtbot, qapp, kind: type[QTabWidget]) -> tuple[QTabWidget, QLabel]:
    tabs = kind()
    page = QWidget()
    column = QVBoxLayout(page)
    column.addWidget(QWidget(), 1)  # the plot's place: it takes what the label leaves
    label = QLabel(ONE_LINE)
    label.setWordWrap(True)
    column.addWidget(label)
    tabs.addTab(page, "Price move")
    tabs.addTab(QWidget(), "Replay")
    qtbot.addWidget(tabs)
    tabs.resize(600, 400)
    tabs.show()
    qtbot.waitExposed(tabs)
    qapp.processEvents()
    return tabs, label


def _paints_after(qapp, tabs: QTabWidget, change) -> list[QRect]:
    paints = _Paints()
    tabs.installEventFilter(paints)
    change()
    for _ in range(10):  # each level of layouts posts the next one's request
        qapp.processEvents()
    tabs.removeEventFilter(paints)
    return paints.regions


def _whole(tabs: QTabWidget, regions: list[QRect]) -> bool:
    page = tabs.currentWidget()
    return any(r.height() >= page.height() and r.width() >= page.width() for r in regions)


@pytest.mark.parametrize(("kind", "repaints_whole"), [(QTabWidget, True), (SteadyTabs, False)])
def test_a_label_of_the_same_size_repaints_only_itself(qtbot, qapp, kind, repaints_whole) -> None:
    """Qt's own tab widget repaints itself whole at every new text of a label in its page
    (the control: it shows the test can see the repaint); ``SteadyTabs`` does not."""
    tabs, label = _tabs_with_label(qtbot, qapp, kind)
    regions = _paints_after(qapp, tabs, lambda: label.setText(OTHER_LINE))
    assert _whole(tabs, regions) is repaints_whole


def test_a_label_that_needs_more_lines_gets_them(qtbot, qapp) -> None:
    tabs, label = _tabs_with_label(qtbot, qapp, SteadyTabs)
    one_line = label.height()
    label.setText(MANY_LINES)
    for _ in range(3):
        qapp.processEvents()
    assert label.height() > 3 * one_line
    assert label.height() >= label.heightForWidth(label.width())
    assert tabs.currentWidget().geometry().bottom() < tabs.height()


def test_a_resize_and_a_new_tab_still_lay_out_the_page(qtbot, qapp) -> None:
    tabs, _ = _tabs_with_label(qtbot, qapp, SteadyTabs)
    tabs.resize(700, 500)
    qapp.processEvents()
    page = tabs.currentWidget()
    assert page.width() > 650 and page.height() > 420
    wide = "A tab with a much longer title than the others"
    before = tabs.tabBar().sizeHint().width()
    tabs.addTab(QWidget(), wide)
    qapp.processEvents()
    assert tabs.tabBar().width() >= min(before + 100, tabs.width() - 10)
