"""Everything that is not a guide or a snippet, grouped by who runs it.

- ``common``: small shared helpers (paths, atomic writes, clocks, a local web server);
- ``contract``: the portal element contract and where the guides mention it;
- ``site``: what the site build runs (the Markdown extension, the pre-build step);
- ``drift``: the drift check that compares the portal with the contract;
- ``nightly``: the nightly bookkeeping (history, publishing, issues);
- ``tools``: maintainer commands (browser set-up, benchmarks, samples, replica recording).
"""
