"""Issue 19: a USDT-margined and a BTC-margined account in one file (format version 3,
``linked_accounts``). They never share collateral, so each is priced on its own.

Oracles, never the engine:
* Binance USDⓈ-M cross ("How to Calculate Liquidation Price of USDⓈ-M Futures Contracts"):
  ``LP = (WB − TMM1 + UPNL1 + cum − s·Q·EP) / (Q·MMR − s·Q)``, the MMR and cum read from the
  bundled tier table;
* Binance COIN-M for one cross position (formulas.md "Binance COIN-M"):
  ``LP = N·(MMR + s) / (WB + cum + s·N/EP)``;
* after a move, each account's equity by the PnL formulas of formulas.md §0, the one that is
  liquidated at 0.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from marginlab.cli.main import main as cli
from marginlab.engine.files.presets import load_preset
from marginlab.engine.files.scenario_io import (
    ScenarioError,
    dump_scenario,
    parse_scenario,
)
from marginlab.engine.margin.evaluate import evaluate
from marginlab.engine.margin.rules import rule_table

PRESET = Path(__file__).parents[2] / "resources" / "presets" / "two-accounts.json"
WALLET_USDT, WALLET_BTC = 5_000.0, 0.25
N, EP, MMR_COIN = 300 * 100.0, 60_000.0, 0.005


def document() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(PRESET.read_text(encoding="utf-8"))
    return loaded


def tier(symbol: str) -> dict[str, float]:
    first: dict[str, float] = rule_table("binance-usdm")["symbols"][symbol][0]
    return first


def test_each_account_is_priced_by_its_own_venue_formula() -> None:
    whole = load_preset("two-accounts.json")
    usdt, btc = whole.accounts
    assert (usdt.account.currency, btc.account.currency) == ("USDT", "BTC")
    assert not usdt.linked_accounts and btc.coin_margined and not usdt.coin_margined
    # USDT account, cross: H (short 0.5 BTCUSDT at 60,000) beside A (long 5 ETHUSDT at 3,000).
    btc_tier, eth_tier = tier("BTCUSDT"), tier("ETHUSDT")
    tmm1 = 5 * 3_000 * eth_tier["rate"] - eth_tier["amount"]
    expected = (WALLET_USDT - tmm1 + 0 + btc_tier["amount"] + 0.5 * 60_000) / (
        0.5 * btc_tier["rate"] + 0.5
    )
    figures = evaluate(usdt).variants["as_entered"].positions["H"]
    assert figures.liquidation_price == pytest.approx(expected, rel=1e-9)
    # BTC account, cross: the COIN-M formula on its own 0.25 BTC, not on the USDT wallet.
    coin = evaluate(btc).variants["as_entered"].positions["C"]
    assert coin.liquidation_price == pytest.approx(
        N * (MMR_COIN + 1) / (WALLET_BTC + N / EP), rel=1e-9
    )


def test_a_profit_in_one_account_never_saves_the_other() -> None:
    """BTC down 35 %: the USDT account's short gains 0.5 × 21,000; the BTC account's long is
    past its liquidation price (40,200) and is worth 0, profit elsewhere notwithstanding."""
    usdt, btc = load_preset("two-accounts.json").accounts
    after_usdt = evaluate(usdt, {"BTCUSDT": 39_000}).variants["as_entered"].account
    after_btc = evaluate(btc, {"BTCUSD": 39_000}).variants["as_entered"].account
    assert after_usdt.equity == pytest.approx(WALLET_USDT + 0.5 * (60_000 - 39_000), rel=1e-12)
    assert after_btc.equity == 0.0


def test_version_2_files_load_unchanged_and_save_as_version_3() -> None:
    single = {k: v for k, v in document().items() if k != "linked_accounts"}
    single["version"] = 2
    loaded = parse_scenario(json.dumps(single))
    assert loaded.accounts == (loaded,) and loaded.positions[1].id == "H"
    saved = json.loads(dump_scenario(loaded))
    assert saved["version"] == 3 and "linked_accounts" not in saved


def test_a_file_with_linked_accounts_round_trips() -> None:
    whole = load_preset("two-accounts.json")
    text = dump_scenario(whole)
    assert parse_scenario(text) == whole
    linked = json.loads(text)["linked_accounts"][0]
    assert "format" not in linked and "version" not in linked  # one header, the file's


def test_with_account_replaces_one_account_only() -> None:
    whole = load_preset("two-accounts.json")
    usdt, btc = whole.accounts
    richer = btc.model_copy(
        update={"account": btc.account.model_copy(update={"wallet_balance": 1})}
    )
    changed = whole.with_account(1, richer)
    assert changed.accounts[0] == usdt and changed.accounts[1].account.wallet_balance == 1
    renamed = whole.with_account(0, usdt.model_copy(update={"name": "Main"}))
    assert renamed.name == "Main" and renamed.linked_accounts == whole.linked_accounts


def bad(change: Any) -> list[str]:
    broken = copy.deepcopy(document())
    change(broken)
    with pytest.raises(ScenarioError) as raised:
        parse_scenario(json.dumps(broken))
    return raised.value.problems


def test_problems_in_a_linked_account_name_its_place() -> None:
    def negative(d: dict[str, Any]) -> None:
        d["linked_accounts"][0]["positions"][0]["quantity"] = -1

    assert bad(negative) == ["linked_accounts[0].positions[0].quantity: must be > 0"]

    def no_size(d: dict[str, Any]) -> None:
        del d["linked_accounts"][0]["positions"][0]["contract_size"]

    (problem,) = bad(no_size)
    assert problem.startswith("linked_accounts[0].positions[0].contract_size: required")

    def two_problems(d: dict[str, Any]) -> None:
        positions = d["linked_accounts"][0]["positions"]
        positions.append(dict(positions[0]))  # the same id twice
        del positions[0]["contract_size"]

    problems = bad(two_problems)
    assert len(problems) == 2
    assert all(p.startswith("linked_accounts[0].positions[") for p in problems)


def test_a_mix_in_one_account_points_to_linked_accounts() -> None:
    def mix(d: dict[str, Any]) -> None:
        d["positions"].append(d["linked_accounts"][0]["positions"][0])
        d["rules"] = "generic"
        for p in d["positions"]:
            p.setdefault("maintenance_rate", 0.005)

    assert any("keep the coin-margined ones in a linked account" in p for p in bad(mix))


def test_links_do_not_nest_and_are_few() -> None:
    def nested(d: dict[str, Any]) -> None:
        inner = copy.deepcopy(d["linked_accounts"][0])
        d["linked_accounts"][0]["linked_accounts"] = [inner]

    assert any("holds no accounts of its own" in p for p in bad(nested))

    def many(d: dict[str, Any]) -> None:
        d["linked_accounts"] = [d["linked_accounts"][0]] * 9

    assert bad(many) == ["linked_accounts: 9 accounts; a file links at most 8"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_cli_evaluate_shows_every_account(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "evaluate", str(PRESET))
    assert status == 0 and not err
    assert "== Account 1 of 2:" in out and "== Account 2 of 2: BTC-margined (settles in BTC" in out
    assert "40,200.00" in out  # the COIN-M formula on the BTC account's own 0.25 BTC
    status, out, _ = run(capsys, "evaluate", str(PRESET), "--json", "--at", "BTC=-35%")
    report = json.loads(out)
    (linked,) = report["linked_accounts"]
    # "BTC" names BTCUSDT in one account and BTCUSD in the other: both fall to 39,000.
    assert report["at"] == {"BTCUSDT": 39_000} and linked["at"] == {"BTCUSD": 39_000}
    assert linked["currency"] == "BTC"
    assert linked["variants"]["as_entered"]["account"]["equity"] == 0
    assert report["variants"]["as_entered"]["account"]["equity"] == pytest.approx(15_500)


def test_cli_account_choice_and_its_errors(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "evaluate", str(PRESET), "--account", "btc-MARGINED")
    assert status == 0 and out.startswith("BTC-margined\n") and "Account 1" not in out
    assert run(capsys, "evaluate", str(PRESET), "--account", "2")[1] == out
    status, _, err = run(capsys, "evaluate", str(PRESET), "--account", "3")
    assert status == 2 and "--account 3: no such account (the file has: 1 'USDT" in err
    status, _, err = run(capsys, "evaluate", str(PRESET), "--at", "DOGE=1", "--at", "BTC=x")
    assert status == 2
    assert err.count("DOGE: unknown symbol") == 1 and err.count("--at BTC=x: expected") == 1
    status, out, err = run(
        capsys,
        "sweep",
        str(PRESET),
        "--symbol",
        "BTCUSDT",
        "--from",
        "50000",
        "--to",
        "70000",
        "--points",
        "3",
    )
    assert status == 0 and out.startswith("BTCUSDT price (USDT),")
    assert err.startswith("note: this file holds 2 accounts; this is account 1")
    status, out, _ = run(
        capsys,
        "sweep",
        str(PRESET),
        "--account",
        "2",
        "--symbol",
        "BTCUSD",
        "--from",
        "40000",
        "--to",
        "60000",
        "--points",
        "2",
    )
    assert status == 0 and out.splitlines()[2].startswith("60000,0.25000000")
