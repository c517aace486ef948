"""The check only reads: no request other than GET leaves it, and closing a pop-up never
presses a form's button, counted by method at a local imitation portal."""

from __future__ import annotations

import pytest

from scripts.drift.checker import Timing
from scripts.verification.verdicts import PageVerdict
from tests.drift.imitation import Fault, imitation_portal
from tests.drift.runs import drift_run

pytestmark = pytest.mark.browser

#: A covered link is given up after 1 s.
COVERED = Timing(navigation=5, ready=3, element=1, retries=1, retry_pause=0.2, poll=0.05)
#: The login form posts to the portal when submitted, and its submit button reads "OK" (one
#: of the contract's dismiss names); a notice without a known button covers the entry links.
SUBMIT_NAMED_OK = [
    ('<div><button type="submit" class="btn login">LOGIN</button></div>',
     '<div><button type="submit" class="btn login">OK</button></div>'),
    ("'<div id=\"login-box\"><div><form novalidate>'",
     "'<div id=\"login-box\"><div>"
     "<form novalidate method=\"post\" action=\"/foservices/session\">'"),
    ('form.addEventListener("submit", function (event) { event.preventDefault(); });', ""),
    ("'<div class=\"links\"><a '",
     "'<div class=\"links\" style=\"position: relative\"><div class=\"notice\" "
     "style=\"position: absolute; inset: 0; background: #fff\">Notice "
     "<button type=\"button\">Advisories</button></div><a '"),
]
#: A page that tries every way of sending data as soon as it has loaded.
SENDS_DATA = (
    '<script src="app.js">',
    """<script>
window.addEventListener("load", function () {
  fetch("/foservices/api/track", { method: "POST", body: "x" });
  navigator.sendBeacon("/foservices/api/beacon", "x");
  var put = new XMLHttpRequest(); put.open("PUT", "/foservices/api/put"); put.send("x");
  var sink = document.createElement("iframe"); sink.name = "sink"; sink.hidden = true;
  document.body.appendChild(sink);
  var form = document.createElement("form"); form.method = "post"; form.target = "sink";
  form.action = "/foservices/api/form"; document.body.appendChild(form); form.submit();
});
</script><script src="app.js">""",
)


def test_submit_button_named_ok_is_never_pressed_to_uncover_a_link(browser, tmp_path):
    with imitation_portal(Fault(replace=SUBMIT_NAMED_OK)) as portal:
        run = drift_run(browser, tmp_path, portal.url, COVERED, ("login", "forgot_password"))
    forgot = run.page("forgot_password").page
    assert forgot.verdict is PageVerdict.OK
    assert "closed a covering pop-up" not in forgot.detail
    assert "followed the address of login.forgot_password" in forgot.detail
    assert "did not send" not in forgot.detail
    assert set(portal.methods) == {"GET"}


def test_no_request_other_than_get_leaves_the_checker_whatever_the_page_does(browser, tmp_path):
    with imitation_portal(Fault(replace=[SENDS_DATA])) as portal:
        run = drift_run(browser, tmp_path, portal.url, pages=("login",))
    assert set(portal.methods) == {"GET"}, portal.requests
    login = run.page("login").page
    assert login.verdict is PageVerdict.OK
    assert "did not send 4 request(s) the page tried to make" in login.detail
    assert "the check sends only GET" in login.detail
