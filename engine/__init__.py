"""Margin Lab engine: isolated vs cross margin for linear perpetuals, pure Python (no Qt)."""

# The single source of the version: pyproject.toml reads it (tool.setuptools.dynamic).
__version__ = "0.1.0"
