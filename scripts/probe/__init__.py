"""The reachability probe: does the ICEGATE login page open now? (``python -m scripts.probe``)."""
