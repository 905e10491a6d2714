"""Frozen entry point of ``marginlab-cli`` (PyInstaller script)."""

import sys

from marginlab.cli.main import main

sys.exit(main())
