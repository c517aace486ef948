"""One docs-path-to-address function for the site, the feed and the tests."""

from __future__ import annotations

import pytest

from scripts.common.paths import doc_url


@pytest.mark.parametrize(
    ("doc", "url"),
    [
        ("index.md", ""),
        ("tools/index.md", "tools/"),
        ("log-in/steps.md", "log-in/steps/"),
        ("log-in/reindex.md", "log-in/reindex/"),
    ],
)
def test_a_docs_page_is_published_at_its_directory_url(doc: str, url: str):
    assert doc_url(doc) == url
