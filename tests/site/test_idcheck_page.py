"""The ID check in the page: same answers as idcheck.py, in English and in Hindi, offline,
accessible, without JavaScript too, and honest when its script cannot load."""

from __future__ import annotations

import re

import idcheck
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Route, expect

from tests.idinputs import generated_inputs, shaped_inputs
from tests.site.pagelog import PageLog
from tests.site.visits import AXE_OPTIONS

pytestmark = pytest.mark.browser

PATH = "tools/id-check/"
#: Each edition's ID check page, by the language of its answers.
EDITIONS = {"en": PATH, "hi": "hi/" + PATH}
KINDS = ("iec", "pan", "gstin")
CHECKER = "assets/javascripts/idcheck"
BATCH = 1000
BOX = "#idcheck-value"

#: Types each value into the page's own box, as a reader does, and reads what the page shows.
#: A text box drops line breaks from its value (HTML's value sanitisation), so the value the
#: box really holds is returned too, and idcheck.py is asked about that value.
TYPE_ALL = """
async ([kind, values]) => {
  const root = document.getElementById("id-checker");
  const form = root.querySelector("form");
  form.querySelector(`input[value=${kind}]`).click();
  const input = form.querySelector("input[type=text]");
  return values.map((value) => {
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const status = root.querySelector("[data-idcheck-status]").textContent;
    const items = root.querySelectorAll("[data-idcheck-details] li");
    const lines = [...items].map((li) => li.textContent);
    return [input.value, status, ...lines];
  });
}
"""
#: Calls the checker module of the page's own edition directly, for the result's fields (JSON,
#: as idcheck.py --json --lang LANG).
CHECK_ALL = """
async ([kind, values, lang]) => {
  const module = await import(new URL("../../assets/javascripts/idcheck.js", location.href).href);
  return values.map((value) => module.check(kind, value, lang));
}
"""


def said(language: str, key: str, **values: object) -> str:
    """The message ``key`` of idcheck.py in ``language``."""
    with idcheck.speaking(language):
        return idcheck.say(key, **values)


def expected_lines(check: str, raw: str, language: str = "en") -> list[str]:
    """What the page must show for ``raw``: the lines idcheck.py prints, without what was typed.

    Built from the result's fields rather than by parsing render(), whose lines could hold
    characters that split lines; ``test_expected_lines_follow_what_idcheck_prints`` keeps the
    two in step.
    """
    if raw == "":
        return [""]
    try:
        result = idcheck.CHECKS[check][0](raw, language=language)
    except idcheck.UsageError as error:
        return [said(language, "cannot_check", error=error)]
    lines = [f"{result.kind} {result.value}: {said(language, 'status_' + result.status)}"]
    for label, texts in (
        ("note", result.normalised),
        ("fail", result.problems),
        ("ok", result.facts),
        ("todo", result.advice),
    ):
        lines += [f"{said(language, 'line_' + label)}: {text}" for text in texts]
    if not result.ok and check in idcheck.HELP_LINKS:
        lines.append(f"{said(language, 'line_help')}: {said(language, 'help_link')}")
    return lines


@pytest.mark.parametrize("language", sorted(EDITIONS))
def test_expected_lines_follow_what_idcheck_prints(language: str):
    raw = " 27aapfu0939f1zx"
    rendered = idcheck.render(idcheck.check_gstin(raw, language), "gstin", language)
    printed = [line.strip() for line in rendered.splitlines()]
    typed = re.escape(said(language, "you_typed", given=repr(raw)))
    printed = [re.sub(rf" \({typed}\)$", "", line) for line in printed]
    help_line = f"{said(language, 'line_help')}: {said(language, 'help_link')}"
    printed = [re.sub(r"^([^:]+): +", r"\1: ", line) for line in printed]
    printed = [help_line if "https://" in line else line for line in printed]
    assert expected_lines("gstin", raw, language) == printed


def expected_json(check: str, raw: str, language: str = "en") -> dict:
    try:
        return {"result": idcheck.CHECKS[check][0](raw, language=language).to_dict()}
    except idcheck.UsageError as error:
        return {"error": str(error)}


def open_checker(page: Page, site_url: str, path: str = PATH) -> PageLog:
    log = PageLog()
    log.attach(page)
    page.goto(site_url + path, wait_until="networkidle")
    page.locator(BOX).focus()
    expect(page.locator("#id-checker")).to_have_attribute("data-mounted", "yes")
    return log


def test_differential_inputs_are_many_and_varied():
    inputs = generated_inputs()
    assert len(inputs) >= 5000
    assert any(not value.isascii() for value in inputs)
    assert any(len(value) > idcheck.MAX_INPUT for value in inputs)
    statuses = {expected_json("gstin", value).get("result", {}).get("status") for value in inputs}
    assert statuses == {"valid", "unusual", "invalid", None}


def test_differential_inputs_hold_every_shape_the_property_tests_aim_at():
    inputs = set(generated_inputs())
    assert set(shaped_inputs()) <= inputs
    crash_class = [v for v in inputs if len(v) == 15 and v[:2] == "99" and v[12:14] == "OS"
                   and not v[2:12].isalnum()]
    assert len(crash_class) >= 20


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("language", sorted(EDITIONS))
def test_page_shows_what_idcheck_prints_for_every_generated_input(
    page: Page, site_url: str, language: str, kind: str
):
    open_checker(page, site_url, EDITIONS[language])
    inputs = generated_inputs()
    differences = []
    for start in range(0, len(inputs), BATCH):
        batch = list(inputs[start : start + BATCH])
        shown = page.evaluate(TYPE_ALL, [kind, batch])
        for value, (held, *lines) in zip(batch, shown, strict=True):
            assert held == re.sub(r"[\r\n]", "", value)
            expected = expected_lines(kind, held, language)
            if lines != expected:
                differences.append((held, lines, expected))
    assert differences[:5] == [], f"{len(differences)} of {len(inputs)} inputs differ"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("language", sorted(EDITIONS))
def test_checker_gives_the_same_fields_as_idcheck_json(
    page: Page, site_url: str, language: str, kind: str
):
    open_checker(page, site_url, EDITIONS[language])
    inputs = generated_inputs()
    differences = []
    for start in range(0, len(inputs), BATCH):
        batch = list(inputs[start : start + BATCH])
        got_all = page.evaluate(CHECK_ALL, [kind, batch, language])
        for value, got in zip(batch, got_all, strict=True):
            expected = expected_json(kind, value, language)
            if got != expected:
                differences.append((value, got, expected))
    assert differences[:5] == [], f"{len(differences)} of {len(inputs)} inputs differ"


def test_punctuated_iec_shaped_like_a_foreign_service_gstin_is_refused_for_its_shape(
    page: Page, site_url: str
):
    page.goto(site_url + PATH, wait_until="networkidle")
    page.get_by_label("Type or paste the ID").fill("99AB.DEF1234OS5")
    expect(page.get_by_role("status")).to_have_text("IEC 99AB.DEF1234OS5: INVALID")
    expect(page.locator("[data-idcheck-details] li.fail")).to_have_text(
        "FAIL: " + idcheck.say("iec_shape", length=15, value="99AB.DEF1234OS5")
    )


def test_iec_answer_says_login_uses_the_icegate_id_and_links_dgfts_status_page(
    page: Page, site_url: str
):
    page.goto(site_url + PATH, wait_until="networkidle")
    page.get_by_label("Type or paste the ID").fill("0388012345")
    expect(page.get_by_role("status")).to_have_text("IEC 0388012345: UNUSUAL")
    todo = page.locator("[data-idcheck-details] li.todo")
    expect(todo).to_have_count(3)
    expect(todo.nth(2)).to_have_text(
        "what to do: to log in to ICEGATE, use your ICEGATE ID and password, not the IEC"
    )
    dgft = todo.nth(1).get_by_role("link")
    expect(dgft).to_have_attribute("href", idcheck.DGFT_IEC_STATUS_URL)


def test_hindi_page_answers_in_hindi(page: Page, site_url: str):
    page.goto(site_url + EDITIONS["hi"], wait_until="networkidle")
    page.get_by_label("GSTIN").check()
    page.locator(BOX).fill("27AAPFU0939F1ZX")
    expect(page.get_by_role("status")).to_have_text("GSTIN 27AAPFU0939F1ZX: गलत")
    details = page.locator("[data-idcheck-details]")
    expect(details).to_contain_text("ठीक: राज्य कोड 27: महाराष्ट्र")
    help_link = details.get_by_role("link", name="क्या करें")
    expect(help_link).to_have_attribute(
        "href", re.compile(r"/hi/before-you-start/iec/#how-iec-pan-and-gstin-fit-together$")
    )


def test_hindi_page_says_in_hindi_what_it_cannot_check(page: Page, site_url: str):
    page.goto(site_url + EDITIONS["hi"], wait_until="networkidle")
    page.locator(BOX).fill("A" * 101)
    expect(page.get_by_role("status")).to_have_text(
        "यह जाँचा नहीं जा सकता: दिया गया IEC 101 कैरेक्टर लंबा है; ज्यादा से ज्यादा 100 चलते हैं"
    )



@pytest.fixture
def browser_context_args(browser_context_args: dict) -> dict:
    """No service worker: it would answer the checker's request before the test can refuse it
    (offline reading is tested in test_offline.py)."""
    return {**browser_context_args, "service_workers": "block"}


@pytest.mark.parametrize("language", sorted(EDITIONS))
def test_a_checker_that_fails_to_load_says_so_and_a_later_attempt_retries(
    page: Page, site_url: str, language: str
):
    page.goto(site_url + EDITIONS[language], wait_until="networkidle")
    refused: list[str] = []

    def refuse_once(route: Route) -> None:
        refused.append(route.request.url)
        route.abort()

    page.route("**/assets/javascripts/idcheck.js*", refuse_once)
    page.locator(BOX).focus()
    failed = page.locator("#id-checker-failed")
    expect(failed).to_be_visible()
    assert refused
    page.unroute("**/assets/javascripts/idcheck.js*")
    page.locator("h1").click()
    page.locator(BOX).fill("AAPFU0939F")
    expect(page.locator("#id-checker")).to_have_attribute("data-mounted", "yes")
    expect(failed).to_be_hidden()
    expect(page.get_by_role("status")).to_have_text(re.compile(r"^IEC AAPFU0939F: "))


def test_answer_appears_as_the_reader_types(page: Page, site_url: str):
    page.goto(site_url + PATH, wait_until="networkidle")
    page.get_by_label("GSTIN").check()
    box = page.get_by_label("Type or paste the ID")
    box.press_sequentially("29aabcf8078m1c8")
    expect(page.get_by_role("status")).to_have_text("GSTIN 29AABCF8078M1C8: UNUSUAL")
    box.press("Backspace")
    expect(page.get_by_role("status")).to_have_text("GSTIN 29AABCF8078M1C: INVALID")


def test_gstin_typed_as_an_iec_is_explained_in_the_page(page: Page, site_url: str):
    page.goto(site_url + PATH, wait_until="networkidle")
    page.get_by_label("Type or paste the ID").fill("27AAPFU0939F1ZV")
    details = page.locator("[data-idcheck-details]")
    expect(details).to_contain_text("your IEC is probably the PAN inside it, AAPFU0939F")
    help_link = details.get_by_role("link", name="what to do")
    expect(help_link).to_have_attribute("href", re.compile(r"/troubleshoot/#iec-not-valid$"))


def test_checker_code_loads_only_when_the_reader_uses_it(page: Page, site_url: str):
    log = PageLog()
    log.attach(page)
    page.goto(site_url + PATH, wait_until="networkidle")
    assert not [url for url in log.requested_urls if CHECKER in url]
    page.get_by_label("Type or paste the ID").focus()
    expect(page.locator("#id-checker")).to_have_attribute("data-mounted", "yes")
    assert [url for url in log.requested_urls if CHECKER in url]


def test_checker_code_is_not_loaded_on_other_pages(page: Page, site_url: str):
    log = PageLog()
    log.attach(page)
    page.goto(site_url + "tools/doctor/", wait_until="networkidle")
    page.goto(site_url, wait_until="networkidle")
    assert log.requested_urls
    assert not [url for url in log.requested_urls if CHECKER in url]


def test_typing_sends_nothing_anywhere(page: Page, site_url: str):
    log = open_checker(page, site_url)
    page.wait_for_load_state("networkidle")
    before = len(log.requested_urls)
    page.get_by_label("Type or paste the ID").press_sequentially("AAPFU0939F 27AAPFU0939F1ZV")
    page.wait_for_timeout(300)
    assert log.requested_urls[before:] == []
    assert log.foreign_requests() == []


def test_checker_works_after_instant_navigation_to_the_page(page: Page, site_url: str):
    page.goto(site_url + "tools/doctor/", wait_until="networkidle")
    page.locator(f"a.md-nav__link[href$='{PATH.split('/')[1]}/']").first.click()
    page.wait_for_url(f"**/{PATH}")
    page.get_by_label("Type or paste the ID").fill("AAPFU0939F")
    expect(page.get_by_role("status")).to_have_text("IEC AAPFU0939F: VALID")


def test_input_and_choices_are_labelled_and_the_result_is_a_live_region(page: Page, site_url: str):
    page.goto(site_url + PATH, wait_until="networkidle")
    expect(page.get_by_role("textbox", name="Type or paste the ID")).to_be_visible()
    group = page.get_by_role("group", name="What do you want to check?")
    for name in ("IEC", "PAN", "GSTIN"):
        expect(group.get_by_role("radio", name=name, exact=True)).to_be_visible()
    status = page.locator("[data-idcheck-status]")
    expect(status).to_have_attribute("role", "status")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_checker_with_an_answer_has_no_axe_violations(browser: Browser, site_url: str, scheme: str):
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site_url + PATH, wait_until="networkidle")
        page.get_by_label("Type or paste the ID").fill("27AAPFU0939F1ZX")
        expect(page.locator("[data-idcheck-details] li").first).to_be_visible()
        results = Axe().run(page, context="#id-checker", options=AXE_OPTIONS)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()


def test_long_answer_fits_a_phone_screen(browser: Browser, site_url: str):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    try:
        page = context.new_page()
        page.goto(site_url + PATH, wait_until="networkidle")
        page.get_by_label("Type or paste the ID").fill("Ｚ" * 60 + "-" + "Y" * 39)
        expect(page.locator("[data-idcheck-details] li").first).to_be_visible()
        widths = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], f"page is {widths[0]}px wide in a {widths[1]}px viewport"
    finally:
        context.close()


def test_with_javascript_the_checker_shows_and_the_notice_about_javascript_does_not(
    page: Page, site_url: str
):
    page.goto(site_url + PATH, wait_until="networkidle")
    expect(page.locator("#id-checker")).to_be_visible()
    expect(page.get_by_text("needs JavaScript")).to_be_hidden()


def test_without_javascript_the_page_explains_the_rules_and_offers_the_download(
    browser: Browser, site_url: str
):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + PATH)
        expect(page.locator("#id-checker")).to_be_hidden()
        expect(page.get_by_text("needs JavaScript")).to_be_visible()
        expect(page.get_by_role("heading", name="What it checks")).to_be_visible()
        expect(page.get_by_role("link", name="idcheck.py", exact=True).first).to_be_visible()
    finally:
        context.close()
