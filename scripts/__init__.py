"""Maintainer tooling for icegate-guide: the docs extension, the contract, drift checks."""
