"""Margin Lab engine: isolated vs cross margin for linear perpetuals, pure Python (no Qt)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("marginlab")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+checkout"
