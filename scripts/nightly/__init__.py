"""The nightly bookkeeping: recording a run in the history, publishing it, and drift issues.

The history's read model is ``scripts.verification.history``; this package is its write side.
Standard library only (plus the drift report): the publish job runs it without installing
anything.
"""
