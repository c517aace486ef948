"""Property tests: a password planted in any proxy setting never reaches the doctor's words."""

from __future__ import annotations

from urllib.parse import unquote

import doctor
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

MARK = "S3cr3tPW"
# The mark as a reader may write it: plain, or partly percent-encoded (%33 is "3").
MARKS = st.sampled_from([MARK, "S3cr%33tPW", "%53%33cr3tPW"])
SCHEMES = st.one_of(
    st.sampled_from(
        [
            "",
            "http://",
            "https://",
            "HTTP://",
            "socks5://",
            "ftp://",
            "file://",
            "javascript:",
            "javascript://",
            "http:/",
            "x-y://",
        ]
    ),
    st.text(max_size=8).map(lambda text: text + "://"),
)
# Anything at all, including the characters that used to end the sign-in early.
ANY = st.text(st.characters(codec="utf-8"), max_size=12) | st.text("@:/?#%[]. ", max_size=12)
# What follows the last "@": anything but another "@".
AFTER_AT = st.text(st.characters(codec="utf-8", exclude_characters="@"), max_size=40) | (
    st.tuples(
        st.sampled_from(["127.0.0.1", "proxy.example", "[::1]", "[::1", "::1", "", "ĳ.invalid"]),
        st.sampled_from(["", ":", ":0", ":3128", ":99999", ":abc", ":-1", ":٣"]),
        st.sampled_from(["", "/", "/x", "?q", "#f", "/?#"]),
    ).map("".join)
)


@st.composite
def proxy_settings_with_a_password(draw) -> tuple[str, str]:
    """A proxy setting whose sign-in holds the mark, and the password as written."""
    scheme, user = draw(SCHEMES), draw(ANY)
    password = draw(ANY) + draw(MARKS) + draw(ANY)
    after = draw(AFTER_AT)
    assume(MARK not in unquote(after) and MARK not in unquote(scheme))
    return f"{scheme}{user}:{password}@{after}", password


@given(proxy_settings_with_a_password())
@example(("alice:S3cr3tPW@127.0.0.1:18190", "S3cr3tPW"))
@example(("http://alice:pa/S3cr3tPW@127.0.0.1:18190", "pa/S3cr3tPW"))
@example(("http://alice:pa?S3cr3tPW#x@[::1:99999", "pa?S3cr3tPW#x"))
def test_masked_proxy_setting_never_shows_the_password(case):
    url, _ = case
    shown = doctor.mask(url)
    assert MARK not in shown and MARK not in unquote(shown)


@given(proxy_settings_with_a_password())
def test_refusal_of_a_proxy_setting_never_shows_the_password(case):
    url, _ = case
    try:
        doctor.parse_proxy(url)
    except doctor.UsageError as error:
        assert MARK not in str(error) and MARK not in unquote(str(error))


@given(proxy_settings_with_a_password())
def test_accepted_proxy_setting_sends_the_whole_password(case):
    url, password = case
    try:
        setting = doctor.parse_proxy(url)
    except doctor.UsageError:
        return
    assert setting.credentials is not None
    assert setting.credentials.endswith(":" + unquote(password))


@given(st.text(st.characters(codec="utf-8")) | st.text("@:/?#%[]. 0123456789abc"))
def test_masked_proxy_setting_is_one_printable_line(url):
    shown = doctor.mask(url)
    assert shown.isprintable() and " " not in shown


@given(st.text(st.characters(codec="utf-8")) | st.text("@:/?#%[]. 0123456789abc"))
def test_any_proxy_setting_is_read_or_refused_with_a_usage_error(url):
    try:
        setting = doctor.parse_proxy(url)
    except doctor.UsageError as error:
        assert str(error).startswith("the proxy setting ")
        assert "\n" not in str(error)
    else:
        assert 1 <= setting.port <= 65535 and setting.host


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("alice:p/ss@127.0.0.1:8080", "***@127.0.0.1:8080"),
        ("http://alice:p@ss:word@proxy.example:3128/", "http://***@proxy.example:3128"),
        ("socks5://alice:pw@[::1]:1080", "socks5://***@[::1]:1080"),
        ("http://alice:pw@127.0.0.1:abc", "http://***@127.0.0.1:?"),
        ("alice://pw@proxy.example", "?://***@proxy.example"),
        ("http://proxy.example:0", "http://proxy.example:0"),
    ],
)
def test_masked_proxy_setting_keeps_the_scheme_host_and_port(url, shown):
    assert doctor.mask(url) == shown
