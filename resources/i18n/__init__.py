"""Compiled translation catalogues (*.qm), built from translations/*.ts by `make translations`."""
