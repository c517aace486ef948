"""The fixed words the site build writes into pages, per edition language.

Guides are written in their own language; these are the few sentences the build adds around
them (page footer, drift warning, verification line). A new edition adds its language here.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from markdown.extensions.toc import slugify

if TYPE_CHECKING:
    from scripts.contract.model import Page

ENGLISH: dict[str, str] = {
    "language": "en",
    "about_page": "About this page",
    "last_reviewed": "Last reviewed:",
    "sources_summary": "Sources for this page",
    "report_question": "Something wrong on this page?",
    "report_github": "Tell us on GitHub",
    "report_or": "or",
    "report_mail": "e-mail us",
    "mail_subject": "Problem on: {title}",
    "mail_body": "Page: {url}\n\nWhat is wrong:\n",
    "drift_title": "The portal has changed since this page was checked",
    "drift_item": "{label}: {verdict} (nightly check of {date})",
    "drift_advice": "Some steps below may not match what you see. We are updating this page.",
    # One calm sentence per page on how the portal's words are checked (the page footer).
    "check_unknown": "The record of our nightly check of the portal's words cannot be read now.",
    "check_none": (
        "The portal's words in bold come from public sources; a ✓ appears after each one once "
        "our nightly check has seen it on the live portal."
    ),
    "check_all": (
        "Our nightly check has seen every portal word in bold on this page on the live portal, "
        "last on {date} (marked ✓)."
    ),
    "check_some": (
        "Our nightly check has seen {seen} of the {total} portal words in bold on this page on "
        "the live portal, last on {date}; those carry a ✓."
    ),
    # A portal label's state, read by screen readers after the label and shown as its title.
    "state_verified_spoken": "seen on the live portal on {date}",
    "state_verified_long": "Seen on the live portal on {date}",
    "state_unconfirmed_spoken": "our best guess at the portal's words",
    "state_unconfirmed_long": "The portal's exact words here are not confirmed yet",
    "state_unverified_spoken": "from public sources, not yet checked live",
    "state_unverified_long": "Backed by public sources; not yet seen by our live check",
    # Translated editions only: the English page changed after this translation.
    "stale_title": "The English page has changed since this translation",
    "stale_body": "Some details here may be out of date.",
    "stale_link": "Read the English page",
    # The portal status page (``[[portal-status]]``) and the home page's last-run sentence.
    "last_run_unknown": (
        "The verification history cannot be read at the moment, so its status is unknown."
    ),
    "last_run_none": (
        "No live check has run yet: nothing here is verified against the live portal so far."
    ),
    "last_run": "The latest live check finished on {day} with: {outcome}.",
    "status_unknown": "Status unknown: the verification history could not be read ({problem}).",
    "status_none": (
        "No live run has been recorded yet. Nothing on this site has been verified against the "
        "live portal so far; the guides say so next to each element."
    ),
    "status_latest": "Latest live run",
    "status_finished": "Finished: {when}",
    "status_where": "Run from: {where}",
    "status_not_recorded": "not recorded",
    "status_outcome": "Outcome: {outcome}",
    "status_report": "Report and screenshots: ",
    "status_workflow": "workflow run",
    "status_col_page": "Page",
    "status_col_state": "State",
    "status_not_in_run": "not in this run",
    "status_elements": "Elements",
    "status_col_element": "Element",
    "status_col_latest": "Latest check",
    "status_col_last_seen": "Last seen as documented",
    "status_not_in_latest": "not in the latest run",
    "status_since": "{verdict} since {day}",
    "status_locator_since": "{verdict} since {day} (update the locators)",
    "status_never": "never",
    "status_history": "History",
    "status_summary": (
        "{runs} live runs from {first} to {last}: {drifted} with drift, {unreachable} with the "
        "portal unreachable."
    ),
    "status_chart_note": "One column per run, oldest on the left; one row per element.",
    "legend_present": "present as documented",
    "legend_locator_drift": "as documented, found only by a fallback locator",
    "legend_label_drift": "label changed",
    "legend_missing": "missing",
    "legend_not_checked": "not checked (portal unreachable or needs an account)",
    # The element reference (``[[ui-reference]]``).
    "ref_address": "Address: {url}. ",
    "ref_reached": "Reached from the {page}. ",
    "ref_checked": "Checked automatically on the live portal every night.",
    "ref_not_checked": "Not checked automatically: {why}",
    "ref_col_label": "Label",
    "ref_col_what": "What it is",
    "ref_col_confidence": "Confidence",
    "ref_col_evidence": "Evidence",
    "ref_col_live": "Live check",
    "ref_col_used": "Used on",
    "ref_confidence": "Element: {element}. Label: {label}.",
    "confidence_high": "High",
    "confidence_medium": "Medium",
    "confidence_low": "Low",
    "ref_used_line": "{file} line {line}",
    # The list of sources (``[[source-list]]``).
    "sources_official": "Official: ICEGATE, CBIC and DGFT",
    "sources_official-copy": "Official documents published elsewhere",
    "sources_news": "News reports of official notices",
    "sources_third-party": "Third-party guides (accuracy not verified)",
    "sources_code": "Public code and issue threads",
    "cited_on": "Cited on:",
    "seen_date": "seen {date}",
    # Screen sketches and photographs (``[[screen:PAGE_ID]]``).
    "sketch_caption": "A sketch drawn from our element list, not a screenshot.",
    "sketch_figcaption": "{page}. {caption}",
    "sketch_alt": "Sketch of the {page}, drawn from our element list: {listed}.",
    "sketch_boxes": "{what} (drawn as {count} boxes, no portal words)",
    "sketch_item": "{label} ({kind}; {spoken})",
    "kind_field": "box",
    "kind_button": "button",
    "kind_link": "link",
    "kind_text": "text",
    "kind_boxes": "boxes",
    "photo_alt": "Photograph of the {page} on a phone screen, taken on {day}",
    "photo_alt_names": "; our guides name on it: {shown}.",
    "photo_alt_end": ".",
    "full_stop": ".",
    "photo_caption": (
        "{page}, photographed by our nightly check on {day} and reviewed before publishing. "
        "The portal may look different today."
    ),
    "screen_list": "What this screen holds, in words",
    # The helpdesk's details (``[[contact:...]]``, ``[[helpdesk]]``, every page's footer).
    "contact_call": "Call the ICEGATE helpdesk",
    "contact_hours": "24 hours a day, 7 days a week",
    "contact_toll_free": "Free to call in India",
    "contact_ticket": "ICEGATE's page about Log Ticket (in Hindi)",
    "footer_helpdesk": "Stuck? The ICEGATE helpdesk:",
    "footer_helpdesk_after": ", free in India, 24 hours a day, 7 days a week.",
}

#: Plain everyday Hindi, following i18n/terminology-hi.yml (no nukta; ICEGATE, OTP, ID and
#: GitHub stay in Latin script). Portal labels are never translated: they come from the contract.
HINDI: dict[str, str] = {
    "language": "hi",
    "about_page": "इस पेज के बारे में",
    "last_reviewed": "आखिरी बार जाँचा गया:",
    "sources_summary": "इस पेज के स्रोत",
    "report_question": "इस पेज में कुछ गलत है?",
    "report_github": "GitHub पर बताएँ",
    "report_or": "या",
    "report_mail": "हमें ई-मेल करें",
    "mail_subject": "इस पेज में गलती: {title}",
    "mail_body": "पेज: {url}\n\nक्या गलत है:\n",
    "drift_title": "इस पेज की जाँच के बाद पोर्टल बदल गया है",
    "drift_item": "{label}: {verdict} (रात की जाँच, {date})",
    "drift_advice": "नीचे के कुछ स्टेप शायद पोर्टल से मेल न खाएँ। हम यह पेज ठीक कर रहे हैं।",
    "check_unknown": "पोर्टल के शब्दों की हमारी रात की जाँच का रिकॉर्ड अभी पढ़ा नहीं जा सकता।",
    "check_none": (
        "बोल्ड में लिखे पोर्टल के शब्द सार्वजनिक स्रोतों से लिए गए हैं। हमारी रात की जाँच जब कोई "
        "शब्द लाइव पोर्टल पर देख लेती है, तो उसके बाद ✓ लगता है।"
    ),
    "check_all": (
        "इस पेज पर बोल्ड में लिखे पोर्टल के सारे शब्द हमारी रात की जाँच ने लाइव पोर्टल पर देखे, "
        "आखिरी बार {date} को (✓)।"
    ),
    "check_some": (
        "बोल्ड में लिखे {total} पोर्टल शब्दों में से {seen} हमारी रात की जाँच ने लाइव पोर्टल पर "
        "देखे, आखिरी बार {date} को। उनके बाद ✓ लगा है।"
    ),
    "state_verified_spoken": "{date} को लाइव पोर्टल पर देखा गया",
    "state_verified_long": "{date} को लाइव पोर्टल पर देखा गया",
    "state_unconfirmed_spoken": "पोर्टल के शब्दों का हमारा अंदाजा",
    "state_unconfirmed_long": "पोर्टल पर ठीक यही शब्द हैं, इसकी अभी पुष्टि नहीं हुई",
    "state_unverified_spoken": "सार्वजनिक स्रोतों से, लाइव पोर्टल पर अभी जाँचा नहीं गया",
    "state_unverified_long": "सार्वजनिक स्रोतों पर आधारित। हमारी लाइव जाँच ने इसे अभी नहीं देखा।",
    "stale_title": "अंग्रेजी पेज बदल गया है",
    "stale_body": (
        "इस पेज का अंग्रेजी रूप इस अनुवाद के बाद बदल गया है। हो सकता है कि यहाँ कुछ बातें "
        "पुरानी हों।"
    ),
    "stale_link": "अंग्रेजी पेज पढ़ें",
    # पोर्टल की स्थिति वाला पेज। जाँच के नतीजे नीचे verdict_* वाले हिंदी शब्दों में लिखे जाते हैं।
    "last_run_unknown": "जाँच का रिकॉर्ड अभी पढ़ा नहीं जा सकता। इसलिए उसकी स्थिति पता नहीं।",
    "last_run_none": (
        "अभी तक कोई लाइव जाँच नहीं हुई है। यहाँ किसी बात की लाइव पोर्टल पर पुष्टि नहीं हुई है।"
    ),
    "last_run": "आखिरी लाइव जाँच {day} को पूरी हुई। नतीजा: {outcome}।",
    "status_unknown": "स्थिति पता नहीं। जाँच का रिकॉर्ड पढ़ा नहीं जा सका ({problem})।",
    "status_none": (
        "अभी तक किसी लाइव जाँच का रिकॉर्ड नहीं है। इस वेबसाइट की किसी बात की लाइव पोर्टल पर "
        "अभी पुष्टि नहीं हुई है। गाइड में हर एलिमेंट के पास यह लिखा है।"
    ),
    "status_latest": "आखिरी लाइव जाँच",
    "status_finished": "पूरी हुई: {when}",
    "status_where": "कहाँ से चली: {where}",
    "status_not_recorded": "दर्ज नहीं",
    "status_outcome": "नतीजा: {outcome}",
    "status_report": "रिपोर्ट और स्क्रीनशॉट: ",
    "status_workflow": "GitHub पर यह जाँच",
    "status_col_page": "पेज",
    "status_col_state": "स्थिति",
    "status_not_in_run": "इस जाँच में नहीं",
    "status_elements": "एलिमेंट",
    "status_col_element": "एलिमेंट",
    "status_col_latest": "आखिरी जाँच",
    "status_col_last_seen": "आखिरी बार गाइड जैसा दिखा",
    "status_not_in_latest": "आखिरी जाँच में नहीं",
    "status_since": "{day} से {verdict}",
    "status_locator_since": "{day} से {verdict} (हमें अपनी जाँच ठीक करनी है)",
    "status_never": "कभी नहीं",
    "status_history": "पिछली जाँचें",
    "status_summary": (
        "{first} से {last} तक {runs} लाइव जाँचें हुईं। {drifted} में बदलाव मिला। "
        "{unreachable} में पोर्टल नहीं खुला।"
    ),
    "status_chart_note": "हर कॉलम एक जाँच है, सबसे पुरानी बाईं ओर। हर लाइन एक एलिमेंट है।",
    "legend_present": "गाइड जैसा मौजूद",
    "legend_locator_drift": "गाइड जैसा, पर सिर्फ दूसरे तरीके (fallback locator) से मिला",
    "legend_label_drift": "लेबल बदल गया",
    "legend_missing": "गायब",
    "legend_not_checked": "जाँचा नहीं गया (पोर्टल नहीं खुला, या अकाउंट चाहिए)",
    # पोर्टल एलिमेंट की सूची। एलिमेंट का ब्योरा और सबूत अंग्रेजी में ही रहते हैं।
    "ref_address": "पता: {url}। ",
    "ref_reached": "यह पेज यहाँ से खुलता है: {page}। ",
    "ref_checked": "हर रात लाइव पोर्टल पर अपने-आप जाँचा जाता है।",
    "ref_not_checked": "अपने-आप नहीं जाँचा जाता: {why}",
    "ref_col_label": "लेबल",
    "ref_col_what": "यह क्या है",
    "ref_col_confidence": "भरोसा",
    "ref_col_evidence": "सबूत",
    "ref_col_live": "लाइव जाँच",
    "ref_col_used": "कहाँ इस्तेमाल हुआ",
    "ref_confidence": "एलिमेंट: {element}। लेबल: {label}।",
    "confidence_high": "ज्यादा",
    "confidence_medium": "बीच का",
    "confidence_low": "कम",
    "ref_used_line": "{file} लाइन {line}",
    # स्रोतों की सूची। स्रोतों के नाम अंग्रेजी में ही रहते हैं।
    "sources_official": "आधिकारिक: ICEGATE, CBIC और DGFT",
    "sources_official-copy": "आधिकारिक दस्तावेज, जो कहीं और छपे हैं",
    "sources_news": "आधिकारिक नोटिस की खबरें",
    "sources_third-party": "गैर-आधिकारिक गाइड (ये सही हैं या नहीं, इसकी जाँच नहीं हुई)",
    "sources_code": "सार्वजनिक कोड और चर्चाएँ (issue)",
    "cited_on": "इन पेजों पर इसका जिक्र है:",
    "seen_date": "{date} को देखा गया",
    # पोर्टल की स्क्रीन का स्केच या फोटो।
    "sketch_caption": "यह हमारी एलिमेंट सूची से बना स्केच है, स्क्रीनशॉट नहीं।",
    "sketch_figcaption": "{page}। {caption}",
    "sketch_alt": "स्केच: {page}, हमारी एलिमेंट सूची से बना: {listed}।",
    "sketch_boxes": "{what} ({count} बॉक्स के रूप में बना, पोर्टल के शब्द नहीं)",
    "sketch_item": "{label} ({kind}; {spoken})",
    "kind_field": "बॉक्स",
    "kind_button": "बटन",
    "kind_link": "लिंक",
    "kind_text": "लिखा हुआ",
    "kind_boxes": "बॉक्स",
    "photo_alt": "फोटो: फोन की स्क्रीन पर {page}, {day} को ली गई",
    "photo_alt_names": "। इस पर दिखने वाली ये चीजें हमारी गाइड में आती हैं: {shown}।",
    "photo_alt_end": "।",
    "full_stop": "।",
    "photo_caption": (
        "{page}। हमारी रात की जाँच ने {day} को यह फोटो ली। वेबसाइट पर लगाने से पहले इसे जाँचा गया। "
        "आज पोर्टल अलग दिख सकता है।"
    ),
    "screen_list": "इस स्क्रीन पर क्या है, शब्दों में",
    "contact_call": "ICEGATE हेल्प डेस्क को फोन करें",
    "contact_hours": "24 घंटे, सातों दिन",
    "contact_toll_free": "भारत में फोन मुफ्त है",
    "contact_ticket": "ICEGATE का Log Ticket वाला पेज",
    "footer_helpdesk": "अटक गए? ICEGATE हेल्प डेस्क:",
    "footer_helpdesk_after": ", भारत में मुफ्त, 24 घंटे, सातों दिन।",
    # पोर्टल के पेज के नाम (अंग्रेजी नाम element contract में हैं)।
    "page_title_home": "ICEGATE का होम पेज",
    "page_title_login": "ICEGATE 2.0 का लॉगिन पेज",
    "page_title_login_failed": "ID या पासवर्ड गलत होने पर लॉगिन पेज",
    "page_title_otp": "ICEGATE 2.0 का OTP स्टेप (LOGIN के बाद)",
    "page_title_forgot_password": "पासवर्ड भूल जाने पर खुलने वाला पेज",
    "page_title_registration": "रजिस्ट्रेशन शुरू करने का पेज",
    # जाँच के नतीजे (scripts.drift.model): पूरी जाँच का, हर पेज का और हर एलिमेंट का। एलिमेंट के
    # शब्द वही हैं जो चार्ट के नीचे की सूची (legend_*) में हैं।
    "verdict_no_drift": "सब ठीक",
    "verdict_drift": "बदलाव मिला",
    "verdict_portal_unreachable": "पोर्टल नहीं खुला",
    "verdict_checker_failed": "हमारी जाँच ठीक से नहीं चली",
    "verdict_ok": "ठीक",
    "verdict_unreachable": "नहीं खुला",
    "verdict_http_error": "एरर के साथ खुला",
    "verdict_blocked": "पोर्टल ने रोक दिया",
    "verdict_maintenance": "रखरखाव (maintenance) चल रहा था",
    "verdict_entry_missing": "यहाँ तक ले जाने वाला लिंक नहीं मिला",
    "verdict_not_checkable_live": "लाइव नहीं जाँचा जा सकता",
    "verdict_check_failed": "जाँच पूरी नहीं हुई",
    "verdict_changed": "पेज बदल गया (गाइड वाला फॉर्म नहीं मिला)",
    "verdict_present": "गाइड जैसा मौजूद",
    "verdict_locator_drift": "गाइड जैसा, पर सिर्फ दूसरे तरीके (fallback locator) से मिला",
    "verdict_label_drift": "लेबल बदल गया",
    "verdict_missing": "गायब",
    "verdict_not_checked": "जाँचा नहीं गया",
}

WORDS: dict[str, dict[str, str]] = {"en": ENGLISH, "hi": HINDI}


def words_for(language: str) -> dict[str, str]:
    """The words of ``language``; English for any word an edition has not translated."""
    return {**ENGLISH, **WORDS.get(language, {})}


def verdict_word(verdict: str, words: dict[str, str]) -> str:
    """A drift verdict or run outcome (``missing``, ``portal unreachable``) in ``words``.

    The English edition shows the drift check's own values; a translated edition names each
    one under ``verdict_<value>`` (spaces as underscores), and falls back to the value.
    """
    return words.get("verdict_" + verdict.replace(" ", "_"), verdict)


def page_title(page: Page, words: dict[str, str]) -> str:
    """A portal page's name in the edition's words (``page_title_<id>``), else the contract's."""
    return words.get(f"page_title_{page.id}", page.title)


def english_id(key: str, words: dict[str, str]) -> str | None:
    """The heading id the English edition gives a generated heading, when ``words`` differ.

    Generated headings (status page, element reference, source list) are written in the
    edition's words; a translated edition keeps the English anchors, so links carry over.
    """
    if words.get(key) == ENGLISH.get(key):
        return None
    return slugify(ENGLISH[key], "-")


def heading(parent: etree.Element, words: dict[str, str], key: str) -> etree.Element:
    """An ``<h2>`` with ``words[key]``, keeping the English anchor in a translated edition."""
    anchor = english_id(key, words)
    node = etree.SubElement(parent, "h2", {"id": anchor} if anchor else {})
    node.text = words[key]
    return node
