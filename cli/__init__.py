"""marginlab-cli: the command-line face over the engine."""
