"""A tab widget that lays itself out again only when a size it lays out by has changed.

Qt's ``QTabWidget`` answers every ``LayoutRequest`` by placing its tab bar and page again
and repainting itself whole (``QTabWidget::setUpLayout`` ends in ``update()``). A label whose
text changes anywhere in a page sends one up: ``QLabel::setText`` calls ``updateGeometry``,
and ``QLayout::activate`` calls ``updateGeometry`` on its widget whatever changed (Qt's own
comment there: "ideally only if sizeHint() or sizePolicy() has changed"). The plot's what-if
readout changes at every keystroke, so every keystroke painted the tab, the plot and every
box above it a second time: 1.5 ms of a 19 ms keystroke in a one-position book, 5 ms of 29
in a book of 20 (an event log of the keystrokes ``bench/scale_bench.py`` types; the Fusion
style fills the tab's frame around every page widget).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QTabWidget, QWidget

Sizes = tuple[QSize, ...]


class SteadyTabs(QTabWidget):
    """``QTabWidget`` that drops a ``LayoutRequest`` when nothing it lays out by changed: its
    own size, its tab bar's size hint and its least and preferred sizes (which hold its
    page's). The tab bar and the page then stay where they are, and only the widgets whose
    content changed repaint. A tab added, removed or chosen, or a resize, lays it out as
    before: Qt does that outside ``LayoutRequest``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._laid_out: Sizes | None = None

    def _sizes(self) -> Sizes:
        return (
            self.size(),
            self.tabBar().sizeHint(),
            self.minimumSizeHint(),
            self.sizeHint(),
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            sizes = self._sizes()
            if sizes == self._laid_out:
                return True
            self._laid_out = sizes
        return super().event(event)
