"""Frozen entry point of the desktop app (PyInstaller script).

A bundle that cannot even import its modules still answers in one line (``--self-test`` in
CI reads it); set MARGINLAB_DEBUG=1 for the traceback.
"""

import os
import sys

try:
    from marginlab.desktop.launch import main
except Exception as error:  # a broken bundle: say what is missing, in one line
    if os.environ.get("MARGINLAB_DEBUG"):
        raise
    print(f"marginlab: cannot start: {type(error).__name__}: {error}", file=sys.stderr)
    sys.exit(1)

sys.exit(main())
