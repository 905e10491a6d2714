"""Frozen entry point of ``marginlab-cli`` (PyInstaller script)."""

import sys

from engine.cli import main

sys.exit(main())
