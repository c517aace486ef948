"""The fixed words the site build writes into pages, per edition language.

Guides are written in their own language; these are the few sentences the build adds around
them (page footer, drift warning, verification line). A new edition adds its language here.
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    "about_page": "About this page",
    "last_reviewed": "Last reviewed:",
    "marks_legend": (
        "Portal words in bold link to what we know about them: ✓ means seen on the live "
        "portal, ? means our best guess."
    ),
    "sources_summary": "Sources for this page",
    "seen": "seen",
    "report_question": "Something wrong on this page?",
    "report_github": "Tell us on GitHub",
    "report_or": "or",
    "report_mail": "e-mail us",
    "mail_subject": "Problem on: {title}",
    "mail_body": "Page: {url}\n\nWhat is wrong:\n",
    "drift_title": "The portal has changed since this page was checked",
    "drift_item": "{label}: {verdict} (nightly check of {date})",
    "drift_advice": "Some steps below may not match what you see. We are updating this page.",
    "check_unknown": "Portal elements on this page: verification status unknown.",
    "check_none": "Portal elements on this page: not yet verified against the live portal.",
    "check_all": "Portal elements on this page last verified: {date}.",
    "check_some": (
        "Portal elements on this page: {seen} of {total} verified on the live portal, last on "
        "{date}; the others not yet."
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
}

#: Plain everyday Hindi, following i18n/terminology-hi.yml (no nukta; ICEGATE, OTP, ID and
#: GitHub stay in Latin script). Portal labels are never translated: they come from the contract.
HINDI: dict[str, str] = {
    "about_page": "इस पेज के बारे में",
    "last_reviewed": "आखिरी बार जाँचा गया:",
    "marks_legend": (
        "बोल्ड में लिखे पोर्टल के शब्द उनकी जानकारी से जुड़े हैं। ✓ का मतलब है कि लाइव पोर्टल पर "
        "देखा गया। ? का मतलब है कि यह हमारा अंदाजा है।"
    ),
    "sources_summary": "इस पेज के स्रोत",
    "seen": "देखा गया",
    "report_question": "इस पेज में कुछ गलत है?",
    "report_github": "GitHub पर बताएँ",
    "report_or": "या",
    "report_mail": "हमें ई-मेल करें",
    "mail_subject": "इस पेज में गलती: {title}",
    "mail_body": "पेज: {url}\n\nक्या गलत है:\n",
    "drift_title": "इस पेज की जाँच के बाद पोर्टल बदल गया है",
    "drift_item": "{label}: {verdict} (रात की जाँच, {date})",
    "drift_advice": "नीचे के कुछ स्टेप शायद पोर्टल से मेल न खाएँ। हम यह पेज ठीक कर रहे हैं।",
    "check_unknown": "इस पेज के पोर्टल एलिमेंट: अभी पता नहीं कि पुष्टि हुई या नहीं।",
    "check_none": "इस पेज के पोर्टल एलिमेंट: लाइव पोर्टल पर अभी पुष्टि नहीं हुई।",
    "check_all": "इस पेज के पोर्टल एलिमेंट की लाइव पोर्टल पर आखिरी पुष्टि: {date}।",
    "check_some": (
        "इस पेज के पोर्टल एलिमेंट: {total} में से {seen} की लाइव पोर्टल पर पुष्टि हुई। आखिरी "
        "पुष्टि {date} को हुई। बाकी की पुष्टि अभी नहीं हुई।"
    ),
    "state_verified_spoken": "{date} को लाइव पोर्टल पर देखा गया",
    "state_verified_long": "{date} को लाइव पोर्टल पर देखा गया",
    "state_unconfirmed_spoken": "पोर्टल के शब्दों का हमारा अंदाजा",
    "state_unconfirmed_long": "पोर्टल पर यहाँ लिखे सही शब्दों की अभी पुष्टि नहीं हुई",
    "state_unverified_spoken": "सार्वजनिक स्रोतों से, लाइव पोर्टल पर अभी जाँचा नहीं गया",
    "state_unverified_long": "सार्वजनिक स्रोतों पर आधारित। हमारी लाइव जाँच ने इसे अभी नहीं देखा।",
    "stale_title": "अंग्रेजी पेज बदल गया है",
    "stale_body": (
        "इस पेज का अंग्रेजी रूप इस अनुवाद के बाद बदल गया है। हो सकता है कि यहाँ कुछ बातें "
        "पुरानी हों।"
    ),
    "stale_link": "अंग्रेजी पेज पढ़ें",
}

WORDS: dict[str, dict[str, str]] = {"en": ENGLISH, "hi": HINDI}


def words_for(language: str) -> dict[str, str]:
    """The words of ``language``; English for any word an edition has not translated."""
    return {**ENGLISH, **WORDS.get(language, {})}
