"""``marginlab`` entry point: the start-up order that gets the window up soonest.

Two measured costs (``bench/gui_latency.py``) are avoided before ``marginlab.desktop.app`` runs:

* Once PySide6 is imported, shiboken's import hook reads the source of every module imported
  after it, looking for ``from __feature__ import``. Importing the engine (pydantic, numpy)
  first spares those modules the hook: about 30 ms.
* Start-up builds a few hundred thousand objects that live for the whole session; the cyclic
  garbage collector would scan them again and again while they are created: about 40 ms.
  It is off until the window is up, then those objects are frozen out of later collections.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    # A pydantic plugin installed beside us (e.g. a telemetry one) would see every scenario the
    # user types; an offline calculator loads none. Skipping the discovery also saves ~3 ms.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    gc.disable()
    try:
        import marginlab.engine.files.presets
        import marginlab.engine.files.scenario_io
        import marginlab.engine.margin.report
        import marginlab.engine.margin.sweep
        import marginlab.engine.text.report_text  # noqa: F401
        from marginlab.desktop.app import main as run
    finally:
        # Frozen first: re-enabled on its own, the collector's next pass would scan every object
        # the imports made (about 25 ms) just before desktop.app.main turns it off again.
        gc.freeze()
        gc.enable()
    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
