"""Loading, validating, migrating and saving scenario files (DESIGN §2)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from marginlab.engine.files import scenario_io
from marginlab.engine.files.presets import load_preset, preset_list
from marginlab.engine.files.scenario_io import (
    ScenarioError,
    dump_scenario,
    load_scenario,
    parse_scenario,
    save_scenario,
)

SEED = json.loads(
    (Path(__file__).parents[2] / "resources" / "presets" / "seed-example.json").read_text()
)


def problems_of(mutate: Any) -> list[str]:
    document = json.loads(json.dumps(SEED))
    mutate(document)
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(json.dumps(document))
    return caught.value.problems


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["positions"][1].update(quantity=0), "positions[1].quantity: must be > 0"),
        (
            lambda d: d["positions"][0].update(entry_price=-5),
            "positions[0].entry_price: must be > 0",
        ),
        (lambda d: d["positions"][1].update(leverage=0.5), "positions[1].leverage: must be >= 1"),
        (lambda d: d["positions"][1].update(colour="red"), "positions[1].colour: unknown key"),
        (
            lambda d: d["positions"][1].update(side="up"),
            "positions[1].side: must be 'long' or 'short'",
        ),
        (
            lambda d: d["positions"][1].update(quantity="1"),
            "positions[1].quantity: must be a valid number",
        ),
        (
            lambda d: d["positions"][1].update(id="A"),
            "positions[1].id: 'A' is already used by positions[0]",
        ),
        (lambda d: d["account"].pop("wallet_balance"), "account.wallet_balance: required"),
        (
            lambda d: d["positions"][0].update(maintenance_amount=5),
            "positions[0].maintenance_amount: given without maintenance_rate",
        ),
        (
            lambda d: d["positions"][0].update(symbol="btcusdt"),
            "positions[1].symbol: 'BTCUSDT' is spelled 'btcusdt' in positions[0]; one market, "
            "one spelling",
        ),
        (
            lambda d: d["positions"][0].update(margin=9000),
            "positions: isolated margins add up to 11,000.00 USDT, more than "
            "account.wallet_balance 10,000.00 USDT",
        ),
        (
            lambda d: d["positions"][0].update(symbol="NOSUCHUSDT"),
            "positions[0].symbol: Binance USDⓈ-M has no tier table for 'NOSUCHUSDT'; no bundled "
            "table covers it. Type an MMR override (maintenance_rate) or pick a rule set that "
            "covers it",
        ),
        (
            lambda d: d.update(rules="generic"),
            "positions[0].maintenance_rate: required under rules 'generic' (type an MMR override)",
        ),
    ],
)
def test_each_problem_names_its_field(mutate: Any, expected: str) -> None:
    assert any(p.startswith(expected) for p in problems_of(mutate)), problems_of(mutate)


def test_a_coin_margined_books_margins_past_its_wallet_are_said_in_the_coin() -> None:
    """Isolated margins past the wallet were said to the cent and without a unit: a BTC
    account's 0.0004 read "0.00, more than account.wallet_balance 0.00". 20 contracts of
    100 USD at 50,000 and 10x hold 2,000 / 50,000 / 10 = 0.004 BTC."""
    preset = Path(__file__).parents[2] / "resources" / "presets" / "btc-margined-long.json"
    document = json.loads(preset.read_text(encoding="utf-8"))
    document["account"]["wallet_balance"] = 0.001
    document["account"]["max_acceptable_loss"] = 0.0005
    document["positions"][0].update(quantity=20, margin_mode="isolated")
    with pytest.raises(ScenarioError) as error:
        parse_scenario(json.dumps(document))
    assert error.value.problems == [
        "positions: isolated margins add up to 0.00400000 BTC, more than "
        "account.wallet_balance 0.00100000 BTC"
    ]


def test_two_marks_for_one_symbol_are_refused() -> None:
    def two_marks(d: dict[str, Any]) -> None:
        d["positions"].append({**d["positions"][1], "id": "C", "mark_price": 40_000})
        d["positions"][1]["mark_price"] = 50_000
        d["positions"][0]["margin"] = 1000

    assert problems_of(two_marks) == [
        "positions[2].mark_price: BTCUSDT already has mark 50000 in positions[1]"
    ]


def test_several_problems_are_all_reported() -> None:
    def broken(d: dict[str, Any]) -> None:
        d["positions"][0]["quantity"] = -1
        d["positions"][1]["entry_price"] = 0
        d["account"]["wallet_balance"] = "lots"

    assert sorted(problems_of(broken)) == [
        "account.wallet_balance: must be a valid number",
        "positions[0].quantity: must be > 0",
        "positions[1].entry_price: must be > 0",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "file: not valid JSON"),
        ("{", "file: not valid JSON"),
        ('{"a": NaN}', "file: not valid JSON (NaN is not a number JSON allows)"),
        ("[1, 2]", "file: the top level must be a JSON object (a venue's positions answer"),
        ('"text"', "file: the top level must be a JSON object"),
        (
            '{"retCode": 0, "result": {"list": []}}',  # a Bybit answer, opened by mistake
            'format: missing; a scenario file says "format": "marginlab.scenario" (a venue\'s '
            "positions answer comes in with File → Import positions…, or marginlab-cli import)",
        ),
        ("[" * 5000 + "]" * 5000, "file: JSON nested deeper than 20 levels"),
        ('{"format": "other"}', 'format: expected "marginlab.scenario"'),
        (
            '{"format": "marginlab.scenario", "version": 9}',
            "version: this file is version 9; this Margin Lab reads scenario versions up to 3",
        ),
        (
            '{"format": "marginlab.scenario", "version": 1, "account": {"wallet_balance": 1e999}}',
            "account.wallet_balance: must be a finite number",
        ),
    ],
)
def test_unusable_documents(text: str, expected: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text)
    assert caught.value.problems[0].startswith(expected)


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (scenario_io.MAX_FILE_BYTES + 1))
    with pytest.raises(ScenarioError, match="larger than 5 MB"):
        load_scenario(big)


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="cannot be read"):
        load_scenario(tmp_path / "nope.json")


def test_older_version_goes_through_the_migration_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    """A version-0 document is migrated by the registered step, then on through every later
    version's step to the current one."""

    def from_zero(document: dict[str, Any]) -> dict[str, Any]:
        document = dict(document)
        document["account"] = {"wallet_balance": document.pop("wallet")}
        return document

    monkeypatch.setattr(scenario_io, "MIGRATIONS", {**scenario_io.MIGRATIONS, 0: from_zero})
    document = {"format": "marginlab.scenario", "version": 0, "wallet": 500, "positions": []}
    monkeypatch.setattr(scenario_io, "_OLDEST", 0)
    assert parse_scenario(json.dumps(document)).account.wallet_balance == 500


def test_save_load_round_trip_and_backup(tmp_path: Path) -> None:
    seed = load_preset("seed-example.json")
    target = tmp_path / "mine.json"
    save_scenario(seed, target)
    assert load_scenario(target) == seed
    renamed = seed.model_copy(update={"name": "second"})
    save_scenario(renamed, target)
    assert load_scenario(target).name == "second"
    assert load_scenario(tmp_path / "mine.json.bak").name == seed.name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.json", "mine.json.bak"]
    saved = json.loads(target.read_text())
    assert saved["format"] == "marginlab.scenario" and saved["version"] == 3


def test_dump_leaves_defaults_out_and_parses_back() -> None:
    seed = load_preset("seed-example.json")
    assert parse_scenario(dump_scenario(seed)) == seed
    assert "mark_price" not in json.loads(dump_scenario(seed))["positions"][1]


def test_every_preset_loads_and_is_explained() -> None:
    presets = preset_list()
    assert len(presets) == 6
    for preset in presets:
        assert preset.explanation and preset.title
        assert load_preset(preset.file).positions
