"""How each variant looks everywhere: colour and line style, so colour is never the only cue."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt


@dataclass(frozen=True, slots=True)
class VariantStyle:
    title: str
    colour: str
    pen: Qt.PenStyle
    glyph: str  # the line style drawn in text, for titles and legends
    width: float


VARIANT_STYLES = {
    "as_entered": VariantStyle("As entered", "#8e44ad", Qt.PenStyle.DotLine, "·······", 3.0),
    "isolated": VariantStyle("All isolated", "#1f77b4", Qt.PenStyle.DashLine, "— — —", 2.5),
    "cross": VariantStyle("All cross", "#e4572e", Qt.PenStyle.SolidLine, "———", 2.5),
}

TOOLTIPS = {
    "liquidation_price": "Price of the symbol at which the position's pool reaches its "
    "maintenance margin (equity = MM), with every other symbol at its "
    "mark. Tiers are re-solved at the answer.",
    "distance": "Liquidation price / mark − 1: how far the price can move before liquidation",
    "max_loss": "Loss boundary: an isolated position can lose its margin; a cross position can "
    "lose the whole cross pool (wallet − isolated margins)",
    "margin_ratio": "Maintenance margin / pool equity at the mark (Binance's margin ratio); "
    "100 % means liquidation",
    "bankruptcy_price": "Price at which the pool's equity is 0",
}
