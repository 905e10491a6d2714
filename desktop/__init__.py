"""Margin Lab desktop: PySide6 + pyqtgraph views over the engine."""
