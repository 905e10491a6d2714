"""Issue 13's reproductions, each ending in a clear message (exit 2) or a correct result,
within seconds and a few hundred MB: the CLI runs in a subprocess under a memory cap."""

from __future__ import annotations

import json
import os
import resource
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bench.books import cross_pool
from marginlab.engine.files.presets import load_preset
from marginlab.engine.files.scenario_io import ScenarioError, load_scenario, save_scenario

ROOT = Path(__file__).parents[2]
SEED = ROOT / "resources" / "presets" / "seed-example.json"
CLI = Path(sys.executable).with_name("marginlab-cli")
MEMORY_CAP = 1 << 30  # 1 GiB of address space is plenty for any refusal


def _cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP * 4, MEMORY_CAP * 4))


def cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    if not CLI.exists():
        pytest.skip("marginlab-cli not installed in this environment")
    return subprocess.run(
        [str(CLI), *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_cap,
        check=False,
    )


def refused(done: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    for fragment in fragments:
        assert fragment in done.stderr


def test_a_device_or_a_pipe_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "scenario.json"
    os.mkfifo(fifo)
    refused(cli("evaluate", "/dev/zero"), "/dev/zero: not a regular file (a device)")
    refused(cli("evaluate", str(fifo)), "not a regular file (a pipe)")
    refused(cli("replay", str(SEED), "--path", f"BTCUSDT={fifo}"), "not a regular file (a pipe)")


def test_two_million_bad_entries_give_one_line(tmp_path: Path) -> None:
    flood = tmp_path / "flood.json"
    document = {"format": "marginlab.scenario", "version": 1, "account": {"wallet_balance": 1}}
    text = json.dumps({**document, "positions": [1] * 2_000_000}, separators=(",", ":"))
    flood.write_text(text)
    assert flood.stat().st_size < 5 * 2**20
    done = cli("evaluate", str(flood))
    refused(done, "positions: 2,000,000 entries; a scenario holds at most 5,000")
    assert len(done.stderr.splitlines()) == 1


def test_problems_stop_at_twenty(tmp_path: Path) -> None:
    many = tmp_path / "many.json"
    document = {"format": "marginlab.scenario", "version": 1, "account": {"wallet_balance": 1}}
    many.write_text(json.dumps({**document, "positions": [{"id": str(i)} for i in range(400)]}))
    done = cli("evaluate", str(many))
    refused(done, "… and ")
    assert len(done.stderr.splitlines()) == 21


def test_bad_candles_stop_at_twenty_problems_and_long_fields_are_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    rows = ["timestamp,open,high,low,close"] + [f"{i},x,x,x,x" for i in range(1, 200_000)]
    bad.write_text("\n".join(rows))
    done = cli("replay", str(SEED), "--path", f"BTCUSDT={bad}")
    refused(done, "bad.csv: stopped after 20 problems")
    assert len(done.stderr.splitlines()) <= 21
    wide = tmp_path / "wide.csv"
    wide.write_text("timestamp,open,high,low,close\n1," + "9" * 200_000 + ",1,1,1\n")
    refused(cli("replay", str(SEED), "--path", f"BTCUSDT={wide}"), "wide.csv row 2")
    blank = tmp_path / "blank.csv"
    blank.write_bytes(b"timestamp,open,high,low,close\n" + b"\n" * 20_000_000)
    refused(cli("replay", str(SEED), "--path", f"BTCUSDT={blank}"), "more than 1,000,000 rows")


def test_terminal_escapes_are_written_as_escapes(tmp_path: Path) -> None:
    document = json.loads(SEED.read_text())
    document["name"] = "evil\x1b]0;pwned\x07\x1b[2J\x00"
    evil = tmp_path / "evil.json"
    evil.write_text(json.dumps(document))
    done = cli("evaluate", str(evil))
    assert done.returncode == 0
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout and "\x00" not in done.stdout
    assert done.stdout.splitlines()[0] == "evil\\x1b]0;pwned\\x07\\x1b[2J\\x00"


def test_duplicate_keys_are_named() -> None:
    text = SEED.read_text().replace(
        '"wallet_balance": 10000', '"wallet_balance": 10, "wallet_balance": 20'
    )
    assert text != SEED.read_text()
    refused(cli("evaluate", "-", stdin=text.encode()), "the key 'wallet_balance' is given twice")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--seed", "-1"], "--seed: must be a whole number from 0 to 9,223,372,036,854,775,807"),
        # It read "--seed 1000000000000000019884624838656: must be a whole number from 0".
        (["--seed", "1e30"], "--seed: must be a whole number from 0 to 9,223,372,036,854,775,807"),
        (["--paths", "1.5"], "--paths: '1.5' is not a whole number"),
        (["--horizon=-1d"], "--horizon -1d: expected a number and a unit"),
        (["--paths", "1000000", "--steps", "100000"], "--paths/--steps: "),
    ],
)
def test_monte_carlo_flags_are_checked_up_front(args: list[str], message: str) -> None:
    refused(cli("risk", str(SEED), *args), message)


def test_block_zero_is_refused(tmp_path: Path) -> None:
    candles = tmp_path / "btc.csv"
    rows = ["timestamp,open,high,low,close"] + [
        f"{1_700_000_000 + i * 3600},50000,50100,49900,50000" for i in range(50)
    ]
    candles.write_text("\n".join(rows))
    refused(
        cli("risk", str(SEED), "--bootstrap", f"BTCUSDT={candles}", "--block", "0"),
        "--block 0: must be at least 1 candle",
    )


def test_monte_carlo_memory_is_bounded() -> None:
    """Issue 16: 50 symbols × 23,040 steps (16 days of minutes) run in blocks of steps; the
    peak of what numpy allocates stays far under 300 MB, and 100,000 steps are accepted."""
    import tracemalloc

    from marginlab.engine.paths.montecarlo import (
        BATCH,
        BYTES_PER_POINT,
        GBM,
        MEMORY_BUDGET,
        run_problems,
        simulate,
        step_block,
        uniform_correlation,
    )

    assert step_block(1000, 100_000, 50) * min(1000, BATCH) * 50 * BYTES_PER_POINT <= MEMORY_BUDGET
    assert run_problems(1000, 100_000, 50) == []
    scenario = cross_pool(50, 100_000)
    symbols = scenario.symbols()
    model = GBM(dict.fromkeys(symbols, 0.8), uniform_correlation(50, 0.7))
    tracemalloc.start()
    simulate(scenario, model, paths=8, steps=23_040, step_years=1 / 525_600, seed=1)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 300 * 2**20, peak


def test_saving_through_a_link_keeps_the_link_and_the_mode(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    save_scenario(load_preset("seed-example.json"), real)
    os.chmod(real, 0o664)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    stale = tmp_path / ".real.json.interrupted.tmp"
    stale.write_text("half a save")
    os.utime(stale, (0, 0))  # left by a save killed long ago
    save_scenario(load_preset("hedged-pair.json"), link)
    assert link.is_symlink()
    assert load_scenario(real).name == load_preset("hedged-pair.json").name
    assert stat.S_IMODE(real.stat().st_mode) == 0o664
    assert not stale.exists()


def test_messages_are_one_line_without_huge_numbers() -> None:
    error = ScenarioError(["a\nb: " + "9" * 300])
    assert len(error.problems) == 1 and "\n" not in error.problems[0]
    assert "(300 digits)" in error.problems[0]
