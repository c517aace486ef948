from __future__ import annotations

from collections.abc import Iterator

import pytest

from scripts.common.localserver import serve_directory
from tests.sitebuild import BuildResult, build_site


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrise ``site_page`` over every HTML page the build produced."""
    if "site_page" in metafunc.fixturenames:
        result = build_site()
        pages = result.pages() if result.returncode == 0 else []
        metafunc.parametrize("site_page", pages, ids=lambda page: page or "home")


@pytest.fixture(scope="session")
def built_site() -> BuildResult:
    result = build_site()
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.output}"
    return result


@pytest.fixture(scope="session")
def site_url(built_site: BuildResult) -> Iterator[str]:
    # linkchecker makes more than 10 requests a second only to servers that send this header.
    with serve_directory(built_site.site_dir, headers={"LinkChecker": "local test server"}) as url:
        yield url
