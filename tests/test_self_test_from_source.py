"""`marginlab --self-test` from source (the frozen variant is in tests/packaging)."""

import subprocess
import sys
from pathlib import Path


def test_self_test_from_source(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("marginlab")
    png = tmp_path / "shot.png"
    done = subprocess.run(
        [script, "--self-test", "--self-test-png", str(png)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("self-test passed:")
    assert png.stat().st_size > 20_000
