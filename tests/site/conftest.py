from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.common.localserver import serve_directory
from tests.site.visits import Visits
from tests.sitebuild import BuildResult, build_site, given_site


def site_under_test(config: pytest.Config) -> BuildResult:
    """The site the checks run on: the one named by ``--built-site``, or a strict mkdocs build."""
    given = config.getoption("built_site") or os.environ.get("ICEGATE_BUILT_SITE")
    return given_site(Path(given)) if given else build_site()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrise ``site_page`` over every HTML page the build produced.

    Under xdist each page's tests go to one worker (``tests/parallel.py``), so its visits are
    made once. When the build failed there are no pages to list: each check then runs once,
    as ``site-build-failed``, and fails on the build's output instead of being skipped.
    """
    if "site_page" in metafunc.fixturenames:
        result = site_under_test(metafunc.config)
        pages = result.pages() if result.returncode == 0 else [BUILD_FAILED]
        metafunc.parametrize("site_page", pages, ids=page_id)


#: The one ``site_page`` value when the build failed (its checks fail on ``built_site``).
BUILD_FAILED = "site-build-failed"


def page_id(page: str) -> str:
    """A page's test id: its path, ``home`` for the home page."""
    return page or "home"


@pytest.fixture(scope="session")
def built_site(pytestconfig: pytest.Config) -> BuildResult:
    result = site_under_test(pytestconfig)
    assert result.returncode == 0, f"the site build failed:\n{result.output}"
    return result


@pytest.fixture(scope="session")
def built_by_mkdocs(built_site: BuildResult) -> BuildResult:
    """The site, for checks of the mkdocs build itself (skipped on a given site)."""
    if built_site.given:
        pytest.skip("checks the mkdocs build; this run checks a site built elsewhere")
    return built_site


@pytest.fixture(scope="session")
def site_url(built_site: BuildResult) -> Iterator[str]:
    # linkchecker makes more than 10 requests a second only to servers that send this header.
    with serve_directory(built_site.site_dir, headers={"LinkChecker": "local test server"}) as url:
        yield url


@pytest.fixture(scope="session")
def visits(browser, site_url: str) -> Iterator[Visits]:
    """What each page does in Chromium, visited once per palette and once at phone width."""
    shared = Visits(browser, site_url)
    yield shared
