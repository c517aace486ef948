"""The nightly bookkeeping: the verification history, publishing a run, and drift issues.

Standard library only (plus the drift model and report): the publish job runs it without
installing anything.
"""
