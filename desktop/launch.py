"""``marginlab`` entry point: the start-up order that gets the window up soonest.

Four measured costs (``bench/gui_latency.py``) are avoided before ``marginlab.desktop.app`` runs:

* Once PySide6 is imported, shiboken's import hook reads the source of every module imported
  after it, to see whether it mentions PySide6 (``pyside_scan``). Importing the engine
  (pydantic, numpy) first spares those modules the hook: about 30 ms.
* The modules that must come after PySide6, pyqtgraph's 270 among them, are still read, but
  ``pyside_scan.spare_source_scan`` gives the hook the same answers from the files' bytes,
  not through ``inspect``: about 30 ms.
* pyqtgraph copies every name of PySide6's three main modules into its own at import, which
  makes all 721 Qt classes and their enums; ``marginlab.desktop`` installs ``qt_mirrors``
  first, so its copies read each name when first asked for instead: about 30 ms (pyqtgraph's
  import is 55 ms shorter; the classes the window does use are made as it reads them).
* Start-up builds a few hundred thousand objects that live for the whole session; the cyclic
  garbage collector would scan them again and again while they are created: about 40 ms.
  It is off until the window is up, then those objects are frozen out of later collections.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

from marginlab.engine.pydantic_plugins import switch_off


def main(argv: Sequence[str] | None = None) -> int:
    switch_off()  # pydantic's plugins, before any model is built (engine.pydantic_plugins)
    gc.disable()
    try:
        import marginlab.engine.files.presets
        import marginlab.engine.files.scenario_io
        import marginlab.engine.margin.report
        import marginlab.engine.margin.sweep
        import marginlab.engine.text.report_text  # noqa: F401
        from marginlab.desktop.pyside_scan import spare_source_scan

        spare_source_scan()  # imports PySide6 (and so shiboken's hook)
        from marginlab.desktop.app import main as run
    finally:
        # Frozen first: re-enabled on its own, the collector's next pass would scan every object
        # the imports made (about 25 ms) just before desktop.app.main turns it off again.
        gc.freeze()
        gc.enable()
    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
