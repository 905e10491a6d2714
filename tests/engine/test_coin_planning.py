"""Size from the loss you accept and funding, for coin-margined contracts (issue 19's last
gap): expected figures from the coin PnL ``s·N·(1/EP − 1/P)``, Binance COIN-M's liquidation
price and its funding ``s · (N/P) · rate`` (formulas.md §0, "Binance COIN-M"), never from the
engine."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from marginlab.cli.main import main as cli
from marginlab.engine.files.presets import load_preset
from marginlab.engine.margin.planning import (
    PlanError,
    Ticket,
    after_funding,
    liquidation_over_time,
    loss_at_stop,
    size_for_loss,
)
from tests.engine.test_inverse import binance_coinm_lp

WALLET, N, EP, MMR = 0.2, 200 * 100, 50_000.0, 0.005  # the preset: 200 contracts of 100 USD


def account():  # type: ignore[no-untyped-def]
    """0.2 BTC, a BTCUSD long of 20,000 USD at 10×, cross, MMR 0.5 %, no fee."""
    return load_preset("btc-margined-long.json")


def test_funding_is_paid_on_the_coin_value_and_drains_the_isolated_margin() -> None:
    # 9 payments in 72 h, each 1 · (20,000 / 50,000) · 0.01 % = 0.00004 BTC.
    funded = after_funding(account(), 0.0001, 72)
    paid = N / EP * 0.0001 * 9
    assert funded.intervals == 9
    assert funded.paid["C"] == pytest.approx(paid, rel=1e-12)
    curves = liquidation_over_time(account(), "C", 0.0001, [0.0, 72.0])
    # Held isolated: its own margin N/EP/L, less the funding paid; held cross: the wallet less it.
    isolated = [binance_coinm_lp(N / EP / 10 - p, +1, N, EP, MMR, 0.0) for p in (0.0, paid)]
    cross = [binance_coinm_lp(WALLET - p, +1, N, EP, MMR, 0.0) for p in (0.0, paid)]
    assert curves["isolated"] == pytest.approx(isolated, rel=1e-9)
    assert curves["cross"] == pytest.approx(cross, rel=1e-9)
    assert cross[1] == pytest.approx(33_520.11, abs=0.01)  # as the CLI shows it


def test_a_short_receives_funding_when_the_rate_is_positive() -> None:
    book = account()
    short = book.positions[0].model_copy(update={"side": "short"})
    funded = after_funding(book.model_copy(update={"positions": (short,)}), 0.0001, 8)
    assert funded.paid["C"] == pytest.approx(-N / EP * 0.0001, rel=1e-12)


ORDER = Ticket("BTCUSD", "long", 10, EP, maintenance_rate=MMR, contract_size=100)


def test_size_from_the_loss_counts_whole_contracts_isolated_and_cross() -> None:
    """A long at 50,000, 10×, stopped at 44,000, 0.0501 BTC accepted. Isolated, each contract
    puts up 100/50,000/10 = 0.0002 BTC and is liquidated at COIN-M's price, 45,681.82, before
    the stop: it loses that margin, so 250 contracts (250.5 would be the limit). Cross, the
    pool of 0.2 BTC outlasts the stop: each contract loses 100·(1/44,000 − 1/50,000) BTC there,
    so 183 contracts."""
    stop, accepted = 44_000.0, 0.0501
    per_margin = 100 / EP / 10
    per_loss = 100 * (1 / stop - 1 / EP)
    isolated = size_for_loss(account(), ORDER, "isolated", stop, accepted)
    assert binance_coinm_lp(per_margin, +1, 100, EP, MMR, 0.0) > stop  # gone before the stop
    assert isolated.quantity == math.floor(accepted / per_margin) == 250
    assert isolated.liquidated_before_stop
    assert isolated.loss == pytest.approx(250 * per_margin, rel=1e-9)
    cross = size_for_loss(account(), ORDER, "cross", stop, accepted)
    assert cross.quantity == math.floor(accepted / per_loss) == 183
    assert not cross.liquidated_before_stop
    assert cross.loss == pytest.approx(183 * per_loss, rel=1e-9)
    # One contract more costs more than the loss accepted.
    assert loss_at_stop(account(), ORDER, "cross", 184, stop)[0] > accepted


def test_the_isolated_margin_that_puts_the_liquidation_at_the_stop() -> None:
    """The coin margin M with equity = MM at the stop: M + N·(1/EP − 1/stop) = (N/stop)·MMR,
    and the leverage it allows, the coin notional N/EP over M (COIN-M's LP formula solved
    for the wallet at LP = stop)."""
    stop = 44_000.0
    sized = size_for_loss(account(), ORDER, "isolated", stop, 0.0501)
    usd = sized.quantity * 100
    margin = usd / stop * MMR + usd * (1 / stop - 1 / EP)
    assert sized.margin_for_stop == pytest.approx(margin, rel=1e-9)
    assert binance_coinm_lp(margin, +1, usd, EP, MMR, 0.0) == pytest.approx(stop, rel=1e-9)
    assert sized.highest_leverage == pytest.approx(usd / EP / margin, rel=1e-9)


def test_a_coin_margined_short_is_sized_from_a_stop_above() -> None:
    """A short of contracts at 50,000 stopped at 56,000, cross: each contract loses
    100·(1/50,000 − 1/56,000) BTC there; 0.01 BTC accepted gives 46 contracts (46.7)."""
    short = Ticket("BTCUSD", "short", 10, EP, maintenance_rate=MMR, contract_size=100)
    per_loss = 100 * (1 / EP - 1 / 56_000)
    sized = size_for_loss(account(), short, "cross", 56_000, 0.01)
    assert sized.quantity == math.floor(0.01 / per_loss) == 46
    with pytest.raises(PlanError, match="stop price: must be above the entry for a short"):
        size_for_loss(account(), short, "cross", 45_000, 0.01)


def test_the_cli_sizes_and_funds_a_coin_account(capsys) -> None:  # type: ignore[no-untyped-def]
    preset = str(Path(__file__).parents[2] / "resources/presets/btc-margined-long.json")
    order = ["--symbol", "BTCUSD", "--side", "long", "--leverage", "10", "--entry", "50000"]
    assert cli(["calc", "size", preset, *order, "--stop", "44000", "--max-loss", "0.0501"]) == 0
    out = capsys.readouterr().out
    assert "largest size, isolated       250 contracts, loses 0.05000000 BTC" in out
    loss = 183 * 100 * (1 / 44_000 - 1 / EP)
    assert f"largest size, cross          183 contracts, loses {loss:.8f} BTC" in out
    assert cli(["calc", "funding", preset, "--rate", "0.01%", "--hold", "72"]) == 0
    out = capsys.readouterr().out
    assert f"funding paid by C            +{N / EP * 0.0001 * 9:.8f} BTC" in out
