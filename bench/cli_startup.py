"""``marginlab-cli evaluate`` start-up against ``python -c "import numpy, pydantic"`` (issue 16:
≤ 1.3 ×). Fresh processes, interleaved, medians of 15 after a warm-up, bytecode cached as on a
user's machine. Run: ``make bench``.

Also measured, as a second reference: the same bare import and one two-field pydantic model
validated. ``import pydantic`` alone loads little (pydantic 2 imports ``BaseModel`` and its
field types when first asked), so that script is the least any command that validates a
scenario file with pydantic can cost."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))
from bench.timing import interleaved_medians

SEED = Path(__file__).parents[1] / "resources" / "presets" / "seed-example.json"
CLI = Path(sys.executable).with_name("marginlab-cli")
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
BARE = [sys.executable, "-c", "import numpy, pydantic"]
ONE_MODEL = [
    sys.executable,
    "-c",
    "import numpy, pydantic\n"
    "class A(pydantic.BaseModel):\n    x: float\n    y: str = 'a'\n"
    "A.model_validate({'x': 1})",
]
EVALUATE = [str(CLI), "evaluate", str(SEED)]


def seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=ENV, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    b, c = interleaved_medians(lambda: seconds(BARE), lambda: seconds(EVALUATE))
    verdict = "met" if c <= 1.3 * b else "MISSED"
    print(
        f"marginlab-cli evaluate {c:.3f} s vs python -c 'import numpy, pydantic' {b:.3f} s: "
        f"ratio {c / b:.2f} (budget 1.3: {verdict})"
    )
    b, m = interleaved_medians(lambda: seconds(BARE), lambda: seconds(ONE_MODEL))
    print(
        f"  reference: the bare import and one pydantic model validated {m:.3f} s vs the bare "
        f"import {b:.3f} s: ratio {m / b:.2f}"
    )


if __name__ == "__main__":
    main()
