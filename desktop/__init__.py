"""Margin Lab desktop: PySide6 + pyqtgraph views over the engine."""

from marginlab.desktop import qt_mirrors

qt_mirrors.install()  # before any module here imports pyqtgraph (see qt_mirrors)
