"""Drift checks: compare the portal with the element contract and give a verdict per element."""
