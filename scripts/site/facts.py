"""The facts every guide page carries: a drift warning at the top and a footer at the end.

The footer says when the page was last reviewed, when its portal elements were last verified
on the live portal, which sources it rests on, and how to report a problem (GitHub, or e-mail
for readers without an account). Both are written into the page's HTML, so no template and no
generator feature is needed.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as etree
from urllib.parse import quote, urlencode

from scripts.common.site_config import usable_email
from scripts.site.contacts import helpdesk, phone_link
from scripts.site.dates import reader_date
from scripts.site.plain import keep_as_text
from scripts.site.portal_status import page_verification
from scripts.site.sources import SourceError, resolve
from scripts.site.state import RenderState

log = logging.getLogger("mkdocs.icegate.facts")


def add_drift_warning(root: etree.Element, state: RenderState) -> None:
    """Warn, under the page title, about elements the live portal no longer shows as documented."""
    check = page_verification(state.mentioned, state.contract, state.status, state.words)
    if not check.drift:
        return
    words = state.words
    warning = etree.Element("div", {"class": "admonition warning portal-drift", "role": "note"})
    etree.SubElement(warning, "p", {"class": "admonition-title"}).text = words["drift_title"]
    items = etree.SubElement(warning, "ul")
    for item in check.drift:
        shown = {**item, "date": reader_date(item["date"], words["language"])}
        etree.SubElement(items, "li").text = words["drift_item"].format(**shown)
    etree.SubElement(warning, "p").text = words["drift_advice"]
    # Added after Python-Markdown's inline step, but kept as text all the same (a label is in
    # it), so that running this processor earlier could not change that.
    keep_as_text(warning)
    title_at = next((i for i, child in enumerate(root) if child.tag == "h1"), -1)
    root.insert(title_at + 1, warning)


def add_footer(root: etree.Element, state: RenderState) -> None:
    """Append the page's footer: review date, verification line, sources, report links."""
    words = state.words
    aside = etree.SubElement(
        root,
        "aside",
        {"class": "page-facts", "aria-label": words["about_page"], "data-search-exclude": "true"},
    )
    _helpdesk(aside, words)
    meta = state.context.meta if state.context else {}
    reviewed = meta.get("last_reviewed")
    if reviewed:
        line = etree.SubElement(aside, "p", {"class": "page-facts__reviewed"})
        line.text = f"{words['last_reviewed']} "
        etree.SubElement(line, "time", {"datetime": str(reviewed)}).text = reader_date(
            reviewed, words["language"]
        )
    check = page_verification(state.mentioned, state.contract, state.status, words)
    if check.line:
        line = etree.SubElement(aside, "p", {"class": "page-facts__verified"})
        link = etree.SubElement(line, "a", {"href": state.link(state.status_page)})
        link.text = check.line
    _sources(aside, state, meta.get("sources"))
    _report(aside, state, meta)
    keep_as_text(aside)


def _helpdesk(aside: etree.Element, words: dict[str, str]) -> None:
    """The helpdesk's number on every page (and every printout), as a link a phone can call."""
    line = etree.SubElement(aside, "p", {"class": "page-facts__helpdesk"})
    line.text = f"{words['footer_helpdesk']} "
    link = phone_link(helpdesk())
    link.tail = words["footer_helpdesk_after"]
    line.append(link)


def _sources(aside: etree.Element, state: RenderState, ids: object) -> None:
    if ids is None:
        return
    try:
        cited = resolve(ids, state.sources, state.page or "<page>")
    except SourceError as error:
        log.warning("%s", error)
        return
    if not cited:
        return
    details = etree.SubElement(aside, "details", {"class": "page-facts__sources"})
    etree.SubElement(details, "summary").text = state.words["sources_summary"]
    listing = etree.SubElement(details, "ul")
    for source in cited:
        item = etree.SubElement(listing, "li")
        etree.SubElement(item, "a", {"href": source.url}).text = source.title
        item[-1].tail = f" ({source.when_in(state.words)})"


def _report(aside: etree.Element, state: RenderState, meta: dict) -> None:
    words, settings = state.words, state.settings
    line = etree.SubElement(aside, "p", {"class": "page-facts__report"})
    line.text = f"{words['report_question']} "
    if settings["repository"]:
        page = f"{settings['edition_path']}{state.page or ''}"
        query = urlencode({"template": "page-problem.yml", "page": page})
        github = etree.SubElement(
            line, "a", {"href": f"https://github.com/{settings['repository']}/issues/new?{query}"}
        )
        github.text = words["report_github"]
    if usable_email(settings["feedback_email"]):
        page_url = quote(state.context.url) if state.context else ""
        address = f"{settings['public_url'].rstrip('/')}/{settings['edition_path']}{page_url}"
        title = str(meta.get("title") or state.page or "")
        mail = "mailto:{}?subject={}&body={}".format(
            settings["feedback_email"],
            quote(words["mail_subject"].format(title=title)),
            quote(words["mail_body"].format(url=address)),
        )
        if len(line):
            line[-1].tail = f" {words['report_or']} "
        etree.SubElement(line, "a", {"class": "page-facts__mail", "href": mail}).text = words[
            "report_mail"
        ]
    if len(line):
        line[-1].tail = (line[-1].tail or "") + words["full_stop"]
