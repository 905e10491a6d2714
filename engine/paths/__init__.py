"""Price paths: replay candle by candle and Monte Carlo odds."""
