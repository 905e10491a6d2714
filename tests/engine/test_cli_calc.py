"""``marginlab-cli calc …`` and evaluate's fee and funding options, as a user runs them."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from marginlab.engine.margin import venue_formulas as venue
from tests.engine.test_cli import run

SEED = str(Path(__file__).parents[2] / "resources" / "presets" / "seed-example.json")


def test_pnl_prints_the_calculator_figures(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "calc", "pnl", "--side", "long", "--qty", "1", "--entry", "10,000",
        "--exit", "11000", "--leverage", "10", "--fee-rate", "0.05%",
    )  # fmt: skip
    assert status == 0
    # Every amount and price with its unit: Binance's USDT, no rule set named (they were
    # bare numbers).
    assert "PnL (before fees)            +1,000.00 USDT" in out
    assert "ROE (before fees)            +100.00 %" in out
    # Fees 10,000 × 0.05 % = 5.00 to open, 11,000 × 0.05 % = 5.50 to close.
    assert "5.00 USDT open + 5.50 USDT close" in out
    assert "PnL after fees               +989.50 USDT" in out
    # Break-even: 10,000 × 1.0005 / 0.9995.
    assert f"break-even price             {10_000 * 1.0005 / 0.9995:,.2f} USDT" in out
    status, out, _ = run(
        capsys, "calc", "pnl", "--side", "long", "--qty", "1", "--entry", "10,000",
        "--exit", "11000", "--leverage", "10", "--rules", "hyperliquid",
    )  # fmt: skip
    assert "initial margin               1,000.00 USDC" in out  # Hyperliquid settles in USDC


def test_target_and_average_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "calc", "target", "--side", "short", "--entry", "100000", "--leverage", "10",
        "--roe", "50%", "--json",
    )  # fmt: skip
    assert status == 0 and json.loads(out)["target_price"] == pytest.approx(95_000)
    status, out, _ = run(capsys, "calc", "average", "--fill", "1@10000", "--fill", "2@13000")
    assert status == 0 and "average entry                12,000.00 USDT" in out
    status, out, _ = run(
        capsys, "calc", "target", "--side", "short", "--entry", "100000", "--leverage", "10",
        "--roe", "50%",
    )  # fmt: skip
    assert "price for ROE +50.00 %       95,000.00 USDT" in out  # the price with its unit


def test_ladder_in_the_account_warns(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "calc", "average", SEED, "--fill", "0.1@50000", "--fill", "0.1@40000",
        "--symbol", "BTCUSDT", "--side", "long", "--leverage", "50", "--json",
    )  # fmt: skip
    assert status == 0
    steps = json.loads(out)["steps"]
    assert steps[1]["average_entry"] == pytest.approx(45_000)
    # Binance BTCUSDT bracket 1 (MMR 0.4 %): 0.1 BTC at 50,000 with 100 of margin.
    first = venue.binance_usdm_liquidation_price(100, +1, 0.1, 50_000, 0.004, 0.0)
    assert steps[0]["liquidation_price"]["isolated"] == pytest.approx(first, rel=1e-9)
    assert steps[1]["beyond_previous_liquidation"] == ["isolated"]
    status, out, _ = run(
        capsys, "calc", "average", SEED, "--fill", "0.1@50000", "--fill", "0.1@40000",
        "--symbol", "BTCUSDT", "--side", "long", "--leverage", "50",
    )  # fmt: skip
    names, units = out.splitlines()[:2]  # each column's unit under its name
    assert units.split() == ["USDT", "BTC", "USDT", "USDT", "USDT"]
    assert names.index("liq cross") + len("liq cross") == len(units)  # right-aligned


def test_max_open_and_size(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "calc", "max-open", SEED, "--symbol", "BTCUSDT", "--side", "long",
        "--leverage", "10", "--price", "50000", "--step", "0.001", "--json",
    )  # fmt: skip
    assert status == 0
    found = json.loads(out)
    # The brief's account: 10,000 less 3,000 + 2,000 of isolated margin leaves 5,000;
    # 5,000 / (50,000 / 10) = 1 BTC.
    assert found["cross"]["quantity"] == pytest.approx(1.0)
    assert found["cross"]["available"] == pytest.approx(5_000)
    status, out, _ = run(
        capsys, "calc", "size", SEED, "--symbol", "BTCUSDT", "--side", "long", "--leverage",
        "10", "--entry", "50000", "--stop", "47500", "--fee-rate", "0", "--json",
    )  # fmt: skip
    assert status == 0
    sized = json.loads(out)
    # The file's max acceptable loss, 2,500, over a 2,500 move: 1 BTC isolated.
    assert sized["isolated"]["quantity"] == pytest.approx(1.0, rel=1e-6)
    status, out, _ = run(
        capsys, "calc", "max-open", SEED, "--symbol", "BTCUSDT", "--side", "long",
        "--leverage", "10", "--price", "50000", "--step", "0.001",
    )  # fmt: skip
    assert "max open, cross" in out and "1 BTC (50,000.00 USDT notional" in out
    assert "; limited by the balance)" in out
    # A margin of 10^16 set: isolated is held back by Binance's top BTCUSDT tier at 10×. It
    # read "limited by the the tier's maximum notional".
    status, out, _ = run(
        capsys, "calc", "max-open", SEED, "--symbol", "BTCUSDT", "--side", "long",
        "--leverage", "10", "--price", "50000", "--margin", "1e16",
    )  # fmt: skip
    assert "; limited by the tier's maximum notional at this leverage)" in out, out
    assert "the the" not in out
    status, out, _ = run(
        capsys, "calc", "size", SEED, "--symbol", "BTCUSDT", "--side", "long", "--leverage",
        "10", "--entry", "50000", "--stop", "47500", "--fee-rate", "0",
    )  # fmt: skip
    assert "largest size, isolated" in out and "1 BTC, loses 2,500.00 USDT" in out


def test_the_margin_for_the_stop_reads_up(capsys: pytest.CaptureFixture[str]) -> None:
    args = [
        "calc", "size", SEED, "--symbol", "BTCUSDT", "--side", "long", "--leverage", "10",
        "--entry", "50000", "--stop", "47500", "--fee-rate", "0%", "--max-loss", "308.525",
    ]  # fmt: skip
    status, out, _ = run(capsys, *args, "--json")
    assert status == 0
    quantity = json.loads(out)["isolated"]["quantity"]
    # Health 0 at the stop (formulas.md §0): M = MM(stop) + Q·(EP − stop), Binance's first
    # BTCUSDT bracket (MMR 0.4 %): 331.9728… for the largest size, which rounds to 331.97.
    margin = quantity * 47_500 * 0.004 + quantity * 2_500
    read = math.ceil(margin * 100) / 100
    assert f"{margin:.2f}" == "331.97" and read == 331.98
    status, out, _ = run(capsys, *args)
    assert f"isolated margin: liq = stop  {read:,.2f} USDT" in out
    # That margin typed in keeps the liquidation at or below the stop; the rounded one not.
    assert venue.binance_usdm_liquidation_price(read, +1, quantity, 50_000, 0.004, 0) <= 47_500
    assert venue.binance_usdm_liquidation_price(331.97, +1, quantity, 50_000, 0.004, 0) > 47_500


def test_a_max_open_of_exactly_0_14_reads_0_14(capsys: pytest.CaptureFixture[str]) -> None:
    """Binance's max open: margin / (price / leverage) (order cost, no fee at the mark):
    1,000 / (50,000 / 7) = 0.14 BTC. Floats give 0.13999999999999999, which read
    "0.13999999 BTC" beside "7,000.00 USDT notional"."""
    status, out, _ = run(
        capsys, "calc", "max-open", SEED, "--symbol", "BTCUSDT", "--side", "long",
        "--leverage", "7", "--price", "50000", "--margin", "1000",
    )  # fmt: skip
    assert status == 0
    assert 1_000 / (50_000 / 7) < 0.14
    assert "max open, isolated           0.14 BTC (7,000.00 USDT notional" in out


def test_a_highest_leverage_of_exactly_20_reads_20(capsys: pytest.CaptureFixture[str]) -> None:
    """Isolated, the leverage whose margin puts the liquidation at the stop (formulas.md §0):
    EP / (MMR · stop + EP − stop) = 99,000 / (950 + 4,000) = 20 × at any size. The size for
    a 777 limit gave 19.999999999999996 in floats, which read "19.99x"."""
    args = [
        "calc", "size", SEED, "--symbol", "BTCUSDT", "--side", "long", "--leverage", "10",
        "--entry", "99000", "--stop", "95000", "--mmr", "1%", "--fee-rate", "0%",
    ]  # fmt: skip
    assert 99_000 / (0.01 * 95_000 + 99_000 - 95_000) == 20
    for limit in ("777", "2500", "1234.5678"):
        status, out, _ = run(capsys, *args, "--max-loss", limit)
        assert status == 0
        assert "highest leverage, isolated   20.00x" in out


def test_bad_calculator_input_names_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(
        capsys, "calc", "pnl", "--side", "long", "--qty", "x", "--entry", "-1", "--exit", "1,5",
        "--leverage", "10",
    )  # fmt: skip
    assert status == 2
    assert "marginlab-cli: --qty: 'x' is not a number" in err
    assert "marginlab-cli: --entry: must be > 0" in err
    assert "--exit: '1,5' is ambiguous" in err
    status, _, err = run(capsys, "calc", "average", "--fill", "10000")
    assert status == 2 and "--fill 10000: write QTY@PRICE" in err
    status, _, err = run(
        capsys, "calc", "size", SEED, "--symbol", "BTCUSDT", "--side", "long", "--leverage",
        "10", "--entry", "50000", "--stop", "51000",
    )  # fmt: skip
    assert status == 2 and "stop price: must be below the entry for a long" in err
    status, _, err = run(capsys, "evaluate", SEED, "--funding-rate", "0.01%")
    assert status == 2 and "--funding-rate and --hold: give both" in err


def test_evaluate_with_funding_drains_the_pools(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "evaluate", SEED, "--funding-rate", "0.01%", "--hold", "24", "--json"
    )
    assert status == 0
    report = json.loads(out)
    # B: 0.1 BTC?  Whatever the book, the isolated margin is the one left after paying:
    # 3 intervals × notional × 0.01 %, and the wallet drops by every payment.
    b = report["variants"]["as_entered"]["positions"]["B"]
    paid = 3 * b["notional"] * 0.0001
    assert b["initial_margin"] == pytest.approx(2_000 - paid)
    # The text says what changed the figures: A (10 ETH at 3,000) and B (0.4 BTC at 50,000)
    # pay 3 + 2 a payment, 3 payments in 24 h.
    status, out, _ = run(capsys, "evaluate", SEED, "--funding-rate", "0.01%", "--hold", "24")
    assert status == 0
    assert out.startswith(
        "after 24 h of funding at +0.0100 % a payment (3 payments, one every 8 h): the "
        "positions paid 15.00 USDT\n"
    )
    # One payment in 8 h: it read "(1 payments, one every 8 h)".
    status, out, _ = run(capsys, "evaluate", SEED, "--funding-rate", "0.01%", "--hold", "8")
    assert status == 0
    assert out.startswith(
        "after 8 h of funding at +0.0100 % a payment (1 payment, due after 8 h): the "
        "positions paid 5.00 USDT\n"
    )


def test_funding_for_one_position_in_both_modes(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "calc", "funding", SEED, "--rate", "0.01%", "--hold", "72", "--position", "B",
        "--json",
    )  # fmt: skip
    assert status == 0
    data = json.loads(out)
    # B: 0.4 × 50,000 × 0.01 % × 9 intervals = 18 paid; isolated on 2,000 − 18 (Binance
    # one-way formula, B's own MMR 0.4 %).
    assert data["paid"]["B"] == pytest.approx(18.0)
    after = venue.binance_usdm_liquidation_price(1_982, +1, 0.4, 50_000, 0.004, 0.0)
    assert data["liquidation_price"]["isolated"]["after"] == pytest.approx(after, rel=1e-9)
    status, _, err = run(capsys, "calc", "funding", SEED, "--rate", "0", "--hold", "1",
                         "--position", "Z")  # fmt: skip
    assert status == 2 and "--position Z: no such position" in err


def test_roe_on_the_initial_and_on_an_isolated_margin(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "calc", "pnl", "--side", "long", "--qty", "1", "--entry", "10000", "--exit",
        "11000", "--leverage", "10", "--margin", "2000", "--fee-rate", "0", "--json",
    )  # fmt: skip
    assert status == 0
    data = json.loads(out)
    assert data["roe_on_initial_margin"] == pytest.approx(1.0)  # 1,000 on 1,000
    assert data["roe"] == pytest.approx(0.5)  # 1,000 on the 2,000 put in


def test_the_ladder_adds_to_a_position_of_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "calc", "average", SEED, "--position", "B", "--fill", "0.4@45000")
    assert status == 0
    assert "47,500.00" in out
    assert "past the liquidation of B as it stands (isolated)" in out
    status, _, err = run(capsys, "calc", "average", SEED, "--position", "Q", "--fill", "1@1")
    assert (
        status == 2 and err.strip() == "marginlab-cli: --position Q: no such position in the file"
    )


def test_max_open_on_bybit_holds_back_both_fees(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    document = json.loads(Path(SEED).read_text(encoding="utf-8"))
    document.update(rules="bybit-linear", taker_fee=0.0006)
    path = tmp_path / "bybit.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    status, out, _ = run(
        capsys, "calc", "max-open", str(path), "--symbol", "BTCUSDT", "--side", "long",
        "--leverage", "10", "--price", "50000", "--margin", "5057", "--json",
    )  # fmt: skip
    assert status == 0
    isolated = json.loads(out)["isolated"]
    # Bybit help "Order Cost (USDT Contract)": 1 BTC at 50,000, 10x, 0.06 % costs 5,057.
    assert isolated["quantity"] == pytest.approx(1.0, rel=1e-12)
    assert isolated["fees"] == pytest.approx(57.0)
    assert isolated["order_cost"] == "bybit"
    status, out, _ = run(
        capsys, "calc", "max-open", str(path), "--symbol", "BTCUSDT", "--side", "long",
        "--leverage", "10", "--price", "50000", "--margin", "5057",
    )  # fmt: skip
    assert "Bybit's: margin + fee to open + fee to close at the bankruptcy price" in out


def test_funding_says_how_many_payments_and_how_often(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Hyperliquid pays funding every hour, the others every 8 h: 0.01 % over 72 h is 9
    payments on Binance and 72 on Hyperliquid, and the figures said neither."""
    for rules, count, every in (("binance-usdm", 9, 8), ("hyperliquid", 72, 1)):
        args = ["calc", "funding", SEED, "--rate", "0.01%", "--hold", "72", "--rules", rules]
        status, out, _ = run(capsys, *args)
        assert status == 0
        assert f"funding intervals            {count} of {every} h at +0.0100 % each" in out
        status, out, _ = run(capsys, *args, "--json")
        found = json.loads(out)
        assert (found["intervals"], found["interval_hours"]) == (count, every)
        # B (0.4 BTC at 50,000) pays 2.00 USDT a payment.
        assert found["paid"]["B"] == pytest.approx(2.0 * count)


def test_a_rate_typed_without_percent_is_said_to_be_a_fraction(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The file's rates are fractions, so the options' are too without "%": "--roe 50" is
    5,000 %, and "--mmr 0.5" meant for half a percent is 50 %. Nothing said so but the
    figures; a note on standard error now says how the number was read."""
    base = ("calc", "target", "--side", "long", "--entry", "50000", "--leverage", "10")
    status, out, err = run(capsys, *base, "--roe", "50")
    assert status == 0 and "price for ROE +5,000.00 %" in out
    assert "note: --roe 50 is read as a fraction, 5,000 %; write 50% for 50 %" in err
    status, out, err = run(capsys, *base, "--roe", "50%")
    assert status == 0 and "price for ROE +50.00 %" in out and err == ""


def test_a_negative_figure_is_read_as_the_options_value(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """ "--rate -0.01%" stopped at argparse's "expected one argument": a value starting with
    "-" was taken for an option unless it read as a plain negative number. A negative
    funding rate (shorts pay longs) and a target ROE below the entry are both common."""
    seed = str(Path(__file__).parents[2] / "resources" / "presets" / "seed-example.json")
    status, out, err = run(capsys, "calc", "funding", seed, "--rate", "-0.01%", "--hold", "8")
    assert status == 0, err
    # One payment of −0.01 % on each long's notional at the mark: A 30,000, B 0.4 × 50,000.
    assert "at -0.0100 % each" in out
    assert "funding paid by A            -3.00 USDT" in out
    assert "funding paid by B            -2.00 USDT" in out
    status, out, err = run(
        capsys, "calc", "target", "--side", "long", "--entry", "50000", "--leverage", "10",
        "--roe", "-50%",
    )  # fmt: skip
    assert status == 0, err
    assert f"{50_000 * (1 - 0.5 / 10):,.2f} USDT" in out  # −5 % at 10× is −50 % ROE
    # A negative PnL with a thousands comma or an exponent read "expected one argument" too.
    for pnl in ("-1,000", "-1e3", "-1_000", "-1000"):
        status, out, err = run(
            capsys, "calc", "target", "--side", "long", "--entry", "50000", "--leverage", "10",
            "--pnl", pnl, "--qty", "1",
        )  # fmt: skip
        assert status == 0, (pnl, err)
        assert out.split()[-2:] == ["49,000.00", "USDT"], out  # 1 BTC 1,000 below its entry
    status, _, err = run(capsys, "calc", "funding", seed, "--json", "-5%", "--hold", "8")
    assert status == 2 and "--json" in err  # a flag takes no value: still refused
    status, _, err = run(capsys, "calc", "funding", seed, "--json", "-1,000", "--hold", "8")
    assert status == 2 and "--json" in err


def test_a_leverage_written_20x_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    from marginlab.engine.text.numbers import without_times

    assert [without_times(t) for t in ("20x", "x20", "20×", "× 20", "20", "x", "abc")] == [
        "20", "20", "20", "20", "20", "x", "abc",
    ]  # fmt: skip
    status, out, err = run(
        capsys, "calc", "pnl", "--side", "long", "--qty", "1", "--entry", "100",
        "--exit", "110", "--leverage", "20x",
    )  # fmt: skip
    assert status == 0, err
    assert "initial margin               5.00 USDT" in out  # 100 / 20


def test_a_leverage_no_venue_offers_is_refused_by_every_calc(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """PnL and target took any leverage: 10^9 read "initial margin 0.00 USDT" and an ROE of
    2,000,000,000 %, and 0.5× a margin twice the notional. A file, the order tabs and
    --open refuse a leverage outside 1-1,000; so does each calc command, naming the option."""
    base = ("--side", "long", "--qty", "1", "--entry", "50000")
    for leverage in ("1e9", "0.5", "0.5x", "1001"):
        for command in (("pnl", *base, "--exit", "51000"), ("target", *base, "--roe", "50%")):
            status, out, err = run(capsys, "calc", *command, "--leverage", leverage)
            assert status == 2 and out == "", (command, leverage, out)
            assert "--leverage: must be between 1 and 1,000" in err, err
    for leverage in ("1", "1000x"):
        status, _, err = run(
            capsys, "calc", "pnl", *base, "--exit", "51000", "--leverage", leverage
        )
        assert status == 0, err


def test_a_calc_names_the_option_a_refused_value_was_typed_into(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The engine names an order's fields as the order tabs do ("price: must be <= 1e+12");
    the CLI names the option: --price for max open, --entry for size, and --symbol, --mmr."""
    order = (SEED, "--symbol", "BTCUSDT", "--side", "long", "--leverage", "10")
    cases = [
        (("max-open", *order, "--price", "1e13"), "--price: must be <= 1e+12"),
        (("size", *order, "--entry", "1e13", "--stop", "5"), "--entry: must be <= 1e+12"),
        (("max-open", *order, "--price", "100", "--mmr", "200%"), "--mmr: must be between 0"),
        (
            ("size", SEED, "--symbol", "FOO", "--side", "long", "--leverage", "10", "--entry",
             "10", "--stop", "5"),
            "--symbol: Binance USDⓈ-M has no tier table for 'FOO'; no bundled table covers "
            "it. Give --mmr or pick a rule set that covers it",
        ),
    ]  # fmt: skip
    for options, message in cases:
        status, _, err = run(capsys, "calc", *options)
        assert status == 2 and err.startswith(f"marginlab-cli: {message}"), (options, err)
