"""Files: scenario I/O and presets (next: venue importers)."""
