"""SIGKILL in the middle of saves: the file always holds the old or the new scenario, whole."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from marginlab.engine.files.presets import load_preset
from marginlab.engine.files.scenario_io import load_scenario, save_scenario

KILLS = 25

# One process loads the engine once, then for each line on its standard input forks a writer
# that says its pid and saves the two scenarios in turn as fast as it can until killed, and
# reports how that writer ended. A fork starts saving at once: a fresh interpreter per kill
# spent half a second each importing the engine.
WRITER = """
import os, sys
from marginlab.engine.files.presets import load_preset
from marginlab.engine.files.scenario_io import save_scenario
target = sys.argv[1]
a = load_preset("seed-example.json")
many = [p.model_copy(update={"id": f"P{i}", "margin": 1.0}) for i in range(400)
        for p in a.positions[1:]]
b = a.model_copy(update={"name": "big", "positions": tuple(many)})  # a ~100 kB file
print("ready", flush=True)
for _ in sys.stdin:
    writer = os.fork()
    if writer == 0:
        print(os.getpid(), flush=True)
        while True:
            save_scenario(a, target)
            save_scenario(b, target)
    print(os.waitstatus_to_exitcode(os.waitpid(writer, 0)[1]), flush=True)
"""


def test_kill_during_save_leaves_old_or_new_file(tmp_path: Path) -> None:
    target = tmp_path / "scenario.json"
    seed = load_preset("seed-example.json")
    save_scenario(seed, target)
    names = {seed.name, "big"}
    rng = random.Random(7)
    writers = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writers.stdin is not None and writers.stdout is not None
    assert writers.stdout.readline() == "ready\n"
    try:
        for _ in range(KILLS):
            writers.stdin.write("go\n")
            writers.stdin.flush()
            writer = int(writers.stdout.readline())
            time.sleep(rng.uniform(0.0, 0.05))
            os.kill(writer, signal.SIGKILL)
            assert int(writers.stdout.readline()) == -signal.SIGKILL
            assert load_scenario(target).name in names  # complete and valid, never torn
            backup = target.with_name(target.name + ".bak")
            if backup.exists():
                assert load_scenario(backup).name in names
    finally:
        writers.stdin.close()
        writers.wait(timeout=30)
    leftovers = [
        p.name for p in tmp_path.iterdir() if p.name not in ("scenario.json", "scenario.json.bak")
    ]
    assert all(name.endswith(".tmp") for name in leftovers)  # only unfinished temp files
