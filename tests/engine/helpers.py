"""Small builders for engine tests."""

from __future__ import annotations

import json
from typing import Any

from marginlab.engine.files.scenario_io import parse_scenario
from marginlab.engine.margin.models import Scenario


def position(
    pid: str,
    symbol: str,
    side: str,
    quantity: float,
    entry: float,
    *,
    mode: str = "isolated",
    leverage: float = 10,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "id": pid,
        "symbol": symbol,
        "side": side,
        "quantity": quantity,
        "entry_price": entry,
        "leverage": leverage,
        "margin_mode": mode,
        **extra,
    }


def scenario(
    wallet: float,
    positions: list[dict[str, Any]],
    rules: str = "binance-usdm",
    taker_fee: float | None = 0.0,
    **account: Any,
) -> Scenario:
    """A scenario file's document, parsed. Fees are 0 unless asked for: the venue vectors
    and the algebra's properties are stated without them (issue 17)."""
    document = {
        "format": "marginlab.scenario",
        "version": 1,
        "name": "test",
        "rules": rules,
        "taker_fee": taker_fee,
        "account": {"wallet_balance": wallet, **account},
        "positions": positions,
    }
    return parse_scenario(json.dumps(document))


def isolated_btc_long(margin: float, mark_price: float) -> dict[str, Any]:
    """X: 1 BTCUSDT long at 50,000, isolated with ``margin``, marked ``mark_price``, 0.4 %
    maintenance."""
    return position(
        "X",
        "BTCUSDT",
        "long",
        1,
        50_000,
        margin=margin,
        mark_price=mark_price,
        maintenance_rate=0.004,
    )


def past_liquidation_book() -> Scenario:
    """An isolated long X already marked past its liquidation price, beside a cross long E
    (generic rules)."""
    return scenario(
        5_000,
        [
            isolated_btc_long(margin=1_000, mark_price=48_000),
            position("E", "ETHUSDT", "long", 0.1, 3_000, mode="cross", maintenance_rate=0.005),
        ],
        rules="generic",
    )
