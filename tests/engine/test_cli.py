"""``marginlab-cli`` as a user runs it: output, JSON contract, exit statuses."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from marginlab.cli.main import main

SEED = str(Path(__file__).parents[2] / "resources" / "presets" / "seed-example.json")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_evaluate_table_shows_the_brief_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "evaluate", SEED)
    assert status == 0
    assert "45,180.72" in out and "25,401.61" in out
    assert "max loss 5,000.00 USDT" in out and "max loss 10,000.00 USDT" in out
    assert "all cross can lose 10,000.00 USDT and also closes A" in out


def test_evaluate_table_says_each_figures_unit(capsys: pytest.CaptureFixture[str]) -> None:
    """The table's margins, prices and losses were bare numbers. A row under the column
    names gives each one's unit, above its column's right edge. A coin-margined book's
    margins are in the coin and its prices in USD."""
    for preset, amounts, prices in (
        (SEED, "USDT", "USDT"),
        (str(Path(SEED).with_name("btc-margined-long.json")), "BTC", "USD"),
    ):
        status, out, _ = run(capsys, "evaluate", preset)
        assert status == 0
        lines = out.splitlines()
        header = lines.index(next(line for line in lines if line.startswith("id ")))
        names, units = lines[header], lines[header + 1]
        expected = {
            "init. margin": amounts,
            "maint.": amounts,
            "liq. price": prices,
            "bankruptcy": prices,
            "max loss": amounts,
        }
        for column, unit in expected.items():
            # Right-aligned: the unit ends where the column's name ends.
            end = names.index(column) + len(column)
            assert units[:end].endswith(f" {unit}"), (column, units)
        assert units.split() == [amounts, amounts, prices, prices, amounts]


def test_evaluate_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "evaluate", SEED, "--json", "--at", "BTCUSDT=40000")
    assert status == 0
    report = json.loads(out)
    iso, cross = report["variants"]["isolated"], report["variants"]["cross"]
    b = iso["positions"]["B"]
    assert round(b["liquidation_price"], 2) == 45_180.72
    assert round(cross["positions"]["B"]["liquidation_price"], 2) == 25_401.61
    for key in ("bankruptcy_price", "maintenance_margin", "max_loss", "liquidated"):
        assert key in b
    assert b["liquidated"] is True and cross["positions"]["B"]["liquidated"] is False
    assert iso["account"]["equity"] == pytest.approx(8000)
    assert cross["account"]["equity"] == pytest.approx(6000)
    assert iso["account"]["max_loss"] == 5000 and cross["account"]["max_loss"] == 10_000
    assert set(report["variants"]) == {"as_entered", "isolated", "cross"}
    assert "margin_ratio" in iso["account"]


def test_sweep_csv_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "sweep.csv"
    status, out, _ = run(
        capsys,
        "sweep",
        SEED,
        "--symbol",
        "BTCUSDT",
        "--from",
        "20000",
        "--to",
        "60000",
        "--points",
        "5",
        "--csv",
        str(out_file),
    )
    assert status == 0 and "wrote 5 rows" in out
    rows = list(csv.reader(out_file.open()))
    assert rows[0] == [
        "BTCUSDT price (USDT)",
        "equity as_entered (USDT)",
        "equity isolated (USDT)",
        "equity cross (USDT)",
    ]
    assert rows[1] == ["20000", "8000.00", "8000.00", "0.00"]
    assert rows[3] == ["40000", "8000.00", "8000.00", "6000.00"]


def test_a_coin_margined_sweep_says_its_prices_are_dollars_and_its_equity_coins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The BTC-margined preset: 200 BTCUSD contracts of 100 USD long from 50,000, 0.2 BTC
    wallet. A CSV read without the app cannot tell 0.27 BTC from 0.27 USD: each header names
    its unit (a BTCUSD price is dollars, the equity coins)."""
    out_file = tmp_path / "coin.csv"
    preset = Path(SEED).with_name("btc-margined-long.json")
    status, _, _ = run(
        capsys, "sweep", str(preset), "--symbol", "BTCUSD", "--from", "45000", "--to", "60000",
        "--points", "2", "--csv", str(out_file),
    )  # fmt: skip
    assert status == 0
    rows = list(csv.reader(out_file.open()))
    assert rows[0] == [
        "BTCUSD price (USD)",
        "equity as_entered (BTC)",
        "equity isolated (BTC)",
        "equity cross (BTC)",
    ]
    # Cross at 60,000: the wallet plus the coin PnL 20,000 × (1/50,000 − 1/60,000).
    assert float(rows[2][3]) == pytest.approx(0.2 + 20_000 * (1 / 50_000 - 1 / 60_000), abs=1e-8)


def test_a_move_sweep_names_its_unit(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "sweep", SEED, "--all", "--from", "-10", "--to", "10")
    assert status == 0
    assert out.splitlines()[0] == (
        "move (%),equity as_entered (USDT),equity isolated (USDT),equity cross (USDT)"
    )


def test_sweep_all_symbols_percent(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "sweep", SEED, "--all", "--from", "-20", "--to", "0", "--points", "3", "--json"
    )
    assert status == 0
    data = json.loads(out)
    assert data["axis"] == "move"
    assert data["equity"]["isolated"][0] == pytest.approx(5000)  # both liquidated at -9.6 %


def test_a_sweep_reads_its_ends_as_a_trader_writes_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """ "--from 40,000", "--from -20%" with --all and "--points 1,001" read argparse's "invalid
    float value" and "invalid int value": the same grid as the plain numbers now."""
    plain = run(capsys, "sweep", SEED, "--symbol", "BTCUSDT", "--from", "40000", "--to", "60000")
    typed = run(
        capsys, "sweep", SEED, "--symbol", "BTCUSDT", "--from", "40,000", "--to", "6e4",
        "--points", "2_01",
    )  # fmt: skip
    assert typed == plain and plain[0] == 0
    plain = run(capsys, "sweep", SEED, "--all", "--from", "-20", "--to", "0", "--points", "1001")
    typed = run(capsys, "sweep", SEED, "--all", "--from", "-20%", "--to", "0%", "--points", "1,001")
    assert typed == plain and plain[0] == 0 and len(plain[1].splitlines()) == 1 + 1001


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["evaluate", "missing.json"], "missing.json: cannot be read"),
        (["evaluate", SEED, "--at", "XRPUSDT=1"], "--at XRPUSDT: unknown symbol"),
        (["evaluate", SEED, "--at", "BTCUSDT=-1"], "--at BTCUSDT=-1: expected SYMBOL=PRICE"),
        (["evaluate", SEED, "--at", "BTCUSDT=nan"], "--at BTCUSDT=nan: expected SYMBOL=PRICE"),
        (
            ["sweep", SEED, "--symbol", "XRP", "--from", "1", "--to", "2"],
            "symbol: 'XRP' is not in the scenario",
        ),
        (
            ["sweep", SEED, "--symbol", "BTCUSDT", "--from", "0", "--to", "2"],
            "--from/--to: prices must be > 0",
        ),
        (
            ["sweep", SEED, "--symbol", "BTCUSDT", "--from", "1", "--to", "inf"],
            "--to: 'inf' is not a finite number",
        ),
        (
            ["sweep", SEED, "--symbol", "BTCUSDT", "--from", "-10%", "--to", "2"],
            "--from: a price, e.g. 40000 (a move in % is --all's)",
        ),
        (
            ["sweep", SEED, "--symbol", "BTCUSDT", "--from", "4,0000", "--to", "2"],
            "--from: '4,0000' is ambiguous",
        ),
        (
            ["sweep", SEED, "--symbol", "BTCUSDT", "--from", "1", "--to", "2", "--points", "x"],
            "--points: 'x' is not a number",
        ),
        (
            ["sweep", SEED, "--all", "--from", "-100", "--to", "5"],
            "--from/--to: a move must stay above -100 %",
        ),
        (
            ["sweep", SEED, "--symbol", "BTCUSDT", "--from", "1", "--to", "2", "--points", "1"],
            "--points: must be between 2",
        ),
        (["frobnicate"], "argument command: invalid choice"),
        ([], "the following arguments are required: command"),
    ],
)
def test_bad_input_exits_2_with_one_line_per_problem(
    capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    status, out, err = run(capsys, *args)
    assert status == 2
    assert out == ""
    assert err.startswith(f"marginlab-cli: {expected}"), err
    assert "Traceback" not in err


def test_invalid_file_lists_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads(Path(SEED).read_text())
    document["positions"][1]["quantity"] = 0
    document["positions"][0]["side"] = "sideways"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document))
    status, _, err = run(capsys, "evaluate", str(bad))
    assert status == 2
    assert err.splitlines() == [
        "marginlab-cli: positions[0].side: must be 'long' or 'short'",
        "marginlab-cli: positions[1].quantity: must be > 0",
    ]


def test_installed_console_script_runs() -> None:
    """The real entry point, in a subprocess: exit status and streams as a shell sees them."""
    script = Path(sys.executable).with_name("marginlab-cli")
    ok = subprocess.run([script, "evaluate", SEED], capture_output=True, text=True, check=False)
    assert ok.returncode == 0 and "45,180.72" in ok.stdout
    bad = subprocess.run(
        [script, "evaluate", __file__], capture_output=True, text=True, check=False
    )
    assert bad.returncode == 2
    assert bad.stderr.startswith("marginlab-cli: file: not valid JSON")


def test_at_takes_a_percentage_from_the_mark(capsys: pytest.CaptureFixture[str]) -> None:
    """BTCUSDT is marked at 50,000 in the seed: -30 % is 35,000."""
    _, by_percent, _ = run(capsys, "evaluate", SEED, "--json", "--at", "BTCUSDT=-30%")
    _, by_price, _ = run(capsys, "evaluate", SEED, "--json", "--at", "BTCUSDT=35000")
    assert json.loads(by_percent)["at"] == {"BTCUSDT": pytest.approx(35_000)}
    assert json.loads(by_percent)["variants"] == json.loads(by_price)["variants"]


def test_at_all_moves_every_symbol_and_a_named_symbol_keeps_its_own(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "evaluate", SEED, "--json", "--at", "ALL=-20%", "--at", "BTCUSDT=45000")
    assert json.loads(out)["at"] == {
        "ETHUSDT": pytest.approx(2_400),
        "BTCUSDT": pytest.approx(45_000),
    }


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("ALL=-100%", "--at ALL=-100%: a move must stay above -100 %"),
        ("ALL=5000", "--at ALL=5000: ALL takes a percentage, e.g. ALL=-20%"),
        ("BTCUSDT=1,5", "--at BTCUSDT=1,5: expected SYMBOL=PRICE, SYMBOL=PCT% or ALL=PCT%"),
        ("XRPUSDT=-5%", "--at XRPUSDT: unknown symbol (the scenario has: ETHUSDT, BTCUSDT)"),
    ],
)
def test_bad_moves_name_the_flag(
    capsys: pytest.CaptureFixture[str], item: str, message: str
) -> None:
    status, _, err = run(capsys, "evaluate", SEED, "--at", item)
    assert status == 2
    assert message in err


def test_evaluate_reads_standard_input() -> None:
    script = Path(sys.executable).with_name("marginlab-cli")
    if not script.exists():
        pytest.skip("marginlab-cli not installed in this environment")
    done = subprocess.run(
        [str(script), "evaluate", "-", "--json"],
        input=Path(SEED).read_bytes(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["variants"]["cross"]["account"]["max_loss"] == 10_000


def test_evaluate_imports_only_what_it_needs() -> None:
    """Issue 16: ``evaluate`` loads neither the Monte Carlo and path code, the sweep, nor the
    venue readers (they cost its start-up and it never runs them)."""
    code = (
        "import sys\n"
        "from marginlab.cli.main import main\n"
        f"main(['evaluate', {str(SEED)!r}])\n"
        "print(sorted(m for m in sys.modules if m.startswith('marginlab')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()[-1]
    for heavy in (
        "marginlab.engine.paths.montecarlo",
        "marginlab.engine.paths.replay",
        "marginlab.engine.margin.sweep",
        "marginlab.engine.paths.sources",
        "marginlab.engine.files.venue_import",
        "marginlab.engine.files.tier_import",
        "marginlab.cli.paths",
        "marginlab.cli.venues",
    ):
        assert f"'{heavy}'" not in out, heavy


def test_the_parser_names_every_built_in_path() -> None:
    from marginlab.engine.paths.defaults import SHAPE_NAMES
    from marginlab.engine.paths.sources import SHAPES

    assert tuple(SHAPES) == SHAPE_NAMES


def test_output_cut_short_by_a_pipe_ends_quietly(tmp_path: Path) -> None:
    """``marginlab-cli evaluate big.json --json | head -c 100``: the reader stops early; the
    CLI ends with status 0 and no traceback (its output is over a megabyte, far past what a
    pipe holds)."""
    sys.path.insert(0, str(Path(__file__).parents[2]))
    from bench.books import book_document

    big = tmp_path / "big.json"
    big.write_text(json.dumps(book_document(500)), encoding="utf-8")
    script = Path(sys.executable).with_name("marginlab-cli")
    cli = subprocess.Popen(
        [script, "evaluate", str(big), "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert cli.stdout is not None and cli.stderr is not None
    assert cli.stdout.read(100)
    cli.stdout.close()  # as `head` does once it has what it wants
    errors = cli.stderr.read().decode()
    assert cli.wait(timeout=60) == 0
    assert errors == ""


def test_evaluate_tells_a_pool_past_liquidation_from_one_the_move_liquidates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``--at BTCUSDT=40000`` liquidates B; E was past liquidation at today's mark before
    it: "liquidated: isolated E (E) at ETHUSDT 2,700.00" read as if the move had closed it."""
    from tests.engine.helpers import position, scenario

    book = scenario(
        10_000,
        [
            position("B", "BTCUSDT", "long", 0.1, 50_000, leverage=25, mark_price=50_000),
            position("E", "ETHUSDT", "long", 1, 3_000, leverage=20, mark_price=2_700),
        ],
    )
    file = tmp_path / "past.json"
    file.write_text(book.model_dump_json(exclude_none=True), encoding="utf-8")
    status, out, _ = run(capsys, "evaluate", str(file), "--at", "BTCUSDT=40000")
    assert status == 0
    assert out.count("  past liquidation already: isolated E (E); lost 0.00 USDT") == 2
    assert out.count("  liquidated: isolated B (B) at BTCUSDT 48,192.77; lost 200.00 USDT") == 2
    assert "E (E) at" not in out and "also closes E" not in out
