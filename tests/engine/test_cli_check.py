"""``marginlab-cli check``: the pre-trade check's JSON contract and messages (issue 18)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.engine.test_cli import run

STORY = str(Path(__file__).parents[2] / "resources" / "presets" / "before-you-open.json")


def test_check_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", STORY, "--open", "BTCUSDT long 0.4 @ 50000 x10", "--json")
    assert status == 0
    data = json.loads(out)
    assert data["recommendation"] == "isolated"
    assert isinstance(data["reasons"], list) and "2,500.00 USDT" in data["reasons"][0]
    iso, cross = data["modes"]["isolated"], data["modes"]["cross"]
    for mode in (iso, cross):
        for key in ("liquidation_price", "max_loss", "account_max_loss", "max_size", "moves"):
            assert key in mode
    assert iso["max_loss"] == pytest.approx(2_000)
    assert cross["max_loss"] == pytest.approx(10_000)
    assert iso["max_size"] == pytest.approx(0.5, rel=1e-6)
    assert iso["moves"][0]["id"] == "A" and iso["moves"][0]["after"] > iso["moves"][0]["before"]


def test_check_text_and_its_options(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "check", STORY, "--open", "BTCUSDT long 0.4 @ 50000 x10", "--margin", "2,500",
        "--max-loss", "3000",
    )  # fmt: skip
    assert status == 0
    assert "max acceptable loss: 3,000.00 USDT" in out
    assert "Recommendation: isolated" in out
    # A margin of 2,500 given: isolated loses 2,500 if wrong.
    assert "2,500.00 USDT" in out.split("max loss if wrong")[1].splitlines()[0]
    # The order's size in its coin, its price and the liquidation prices with their unit
    # (they were bare numbers, and the size read "0.4 BTCUSDT").
    assert out.startswith("Before you open long BTCUSDT 0.4 BTC @ 50,000.00 USDT x10")
    cells = out.split("liquidation price")[1].splitlines()[0].split()
    assert cells[1::2] == ["USDT", "USDT"], cells


def test_the_largest_size_within_reads_within(capsys: pytest.CaptureFixture[str]) -> None:
    """Within 2,512.3478 isolated B may be 0.50246956 BTC (its margin Q × 5,000): the line read
    "0.50247 BTC", which loses 2,512.35. Both the text and the JSON give 0.502469."""
    order = ("--open", "BTCUSDT long 0.4 @ 50000 x10", "--max-loss", "2512.3478")
    status, out, _ = run(capsys, "check", STORY, *order)
    assert status == 0
    line = next(row for row in out.splitlines() if row.startswith("largest size within it"))
    assert "0.502469 BTC" in line and "0.50247 BTC" not in line
    status, out, _ = run(capsys, "check", STORY, *order, "--json")
    assert json.loads(out)["modes"]["isolated"]["max_size"] == 0.502469


def test_check_names_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "check", STORY, "--open", "BTCUSDT long 0.4")
    assert status == 2 and "--open: write the leverage, e.g. x20" in err
    status, _, err = run(capsys, "check", STORY, "--open", "FOOUSDT long 1 @ 5 x10")
    assert status == 2 and "no tier table for 'FOOUSDT'" in err
    assert "Give --mmr or pick a rule set" in err  # the option, not the window's field
    status, _, err = run(capsys, "check", STORY, "--open", "BTCUSDT long 1 x10", "--max-loss", "x")
    assert status == 2 and "--max-loss: 'x' is not a number" in err


def test_check_says_none_where_no_size_is_within(capsys: pytest.CaptureFixture[str]) -> None:
    """A short in cross: no size keeps a rise without end within 2,500 (2.5e-09 before)."""
    status, out, _ = run(capsys, "check", STORY, "--open", "BTCUSDT short 0.4 @ 50000 x10")
    assert status == 0
    row = next(line for line in out.splitlines() if line.startswith("largest size within it"))
    assert row.split()[-3:] == ["0.5", "BTC", "none"]
    status, out, _ = run(
        capsys, "check", STORY, "--open", "BTCUSDT short 0.4 @ 50000 x10", "--json"
    )
    assert json.loads(out)["modes"]["cross"]["max_size"] == 0


def test_an_order_away_from_the_mark_says_where_it_is_read_and_what_to_know(
    capsys: pytest.CaptureFixture[str],
) -> None:
    seed = str(Path(STORY).with_name("seed-example.json"))
    status, out, _ = run(capsys, "check", seed, "--open", "BTCUSDT long 0.1 @ 45000 x200", "--json")
    assert status == 0
    found = json.loads(out)
    assert found["mark_today"] == 50_000
    assert [w.split(":")[0] for w in found["warnings"]] == [
        "With BTCUSDT at 45,000.00, where the order fills, B is past liquidation already",
        "200× is above the 150× Binance USDⓈ-M allows for BTCUSDT at a notional of 4,500.00 USDT",
    ]
    status, out, _ = run(capsys, "check", seed, "--open", "BTCUSDT long 0.1 @ 45000 x20")
    assert status == 0
    assert (
        "Figures with BTCUSDT at 45,000.00, where the order fills (its mark today: 50,000.00)."
        in out
    )
    assert "warning: With BTCUSDT at 45,000.00, where the order fills, B is past" in out


def test_an_order_in_a_generic_book_takes_its_positions_mmr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The BTC-margined preset (generic rules, C: 200 contracts of 100 USD long at 10×, MMR
    0.5 % stated in the file): an order in BTCUSD without --mmr takes C's 0.5 %, where it
    asked for an MMR override. Opened isolated at 50,000 with 10×, its margin N / (50,000 · 10)
    coins: it is liquidated where N (1/P − 1/50,000) = margin − 0.5 % · N / P (formulas.md
    §0), at P = 50,000 · 1.005 / 1.1."""
    preset = str(Path(STORY).with_name("btc-margined-long.json"))
    status, out, err = run(capsys, "check", preset, "--open", "BTCUSD long 100 x10", "--json")
    assert status == 0, err
    data = json.loads(out)
    assert data["modes"]["isolated"]["liquidation_price"] == pytest.approx(
        50_000 * 1.005 / 1.1, rel=1e-9
    )


def test_an_order_past_what_a_file_may_hold_is_refused_in_the_order_s_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A size or a price above 10^12, a margin above 10^15 and an MMR of 150 %: pydantic's own
    sentence was printed, under the file's name for the field ("positions.2.quantity: Input
    should be less than or equal to 1000000000000", "MMR override: input should be less
    than 1"). The option typed into is named, with its bound as a file's are written."""
    cases = [
        (("--open", "BTCUSDT long 1e13 @ 50000 x10"), "--open quantity: must be <= 1e+12"),
        (("--open", "BTCUSDT long 0.4 @ 1e13 x10"), "--open price: must be <= 1e+12"),
        (
            ("--open", "BTCUSDT long 0.4 @ 50000 x10", "--margin", "1e16"),
            "--margin: must be <= 1e+15",
        ),
        (
            ("--open", "BTCUSDT long 0.4 @ 50000 x10", "--mmr", "150%"),
            "--mmr: must be between 0 and 100 %",
        ),
    ]
    for options, message in cases:
        status, _, err = run(capsys, "check", STORY, *options)
        assert status == 2 and f"marginlab-cli: {message}" in err, (options, err)
        assert "should be" not in err and "positions" not in err, err
