#!/usr/bin/env python3
"""Check the format of Indian trade IDs: IEC, PAN, GSTIN, and OTP contact details.

Runs with any Python 3.9 or newer, on Windows, macOS and Linux, with no extra packages.
It checks only the *format* of an ID on your own computer; it does not ask any government
service whether the ID exists, and it sends nothing anywhere.

Examples:
    python idcheck.py gstin 27AAPFU0939F1ZV
    python idcheck.py iec AAPFU0939F
    python idcheck.py pan aapfu0939f
    python idcheck.py match AAPFU0939F 27AAPFU0939F1ZV
    python idcheck.py mobile "+91 98765 43210"
    python idcheck.py email someone@example.com
    python idcheck.py gstin 27AAPFU0939F1ZV --json
    python idcheck.py iec AAPFU0939F --lang hi

Exit status: 0 valid (or unusual but possible), 1 invalid, 2 usage error, 3 a fault in this
program (it prints one line saying so; please report it).

This file is the single source of the rules: the ID check on the guide's web page runs a
JavaScript copy of the same logic, whose tables and messages are generated from this file.
"""

from __future__ import annotations

import argparse
import contextlib
import contextvars
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import NoReturn

GUIDE_URL = "https://icegate-guide.github.io/icegate-guide/"
#: DGFT's public page that shows an IEC's details and status ("View IEC Related Details").
DGFT_IEC_STATUS_URL = "https://www.dgft.gov.in/CP/?opt=view-any-ice"
#: The languages the checks answer in.
LANGUAGES = ("en", "hi")
MAX_INPUT = 100
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

#: Meaning of the 4th character of a PAN (the holder type).
PAN_HOLDER_TYPES: dict[str, str] = {
    "P": "individual",
    "C": "company",
    "H": "Hindu undivided family (HUF)",
    "F": "firm (partnership)",
    "A": "association of persons",
    "T": "trust",
    "B": "body of individuals",
    "L": "local authority",
    "J": "artificial juridical person",
    "G": "government",
}
#: Holder-type letters that some sources report and others do not.
PAN_DISPUTED_TYPES: dict[str, str] = {
    "E": "limited liability partnership, according to some sources",
    "K": "reported by some sources only",
}

#: GST state codes (Census codes), with the codes GST adds for special cases.
GST_STATE_CODES: dict[str, str] = {
    "01": "Jammu and Kashmir",
    "02": "Himachal Pradesh",
    "03": "Punjab",
    "04": "Chandigarh",
    "05": "Uttarakhand",
    "06": "Haryana",
    "07": "Delhi",
    "08": "Rajasthan",
    "09": "Uttar Pradesh",
    "10": "Bihar",
    "11": "Sikkim",
    "12": "Arunachal Pradesh",
    "13": "Nagaland",
    "14": "Manipur",
    "15": "Mizoram",
    "16": "Tripura",
    "17": "Meghalaya",
    "18": "Assam",
    "19": "West Bengal",
    "20": "Jharkhand",
    "21": "Odisha",
    "22": "Chhattisgarh",
    "23": "Madhya Pradesh",
    "24": "Gujarat",
    "25": "Daman and Diu (merged into 26 from 26 January 2020)",
    "26": "Dadra and Nagar Haveli and Daman and Diu",
    "27": "Maharashtra",
    "28": "Andhra Pradesh (before its division in 2014)",
    "29": "Karnataka",
    "30": "Goa",
    "31": "Lakshadweep",
    "32": "Kerala",
    "33": "Tamil Nadu",
    "34": "Puducherry",
    "35": "Andaman and Nicobar Islands",
    "36": "Telangana",
    "37": "Andhra Pradesh",
    "38": "Ladakh",
    "97": "Other Territory",
    "99": "Centre Jurisdiction",
}

#: What a 14th GSTIN character other than the usual Z is known to mean.
GSTIN_14TH: dict[str, str] = {
    "C": "an e-commerce operator's registration for collecting tax at source (TCS)",
    "D": "a registration for deducting tax at source (TDS)",
}

#: The permanent IECs DGFT notified for special categories (Public Notice 09/2015-20,
#: 29 June 2017, para 2.07(b) of the Handbook of Procedures), with the category.
SPECIAL_IECS: dict[str, str] = {
    "AMDCG0111E": "all ministries and departments of the Central Government, "
    "and agencies wholly or partly owned by them",
    "ADSGA0129E": "all ministries and departments of any State Government, "
    "and agencies wholly or partly owned by them",
    "DCUN00137E": "diplomatic personnel, consular officers in India, and officials of the UN "
    "and its specialised agencies",
    "IABBR0145E": "Indians returning from or going abroad who claim the benefit of the "
    "Baggage Rules",
    "IIHIE0153E": "persons, institutions and hospitals importing or exporting for personal "
    "use, not for trade, manufacture or agriculture",
    "IIEGN0161E": "persons importing from or exporting to Nepal",
    "IIEGM0170E": "persons importing from or exporting to Myanmar through the Indo-Myanmar "
    "border areas",
    "IIEGB0180E": "persons importing from or exporting to Bhutan",
    "ATAEF1096E": "importers of goods for display or use at fairs, exhibitions or similar "
    "events under an ATA carnet",
}
#: Special IECs whose spelling the public copies of the notice leave in doubt: the copies
#: print a zero where the pattern of the other codes calls for a letter O.
SPECIAL_IEC_SPELLINGS: dict[str, str] = {"DCUNO0137E": "DCUN00137E"}
#: The numeric permanent IECs that the same notice replaced.
OLD_SPECIAL_IECS: dict[str, str] = {
    "0100000011": "AMDCG0111E",
    "0100000029": "ADSGA0129E",
    "0100000037": "DCUN00137E",
    "0100000045": "IABBR0145E",
    "0100000053": "IIHIE0153E",
    "0100000061": "IIEGN0161E",
    "0100000070": "IIEGM0170E",
    "0100000096": "ATAEF1096E",
}

#: Every sentence the checks can say. ``{name}`` marks a value filled in by :func:`say`.
MESSAGES: dict[str, str] = {
    # the words around the answers
    "status_valid": "VALID",
    "status_unusual": "UNUSUAL",
    "status_invalid": "INVALID",
    "line_note": "note",
    "line_fail": "FAIL",
    "line_ok": "ok",
    "line_todo": "what to do",
    "line_help": "help",
    "you_typed": "you typed {given}",
    "cannot_check": "Cannot check this: {error}",
    "help_link": "what to do",
    "kind_mobile": "mobile number",
    "kind_email": "e-mail address",
    "kind_match": "IEC and GSTIN",
    "label_pan_iec": "PAN-based IEC",
    "label_pan_gstin": "PAN in characters 3-12",
    # what to do
    "todo_unusual_iec": "look it up at DGFT (next line) and write it exactly as DGFT shows it",
    "todo_unusual_pan": "compare it, character by character, with the PAN card; if they match, "
    "use it as it is",
    "todo_unusual_gstin": "compare it, character by character, with the GST registration "
    "certificate; if they match, use it as it is",
    "todo_unusual_match": "the IEC is not a PAN: look it up at DGFT ({url}) to see which "
    "business it belongs to",
    "iec_login": "to log in to ICEGATE, use your ICEGATE ID and password, not the IEC",
    "iec_status": "to see whether DGFT shows an IEC as active, open DGFT's page View IEC "
    "Related Details: {url}",
    # input that cannot be checked at all
    "too_long": "the {kind} given is {length} characters long; at most {limit}",
    "control": "the {kind} given has a control character at position {position}",
    "empty": "no {kind} given",
    # normalisation
    "norm_nfkc": "changed full-width or special characters to plain ones",
    "norm_spaces": "removed spaces and hyphens",
    "norm_case": "changed lower-case letters to capitals",
    "norm_trim": "removed spaces before and after it",
    "norm_prefix": "removed the prefix {prefix}",
    "not_plain": "contains characters that are not plain letters or digits: {chars}",
    # PAN
    "pan_length": "a {label} has 10 characters; this has {length}",
    "pan_letters": "characters 1-5 of a {label} are letters; here they are {part}",
    "pan_digits": "characters 6-9 of a {label} are digits; here they are {part}",
    "pan_serial": "the serial number in characters 6-9 of a {label} runs from 0001; "
    "0000 is not used",
    "pan_last": "the last character of a {label} is a letter; here it is {char}",
    "pan_holder": "holder type {letter}: {meaning}",
    "pan_holder_bad": "the 4th character of a {label} is the holder type; {letter} is not one",
    "pan_check": "the last letter is a check character whose method is not published, "
    "so it cannot be verified here",
    "pan_is_special_iec": "{code} is the permanent IEC that DGFT set for {category}; "
    "it is not known as anyone's PAN",
    # IEC
    "iec_pan": "a PAN-based IEC (the usual form since 2017)",
    "iec_special": "a permanent IEC that DGFT set for special categories (Public Notice "
    "09/2015-20): {category}; only they use it",
    "iec_special_spelling": "the public copies of DGFT's notice print this code as {printed}; "
    "the pattern of the other codes suggests {pattern}; we could not confirm which "
    "spelling DGFT's systems use, so check it with DGFT or the department",
    "iec_numeric": "an old-format, all-numeric IEC: since 2017 the IEC is the holder's PAN, "
    "and DGFT moved existing IECs to the PAN; check your current IEC at DGFT",
    "iec_numeric_special": "DGFT replaced this numeric permanent IEC with {code} "
    "(Public Notice 09/2015-20)",
    "iec_is_gstin": "this is a GSTIN; your IEC is probably the PAN inside it, {pan}",
    "iec_gstin_like": "an IEC has 10 characters; this has 15, and characters 3-12 are shaped "
    "like a PAN, {pan}; if this is your GSTIN, your IEC is probably that PAN",
    "iec_gstn_number": "15 characters with a right GSTIN check character and no PAN inside: "
    "{kind}; some residuary categories use a number issued by GSTN, such as a UIN, as their "
    "IEC",
    "iec_gstn_check": "15 characters shaped like {kind}, but the 15th (check) character "
    "should be {expected}",
    "iec_shape": "an IEC is 10 characters shaped like a PAN (5 letters, 4 digits, 1 letter) "
    "or, in old IECs, 10 digits; this is {length} characters: {value}",
    "iec_not_comparable": "the IEC is not PAN-based, so it cannot be compared with the GSTIN",
    # GSTIN
    "gstin_length": "a GSTIN has 15 characters; this has {length}",
    "gstin_chars": "a GSTIN holds only capital letters and digits; this also has {chars}",
    "gstin_state": "state code {code}: {name}",
    "gstin_state_bad": "characters 1-2 are the state code; {code} is not a GST state code",
    "gstin_special": "looks like {kind}",
    "gstin_special_generic": "a special registration that does not embed a PAN",
    "gstin_oidar": "a non-resident online service provider (state code 99, 'OS' in "
    "characters 13-14)",
    "gstin_tds_tan": "a TDS deductor registration, probably (a TAN in characters 3-12, 'D' in "
    "character 14)",
    "gstin_uin": "a Unique Identity Number (UIN) of a UN body, embassy or other notified "
    "body, probably ('UN' or 'ON' in characters 13-14)",
    "gstin_nrtp": "a non-resident taxable person's registration, probably ('NR' in "
    "characters 13-14)",
    "gstin_no_pan": "characters 3-12 of an ordinary GSTIN are a PAN; {part} is not shaped like "
    "one (and the check character is wrong, so it is not a special registration either)",
    "gstin_check_ok": "check character {char} is right",
    "gstin_check_bad": "the check character (15th) is {char}, but the first 14 characters "
    "call for {expected}",
    "gstin_pan": "PAN {pan} ({fact})",
    "gstin_13th_zero": "character 13 counts registrations under this PAN in the state "
    "(1-9, then A-Z); 0 is not used",
    "gstin_13th": "registration number {char} for this PAN in this state",
    "gstin_14th_known": "character 14 is {char}, not the usual Z: {meaning}",
    "gstin_14th_other": "character 14 is {char}, not the usual Z: an unusual kind of "
    "registration",
    # match
    "match_pans_differ": "the IEC carries PAN {iec} but the GSTIN carries PAN {gstin}; "
    "ICEGATE expects both to belong to the same business",
    "match_same_pan": "both carry PAN {pan}",
    "match_part": "{part}: {problem}",
    # mobile number
    "mobile_digits": "a mobile number holds digits only",
    "mobile_length": "an Indian mobile number has 10 digits; this has {length}",
    "mobile_start": "this tool takes an Indian mobile number to start with 6, 7, 8 or 9; "
    "this starts with {digit}",
    "mobile_ok": "the shape of an Indian mobile number",
    # e-mail address
    "email_spaces": "an e-mail address has no spaces in it",
    "email_at": "an e-mail address has exactly one @; this has {count}",
    "email_local_empty": "there is nothing before the @",
    "email_local_chars": "the part before @ may hold letters, digits and . ! # $ % & ' * + - "
    "/ = ? ^ _ ` { | } ~ only; this also has {chars}",
    "email_local_dots": "the part before @ cannot start or end with a dot, or have two dots "
    "in a row",
    "email_domain": "the part after @ must be a domain such as example.com: names of letters, "
    "digits and hyphens, joined by dots, none starting or ending with a hyphen",
    "email_ok": "mail goes to the domain {domain}",
}

#: Where the guide explains a failed check, relative to the guide's address.
HELP_LINKS: dict[str, str] = {
    "iec": "troubleshoot/#iec-not-valid",
    "match": "troubleshoot/#iec-not-valid",
    "gstin": "before-you-start/iec/#how-iec-pan-and-gstin-fit-together",
    "mobile": "troubleshoot/#registration-contact-details",
    "email": "troubleshoot/#registration-contact-details",
}

#: The same sentences in Hindi, key for key (``--lang hi``; the Hindi page's answers).
MESSAGES_HI: dict[str, str] = {
    "status_valid": "सही",
    "status_unusual": "असामान्य",
    "status_invalid": "गलत",
    "line_note": "बदलाव",
    "line_fail": "गलती",
    "line_ok": "ठीक",
    "line_todo": "क्या करें",
    "line_help": "मदद",
    "you_typed": "आपने टाइप किया: {given}",
    "cannot_check": "यह जाँचा नहीं जा सकता: {error}",
    "help_link": "क्या करें",
    "kind_mobile": "मोबाइल नंबर",
    "kind_email": "ई-मेल पता",
    "kind_match": "IEC और GSTIN",
    "label_pan_iec": "PAN पर आधारित IEC",
    "label_pan_gstin": "कैरेक्टर 3-12 वाले PAN",
    "todo_unusual_iec": "इसे DGFT पर देखें (अगली लाइन), और ठीक वैसे ही लिखें जैसे DGFT दिखाता है",
    "todo_unusual_pan": "इसे PAN कार्ड से एक-एक कैरेक्टर मिलाएँ; दोनों एक जैसे हों, तो इसे जैसा है "
    "वैसा ही इस्तेमाल करें",
    "todo_unusual_gstin": "इसे GST रजिस्ट्रेशन सर्टिफिकेट से एक-एक कैरेक्टर मिलाएँ; दोनों एक जैसे "
    "हों, तो इसे जैसा है वैसा ही इस्तेमाल करें",
    "todo_unusual_match": "IEC, PAN नहीं है: DGFT पर ({url}) देखें कि यह IEC किस कारोबार का है",
    "iec_login": "ICEGATE में लॉग इन के लिए अपनी ICEGATE ID और पासवर्ड इस्तेमाल करें, IEC नहीं",
    "iec_status": "DGFT किसी IEC को चालू दिखाता है या नहीं, यह DGFT के पेज View IEC Related "
    "Details पर देखें: {url}",
    "too_long": "दिया गया {kind} {length} कैरेक्टर लंबा है; ज्यादा से ज्यादा {limit} चलते हैं",
    "control": "दिए गए {kind} में जगह {position} पर एक कंट्रोल कैरेक्टर है",
    "empty": "कोई {kind} नहीं दिया गया",
    "norm_nfkc": "फुल-विड्थ या खास कैरेक्टर सादे कैरेक्टर में बदले",
    "norm_spaces": "स्पेस और हाइफन हटाए",
    "norm_case": "छोटे अक्षर बड़े (कैपिटल) अक्षरों में बदले",
    "norm_trim": "आगे और पीछे की स्पेस हटाई",
    "norm_prefix": "शुरू का {prefix} हटाया",
    "not_plain": "इसमें ऐसे कैरेक्टर हैं जो सादे अक्षर या अंक नहीं हैं: {chars}",
    "pan_length": "{label} में 10 कैरेक्टर होते हैं; इसमें {length} हैं",
    "pan_letters": "{label} के कैरेक्टर 1-5 अक्षर होते हैं; यहाँ वे {part} हैं",
    "pan_digits": "{label} के कैरेक्टर 6-9 अंक होते हैं; यहाँ वे {part} हैं",
    "pan_serial": "{label} के कैरेक्टर 6-9 का सीरियल नंबर 0001 से शुरू होता है; 0000 इस्तेमाल "
    "नहीं होता",
    "pan_last": "{label} का आखिरी कैरेक्टर अक्षर होता है; यहाँ वह {char} है",
    "pan_holder": "धारक का प्रकार {letter}: {meaning}",
    "pan_holder_bad": "{label} का चौथा कैरेक्टर धारक का प्रकार बताता है; {letter} ऐसा कोई प्रकार "
    "नहीं है",
    "pan_check": "आखिरी अक्षर एक चेक कैरेक्टर है; उसका तरीका प्रकाशित नहीं है, इसलिए यहाँ उसे "
    "जाँचा नहीं जा सकता",
    "pan_is_special_iec": "{code} वह स्थायी IEC है जो DGFT ने इनके लिए तय किया: {category}; "
    "यह किसी का PAN नहीं माना जाता",
    "iec_pan": "PAN पर आधारित IEC (2017 से यही आम रूप है)",
    "iec_special": "खास श्रेणियों के लिए DGFT का तय किया एक स्थायी IEC (Public Notice "
    "09/2015-20): {category}; इसे सिर्फ वही इस्तेमाल करते हैं",
    "iec_special_spelling": "DGFT के नोटिस की सार्वजनिक कॉपी में यह कोड {printed} छपा है; बाकी "
    "कोड के ढाँचे से {pattern} लगता है; हम पक्का नहीं कर सके कि DGFT के सिस्टम कौन-सा रूप "
    "इस्तेमाल करते हैं, इसलिए DGFT या संबंधित विभाग से पूछ लें",
    "iec_numeric": "पुराने ढंग का, सिर्फ अंकों वाला IEC: 2017 से IEC धारक का PAN ही है, और DGFT ने "
    "पुराने IEC को PAN में बदल दिया; अपना मौजूदा IEC DGFT पर देखें",
    "iec_numeric_special": "DGFT ने अंकों वाले इस स्थायी IEC की जगह {code} दिया (Public Notice "
    "09/2015-20)",
    "iec_is_gstin": "यह एक GSTIN है; आपका IEC शायद इसके अंदर का PAN है, {pan}",
    "iec_gstin_like": "IEC में 10 कैरेक्टर होते हैं; इसमें 15 हैं, और कैरेक्टर 3-12 PAN जैसे हैं, "
    "{pan}; अगर यह आपका GSTIN है, तो आपका IEC शायद वही PAN है",
    "iec_gstn_number": "15 कैरेक्टर, GSTIN का सही चेक कैरेक्टर, और अंदर कोई PAN नहीं: {kind}; "
    "बची हुई कुछ श्रेणियाँ GSTN का दिया कोई नंबर, जैसे UIN, IEC के रूप में इस्तेमाल करती हैं",
    "iec_gstn_check": "15 कैरेक्टर, ढाँचा इसका: {kind}; लेकिन 15वाँ (चेक) कैरेक्टर {expected} "
    "होना चाहिए",
    "iec_shape": "IEC 10 कैरेक्टर का होता है, PAN जैसा (5 अक्षर, 4 अंक, 1 अक्षर), या पुराने IEC "
    "में 10 अंक; यह {length} कैरेक्टर का है: {value}",
    "iec_not_comparable": "IEC, PAN पर आधारित नहीं है, इसलिए उसे GSTIN से मिलाया नहीं जा सकता",
    "gstin_length": "GSTIN में 15 कैरेक्टर होते हैं; इसमें {length} हैं",
    "gstin_chars": "GSTIN में सिर्फ बड़े अक्षर और अंक होते हैं; इसमें ये भी हैं: {chars}",
    "gstin_state": "राज्य कोड {code}: {name}",
    "gstin_state_bad": "कैरेक्टर 1-2 राज्य कोड होते हैं; {code} कोई GST राज्य कोड नहीं है",
    "gstin_special": "यह ऐसा लगता है: {kind}",
    "gstin_special_generic": "कोई खास रजिस्ट्रेशन, जिसमें PAN नहीं होता",
    "gstin_oidar": "विदेश के किसी ऑनलाइन सेवा देने वाले का रजिस्ट्रेशन (राज्य कोड 99, कैरेक्टर "
    "13-14 में 'OS')",
    "gstin_tds_tan": "शायद TDS काटने वाले का रजिस्ट्रेशन (कैरेक्टर 3-12 में TAN, कैरेक्टर 14 में "
    "'D')",
    "gstin_uin": "शायद किसी UN संस्था, दूतावास या दूसरी अधिसूचित संस्था का Unique Identity "
    "Number (UIN) (कैरेक्टर 13-14 में 'UN' या 'ON')",
    "gstin_nrtp": "शायद किसी अनिवासी टैक्स देने वाले (non-resident taxable person) का "
    "रजिस्ट्रेशन (कैरेक्टर 13-14 में 'NR')",
    "gstin_no_pan": "आम GSTIN के कैरेक्टर 3-12 एक PAN होते हैं; {part} PAN जैसा नहीं है (और चेक "
    "कैरेक्टर गलत है, इसलिए यह कोई खास रजिस्ट्रेशन भी नहीं है)",
    "gstin_check_ok": "चेक कैरेक्टर {char} सही है",
    "gstin_check_bad": "चेक कैरेक्टर (15वाँ) {char} है, लेकिन पहले 14 कैरेक्टर के हिसाब से "
    "{expected} होना चाहिए",
    "gstin_pan": "PAN {pan} ({fact})",
    "gstin_13th_zero": "कैरेक्टर 13 गिनता है कि इस राज्य में इस PAN के कितने रजिस्ट्रेशन हैं "
    "(1-9, फिर A-Z); 0 इस्तेमाल नहीं होता",
    "gstin_13th": "इस राज्य में इस PAN का रजिस्ट्रेशन नंबर {char}",
    "gstin_14th_known": "कैरेक्टर 14 {char} है, आम Z नहीं: {meaning}",
    "gstin_14th_other": "कैरेक्टर 14 {char} है, आम Z नहीं: कोई असामान्य तरह का रजिस्ट्रेशन",
    "match_pans_differ": "IEC में PAN {iec} है, लेकिन GSTIN में PAN {gstin}; ICEGATE मानता है "
    "कि दोनों एक ही कारोबार के हैं",
    "match_same_pan": "दोनों में PAN {pan} है",
    "match_part": "{part}: {problem}",
    "mobile_digits": "मोबाइल नंबर में सिर्फ अंक होते हैं",
    "mobile_length": "भारत के मोबाइल नंबर में 10 अंक होते हैं; इसमें {length} हैं",
    "mobile_start": "यह टूल मानता है कि भारत का मोबाइल नंबर 6, 7, 8 या 9 से शुरू होता है; यह "
    "{digit} से शुरू होता है",
    "mobile_ok": "भारत के मोबाइल नंबर जैसा ढाँचा",
    "email_spaces": "ई-मेल पते में स्पेस नहीं होती",
    "email_at": "ई-मेल पते में ठीक एक @ होता है; इसमें {count} हैं",
    "email_local_empty": "@ से पहले कुछ नहीं है",
    "email_local_chars": "@ से पहले वाले हिस्से में सिर्फ अक्षर, अंक और . ! # $ % & ' * + - / = ? "
    "^ _ ` { | } ~ हो सकते हैं; इसमें ये भी हैं: {chars}",
    "email_local_dots": "@ से पहले वाला हिस्सा डॉट से शुरू या खत्म नहीं हो सकता, और उसमें लगातार "
    "दो डॉट नहीं हो सकते",
    "email_domain": "@ के बाद वाला हिस्सा example.com जैसा डोमेन होना चाहिए: अक्षरों, अंकों और "
    "हाइफन से बने नाम, डॉट से जुड़े, और कोई नाम हाइफन से शुरू या खत्म न हो",
    "email_ok": "मेल डोमेन {domain} पर जाती है",
}

#: The tables' meanings in Hindi, key for key.
TABLES_HI: dict[str, dict[str, str]] = {
    "pan_holder_types": {
        "P": "व्यक्ति",
        "C": "कंपनी",
        "H": "हिंदू अविभाजित परिवार (HUF)",
        "F": "फर्म (पार्टनरशिप)",
        "A": "व्यक्तियों का संघ (association of persons)",
        "T": "ट्रस्ट",
        "B": "व्यक्तियों का समूह (body of individuals)",
        "L": "स्थानीय प्राधिकरण (local authority)",
        "J": "कृत्रिम न्यायिक व्यक्ति (artificial juridical person)",
        "G": "सरकार",
    },
    "pan_disputed_types": {
        "E": "कुछ स्रोतों के अनुसार लिमिटेड लायबिलिटी पार्टनरशिप (LLP)",
        "K": "सिर्फ कुछ स्रोत इसे बताते हैं",
    },
    "gst_state_codes": {
        "01": "जम्मू और कश्मीर",
        "02": "हिमाचल प्रदेश",
        "03": "पंजाब",
        "04": "चंडीगढ़",
        "05": "उत्तराखंड",
        "06": "हरियाणा",
        "07": "दिल्ली",
        "08": "राजस्थान",
        "09": "उत्तर प्रदेश",
        "10": "बिहार",
        "11": "सिक्किम",
        "12": "अरुणाचल प्रदेश",
        "13": "नागालैंड",
        "14": "मणिपुर",
        "15": "मिजोरम",
        "16": "त्रिपुरा",
        "17": "मेघालय",
        "18": "असम",
        "19": "पश्चिम बंगाल",
        "20": "झारखंड",
        "21": "ओडिशा",
        "22": "छत्तीसगढ़",
        "23": "मध्य प्रदेश",
        "24": "गुजरात",
        "25": "दमन और दीव (26 जनवरी 2020 से 26 में मिला दिया गया)",
        "26": "दादरा और नगर हवेली और दमन और दीव",
        "27": "महाराष्ट्र",
        "28": "आंध्र प्रदेश (2014 के बँटवारे से पहले)",
        "29": "कर्नाटक",
        "30": "गोवा",
        "31": "लक्षद्वीप",
        "32": "केरल",
        "33": "तमिलनाडु",
        "34": "पुडुचेरी",
        "35": "अंडमान और निकोबार द्वीप समूह",
        "36": "तेलंगाना",
        "37": "आंध्र प्रदेश",
        "38": "लद्दाख",
        "97": "दूसरे क्षेत्र (Other Territory)",
        "99": "केंद्र का क्षेत्राधिकार (Centre Jurisdiction)",
    },
    "gstin_14th": {
        "C": "किसी ई-कॉमर्स ऑपरेटर का रजिस्ट्रेशन, स्रोत पर टैक्स लेने (TCS) के लिए",
        "D": "स्रोत पर टैक्स काटने (TDS) का रजिस्ट्रेशन",
    },
    "special_iecs": {
        "AMDCG0111E": "केंद्र सरकार के सभी मंत्रालय और विभाग, और पूरी या आंशिक रूप से उनकी अपनी "
        "एजेंसियाँ",
        "ADSGA0129E": "किसी भी राज्य सरकार के सभी मंत्रालय और विभाग, और पूरी या आंशिक रूप से उनकी "
        "अपनी एजेंसियाँ",
        "DCUN00137E": "राजनयिक, भारत में कांसुलर अधिकारी, और UN और उसकी खास एजेंसियों के अधिकारी",
        "IABBR0145E": "विदेश से लौटने वाले या विदेश जाने वाले भारतीय, जो Baggage Rules का फायदा "
        "लेते हैं",
        "IIHIE0153E": "अपने इस्तेमाल के लिए (व्यापार, उत्पादन या खेती के लिए नहीं) आयात या निर्यात "
        "करने वाले लोग, संस्थाएँ और अस्पताल",
        "IIEGN0161E": "नेपाल से आयात या नेपाल को निर्यात करने वाले",
        "IIEGM0170E": "भारत-म्यांमार सीमा के इलाकों से म्यांमार से आयात या म्यांमार को निर्यात करने "
        "वाले",
        "IIEGB0180E": "भूटान से आयात या भूटान को निर्यात करने वाले",
        "ATAEF1096E": "ATA carnet के तहत मेलों, प्रदर्शनियों या ऐसे आयोजनों में दिखाने या इस्तेमाल "
        "के लिए माल आयात करने वाले",
    },
}

#: Every table whose meanings the answers show, by name, in English.
TABLES: dict[str, dict[str, str]] = {
    "pan_holder_types": PAN_HOLDER_TYPES,
    "pan_disputed_types": PAN_DISPUTED_TYPES,
    "gst_state_codes": GST_STATE_CODES,
    "gstin_14th": GSTIN_14TH,
    "special_iecs": SPECIAL_IECS,
}
#: The messages and tables of each language.
TEXTS: dict[str, tuple[dict[str, str], dict[str, dict[str, str]]]] = {
    "en": (MESSAGES, TABLES),
    "hi": (MESSAGES_HI, TABLES_HI),
}

PAN_SHAPE = re.compile(r"^[A-Z]{5}[0-9]{4}[A-Z]$")
TAN_SHAPE = re.compile(r"^[A-Z]{4}[0-9]{5}[A-Z]$")
UIN_SHAPE = re.compile(r"^[0-9]{4}[A-Z]{3}[0-9]{5}[UO]N[0-9A-Z]$")
NRTP_SHAPE = re.compile(r"^[0-9]{4}[A-Z]{3}[0-9]{5}NR[0-9A-Z]$")
EMAIL_LOCAL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$")
EMAIL_LABEL = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$")
FIELD = re.compile(r"\{([a-z_]+)\}")


_LANGUAGE: contextvars.ContextVar[str] = contextvars.ContextVar("idcheck_language", default="en")


@contextlib.contextmanager
def speaking(language: str) -> Iterator[None]:
    """Answer in ``language`` (one of :data:`LANGUAGES`) inside the ``with`` block.

    Raises:
        UsageError: for a language the checks do not speak.
    """
    if language not in TEXTS:
        raise UsageError(f"language {language!r} is not one of: {', '.join(LANGUAGES)}")
    token = _LANGUAGE.set(language)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def say(key: str, **values: object) -> str:
    """The message ``key`` in the current language, with its ``{name}`` fields filled in."""
    messages = TEXTS[_LANGUAGE.get()][0]
    return FIELD.sub(lambda match: str(values[match[1]]), messages[key])


def meaning(table: str, key: str) -> str:
    """What ``key`` stands for in the table named ``table`` (see TABLES), in this language."""
    return TEXTS[_LANGUAGE.get()][1][table][key]


class UsageError(ValueError):
    """The input cannot be checked at all (empty, too long, control characters)."""


@dataclass
class CheckResult:
    """The outcome of one check, explained.

    Attributes:
        kind: What was checked, e.g. ``GSTIN``.
        given: The input exactly as given.
        value: The input after normalisation.
        status: ``valid``, ``unusual`` (possible, but not the common shape) or ``invalid``.
        normalised: What normalisation changed, in plain words.
        problems: Every rule the value breaks, in plain words.
        facts: What the value tells, in plain words (state, holder type, ...).
        advice: What to do next, in plain words: for an unusual value, how to make sure of it;
            for an IEC, that ICEGATE login uses the ICEGATE ID, and where DGFT shows its status.
    """

    kind: str
    given: str
    value: str
    status: str = "valid"
    normalised: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True unless the value is invalid."""
        return self.status != "invalid"

    def fail(self, problem: str) -> None:
        """Record a broken rule; the value becomes invalid."""
        self.problems.append(problem)
        self.status = "invalid"

    def flag(self, fact: str) -> None:
        """Record an unusual fact; a valid value becomes unusual (an invalid one stays so)."""
        self.facts.append(fact)
        if self.status == "valid":
            self.status = "unusual"

    def to_dict(self) -> dict:
        """A JSON-ready dictionary."""
        return asdict(self)


def is_control(char: str) -> bool:
    """True for control and format characters other than the tab (they are refused)."""
    return unicodedata.category(char) in ("Cc", "Cf") and char != "\t"


def describe_chars(chars: str) -> str:
    """Each distinct character with its code point, in code point order: ``Ü (U+00DC)``."""
    return " ".join(f"{char} (U+{ord(char):04X})" for char in sorted(set(chars)))


def screen(raw: str, kind: str) -> None:
    """Refuse input that cannot be checked at all.

    Raises:
        UsageError: when ``raw`` is too long or holds a control character.
    """
    if len(raw) > MAX_INPUT:
        raise UsageError(say("too_long", kind=kind, length=len(raw), limit=MAX_INPUT))
    for position, char in enumerate(raw, start=1):
        if is_control(char):
            raise UsageError(say("control", kind=kind, position=position))


def normalise(raw: str, kind: str, keep_case: bool = False) -> tuple[str, list[str]]:
    """Clean up an ID as typed, and say what was changed.

    Full-width and other compatibility characters become plain ones, spaces and hyphens are
    removed, and letters become capitals. None of this changes what an ID means: IDs hold
    neither spaces nor hyphens, and they are written in capitals.

    Raises:
        UsageError: for input that cannot be checked at all.
    """
    screen(raw, kind)
    changes = []
    value = unicodedata.normalize("NFKC", raw)
    if value != raw:
        changes.append(say("norm_nfkc"))
    stripped = "".join(char for char in value if not (char.isspace() or char == "-"))
    if stripped != value:
        changes.append(say("norm_spaces"))
    value = stripped
    if not keep_case and value != value.upper():
        changes.append(say("norm_case"))
        value = value.upper()
    if not value:
        raise UsageError(say("empty", kind=kind))
    return value, changes


def trim(raw: str, kind: str) -> tuple[str, list[str]]:
    """Remove only the white space around a value (for e-mail addresses).

    Raises:
        UsageError: for input that cannot be checked at all.
    """
    screen(raw, kind)
    value = raw.strip()
    if not value:
        raise UsageError(say("empty", kind=kind))
    return value, [say("norm_trim")] if value != raw else []


def start(kind: str, raw: str, keep_case: bool = False) -> CheckResult:
    """Normalise ``raw`` and open a result for it."""
    value, changes = normalise(raw, kind, keep_case)
    return opened(kind, raw, value, changes)


def opened(kind: str, raw: str, value: str, changes: list[str]) -> CheckResult:
    """A result for ``value``, failed at once if it holds characters other than plain ASCII."""
    result = CheckResult(kind=kind, given=raw, value=value, normalised=changes)
    strange = "".join(char for char in value if not char.isascii())
    if strange:
        result.fail(say("not_plain", chars=describe_chars(strange)))
    return result


def gstin_check_character(first14: str) -> str:
    """Compute the 15th (check) character of a GSTIN from its first 14 characters.

    The method is a Luhn "mod 36" sum: each character counts as 0-35 (0-9, then A-Z);
    alternate characters are doubled, starting with the second; each product adds its
    quotient and remainder by 36; the check value brings the total to a multiple of 36.

    Args:
        first14: The first 14 characters, capitals and digits only.

    Returns:
        The check character.

    Raises:
        ValueError: when ``first14`` is not 14 characters from 0-9 and A-Z.
    """
    if len(first14) != 14 or any(char not in ALPHABET for char in first14):
        raise ValueError("expected 14 characters from 0-9 and A-Z")
    total = 0
    for index, char in enumerate(first14):
        product = ALPHABET.index(char) * (2 if index % 2 else 1)
        total += product // 36 + product % 36
    return ALPHABET[(36 - total % 36) % 36]


def gstin_check_ok(value: str) -> bool:
    """True when ``value`` is 15 characters from 0-9 and A-Z with the right check character."""
    if len(value) != 15 or any(char not in ALPHABET for char in value):
        return False
    return gstin_check_character(value[:14]) == value[14]


def pan_rules(value: str, result: CheckResult, label: str = "PAN") -> None:
    """Add the PAN structure rules for ``value`` to ``result`` (problems and facts)."""
    if len(value) != 10:
        result.fail(say("pan_length", label=label, length=len(value)))
        return
    if not re.fullmatch(r"[A-Z]{5}", value[:5]):
        result.fail(say("pan_letters", label=label, part=value[:5]))
    if not re.fullmatch(r"[0-9]{4}", value[5:9]):
        result.fail(say("pan_digits", label=label, part=value[5:9]))
    elif value[5:9] == "0000":
        result.fail(say("pan_serial", label=label))
    if not re.fullmatch(r"[A-Z]", value[9]):
        result.fail(say("pan_last", label=label, char=value[9]))
    holder = value[3]
    if holder in PAN_HOLDER_TYPES:
        result.facts.append(
            say("pan_holder", letter=holder, meaning=meaning("pan_holder_types", holder))
        )
    elif holder in PAN_DISPUTED_TYPES:
        result.flag(
            say("pan_holder", letter=holder, meaning=meaning("pan_disputed_types", holder))
        )
    elif re.fullmatch(r"[A-Z]", holder):
        result.fail(say("pan_holder_bad", label=label, letter=holder))
    if result.ok:
        result.facts.append(say("pan_check"))


def special_iec(value: str) -> tuple[str, str] | None:
    """The special-category IEC that ``value`` spells, as (code as printed, category)."""
    code = SPECIAL_IEC_SPELLINGS.get(value, value)
    if code in SPECIAL_IECS:
        return code, meaning("special_iecs", code)
    return None


def check_pan(raw: str, language: str = "en") -> CheckResult:
    """Check a PAN (Permanent Account Number).

    Args:
        raw: The PAN as typed.
        language: The language of the answer: "en" (English) or "hi" (Hindi).

    Returns:
        The explained result. A value that is one of DGFT's special-category IECs is
        reported as such, and is unusual as a PAN.

    Raises:
        UsageError: for input that cannot be checked at all.
    """
    with speaking(language):
        result = start("PAN", raw)
        if result.ok:
            pan_rules(result.value, result)
            special = special_iec(result.value)
            if special and result.ok:
                result.flag(say("pan_is_special_iec", code=result.value, category=special[1]))
        advise(result, "pan")
        return result


def advise(result: CheckResult, check: str) -> None:
    """Add what to do: how to make sure of an unusual value; for an IEC, login and status."""
    if result.status == "unusual":
        result.advice.append(say(f"todo_unusual_{check}", url=DGFT_IEC_STATUS_URL))
    if check == "iec":
        result.advice.append(say("iec_status", url=DGFT_IEC_STATUS_URL))
        result.advice.append(say("iec_login"))


def check_iec(raw: str, language: str = "en") -> CheckResult:
    """Check an IEC (Importer Exporter Code).

    Today's IECs are the holder's PAN. DGFT set a few permanent IECs for special
    categories (government departments, diplomats, baggage, border trade, fairs); these are
    reported as such. Old all-numeric IECs are reported as old-format IECs to check at DGFT.
    A GSTIN typed as an IEC fails, and names the PAN inside it. Whatever the verdict, the
    advice says that ICEGATE login uses the ICEGATE ID, not the IEC, and where DGFT shows
    whether an IEC is active.

    Args:
        raw: The IEC as typed.
        language: The language of the answer: "en" (English) or "hi" (Hindi).

    Returns:
        The explained result.

    Raises:
        UsageError: for input that cannot be checked at all.
    """
    with speaking(language):
        result = start("IEC", raw)
        if result.ok:
            iec_rules(result.value, result)
        advise(result, "iec")
        return result


def iec_rules(value: str, result: CheckResult) -> None:
    """Add the IEC rules for ``value`` (normalised, plain ASCII) to ``result``."""
    special = special_iec(value)
    if special:
        special_iec_rules(value, special, result)
    elif len(value) == 10 and value.isdigit():
        result.flag(say("iec_numeric"))
        if value in OLD_SPECIAL_IECS:
            result.facts.append(say("iec_numeric_special", code=OLD_SPECIAL_IECS[value]))
    elif len(value) == 10 and PAN_SHAPE.match(value):
        result.facts.append(say("iec_pan"))
        pan_rules(value, result, label=say("label_pan_iec"))
    elif len(value) == 15:
        fifteen_character_iec_rules(value, result)
    else:
        result.fail(say("iec_shape", length=len(value), value=value))


def special_iec_rules(value: str, special: tuple[str, str], result: CheckResult) -> None:
    """Facts for one of DGFT's special-category IECs (unusual when its spelling is in doubt)."""
    printed, category = special
    result.facts.append(say("iec_special", category=category))
    other_spellings = [key for key, code in SPECIAL_IEC_SPELLINGS.items() if code == printed]
    if other_spellings:
        result.flag(say("iec_special_spelling", printed=printed, pattern=other_spellings[0]))


def fifteen_character_iec_rules(value: str, result: CheckResult) -> None:
    """A 15-character IEC: a GSTIN typed by mistake, a GSTN-issued number, or nothing known.

    A check character is computed only from capitals and digits: a value with any other
    character (punctuation, say) is never taken for a special GSTIN.
    """
    pan_inside = PAN_SHAPE.match(value[2:12]) is not None
    plain = all(char in ALPHABET for char in value)
    if pan_inside and gstin_check_ok(value):
        result.fail(say("iec_is_gstin", pan=value[2:12]))
    elif pan_inside:
        result.fail(say("iec_gstin_like", pan=value[2:12]))
    elif gstin_check_ok(value):
        kind = special_gstin_kind(value) or say("gstin_special_generic")
        result.flag(say("iec_gstn_number", kind=kind))
    elif plain and special_gstin_kind(value):
        expected = gstin_check_character(value[:14])
        result.fail(say("iec_gstn_check", kind=special_gstin_kind(value), expected=expected))
    else:
        result.fail(say("iec_shape", length=len(value), value=value))


def special_gstin_kind(value: str) -> str | None:
    """Describe a GSTIN that does not embed a PAN, if its shape is one we know."""
    if value[:2] == "99" and value[12:14] == "OS":
        return say("gstin_oidar")
    if TAN_SHAPE.match(value[2:12]) and value[13] == "D":
        return say("gstin_tds_tan")
    if UIN_SHAPE.match(value):
        return say("gstin_uin")
    if NRTP_SHAPE.match(value):
        return say("gstin_nrtp")
    return None


def check_gstin(raw: str, language: str = "en") -> CheckResult:
    """Check a GSTIN (GST Identification Number), including its check character.

    Args:
        raw: The GSTIN as typed.
        language: The language of the answer: "en" (English) or "hi" (Hindi).

    Returns:
        The explained result. Special registrations that do not embed a PAN, and GSTINs
        whose 14th character is not the usual Z (C for TCS, D for TDS), are "unusual" when
        their check character is right, never rejected for their shape alone.

    Raises:
        UsageError: for input that cannot be checked at all.
    """
    with speaking(language):
        result = start("GSTIN", raw)
        if result.ok:
            gstin_rules(result.value, result)
        advise(result, "gstin")
        return result


def gstin_rules(value: str, result: CheckResult) -> None:
    """Add the GSTIN rules for ``value`` (normalised, plain ASCII) to ``result``."""
    if len(value) != 15:
        result.fail(say("gstin_length", length=len(value)))
        return
    bad = "".join(char for char in value if char not in ALPHABET)
    if bad:
        result.fail(say("gstin_chars", chars=describe_chars(bad)))
        return
    expected = gstin_check_character(value[:14])
    check_ok = value[14] == expected
    state = value[:2]
    if state in GST_STATE_CODES:
        result.facts.append(
            say("gstin_state", code=state, name=meaning("gst_state_codes", state))
        )
    else:
        result.fail(say("gstin_state_bad", code=state))
    if PAN_SHAPE.match(value[2:12]):
        ordinary_gstin_rules(value, result)
    elif check_ok:
        special = special_gstin_kind(value) or say("gstin_special_generic")
        result.facts.insert(0, say("gstin_special", kind=special))
        if result.ok:
            result.status = "unusual"
    else:
        result.fail(say("gstin_no_pan", part=value[2:12]))
    if check_ok:
        result.facts.append(say("gstin_check_ok", char=value[14]))
    else:
        result.fail(say("gstin_check_bad", char=value[14], expected=expected))


def ordinary_gstin_rules(value: str, result: CheckResult) -> None:
    """Rules for a GSTIN that embeds a PAN: the PAN, the 13th and the 14th character."""
    pan = CheckResult("PAN", value[2:12], value[2:12])
    pan_rules(value[2:12], pan, label=say("label_pan_gstin"))
    if pan.ok:
        result.facts.append(say("gstin_pan", pan=value[2:12], fact=pan.facts[0]))
        if pan.status == "unusual" and result.status == "valid":
            result.status = "unusual"
    for problem in pan.problems:
        result.fail(problem)
    if value[12] == "0":
        result.fail(say("gstin_13th_zero"))
    else:
        result.facts.append(say("gstin_13th", char=value[12]))
    fourteenth = value[13]
    if fourteenth in GSTIN_14TH:
        result.flag(
            say("gstin_14th_known", char=fourteenth, meaning=meaning("gstin_14th", fourteenth))
        )
    elif fourteenth != "Z":
        result.flag(say("gstin_14th_other", char=fourteenth))


def check_match(iec_raw: str, gstin_raw: str, language: str = "en") -> CheckResult:
    """Check that an IEC and a GSTIN carry the same PAN.

    Args:
        iec_raw: The IEC as typed.
        gstin_raw: The GSTIN as typed.
        language: The language of the answer: "en" (English) or "hi" (Hindi).

    Returns:
        The explained result, including the problems of either ID.

    Raises:
        UsageError: for input that cannot be checked at all.
    """
    with speaking(language):
        iec = check_iec(iec_raw, language)
        gstin = check_gstin(gstin_raw, language)
        result = CheckResult(
            kind=say("kind_match"),
            given=f"{iec_raw} {gstin_raw}",
            value=f"{iec.value} {gstin.value}",
            normalised=iec.normalised + gstin.normalised,
        )
        match_rules(iec, gstin, result)
        advise(result, "match")
        return result


def match_rules(iec: CheckResult, gstin: CheckResult, result: CheckResult) -> None:
    """Add to ``result`` the problems of either ID, then whether their PANs agree."""
    for part in (iec, gstin):
        for problem in part.problems:
            result.fail(say("match_part", part=part.kind, problem=problem))
    if not result.ok:
        return
    if not PAN_SHAPE.match(iec.value) or special_iec(iec.value):
        result.status = "unusual"
        result.facts.append(say("iec_not_comparable"))
    elif iec.value != gstin.value[2:12]:
        result.fail(say("match_pans_differ", iec=iec.value, gstin=gstin.value[2:12]))
    else:
        result.facts.append(say("match_same_pan", pan=iec.value))


def check_mobile(raw: str, language: str = "en") -> CheckResult:
    """Check an Indian mobile number as registered for OTPs (10 digits, starting 6-9).

    Args:
        raw: The number as typed, with or without +91, 91 or 0 in front.
        language: The language of the answer: "en" (English) or "hi" (Hindi).

    Returns:
        The explained result.

    Raises:
        UsageError: for input that cannot be checked at all.
    """
    with speaking(language):
        return mobile_result(raw)


def mobile_result(raw: str) -> CheckResult:
    """The result of :func:`check_mobile`, in the current language."""
    result = start(say("kind_mobile"), raw)
    value = result.value
    for prefix in ("+91", "0091", "91", "0"):
        if value.startswith(prefix) and len(value) - len(prefix) == 10:
            value = value[len(prefix) :]
            result.normalised.append(say("norm_prefix", prefix=prefix))
            break
    result.value = value
    if not result.ok:
        return result
    if not re.fullmatch(r"[0-9]*", value):
        result.fail(say("mobile_digits"))
    elif len(value) != 10:
        result.fail(say("mobile_length", length=len(value)))
    elif value[0] not in "6789":
        result.fail(say("mobile_start", digit=value[0]))
    else:
        result.facts.append(say("mobile_ok"))
    return result


def check_email(raw: str, language: str = "en") -> CheckResult:
    """Check the shape of an e-mail address as registered for OTPs.

    Only the white space around the address is removed: the address is never otherwise
    changed (no case change, hyphens and dots kept), so the check is about exactly what
    mail would be sent to.

    Args:
        raw: The address as typed.
        language: The language of the answer: "en" (English) or "hi" (Hindi).

    Returns:
        The explained result (shape only; nothing is sent).

    Raises:
        UsageError: for input that cannot be checked at all.
    """
    with speaking(language):
        return email_result(raw)


def email_result(raw: str) -> CheckResult:
    """The result of :func:`check_email`, in the current language."""
    kind = say("kind_email")
    value, changes = trim(raw, kind)
    result = opened(kind, raw, value, changes)
    if any(char.isspace() for char in value):
        result.fail(say("email_spaces"))
    if not result.ok:
        return result
    if value.count("@") != 1:
        result.fail(say("email_at", count=value.count("@")))
        return result
    local, domain = value.split("@")
    email_local_rules(local, result)
    labels = domain.split(".")
    if len(labels) < 2 or not all(EMAIL_LABEL.match(label) for label in labels):
        result.fail(say("email_domain"))
    if result.ok:
        result.facts.append(say("email_ok", domain=domain.lower()))
    return result


def email_local_rules(local: str, result: CheckResult) -> None:
    """Rules for the part of an e-mail address before the @."""
    if not local:
        result.fail(say("email_local_empty"))
        return
    if not EMAIL_LOCAL.match(local):
        odd = "".join(char for char in local if not EMAIL_LOCAL.match(char))
        result.fail(say("email_local_chars", chars=describe_chars(odd)))
    elif local.startswith(".") or local.endswith(".") or ".." in local:
        result.fail(say("email_local_dots"))


CHECKS: dict[str, tuple[Callable[..., CheckResult], int, str]] = {
    "iec": (check_iec, 1, "IEC"),
    "pan": (check_pan, 1, "PAN"),
    "gstin": (check_gstin, 1, "GSTIN"),
    "match": (check_match, 2, "IEC GSTIN"),
    "mobile": (check_mobile, 1, "NUMBER"),
    "email": (check_email, 1, "ADDRESS"),
}


def render(result: CheckResult, check: str, language: str = "en") -> str:
    """The human-readable report of one result, in ``language``."""
    with speaking(language):
        typed = say("you_typed", given=repr(result.given))
        lines = [f"{result.kind} {result.value}: {say('status_' + result.status)}"]
        lines += [line("note", f"{change} ({typed})") for change in result.normalised]
        lines += [line("fail", problem) for problem in result.problems]
        lines += [line("ok", fact) for fact in result.facts]
        lines += [line("todo", advice) for advice in result.advice]
        if not result.ok and check in HELP_LINKS:
            lines.append(line("help", help_url(check, language)))
        return "\n".join(lines)


def line(label: str, text: str) -> str:
    """One indented report line: its label (``line_<label>`` in MESSAGES), then ``text``."""
    return f"  {(say('line_' + label) + ':').ljust(5)} {text}"


def help_url(check: str, language: str = "en") -> str:
    """Where the guide, in ``language``'s edition, explains a failed ``check``."""
    edition = "" if language == "en" else f"{language}/"
    return f"{GUIDE_URL}{edition}{HELP_LINKS[check]}"


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit with status 2."""

    def error(self, message: str) -> NoReturn:
        """Print ``idcheck: error: ...`` and exit 2."""
        self.exit(2, f"{self.prog}: error: {message} (try --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = OneLineParser(
        prog="idcheck",
        description="Check the format of an IEC, PAN, GSTIN, mobile number or e-mail address.",
    )
    parser.add_argument("check", choices=sorted(CHECKS), help="what to check")
    parser.add_argument("values", nargs="+", metavar="VALUE", help="the ID (two for 'match')")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--lang", choices=LANGUAGES, default="en", help="answer in English (en) or Hindi (hi)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status.

    0 valid (or unusual), 1 invalid, 2 usage error, 3 a fault in this program: any exception
    other than a usage error is reported in one line, never as a traceback.
    """
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    function, count, names = CHECKS[args.check]
    if len(args.values) != count:
        parser.error(f"'{args.check}' takes {count} value(s): {names}")
    try:
        result = function(*args.values, language=args.lang)
        if args.json:
            text = json.dumps(result.to_dict(), indent=2, ensure_ascii=False)
        else:
            text = render(result, args.check, args.lang)
    except UsageError as error:
        print(f"idcheck: error: {error}", file=sys.stderr)
        return 2
    except Exception as error:  # noqa: BLE001 - a fault in this program, not in what was typed
        print(
            f"idcheck: internal error ({type(error).__name__}); please report it with the "
            f"command you ran: {GUIDE_URL}",
            file=sys.stderr,
        )
        return 3
    print(text)
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
