"""Maintainer tools: browser set-up, benchmarks, tool samples, replica recording, local servers."""
