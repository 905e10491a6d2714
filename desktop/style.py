"""How each variant looks everywhere: colour and line style, so colour is never the only cue."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QPen
from PySide6.QtWidgets import QWidget

from marginlab.desktop.i18n import N_, tr


@dataclass(frozen=True, slots=True)
class VariantStyle:
    english: str  # the title in the catalogue; ``title`` is it in the window's language
    colour: str
    pen: Qt.PenStyle
    glyph: str  # the line style drawn in text, for titles and legends
    width: float

    @property
    def title(self) -> str:
        return tr(self.english)


VARIANT_STYLES: dict[str, VariantStyle] = {
    "as_entered": VariantStyle(N_("As entered"), "#8e44ad", Qt.PenStyle.DotLine, "·······", 3.0),
    "isolated": VariantStyle(N_("All isolated"), "#1f77b4", Qt.PenStyle.DashLine, "— — —", 2.5),
    "cross": VariantStyle(N_("All cross"), "#e4572e", Qt.PenStyle.SolidLine, "———", 2.5),
}


def variant_pen(name: str, width: float | None = None) -> QPen:
    """The variant's line: its colour and dash pattern, ``width`` px wide whatever the zoom."""
    style = VARIANT_STYLES[name]
    pen = QPen(QColor(style.colour), width or style.width, style.pen)
    pen.setCosmetic(True)
    return pen


# px: a plot's curves and labels stay readable in a laptop's window, whatever the rows around
# it hold (a big book's lists squeezed the price-move and replay plots to 30-40 px at 1280 × 720).
PLOT_MIN_HEIGHT = 120
TOOLTIPS = {
    "liquidation_price": N_(
        "Price of the symbol at which the position's pool reaches its "
        "maintenance margin (equity = MM), with every other symbol at its "
        "mark. Tiers are re-solved at the answer."
    ),
    "distance": N_("Liquidation price / mark − 1: how far the price can move before liquidation"),
    "max_loss": N_(
        "Loss boundary: an isolated position can lose its margin; a cross position can "
        "lose the whole cross pool (wallet − isolated margins)"
    ),
    "margin_ratio": N_(
        "Maintenance margin / pool equity at the mark (Binance's margin ratio); "
        "100 % means liquidation"
    ),
    "bankruptcy_price": N_("Price at which the pool's equity is 0"),
}


def tint(
    widget: QWidget,
    colour: str | None = None,
    bold: bool = False,
    point_size: float | None = None,
) -> None:
    """Text colour and font through the palette and font, not a style sheet: a style sheet
    switches the widget and its children to the slower style-sheet style (~8 ms of start-up
    for the handful we had)."""
    if colour is not None:
        palette = widget.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        palette.setColor(QPalette.ColorRole.Text, QColor(colour))
        widget.setPalette(palette)
    if bold or point_size is not None:
        font = widget.font()
        font.setBold(bold or font.bold())
        if point_size is not None:
            font.setPointSizeF(point_size)
        widget.setFont(font)
