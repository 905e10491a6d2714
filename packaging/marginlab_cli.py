"""Frozen entry point of ``marginlab-cli`` (PyInstaller script)."""

import sys

from marginlab.cli.launch import main

sys.exit(main())
