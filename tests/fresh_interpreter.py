"""Run a snippet in a fresh interpreter and read the JSON object its last line prints: for what
happens only once a process (the first import of pyqtgraph or of the scenario models)."""

from __future__ import annotations

import json
import subprocess
import sys


def fresh_json(code: str, env: dict[str, str]) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return found
