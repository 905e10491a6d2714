"""Positions imported from the venues' own answers (issue 14). The fixtures follow the public
answer shapes (shared/reference/venue-data/IMPORT-FORMATS.md); the Binance and Bybit
liquidation prices in them were worked with the venues' published formulas."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from marginlab.cli.main import main
from marginlab.engine.files.scenario_io import load_scenario
from marginlab.engine.files.venue_import import VenueFileError, read_venue_file, to_scenario
from marginlab.engine.margin.evaluate import evaluate

VENUES = Path(__file__).parents[1] / "fixtures" / "venues"


def test_binance_hedge_legs_import_as_two_isolated_positions() -> None:
    file = VENUES / "binance-positionrisk-v2-hedge.json"
    rows = json.loads(file.read_text())
    scenario = to_scenario(read_venue_file(str(file)), wallet=10_000)
    assert [p.id for p in scenario.positions] == ["BTCUSDT-long", "BTCUSDT-short"]  # no empty row
    for position, row in zip(scenario.positions, rows, strict=False):
        assert position.margin_mode == "isolated"
        assert position.margin == float(row["isolatedWallet"])
        assert position.venue_liquidation_price == float(row["liquidationPrice"])
    report = evaluate(scenario).variants["as_entered"].positions
    for figures in report.values():
        assert figures.venue_liquidation_price is not None
        assert figures.liquidation_price == pytest.approx(
            figures.venue_liquidation_price, rel=0.002
        )


def test_binance_v3_answer_without_leverage_or_margin_type() -> None:
    scenario = to_scenario(
        read_venue_file(str(VENUES / "binance-positionrisk-v3.json")), wallet=5_000
    )
    (eth,) = scenario.positions
    assert eth.margin_mode == "cross" and eth.leverage == pytest.approx(6200 / 310)
    assert eth.mark_price == 3100 and eth.side == "long"


def test_bybit_position_list() -> None:
    scenario = to_scenario(
        read_venue_file(str(VENUES / "bybit-v5-position-list.json")), wallet=5_000
    )
    assert [p.id for p in scenario.positions] == ["BTCUSDT", "ETHUSDT-long"]
    btc = evaluate(scenario).variants["as_entered"].positions["BTCUSDT"]
    # Bybit's own 54,300: EP − (IM − MM)/Q on the entry value, 60,000 − (600 − 30) / 0.1.
    assert btc.liquidation_price == pytest.approx(54_300, rel=0.002)


def test_hyperliquid_cross_account_keeps_its_account_value() -> None:
    file = VENUES / "hyperliquid-clearinghouse-12-cross.json"
    state = json.loads(file.read_text())
    scenario = to_scenario(read_venue_file(str(file)))
    assert len(scenario.positions) == 12
    assert all(p.margin_mode == "cross" for p in scenario.positions)
    equity = evaluate(scenario).variants["as_entered"].account.equity_now
    assert equity == pytest.approx(float(state["marginSummary"]["accountValue"]))


def test_a_symbol_without_a_table_asks_for_a_rate(tmp_path: Path) -> None:
    rows = json.loads((VENUES / "binance-positionrisk-v2-hedge.json").read_text())
    rows[0]["symbol"] = rows[1]["symbol"] = "NOSUCHUSDT"
    file = tmp_path / "positions.json"
    file.write_text(json.dumps(rows))
    # The example rate is the one most of Binance's symbols start at: the median first tier
    # of the bundled table, read here from the file itself.
    table = json.loads(
        (Path(__file__).parents[2] / "resources/rules/binance-usdm.json").read_text()
    )
    firsts = sorted(tiers[0]["rate"] for tiers in table["symbols"].values())
    usual = firsts[len(firsts) // 2]
    example = f"--mmr NOSUCHUSDT={usual:g} (most binance-usdm symbols start at {usual * 100:g} %)"
    with pytest.raises(VenueFileError, match=re.escape(example)):
        to_scenario(read_venue_file(str(file)), wallet=10_000)
    scenario = to_scenario(read_venue_file(str(file)), 10_000, {"NOSUCHUSDT": 0.01})
    assert {p.maintenance_rate for p in scenario.positions} == {0.01}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[{"symbol": "BTCUSDT", "positionAmt": "0.5"', "not valid JSON"),
        ('{"hello": 1}', "not a venue answer Margin Lab knows"),
        (
            '[{"symbol": "BTCUSDT", "positionAmt": "abc", "entryPrice": "1", "markPrice": "1"}]',
            "row 1, field positionAmt: 'abc' is not a number",
        ),
        (
            '{"assetPositions": [{"position": {"coin": "BTC", "szi": "1"}}], "marginSummary": {}}',
            "assetPositions[0].position, field positionValue: missing",
        ),
        # A figure read but past what a position may hold read as a file's own position
        # ("positions[0].quantity: must be <= 1e+12"), a file the trader never wrote.
        (
            '[{"symbol": "BTCUSDT", "positionAmt": "1e13", "entryPrice": "1", "markPrice": "1"}]',
            "answer.json row 1, field positionAmt: must be <= 1e+12",
        ),
        (
            '[{"symbol": "ETH USDT", "positionAmt": "1", "entryPrice": "1", "markPrice": "1"}]',
            "answer.json row 1, field symbol: use letters, digits",
        ),
        (
            '{"assetPositions": [{"position": {"coin": "BTC", "szi": "1", "entryPx": "-5", '
            '"positionValue": "50000", "unrealizedPnl": "0"}}], '
            '"marginSummary": {"accountValue": "1000"}}',
            "answer.json assetPositions[0].position, field entryPx: must be > 0",
        ),
    ],
)
def test_bad_venue_files_exit_2_naming_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    file = tmp_path / "answer.json"
    file.write_text(text)
    assert main(["import", str(file), "--wallet", "1000"]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_import_round_trips_through_the_scenario_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "imported.json"
    source = VENUES / "binance-positionrisk-v2-hedge.json"
    assert main(["import", str(source), "--wallet", "10000", "-o", str(out)]) == 0
    assert load_scenario(out) == to_scenario(read_venue_file(str(source)), wallet=10_000)
    assert capsys.readouterr().out == f"wrote 2 positions to {out}\n"
    one = tmp_path / "one.json"  # one row: it read "wrote 1 positions"
    one.write_text(json.dumps(json.loads(source.read_text(encoding="utf-8"))[:1]), "utf-8")
    assert main(["import", str(one), "--wallet", "10000", "-o", str(tmp_path / "o.json")]) == 0
    assert capsys.readouterr().out == f"wrote 1 position to {tmp_path / 'o.json'}\n"
    assert main(["evaluate", str(out), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)["variants"]["as_entered"]["positions"]
    assert figures["BTCUSDT-long"]["venue_liquidation_price"] == pytest.approx(54_216.87, abs=0.01)


def test_okx_positions_in_contracts_with_the_venues_own_maintenance() -> None:
    """OKX sizes are contracts: 50 × 0.01 BTC = 0.5 BTC. OKX states each position's
    maintenance (12.1 USD on 30,250 of notional), kept as its rate; its liqPx here was worked
    with that rate in the linear equation (formulas.md §3 gives no official closed form)."""
    scenario = to_scenario(
        read_venue_file(str(VENUES / "okx-account-positions.json")), wallet=10_000
    )
    assert scenario.rules == "generic"
    btc, eth = scenario.positions
    assert (btc.id, btc.quantity, btc.margin_mode, btc.margin) == (
        "BTC-USDT-SWAP",
        0.5,
        "isolated",
        3000,
    )
    assert btc.maintenance_rate == pytest.approx(12.1 / 30_250)
    assert (eth.id, eth.side, eth.quantity) == ("ETH-USDT-SWAP-short", "short", 2.0)
    figures = evaluate(scenario).variants["as_entered"].positions["BTC-USDT-SWAP"]
    assert figures.liquidation_price == pytest.approx(54_021.6, rel=0.002)


def test_ccxt_positions_keep_the_venues_symbols() -> None:
    scenario = to_scenario(
        read_venue_file(str(VENUES / "ccxt-fetch-positions-binance.json")), wallet=10_000
    )
    assert scenario.rules == "binance-usdm"
    (btc,) = scenario.positions  # the empty ETH row is skipped
    assert (btc.id, btc.symbol, btc.margin) == ("BTCUSDT-long", "BTCUSDT", 3000)
    figures = evaluate(scenario).variants["as_entered"].positions["BTCUSDT-long"]
    assert figures.liquidation_price == pytest.approx(54_216.87, rel=0.002)


def test_a_file_without_a_wallet_names_the_least_wallet_its_isolated_positions_need(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The Bybit list's isolated position holds 600: the CLI says so when --wallet is missing
    and when it is less ("account.wallet_balance 100.00" named the file's field before)."""
    source = VENUES / "bybit-v5-position-list.json"
    out = tmp_path / "book.json"
    assert main(["import", str(source), "-o", str(out)]) == 2
    assert "give --wallet (at least 600.00 USDT, the margin its isolated positions hold)" in (
        capsys.readouterr().err
    )
    assert main(["import", str(source), "--wallet", "100", "-o", str(out)]) == 2
    assert "--wallet 100.00: less than the 600.00 USDT the file's isolated positions hold" in (
        capsys.readouterr().err
    )
    assert main(["import", str(source), "--wallet", "600", "-o", str(out)]) == 0
    assert json.loads(out.read_text())["account"]["wallet_balance"] == 600
