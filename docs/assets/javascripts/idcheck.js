// The ID check in the page: the same rules as snippets/idcheck.py, run in the browser.
//
// The rules live in snippets/idcheck.py. Every table and message below comes from
// idcheck-rules.js, which `python -m scripts.site.prebuild` generates from that file; this file
// holds only the logic, written to mirror the Python functions of the same names. A
// differential test in Chromium (tests/site/test_idcheck_page.py) feeds thousands of inputs
// to this page and to idcheck.py, in each language, and fails on any difference. Nothing typed
// leaves the page.

import RULES from "./idcheck-rules.js";

const SHAPES = Object.fromEntries(
  Object.entries(RULES.shapes).map(([name, pattern]) => [name, new RegExp(pattern)]),
);
const SITE_ROOT = new URL("../../", import.meta.url);
// Which keys each table has (the same in every language); meaning() gives what they stand for.
const TABLES = RULES.texts.en.tables;
// The language of the answers, as idcheck.py's speaking(): set by check() for one call.
let language = "en";

export class UsageError extends Error {}

function say(key, values = {}) {
  const message = RULES.texts[language].messages[key];
  return message.replace(/\{([a-z_]+)\}/g, (_, name) => String(values[name]));
}

function meaning(table, key) {
  return RULES.texts[language].tables[table][key];
}

function inRanges(code, ranges) {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (code < ranges[middle][0]) high = middle - 1;
    else if (code > ranges[middle][1]) low = middle + 1;
    else return true;
  }
  return false;
}

const codePoints = (text) => Array.from(text);
const isControl = (char) => inRanges(char.codePointAt(0), RULES.control);
const isSpace = (char) => inRanges(char.codePointAt(0), RULES.space);
const isAscii = (char) => char.codePointAt(0) < 128;
const has = (table, key) => Object.prototype.hasOwnProperty.call(table, key);

function describeChars(chars) {
  const distinct = [...new Set(codePoints(chars))];
  distinct.sort((a, b) => a.codePointAt(0) - b.codePointAt(0));
  return distinct
    .map((char) => `${char} (U+${char.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")})`)
    .join(" ");
}

class CheckResult {
  constructor(kind, given, value, normalised = []) {
    Object.assign(this, {
      kind, given, value, status: "valid", normalised, problems: [], facts: [], advice: [],
    });
  }

  get ok() {
    return this.status !== "invalid";
  }

  fail(problem) {
    this.problems.push(problem);
    this.status = "invalid";
  }

  flag(fact) {
    this.facts.push(fact);
    if (this.status === "valid") this.status = "unusual";
  }

  toDict() {
    const { kind, given, value, status, normalised, problems, facts, advice } = this;
    return { kind, given, value, status, normalised, problems, facts, advice };
  }
}

function screen(raw, kind) {
  const chars = codePoints(raw);
  if (chars.length > RULES.maxInput) {
    throw new UsageError(say("too_long", { kind, length: chars.length, limit: RULES.maxInput }));
  }
  chars.forEach((char, index) => {
    if (isControl(char)) throw new UsageError(say("control", { kind, position: index + 1 }));
  });
}

function normalise(raw, kind) {
  screen(raw, kind);
  const changes = [];
  let value = raw.normalize("NFKC");
  if (value !== raw) changes.push(say("norm_nfkc"));
  const stripped = codePoints(value).filter((char) => !(isSpace(char) || char === "-")).join("");
  if (stripped !== value) changes.push(say("norm_spaces"));
  value = stripped;
  if (value !== value.toUpperCase()) {
    changes.push(say("norm_case"));
    value = value.toUpperCase();
  }
  if (!value) throw new UsageError(say("empty", { kind }));
  return [value, changes];
}

function start(kind, raw) {
  const [value, changes] = normalise(raw, kind);
  const result = new CheckResult(kind, raw, value, changes);
  const strange = codePoints(value).filter((char) => !isAscii(char)).join("");
  if (strange) result.fail(say("not_plain", { chars: describeChars(strange) }));
  return result;
}

export function gstinCheckCharacter(first14) {
  let total = 0;
  [...first14].forEach((char, index) => {
    const product = RULES.alphabet.indexOf(char) * (index % 2 ? 2 : 1);
    total += Math.floor(product / 36) + (product % 36);
  });
  return RULES.alphabet[(36 - (total % 36)) % 36];
}

function gstinCheckOk(value) {
  if (value.length !== 15 || [...value].some((char) => !RULES.alphabet.includes(char))) {
    return false;
  }
  return gstinCheckCharacter(value.slice(0, 14)) === value[14];
}

function panRules(value, result, label = "PAN") {
  if (value.length !== 10) {
    result.fail(say("pan_length", { label, length: value.length }));
    return;
  }
  if (!/^[A-Z]{5}$/.test(value.slice(0, 5))) {
    result.fail(say("pan_letters", { label, part: value.slice(0, 5) }));
  }
  if (!/^[0-9]{4}$/.test(value.slice(5, 9))) {
    result.fail(say("pan_digits", { label, part: value.slice(5, 9) }));
  } else if (value.slice(5, 9) === "0000") {
    result.fail(say("pan_serial", { label }));
  }
  if (!/^[A-Z]$/.test(value[9])) result.fail(say("pan_last", { label, char: value[9] }));
  const holder = value[3];
  if (has(TABLES.pan_holder_types, holder)) {
    result.facts.push(say("pan_holder", { letter: holder, meaning: meaning("pan_holder_types", holder) }));
  } else if (has(TABLES.pan_disputed_types, holder)) {
    result.flag(say("pan_holder", { letter: holder, meaning: meaning("pan_disputed_types", holder) }));
  } else if (/^[A-Z]$/.test(holder)) {
    result.fail(say("pan_holder_bad", { label, letter: holder }));
  }
  if (result.ok) result.facts.push(say("pan_check"));
}

function specialIec(value) {
  const code = has(RULES.specialIecSpellings, value) ? RULES.specialIecSpellings[value] : value;
  return has(TABLES.special_iecs, code) ? [code, meaning("special_iecs", code)] : null;
}

function checkPan(raw) {
  const result = start("PAN", raw);
  if (result.ok) {
    panRules(result.value, result);
    const special = specialIec(result.value);
    if (special && result.ok) {
      result.flag(say("pan_is_special_iec", { code: result.value, category: special[1] }));
    }
  }
  advise(result, "pan");
  return result;
}

function advise(result, check) {
  if (result.status === "unusual") {
    result.advice.push(say(`todo_unusual_${check}`, { url: RULES.dgftIecStatusUrl }));
  }
  if (check === "iec") {
    result.advice.push(say("iec_status", { url: RULES.dgftIecStatusUrl }));
    result.advice.push(say("iec_login"));
  }
}

function specialIecRules([printed, category], result) {
  result.facts.push(say("iec_special", { category }));
  const others = Object.entries(RULES.specialIecSpellings)
    .filter(([, code]) => code === printed)
    .map(([key]) => key);
  if (others.length) {
    result.flag(say("iec_special_spelling", { printed, pattern: others[0] }));
  }
}

function fifteenCharacterIecRules(value, result) {
  const panInside = SHAPES.pan.test(value.slice(2, 12));
  const plain = [...value].every((char) => RULES.alphabet.includes(char));
  const kind = specialGstinKind(value);
  if (panInside && gstinCheckOk(value)) {
    result.fail(say("iec_is_gstin", { pan: value.slice(2, 12) }));
  } else if (panInside) {
    result.fail(say("iec_gstin_like", { pan: value.slice(2, 12) }));
  } else if (gstinCheckOk(value)) {
    result.flag(say("iec_gstn_number", { kind: kind || say("gstin_special_generic") }));
  } else if (plain && kind) {
    const expected = gstinCheckCharacter(value.slice(0, 14));
    result.fail(say("iec_gstn_check", { kind, expected }));
  } else {
    result.fail(say("iec_shape", { length: value.length, value }));
  }
}

function checkIec(raw) {
  const result = start("IEC", raw);
  if (result.ok) iecRules(result.value, result);
  advise(result, "iec");
  return result;
}

function iecRules(value, result) {
  const special = specialIec(value);
  if (special) {
    specialIecRules(special, result);
  } else if (/^[0-9]{10}$/.test(value)) {
    result.flag(say("iec_numeric"));
    if (has(RULES.oldSpecialIecs, value)) {
      result.facts.push(say("iec_numeric_special", { code: RULES.oldSpecialIecs[value] }));
    }
  } else if (value.length === 10 && SHAPES.pan.test(value)) {
    result.facts.push(say("iec_pan"));
    panRules(value, result, say("label_pan_iec"));
  } else if (value.length === 15) {
    fifteenCharacterIecRules(value, result);
  } else {
    result.fail(say("iec_shape", { length: value.length, value }));
  }
}

function specialGstinKind(value) {
  if (value.slice(0, 2) === "99" && value.slice(12, 14) === "OS") return say("gstin_oidar");
  if (SHAPES.tan.test(value.slice(2, 12)) && value[13] === "D") return say("gstin_tds_tan");
  if (SHAPES.uin.test(value)) return say("gstin_uin");
  if (SHAPES.nrtp.test(value)) return say("gstin_nrtp");
  return null;
}

function ordinaryGstinRules(value, result) {
  const pan = new CheckResult("PAN", value.slice(2, 12), value.slice(2, 12));
  panRules(value.slice(2, 12), pan, say("label_pan_gstin"));
  if (pan.ok) {
    result.facts.push(say("gstin_pan", { pan: value.slice(2, 12), fact: pan.facts[0] }));
    if (pan.status === "unusual" && result.status === "valid") result.status = "unusual";
  }
  pan.problems.forEach((problem) => result.fail(problem));
  if (value[12] === "0") result.fail(say("gstin_13th_zero"));
  else result.facts.push(say("gstin_13th", { char: value[12] }));
  const fourteenth = value[13];
  if (has(TABLES.gstin_14th, fourteenth)) {
    result.flag(say("gstin_14th_known", { char: fourteenth, meaning: meaning("gstin_14th", fourteenth) }));
  } else if (fourteenth !== "Z") {
    result.flag(say("gstin_14th_other", { char: fourteenth }));
  }
}

function checkGstin(raw) {
  const result = start("GSTIN", raw);
  if (result.ok) gstinRules(result.value, result);
  advise(result, "gstin");
  return result;
}

function gstinRules(value, result) {
  if (value.length !== 15) {
    result.fail(say("gstin_length", { length: value.length }));
    return;
  }
  const bad = [...value].filter((char) => !RULES.alphabet.includes(char)).join("");
  if (bad) {
    result.fail(say("gstin_chars", { chars: describeChars(bad) }));
    return;
  }
  const expected = gstinCheckCharacter(value.slice(0, 14));
  const checkOk = value[14] === expected;
  const state = value.slice(0, 2);
  if (has(TABLES.gst_state_codes, state)) {
    result.facts.push(say("gstin_state", { code: state, name: meaning("gst_state_codes", state) }));
  } else {
    result.fail(say("gstin_state_bad", { code: state }));
  }
  if (SHAPES.pan.test(value.slice(2, 12))) {
    ordinaryGstinRules(value, result);
  } else if (checkOk) {
    const kind = specialGstinKind(value) || say("gstin_special_generic");
    result.facts.unshift(say("gstin_special", { kind }));
    if (result.ok) result.status = "unusual";
  } else {
    result.fail(say("gstin_no_pan", { part: value.slice(2, 12) }));
  }
  if (checkOk) result.facts.push(say("gstin_check_ok", { char: value[14] }));
  else result.fail(say("gstin_check_bad", { char: value[14], expected }));
}

const CHECKS = { iec: checkIec, pan: checkPan, gstin: checkGstin };

/**
 * Check one value, as `python idcheck.py KIND VALUE --json --lang LANG` does.
 * @param {string} kind "iec", "pan" or "gstin"
 * @param {string} raw the value as typed
 * @param {string} lang the language of the answer, "en" or "hi"
 * @returns {{result: object}|{error: string}} the result's fields, or the usage error
 */
export function check(kind, raw, lang = "en") {
  const before = language;
  language = has(RULES.texts, lang) ? lang : "en";
  try {
    return { result: CHECKS[kind](raw).toDict() };
  } catch (error) {
    if (error instanceof UsageError) return { error: error.message };
    throw error;
  } finally {
    language = before;
  }
}

/**
 * The report of one result as idcheck.py prints it (without what was typed), in `lang`.
 * @returns {{headline: string, lines: Array<[string, string]>}} the headline, and each
 *   further line as [label key, text]
 */
export function report(result, lang = "en") {
  const before = language;
  language = lang;
  try {
    const headline = `${result.kind} ${result.value}: ${say(`status_${result.status}`)}`;
    const lines = [
      ...result.normalised.map((text) => ["note", text]),
      ...result.problems.map((text) => ["fail", text]),
      ...result.facts.map((text) => ["ok", text]),
      ...result.advice.map((text) => ["todo", text]),
    ];
    return { headline, lines };
  } finally {
    language = before;
  }
}

/** Words of the page itself (labels, links), in `lang`. */
function word(lang, key, values = {}) {
  const before = language;
  language = lang;
  try {
    return say(key, values);
  } finally {
    language = before;
  }
}

/** A list item "label: text", with any web address in the text as a link. */
function item(lang, label, text) {
  const li = document.createElement("li");
  li.className = label;
  li.append(`${word(lang, `line_${label}`)}: `);
  text.split(/(https:\/\/\S+)/).forEach((part, index) => {
    if (index % 2 === 0) {
      if (part) li.append(part);
      return;
    }
    const link = document.createElement("a");
    link.href = part;
    link.textContent = part;
    li.append(link);
  });
  return li;
}

function show(root, kind, raw, lang) {
  const status = root.querySelector("[data-idcheck-status]");
  const details = root.querySelector("[data-idcheck-details]");
  details.replaceChildren();
  root.dataset.verdict = "";
  if (!raw) {
    status.textContent = "";
    return;
  }
  const outcome = check(kind, raw, lang);
  if (outcome.error) {
    root.dataset.verdict = "error";
    status.textContent = word(lang, "cannot_check", { error: outcome.error });
    return;
  }
  const { headline, lines } = report(outcome.result, lang);
  root.dataset.verdict = outcome.result.status;
  status.textContent = headline;
  lines.forEach(([label, text]) => details.append(item(lang, label, text)));
  if (outcome.result.status === "invalid" && has(RULES.helpLinks, kind)) {
    const li = item(lang, "help", "");
    const link = document.createElement("a");
    link.href = new URL(RULES.helpLinks[kind], SITE_ROOT).href;
    link.textContent = word(lang, "help_link");
    li.append(link);
    details.append(li);
  }
}

/** The language of the answers in `root`: its own, or the page's (Hindi pages say "hi"). */
function languageOf(root) {
  const lang = (root.closest("[lang]")?.lang || "en").split("-")[0];
  return has(RULES.texts, lang) ? lang : "en";
}

/**
 * Wire up the checker in `root` (the element that holds the form and the result).
 * @param {HTMLElement} root
 */
export function mount(root) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = "yes";
  const lang = languageOf(root);
  const form = root.querySelector("form");
  const input = form.querySelector("input[type=text]");
  const update = () => show(root, form.elements.kind.value, input.value, lang);
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update();
  });
  update();
}
