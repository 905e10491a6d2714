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

# Saves alternate between two scenarios as fast as possible until killed.
WRITER = """
import sys
from marginlab.engine.files.presets import load_preset
from marginlab.engine.files.scenario_io import save_scenario
target = sys.argv[1]
a = load_preset("seed-example.json")
many = [p.model_copy(update={"id": f"P{i}", "margin": 1.0}) for i in range(400)
        for p in a.positions[1:]]
b = a.model_copy(update={"name": "big", "positions": tuple(many)})  # a ~100 kB file
print("ready", flush=True)
while True:
    save_scenario(a, target)
    save_scenario(b, target)
"""


def test_kill_during_save_leaves_old_or_new_file(tmp_path: Path) -> None:
    target = tmp_path / "scenario.json"
    seed = load_preset("seed-example.json")
    save_scenario(seed, target)
    names = {seed.name, "big"}
    rng = random.Random(7)
    for _ in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE, text=True
        )
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.0, 0.05))
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        assert writer.returncode == -signal.SIGKILL
        assert load_scenario(target).name in names  # complete and valid, never torn
        backup = target.with_name(target.name + ".bak")
        if backup.exists():
            assert load_scenario(backup).name in names
    leftovers = [
        p.name for p in tmp_path.iterdir() if p.name not in ("scenario.json", "scenario.json.bak")
    ]
    assert all(name.endswith(".tmp") for name in leftovers)  # only unfinished temp files
