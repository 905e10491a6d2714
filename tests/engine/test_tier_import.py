"""Tier tables imported from the venues' own answers take precedence over the bundled ones
(issue 14); each import is dated, and ``tables list`` says which table prices a symbol."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marginlab.cli.main import main
from marginlab.engine.files.tier_import import import_tier_table
from marginlab.engine.files.venue_import import VenueFileError
from marginlab.engine.margin.evaluate import evaluate
from marginlab.engine.margin.pools import clear_schedule_cache
from marginlab.engine.margin.rules import rule_table, symbol_table_info, usual_first_rate
from tests.engine.helpers import position, scenario

BRACKETS = [
    {
        "symbol": "NEWCOINUSDT",
        "brackets": [
            {"bracket": 1, "initialLeverage": 50, "notionalCap": 5000, "notionalFloor": 0,
             "maintMarginRatio": 0.01, "cum": 0.0},
            {"bracket": 2, "initialLeverage": 25, "notionalCap": 50000, "notionalFloor": 5000,
             "maintMarginRatio": 0.02, "cum": 50.0},
        ],
    }
]  # fmt: skip


@pytest.fixture(autouse=True)
def own_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("MARGINLAB_TABLES_DIR", str(tmp_path / "tables"))
    rule_table.cache_clear()
    usual_first_rate.cache_clear()
    clear_schedule_cache()
    yield
    rule_table.cache_clear()
    usual_first_rate.cache_clear()
    clear_schedule_cache()


def _write(tmp_path: Path, name: str, document: object) -> str:
    file = tmp_path / name
    file.write_text(json.dumps(document))
    return str(file)


def test_a_binance_bracket_answer_prices_a_new_symbol(tmp_path: Path) -> None:
    rules, count, _ = import_tier_table(_write(tmp_path, "brackets.json", BRACKETS))
    assert (rules, count) == ("binance-usdm", 1)
    s = scenario(10_000, [position("X", "NEWCOINUSDT", "long", 1000, 10.0, mode="cross")])
    mm = evaluate(s).variants["cross"].positions["X"].maintenance_margin
    assert mm == pytest.approx(10_000 * 0.02 - 50)  # tier 2 of the imported brackets
    info = symbol_table_info("binance-usdm", "NEWCOINUSDT")
    assert info["source"].startswith("imported: brackets.json")
    assert symbol_table_info("binance-usdm", "BTCUSDT")["as_of"] == "2026-07-02"  # bundled


def test_bybit_risk_limit_and_hyperliquid_meta_answers(tmp_path: Path) -> None:
    bybit = {
        "retCode": 0,
        "result": {
            "category": "linear",
            "list": [
                {"id": 1, "symbol": "NEWUSDT", "riskLimitValue": "200000",
                 "maintenanceMargin": "0.01", "initialMargin": "0.02", "isLowestRisk": 1,
                 "maxLeverage": "50.00", "mmDeduction": ""},
            ],
        },
    }  # fmt: skip
    assert import_tier_table(_write(tmp_path, "risk.json", bybit))[:2] == ("bybit-linear", 1)
    meta = {
        "universe": [{"name": "NEWCOIN", "szDecimals": 0, "maxLeverage": 3, "marginTableId": 3}],
        "marginTables": [],
    }
    assert import_tier_table(_write(tmp_path, "meta.json", meta))[:2] == ("hyperliquid", 1)
    tiers = rule_table("hyperliquid")["symbols"]["NEWCOIN"]
    assert tiers[0]["rate"] == pytest.approx(1 / 6)


def test_bad_tier_files_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(VenueFileError, match="not a tier answer Margin Lab knows"):
        import_tier_table(_write(tmp_path, "other.json", {"hello": "world"}))
    truncated = tmp_path / "cut.json"
    truncated.write_text(json.dumps(BRACKETS)[:50])
    assert main(["tables", "import", str(truncated)]) == 2
    assert "cut.json" in capsys.readouterr().err


def test_tables_list_names_the_table_and_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tables", "list"]) == 0
    out = capsys.readouterr().out
    assert "binance-usdm  Binance USDⓈ-M: 762 symbols, as of 2026-07-02" in out
    assert "bybit-linear  Bybit USDT perpetual: 271 symbols, as of 2024-12-25 (older" in out
    # A symbol no table covers: what to give, as the CLI names it (it read "type an MMR
    # override", the window's words).
    assert main(["tables", "list", "FOOBAR"]) == 2
    assert "FOOBAR: no bundled table covers it; give its rate with --mmr" in capsys.readouterr().err


def test_a_symbols_tiers_say_their_unit(capsys: pytest.CaptureFixture[str]) -> None:
    """The tiers' notionals and amounts were bare numbers: they are in the rule set's
    settlement currency (Hyperliquid's USDC). Binance SOLUSDT's second bracket, from the
    bundled snapshot: 50,000 to 400,000, MMR 0.65 %, amount 75."""
    assert main(["tables", "list", "SOLUSDT"]) == 0
    lines = capsys.readouterr().out.splitlines()
    binance = lines.index(next(line for line in lines if line.startswith("binance-usdm")))
    assert lines[binance + 1].split() == ["notional", "from", "to", "(USDT)"]
    assert lines[binance + 3].split() == [
        "50,000", "-", "400,000", "MMR", "0.650", "%", "amount", "75.00", "USDT", "max", "75x",
    ]  # fmt: skip
    assert main(["tables", "list", "kPEPE"]) == 0
    assert "amount 0.00 USDC  max 10x" in capsys.readouterr().out


def test_the_tables_folder_is_the_one_platformdirs_names(monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_data_dir

    from marginlab.engine.margin.rules import imported_tables_folder

    monkeypatch.delenv("MARGINLAB_TABLES_DIR")
    expected = Path(user_data_dir("MarginLab", appauthor=False)) / "tables"
    assert imported_tables_folder() == expected


def test_an_imported_table_moves_the_rate_offered_for_a_symbol_no_table_covers(
    tmp_path: Path,
) -> None:
    """The rate an import offers for a symbol without a table is the median first tier of
    the rule set's table: a table imported since counts, not the one read before it."""
    before = usual_first_rate("binance-usdm")
    bundled = len(rule_table("binance-usdm")["symbols"])
    brackets = [
        {
            "symbol": f"NEW{i}USDT",
            "brackets": [dict(BRACKETS[0]["brackets"][0], maintMarginRatio=0.03)],
        }
        for i in range(bundled + 1)
    ]
    import_tier_table(_write(tmp_path, "many.json", brackets))
    assert before != 0.03 and usual_first_rate("binance-usdm") == 0.03
