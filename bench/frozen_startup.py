"""Start-up to the first window: one-folder and one-file apps against `marginlab` from
source, measured in the same run (offscreen, fresh processes, medians of 9 after a warm-up).

Needs `make package` and `make package-onefile` first; a missing build is reported, not faked.
The app's hidden `--exit-after-first-frame` option prints the time of its first frame.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).parents[1]
CANDIDATES = {
    "from source": [str(Path(sys.executable).with_name("marginlab"))],
    "one-folder": [str(ROOT / "dist" / "marginlab" / "marginlab")],
    "one-file": [str(ROOT / "dist" / "onefile" / "marginlab")],
}
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
# The desktop-sized offscreen screen the tests use (Qt's default is 800 x 800, and the window
# fits itself to the screen).
ENV["QT_QPA_PLATFORM"] = f"offscreen:configfile={ROOT / 'tests' / 'offscreen_screen.json'}"


def first_frame(command: list[str], home: str) -> float:
    start = time.time()
    done = subprocess.run(
        [*command, "--exit-after-first-frame"],
        capture_output=True,
        text=True,
        check=True,
        env={**ENV, "HOME": home},
        timeout=120,
    )
    return float(done.stdout.strip().splitlines()[-1]) - start


def main() -> None:
    import tempfile

    runnable = {name: cmd for name, cmd in CANDIDATES.items() if Path(cmd[0]).exists()}
    for name in CANDIDATES.keys() - runnable.keys():
        print(f"{name:<12} not built: run `make package` / `make package-onefile`")
    samples: dict[str, list[float]] = {name: [] for name in runnable}
    with tempfile.TemporaryDirectory() as home:
        for cmd in runnable.values():
            first_frame(cmd, home)  # warm-up: disk cache, bytecode, one-file unpacking code
        for _ in range(9):
            for name, cmd in runnable.items():  # interleaved: same machine load for all
                samples[name].append(first_frame(cmd, home))
    base = statistics.median(samples["from source"]) if "from source" in samples else None
    for name, values in samples.items():
        median = statistics.median(values)
        ratio = f"  ({median / base:.2f} × from source)" if base else ""
        print(f"{name:<12} first window {median:.3f} s median{ratio}")


if __name__ == "__main__":
    main()
