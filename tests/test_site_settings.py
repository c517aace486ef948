"""The fork settings: one reader of mkdocs.yml, the publishing check, and make configure."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts.common import site_config
from scripts.site import prebuild
from scripts.tools import configure

ROOT = Path(__file__).resolve().parents[1]
SETTING_FILES = ("mkdocs.yml", "mkdocs.hi.yml", *site_config.TOOL_FILES)


@pytest.fixture
def fork(tmp_path: Path) -> Path:
    """A copy of every file that holds a fork setting."""
    for name in SETTING_FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    site_config.load_config.cache_clear()
    yield tmp_path
    site_config.load_config.cache_clear()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    site_config.load_config.cache_clear()


@pytest.mark.parametrize("host", ["x.example", "mail.guide.invalid", "a.test", "example.org",
                                  "localhost", "EXAMPLE.COM."])
def test_reserved_hosts_are_recognised(host: str):
    assert site_config.is_reserved_host(host)


@pytest.mark.parametrize("host", ["icegate.gov.in", "example-tests.in", "gmail.com", "testing.in"])
def test_real_looking_hosts_are_not_reserved(host: str):
    assert not site_config.is_reserved_host(host)


def test_the_projects_own_settings_are_ready_to_publish():
    assert site_config.problems(ROOT) == []


def test_hindi_config_inherits_the_fork_settings():
    english = site_config.settings(ROOT / "mkdocs.yml")
    assert site_config.settings(ROOT / "mkdocs.hi.yml") == english


def test_a_placeholder_feedback_address_is_named(fork: Path):
    edit(fork / "mkdocs.yml", 'feedback_email: &feedback_email ""',
         "feedback_email: &feedback_email feedback@icegate-guide.example")
    [problem] = site_config.problems(fork)
    assert "extra.feedback_email" in problem and "icegate-guide.example" in problem


def test_a_site_url_other_than_the_public_url_is_named(fork: Path):
    [problem] = site_config.problems(fork, site_url="https://someone.github.io/guide/")
    assert "SITE_URL" in problem and "extra.public_url" in problem


def test_another_repository_than_the_one_running_is_named(fork: Path):
    [problem] = site_config.problems(fork, github_repository="someone/fork")
    assert "extra.repository" in problem and "someone/fork" in problem


def test_an_edit_link_for_another_repository_is_named(fork: Path):
    edit(fork / "mkdocs.hi.yml", "icegate-guide/icegate-guide/edit", "other/repo/edit")
    [problem] = site_config.problems(fork)
    assert problem.startswith("mkdocs.hi.yml edit_uri")


def test_a_tool_printing_another_address_is_named(fork: Path):
    edit(fork / "snippets/doctor.py", 'GUIDE_URL = "https://icegate-guide.github.io',
         'GUIDE_URL = "https://elsewhere.github.io')
    [problem] = site_config.problems(fork)
    assert problem.startswith("snippets/doctor.py GUIDE_URL")


def test_configure_writes_every_place_and_the_result_is_ready(fork: Path):
    status = configure.main(["--repository", "Traders-Help/login-guide",
                             "--feedback-email", "help@traders-help.in"], root=fork)
    assert status == 0
    chosen = site_config.settings(fork / "mkdocs.yml")
    assert chosen == site_config.SiteSettings(
        "Traders-Help/login-guide", "https://traders-help.github.io/login-guide/",
        "help@traders-help.in")
    assert site_config.load_config(fork / "mkdocs.hi.yml")["edit_uri"] == (
        "https://github.com/Traders-Help/login-guide/edit/main/docs-hi/")
    assert 'GUIDE_URL = "https://traders-help.github.io/login-guide/"' in (
        fork / "snippets/idcheck.py").read_text(encoding="utf-8")
    assert site_config.problems(fork, github_repository="traders-help/login-guide") == []


def test_configure_keeps_the_comments_of_mkdocs_yml(fork: Path):
    before = [line for line in (fork / "mkdocs.yml").read_text().splitlines()
              if line.lstrip().startswith("#")]
    configure.main(["--repository", "a/b"], root=fork)
    after = [line for line in (fork / "mkdocs.yml").read_text().splitlines()
             if line.lstrip().startswith("#")]
    assert after == before


def test_configure_refuses_a_placeholder_mailbox(fork: Path, capsys: pytest.CaptureFixture):
    assert configure.main(["--feedback-email", "me@x.example"], root=fork) == 2
    assert "--feedback-email" in capsys.readouterr().err
    assert site_config.settings(fork / "mkdocs.yml").feedback_email == ""


def test_configure_refuses_a_repository_that_is_not_owner_slash_name(fork: Path):
    assert configure.main(["--repository", "just-a-name"], root=fork) == 2


def test_a_publishing_build_with_placeholders_stops(fork: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture):
    edit(fork / "mkdocs.yml", 'feedback_email: &feedback_email ""',
         "feedback_email: &feedback_email feedback@icegate-guide.example")
    monkeypatch.setenv("SITE_URL", "https://icegate-guide.github.io/icegate-guide/")
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    assert prebuild.check_settings(fork) == 2
    assert "extra.feedback_email" in capsys.readouterr().err


def test_a_preview_with_placeholders_goes_on_and_says_so(fork: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture):
    edit(fork / "mkdocs.yml", 'feedback_email: &feedback_email ""',
         "feedback_email: &feedback_email feedback@icegate-guide.example")
    monkeypatch.delenv("SITE_URL", raising=False)
    assert prebuild.check_settings(fork) == 0
    assert capsys.readouterr().out.count("extra.feedback_email") == 1
