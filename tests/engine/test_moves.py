"""What-if moves typed as a trader types them (the window's per-symbol field, the CLI's --at)."""

from __future__ import annotations

import pytest

from marginlab.engine.text.moves import move_text, parse_move_text

MARKS = {"BTCUSDT": 60_000.0, "ETHUSDT": 3_000.0, "ETHBTC": 0.05}


@pytest.mark.parametrize(
    ("text", "prices"),
    [
        ("BTC −30 %", {"BTCUSDT": 42_000.0}),
        ("BTC -30%, ETHUSDT 2,800", {"BTCUSDT": 42_000.0, "ETHUSDT": 2_800.0}),
        ("btcusdt=45000; ethusdt: +10%", {"BTCUSDT": 45_000.0, "ETHUSDT": 3_300.0}),
        ("ALL -20%, BTC 50000", {"BTCUSDT": 50_000.0, "ETHUSDT": 2_400.0, "ETHBTC": 0.04}),
        ("", {}),
    ],
)
def test_moves_as_typed(text: str, prices: dict[str, float]) -> None:
    moves, problems = parse_move_text(text, MARKS)
    assert problems == []
    assert moves == pytest.approx(prices)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("ETH -5%", "Per symbol ETH: unknown symbol"),  # ETHUSDT or ETHBTC: ambiguous
        ("XRP 1", "Per symbol XRP: unknown symbol (the scenario has: BTCUSDT, ETHUSDT, ETHBTC)"),
        ("BTC -100%", "Per symbol BTC=-100%: a move must stay above -100 %"),
        ("ALL 5000", "Per symbol ALL=5000: ALL takes a percentage"),
        ("BTC 0", "Per symbol BTC=0: expected SYMBOL=PRICE with a finite price > 0"),
        ("down a lot", "Per symbol: 'down a lot' is not a move"),
        ("BTC 1,5", "Per symbol BTC=1,5: expected SYMBOL=PRICE"),
    ],
)
def test_a_move_that_is_no_move_is_named(text: str, problem: str) -> None:
    _, problems = parse_move_text(text, MARKS)
    assert any(p.startswith(problem) for p in problems), problems


def test_a_move_is_written_with_its_prices_digits() -> None:
    """The what-if readout wrote another symbol's move to the cent: DOGE 10 % below 0.15
    read "DOGEUSDT 0.14 (-10.0 %)"."""
    assert move_text("DOGEUSDT", 0.135, 0.15) == "DOGEUSDT 0.13500 (-10.0 %)"
    assert move_text("BTCUSDT", 42_000, 60_000) == "BTCUSDT 42,000.00 (-30.0 %)"


def test_a_move_names_a_hyperliquid_coin_by_its_quoted_symbol() -> None:
    """Hyperliquid names coins ("BTC", "kPEPE"): "BTCUSDT -10%" and "kpepe 0.01" were
    unknown symbols there. A quoted symbol names the held coin it quotes, in any case."""
    marks = {"BTC": 100_000.0, "kPEPE": 0.0115}
    moves, problems = parse_move_text("BTCUSDT -10%, kpepe 0.01", marks)
    assert problems == []
    assert moves == pytest.approx({"BTC": 90_000.0, "kPEPE": 0.01})
