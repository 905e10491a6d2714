"""What ``evaluate`` returns: every figure of the three variants (DESIGN §1, §3).

Static figures (liquidation, bankruptcy, margins, ratios) are at today's marks. ``liquidated``,
``equity`` and the events describe the state after the what-if moves ``at``, reached by one
straight move of all named symbols together from their marks; every threshold on the way is
applied, in the order the move reaches it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from marginlab.engine.text.numbers import quoted_in

if TYPE_CHECKING:
    from marginlab.engine.margin.max_loss import SymbolRisk, WorstMove
    from marginlab.engine.margin.models import Variant
    from marginlab.engine.margin.risk_warnings import RiskWarning

# The largest price a scenario or a move may name: the same bound as Position.entry_price.
MAX_PRICE = 1e12


class MoveError(ValueError):
    """A what-if move names an unknown symbol or a price that is not finite and > 0."""


class PositionFigures(NamedTuple):
    """One position's figures in one variant. A named tuple, immutable as the report's other
    records: a book's report holds one per position and variant (1,500 at 500 positions),
    and a frozen dataclass sets each of its 22 fields through ``object.__setattr__``, at
    about four times the cost."""

    id: str
    symbol: str
    side: str
    margin_mode: str
    pool: str
    quantity: float
    entry_price: float
    mark_price: float
    notional: float
    initial_margin: float
    effective_leverage: float | None  # None: beyond 10^12 (a margin typed near 0)
    maintenance_margin: float
    maintenance_rate: float
    liquidation_price: float | None
    liquidation_distance: float | None
    bankruptcy_price: float | None
    margin_ratio: float | None  # None: the pool's equity is 0 or less (past liquidation)
    max_loss: float  # of the position's pool: what this position can cost (max_loss.py)
    liquidated: bool
    equity_now: float  # the pool's equity today (margin or pool + unrealised PnL), ≥ 0
    venue_liquidation_price: float | None  # the venue's own figure, from an import
    past_liquidation: bool  # the pool is at or past liquidation at today's marks


@dataclass(frozen=True, slots=True)
class AccountFigures:
    wallet_balance: float
    equity_now: float  # Σ pools' equity today, each at least 0
    equity: float  # after the what-if moves
    initial_margin: float  # the money put in: Σ initial margins
    maintenance_margin: float
    margin_ratio: float | None  # the highest pool's; ≥ 1 when a pool is past liquidation
    max_loss: float  # from today's equity to the worst a move can reach (max_loss.py)
    worst_move: WorstMove
    past_liquidation: tuple[str, ...]  # pools at or past liquidation today


@dataclass(frozen=True, slots=True)
class LiquidationEvent:
    """A pool liquidated on the way: ``step`` is the fraction of the move (0 = at the marks)."""

    step: float
    pool: str
    position_ids: tuple[str, ...]
    prices: dict[str, float]
    lost: float


@dataclass(frozen=True, slots=True)
class VariantReport:
    name: Variant
    positions: dict[str, PositionFigures]
    account: AccountFigures
    events: tuple[LiquidationEvent, ...]
    warnings: tuple[RiskWarning, ...]
    symbol_risks: dict[str, SymbolRisk]  # "if SYMBOL is wrong", both directions


@dataclass(frozen=True, slots=True)
class Report:
    scenario_name: str
    rules: str
    rules_as_of: str
    currency: str
    marks: dict[str, float]
    at: dict[str, float]
    variants: dict[Variant, VariantReport] = field(default_factory=dict)
    taker_fee: float = 0.0  # the rate the figures use (fees.taker_rate)
    fee_in_liquidation: bool = False  # the venue counts the fee to close in its MM
    # "inverse": coin-margined, amounts in the coin (``currency``), priced through the linear
    # twin (``margin.inverse``): a rise liquidates a hedge there, not a fall.
    contract: str = "linear"
    # Coin-margined only: per variant, the coin amounts in USD (``inverse.usd_figures``).
    usd: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def coin(self) -> bool:
        """Amounts are coins (coin-margined): written to 8 decimals."""
        return self.contract == "inverse"

    @property
    def price_currency(self) -> str:
        """What prices are quoted in: the settlement currency, or USD for coin-margined
        contracts (a BTCUSD price is dollars; its margins are coins)."""
        return quoted_in(self.currency, self.contract == "inverse")
