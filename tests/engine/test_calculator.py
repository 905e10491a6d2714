"""The calculator's figures (issue 17) against the venues' worked examples and closed forms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marginlab.engine.margin import calculator as calc
from marginlab.engine.margin import venue_formulas as venue
from marginlab.engine.margin.evaluate import evaluate
from marginlab.engine.margin.fees import close_fee, trade_fee
from marginlab.engine.margin.models import Position
from marginlab.engine.margin.report import PositionFigures
from tests.engine.helpers import position, scenario


def test_pnl_and_roe_follow_the_binance_calculator_consistently() -> None:
    # Binance FAQ "How to Use the Binance Futures Calculator": long PnL = (exit − entry) × Q;
    # IM = Q × entry / L. 1 BTC at 10,000, 10x, out at 11,000: +1,000 on 1,000 of margin.
    exit_ = calc.exit_at(+1, 1.0, 10_000, 11_000, margin=1_000, fee_rate=0.0)
    assert exit_.pnl == 1_000 and exit_.roe == pytest.approx(1.0)
    short = calc.exit_at(-1, 1.0, 10_000, 11_000, margin=1_000, fee_rate=0.0)
    assert short.pnl == -1_000 and short.roe == pytest.approx(-1.0)
    # The FAQ's printed ROE form, side × (1 − exit / entry) / IMR, says −100 % for the winning
    # long: the known error; ROE is PnL / IM = s·L·(exit/EP − 1).
    assert exit_.roe == pytest.approx(1 * 10 * (11_000 / 10_000 - 1))
    assert exit_.roe != pytest.approx(1 * (1 - 11_000 / 10_000) * 10)


def test_target_price_matches_the_faq_formula() -> None:
    # Long target = entry × (ROE / L + 1); short = entry × (1 − ROE / L): 100,000 at 10x for
    # +50 % is 105,000 long, 95,000 short.
    assert calc.target_price_for_roe(+1, 100_000, 10, 0.5) == pytest.approx(105_000)
    assert calc.target_price_for_roe(-1, 100_000, 10, 0.5) == pytest.approx(95_000)
    assert calc.target_price_for_roe(-1, 100_000, 10, 10.0) is None  # a short cannot make 1,000 %


@given(
    sign=st.sampled_from([1, -1]),
    quantity=st.floats(1e-3, 1e3),
    entry=st.floats(0.01, 1e6),
    leverage=st.floats(1, 125),
    target=st.floats(-0.99, 5),
)
def test_target_prices_give_back_their_target(
    sign: int, quantity: float, entry: float, leverage: float, target: float
) -> None:
    margin = quantity * entry / leverage
    price = calc.target_price_for_roe(sign, entry, leverage, target)
    if price is not None:
        got = calc.roe(calc.pnl(sign, quantity, entry, price), margin)
        assert got == pytest.approx(target, rel=1e-6, abs=1e-9)
    gain = target * margin
    price = calc.target_price_for_pnl(sign, quantity, entry, gain)
    if price is not None:
        assert calc.pnl(sign, quantity, entry, price) == pytest.approx(gain, rel=1e-6, abs=1e-6)


@given(sign=st.sampled_from([1, -1]), entry=st.floats(0.01, 1e6), fee=st.floats(0, 0.01))
def test_break_even_pays_both_fees(sign: int, entry: float, fee: float) -> None:
    price = calc.break_even_price(sign, entry, fee)
    assert price is not None
    net = calc.exit_at(sign, 2.0, entry, price, margin=1.0, fee_rate=fee).net_pnl
    assert net == pytest.approx(0.0, abs=1e-9 * entry)
    assert calc.break_even_price(sign, entry, 0.0) == entry


def test_average_entry_is_bybits_example() -> None:
    # Bybit help "How to Calculate Average Entry Price": 1 at 10,000 and 2 at 13,000 → 12,000.
    assert calc.average_entry([(10_000, 1), (13_000, 2)]) == pytest.approx(12_000)
    with pytest.raises(ValueError, match="fills"):
        calc.average_entry([])


def test_fees_are_phemexs_order_cost_example() -> None:
    # Phemex "Order Cost (USDT Contract)": long 1 BTC at 70,000, 10x, taker 0.055 %: fee to
    # open 38.5, fee to close at the bankruptcy price (63,000) 34.65.
    assert trade_fee(1, 70_000, 0.00055) == pytest.approx(38.5)
    btc = Position(
        id="A",
        symbol="BTCUSDT",
        side="long",
        quantity=1,
        entry_price=70_000,
        leverage=10,
        margin_mode="isolated",
    )
    assert close_fee(btc, 0.00055) == pytest.approx(34.65)


def bybit_long(fee: float, **margin: float) -> PositionFigures:
    account = scenario(
        1_000,
        [
            position(
                "A", "BTCUSDT", "long", 1, 20_000, leverage=50, maintenance_rate=0.005, **margin
            )
        ],
        rules="bybit-linear",
        taker_fee=fee,
    )
    return evaluate(account).variants["as_entered"].positions["A"]


def test_bybit_counts_the_fee_to_close_in_its_margins() -> None:
    # Bybit UTA text (formulas.md §2a): MM = PV × MMR − deduction + fee to close at the
    # bankruptcy price, and IM = PV / L + the same fee. 1 BTC at 20,000, 50x, MMR 0.5 %,
    # taker 0.055 %: the fee is 19,600 × 0.00055 = 10.78, so MM = 110.78 and IM = 410.78.
    default = bybit_long(0.00055)
    assert default.maintenance_margin == pytest.approx(110.78)
    assert default.initial_margin == pytest.approx(410.78)
    # Both hold the fee: LP = EP − (IM − MM)/Q is the classic text's figure (vector V11).
    classic = venue.bybit_usdt_isolated_liquidation_price(+1, 1, 20_000, 50, 0.005)
    assert default.liquidation_price == pytest.approx(classic, abs=0.01)
    # A margin of 400 typed (without the fee): LP = 20,000 − (400 − 110.78) = 19,710.78.
    typed = bybit_long(0.00055, margin=400)
    assert typed.liquidation_price == pytest.approx(19_710.78, abs=0.01)
    assert bybit_long(0.0, margin=400).liquidation_price == pytest.approx(classic, abs=0.01)


def test_a_higher_fee_never_moves_a_liquidation_price_away_from_the_mark() -> None:
    for margin in ({}, {"margin": 400.0}):
        prices = [
            bybit_long(fee, **margin).liquidation_price
            for fee in (0.0, 0.0002, 0.00055, 0.001, 0.005)
        ]
        assert all(p is not None for p in prices)
        assert prices == sorted(prices)  # a long's LP rises towards the mark (20,000)
    for rules in ("binance-usdm", "hyperliquid"):  # venues that leave it out: unchanged
        figures = [
            evaluate(
                scenario(
                    5_000,
                    [position("A", "BTCUSDT", "long", 1, 60_000, mode="cross")],
                    rules=rules,
                    taker_fee=fee,
                )
            )
            .variants["cross"]
            .positions["A"]
            .liquidation_price
            for fee in (0.0, 0.001)
        ]
        assert figures[0] == figures[1]


def test_funding_is_the_notional_times_the_rate() -> None:
    # Binance FAQ "Funding Rates": funding = nominal value × funding rate; longs pay a positive
    # rate. 2 ETH at a mark of 3,000, 0.01 % over 3 intervals: 1.80 paid by a long.
    assert calc.funding_payment(+1, 2, 3_000, 0.0001, 3) == pytest.approx(1.8)
    assert calc.funding_payment(-1, 2, 3_000, 0.0001, 3) == pytest.approx(-1.8)


def test_a_position_closed_at_its_entry_gains_zero_not_minus_zero() -> None:
    """A short (and a coin-margined long, a short in its twin) at its entry reads "+0.00"."""
    import json

    from marginlab.engine.files.scenario_io import parse_scenario
    from marginlab.engine.margin.calculator import exit_at, pnl
    from marginlab.engine.margin.inverse import exit_at_inverse

    assert f"{pnl(-1, 0.4, 50_000, 50_000):+,.2f}" == "+0.00"
    assert f"{exit_at(-1, 0.4, 50_000, 50_000, 2_000, 0.0).roe:+.1%}" == "+0.0%"
    document = {
        "format": "marginlab.scenario",
        "version": 2,
        "rules": "generic",
        "account": {"wallet_balance": 1, "currency": "BTC"},
        "positions": [
            {"id": "C", "symbol": "BTCUSD", "side": "long", "quantity": 200,
             "contract": "inverse", "contract_size": 100, "entry_price": 50_000,
             "leverage": 10, "margin_mode": "cross", "maintenance_rate": 0.005}
        ],
    }  # fmt: skip
    position = parse_scenario(json.dumps(document)).positions[0]
    assert f"{exit_at_inverse(position, 50_000, 0.04, 0.0).pnl:+,.8f}" == "+0.00000000"
