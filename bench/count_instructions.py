"""Instructions one engine call executes, counted under valgrind: a figure that does not move
with this machine's phases (its timings swing by ±30 %), for judging a change against the
previous commit. Not part of ``make bench``: it needs valgrind (``apt-get install valgrind``) and
takes about 15 s a count.

    .venv/bin/python bench/count_instructions.py key500 edit20 fresh500

Each name is a call and a book size (``bench/books.py``):

* ``freshN``: ``evaluate`` of a book not seen before (pools and searches built anew);
* ``editN``: ``evaluate`` after one position's quantity changed, as a keystroke asks it;
* ``sweepN``: the plot's sweep after that edit;
* ``keyN``: both, in the window's order (sweep, then evaluate).

Each count is the process with the call less the same process without it (imports, the book,
the warm-up): the call alone. The collector is off and numpy runs one thread in both, since
either would add instructions that depend on when they happen to run. To compare two
checkouts, run this script from each one.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
KINDS = ("fresh", "edit", "sweep", "key")


def _call(kind: str, n: int, run: bool) -> None:
    """The measured process: build the book, warm up, and make the call when ``run``."""
    import gc

    gc.disable()
    sys.path.insert(0, str(ROOT))
    from bench.books import book
    from marginlab.engine.margin.evaluate import clear_headline_cache, evaluate
    from marginlab.engine.margin.models import Scenario
    from marginlab.engine.margin.sweep import sweep_for

    scenario = book(n)
    evaluate(book(5))  # schedules and tables looked up, as after the window's first figures
    clear_headline_cache()
    if kind == "fresh":
        if run:
            evaluate(scenario)
        return
    axis = scenario.positions[0].symbol
    evaluate(scenario)
    sweep_for(scenario, axis)
    positions = list(scenario.positions)
    positions[0] = positions[0].model_copy(update={"quantity": positions[0].quantity * 1.03})
    edited = Scenario.model_validate(
        scenario.model_copy(update={"positions": tuple(positions)}).model_dump(exclude_none=True)
    )
    if run:
        if kind in ("sweep", "key"):
            sweep_for(edited, axis)
        if kind in ("edit", "key"):
            evaluate(edited)


def _instructions(name: str, run: bool) -> int:
    env = {
        **os.environ,
        "PYTHONHASHSEED": "0",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--call",
            name,
            "1" if run else "0",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def _parse(name: str) -> tuple[str, int]:
    found = re.fullmatch(r"([a-z]+)(\d+)", name)
    if found is None or found.group(1) not in KINDS:
        raise SystemExit(f"{name}: expected one of {', '.join(KINDS)} and a book size, e.g. key500")
    return found.group(1), int(found.group(2))


def main(argv: list[str]) -> None:
    if argv[:1] == ["--call"]:
        kind, n = _parse(argv[1])
        _call(kind, n, argv[2] == "1")
        return
    for name in argv or ["key500"]:
        _parse(name)
        count = _instructions(name, True) - _instructions(name, False)
        print(f"{name:<10} {count / 1e6:10.1f} M instructions")


if __name__ == "__main__":
    main(sys.argv[1:])
