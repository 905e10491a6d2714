"""The desktop fixtures (a real window on the brief's example) serve the reliability tests too."""

from tests.desktop.conftest import settings, window  # noqa: F401
