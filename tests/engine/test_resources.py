"""Bundled tables: dated, sourced, continuous; found through importlib.resources from a wheel."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from marginlab.engine.margin.rules import RULE_SETS, rule_table, table_info

ROOT = Path(__file__).parents[2]


@pytest.mark.parametrize("rules", ["binance-usdm", "bybit-linear"])
def test_tier_tables_follow_the_maintenance_amount_recurrence(rules: str) -> None:
    """cum_n = floor_n·(MMR_n − MMR_{n−1}) + cum_{n−1} (Binance FAQ; Bybit margin parameters):
    MM is continuous across tiers, which the liquidation solver relies on."""
    table = rule_table(rules)
    assert table["as_of"] and table["source"]
    for symbol, tiers in table["symbols"].items():
        assert tiers[0]["floor"] == 0 and tiers[0]["amount"] == 0, symbol
        for before, tier in itertools.pairwise(tiers):
            assert tier["floor"] == before["cap"], symbol
            assert tier["rate"] > before["rate"], symbol
            assert tier["max_leverage"] <= before["max_leverage"], symbol
            expected = tier["floor"] * (tier["rate"] - before["rate"]) + before["amount"]
            assert tier["amount"] == pytest.approx(expected, abs=1e-6), (symbol, tier)


def test_every_rule_set_is_described() -> None:
    for rules in RULE_SETS:
        info = table_info(rules)
        assert info["source"]
    assert rule_table("hyperliquid")["max_leverage"]["BTC"] == 50


def test_tables_load_from_a_built_wheel(tmp_path: Path) -> None:
    """Build the wheel and read a table and a preset from it, away from the checkout."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("marginlab-*.whl"))
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    probe = (
        "import marginlab.engine as engine, marginlab.resources as data;"
        "from marginlab.engine.files.presets import load_preset;"
        "from marginlab.engine.margin.rules import rule_table;"
        f"assert engine.__file__.startswith({str(unpacked)!r}), engine.__file__;"
        f"assert data.__file__.startswith({str(unpacked)!r}), data.__file__;"
        "print(rule_table('binance-usdm')['as_of'], load_preset('seed-example.json').name)"
    )
    # -S skips site-packages' .pth files, so the editable checkout cannot answer for the wheel.
    path = os.pathsep.join([str(unpacked), sysconfig.get_paths()["purelib"]])
    done = subprocess.run(
        [sys.executable, "-S", "-c", probe],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": path},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("2024-10-24 Brief example")
