"""``marginlab-cli`` entry point: pydantic's plugins are switched off before any scenario model
is built (``engine.pydantic_plugins``: no plugin looked for, and ``importlib.metadata`` left
unimported; ``evaluate`` went from 2.02 to 1.83-1.90 × a bare import of numpy and pydantic),
then the command runs (``cli.main``)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from marginlab.engine.pydantic_plugins import switch_off


def main(argv: Sequence[str] | None = None) -> int:
    switch_off()
    from marginlab.cli.main import main as run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
