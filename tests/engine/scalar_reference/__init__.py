"""The engine's scalar implementation as it was before the vectorised core (issue 16), kept
only as the oracle of the equivalence tests: the new core must agree with it to 1e-9."""
