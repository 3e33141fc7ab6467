"""The checks the browser suite makes on every page it loads, in every language (see ``harness.Browser.loaded``).

At phone width (360 px, mobile emulation) and again at desktop width (1280 px):

``sideways-scroll (phone)`` / ``sideways-scroll (desktop)``
    the document's ``scrollWidth`` is within its ``clientWidth`` (WCAG 1.4.10; a wide table scrolls in its own box).

At phone width only, on the page's *visible text*:

Visible text
    the text nodes under ``<body>`` whose parent element is rendered (it has a layout box, ``getClientRects()`` is
    not empty, and its ``visibility`` is not hidden), so nothing under ``display: none``, ``[hidden]`` or a closed
    ``<details>``; visually hidden text for screen readers counts (it is read out). Never checked: ``<script>``,
    ``<style>``, ``<noscript>``, ``<template>``, ``<textarea>`` (a form's value), ``<code>``, ``<kbd>``, ``<samp>``
    (literal codes on purpose), and attribute values (input values, placeholders, ``alt``, ``aria-label``). The
    options of a rendered ``<select>`` count as visible text for the word checks (a, b), not for isolation (c):
    an option holds text only.
User text
    text under an element with ``translate="no"`` or ``data-user-content`` is what people wrote: the word checks
    (a, b) skip it. For isolation (c), see the rule on ``lang`` + ``dir`` below.
Tokens
    the visible text split on white space, each stripped of surrounding punctuation. Tokens holding ``@`` or
    ``://``, starting with ``www.``, or ending in a known file or domain suffix (``.pdf``, ``.org``, ``.dz``…) are
    addresses and file names, never keys or enum values.

a. ``catalog-key``: a token equals a key of the page language's catalog (``Resources/Locales/<lang>.json``) or
   looks like one (``^[a-z_]+(\\.[a-z0-9_]+)+$``, such as ``project.status.draft``; abbreviations whose parts are
   all one letter, like ``e.g.``, are not keys).
b. ``raw-enum``: a snake_case token (``on_track``, ``age_group``, ``18_24``);
   ``key-value``: a raw ``key: value`` breakdown (``sex: f``, ``wilaya: 05``: a lower-case key, then a single
   letter not followed by a word, a zero-padded number or a snake_case value; ``women: 3`` is a translated count,
   ``a partner: a company`` and ``dans les temps : l'attendu`` prose, not findings);
   ``english-word`` (ar and fr pages): one of the words system, user, admin, draft, pending, null, nil, true, false,
   undefined (whole words, any case) or ``DZD`` (exact);
   ``latin-percent`` (ar pages): a Latin ``%`` right after a number (Arabic writes ``٪``).
c. ``not-isolated``: every ISO date, month, time, period or code (``2026-03-15``, ``2026-03``, ``2026-Q1``,
   ``Q1-2026``, ``03-2026``, ``PR-12``, ``9:30``) and every e-mail address in the visible text sits in an
   isolating element: an ancestor (below ``<body>``) that is ``<bdi>``, ``<time>``, ``<code>``, ``<kbd>``,
   ``<samp>``, ``<data>`` or ``<output>``, or any element with a ``dir`` attribute whose own text is short (80
   characters or fewer, white space squashed). Also isolated: a match between Unicode isolate controls in the
   text itself (LRI/RLI/FSI … PDI, U+2066–U+2069, as catalogs write codes inside a sentence). User-written prose is
   allowed too: a text whose nearest element with a ``lang`` attribute (other than ``<html>``) also has ``dir`` is
   the author's text, dates and all.
   ``isolate-wraps``: the nearest isolating element of a date, period or code (not an e-mail address or a web
   address, which may be longer than a phone is wide) holds its text on one line at phone width
   (its text's line boxes, measured with a Range, share one line; for an inline element this is
   ``getClientRects().length === 1``).

Each finding records the page (journey, language, step, path), the check, the offending text (80 characters at
most), a little of the text around it and a CSS-like path of its element (tag, first two classes, ``dir``; up to
an element with an id; the last five steps). Reports group findings by check, and within a check fold those of the
same shape (e-mail addresses alike, hexadecimal ids alike, digits read as 9) in the same element into one
entry, counting the pages they were seen on.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any, Iterable

# --------------------------------------------------------------------------------------------------
# What the page tells: one entry per visible text node (collected by the browser)

# A CSS-like path of an element: tag, first two classes, dir; stops at an id; last five steps.
JS_CSS_PATH = """
function cssPath(el) {
    const parts = [];
    for (let e = el; e && e !== document.body && e !== document.documentElement; e = e.parentElement) {
        let part = e.tagName.toLowerCase();
        if (e.id) { parts.unshift(part + '#' + e.id); break; }
        const classes = Array.from(e.classList).slice(0, 2);
        if (classes.length) part += '.' + classes.join('.');
        if (e.hasAttribute('dir')) part += '[dir=' + e.getAttribute('dir') + ']';
        parts.unshift(part);
    }
    return parts.slice(-5).join(' > ');
}
"""

# The document's widths, and the outermost elements that stick out of it (in the document's coordinates, so a
# page scrolled sideways does not shift them), those sticking out most first: [[path, pixels], ...].
JS_REFLOW = JS_CSS_PATH + """
const root = document.documentElement, width = root.clientWidth, x = window.scrollX;
const beyond = e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 ? Math.max(r.right + x - width, -(r.left + x), 0) : 0;
};
// Inside a box that clips or scrolls sideways (a table's own scroller, a visually hidden header) nothing moves the page.
const clipped = e => {
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') return true;
    return false;
};
const culprits = Array.from(document.querySelectorAll('body *'))
    .filter(e => !clipped(e))
    .map(e => [e, beyond(e)])
    .filter(([e, by]) => by > 1 && !(e.parentElement !== document.body && beyond(e.parentElement) > 1))
    .sort((a, b) => b[1] - a[1]).slice(0, 3)
    .map(([e, by]) => [cssPath(e), Math.round(by)]);
return [width, root.scrollWidth, culprits];
"""

# The visible text nodes (rules in the module's docstring), with how each is isolated.
JS_VISIBLE_TEXT = JS_CSS_PATH + """
const ISOLATING = new Set(['BDI', 'TIME', 'CODE', 'KBD', 'SAMP', 'DATA', 'OUTPUT']);
const NEVER = 'script, style, noscript, template, textarea, code, kbd, samp';
const renderedCache = new Map(), linesCache = new Map();
function rendered(el) {
    if (!renderedCache.has(el)) {
        const select = el.closest('select');
        let shown;
        if (select && select !== el) shown = rendered(select);
        else {
            const style = getComputedStyle(el);
            shown = el.getClientRects().length > 0 && style.visibility !== 'hidden' && style.visibility !== 'collapse';
        }
        renderedCache.set(el, shown);
    }
    return renderedCache.get(el);
}
function lines(el) {     // how many lines the element's text takes (rects whose middles share a line are one)
    if (!linesCache.has(el)) {
        const range = document.createRange();
        range.selectNodeContents(el);
        const rows = [];
        for (const r of range.getClientRects()) {
            if (r.width === 0 || r.height === 0) continue;
            const middle = (r.top + r.bottom) / 2;
            if (!rows.some(row => Math.abs(row - middle) < r.height / 2)) rows.push(middle);
        }
        linesCache.set(el, rows.length);
    }
    return linesCache.get(el);
}
const squashedLength = el => el.textContent.replace(/\\s+/g, ' ').trim().length;
const found = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.nodeValue.trim() || !el || el.closest(NEVER) || !rendered(el)) continue;
    let isolator = null;
    for (let e = el; e && e !== document.body; e = e.parentElement) {
        if (ISOLATING.has(e.tagName) || (e.hasAttribute('dir') && squashedLength(e) <= 80)) { isolator = e; break; }
    }
    const withLang = el.closest('[lang]');
    found.push({
        text: node.nodeValue,
        element: cssPath(el),
        option: !!el.closest('select'),
        user: !!el.closest('[translate=no], [data-user-content]'),
        isolated: isolator ? isolator.tagName.toLowerCase() : '',
        lines: isolator ? lines(isolator) : 0,
        authored: !!withLang && withLang !== document.documentElement && withLang.hasAttribute('dir'),
    });
}
return found;
"""


@dataclass
class TextNode:
    """One visible text node as ``JS_VISIBLE_TEXT`` describes it."""
    text: str
    element: str
    option: bool = False        # in a <select>: word checks only
    user: bool = False          # under translate=no / data-user-content: isolation check only
    isolated: str = ""          # tag of the nearest isolating element ('' when none)
    lines: int = 0              # lines that element's text takes at phone width
    authored: bool = False      # the nearest [lang] (not <html>) has dir: user-written prose


@dataclass
class Finding:
    """One offending text (or width) on one page."""
    check: str
    journey: str
    lang: str           # the journey's language
    step: str           # NN-step, as the screenshots are named
    path: str           # the page's path and query
    text: str           # what offends, at most 80 characters
    context: str        # a little of the text around it
    element: str        # CSS-like path of its element


# --------------------------------------------------------------------------------------------------
# The rules

ENGLISH_PAGES_EXEMPT = {"en"}
RTL_PERCENT_LANGS = {"ar"}
ADDRESS_SUFFIXES = (".org", ".com", ".net", ".dz", ".fr", ".edu", ".gov", ".int", ".info", ".io", ".eu",
                    ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".csv", ".xls", ".xlsx", ".ods",
                    ".doc", ".docx", ".odt", ".txt", ".json", ".html", ".zip")
EDGE_PUNCTUATION = "\"'()[]{}<>«»“”‘’.,;:!?،؛…–—/*"

DOTTED_KEY = re.compile(r"[a-z_]+(?:\.[a-z0-9_]+)+")
SNAKE_CASE = re.compile(r"(?<!\w)[a-z0-9]+(?:_[a-z0-9]+)+(?!\w)")
KEY_VALUE = re.compile(r"(?<![\w.])[a-z][a-z_]*\s?[:=]\s?(?:0\d+|[a-z](?![\s'’]+[^\W\d_]{2})|[a-z0-9]+_[a-z0-9_]+)(?!\w)")
ENGLISH_WORD = re.compile(r"(?<!\w)(?:(?i:system|user|admin|draft|pending|null|nil|true|false|undefined)|DZD)(?!\w)")
LATIN_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*%")
DATE_OR_CODE = re.compile(r"""
      [\w.+-]+@[\w-]+(?:\.[\w-]+)+                  # e-mail address
    | (?<!\d)\d{4}-Q[1-4](?!\d)                     # 2026-Q1
    | (?<!\w)Q[1-4]-\d{4}(?!\d)                     # Q1-2026
    | (?<!\d)\d{4}-\d{2}(?:-\d{2})?(?!\d)           # 2026-03-15, 2026-03
    | (?<![\d-])\d{2}-\d{4}(?!\d)                   # 03-2026
    | (?<![A-Za-z])[A-Z]{2,}-\d+                    # PR-12
    | (?<![\d:])\d{1,2}:\d{2}(?!\d)                 # 9:30
""", re.VERBOSE)
ISOLATE_INITIATORS = "\u2066\u2067\u2068"      # LRI, RLI, FSI
POP_DIRECTIONAL_ISOLATE = "\u2069"               # PDI


def is_address(token: str) -> bool:
    """An e-mail address, web address, domain or file name: never a key or an enum value."""
    lowered = token.lower()
    return "@" in token or "://" in token or lowered.startswith("www.") or lowered.endswith(ADDRESS_SUFFIXES)


def looks_like_key(token: str, keys: set[str]) -> bool:
    """A key of the catalog, or a dotted name like one (not an abbreviation such as ``e.g``)."""
    if token in keys:
        return True
    return bool(DOTTED_KEY.fullmatch(token)) and any(len(part) > 1 for part in token.split("."))


# Invisible direction controls, shown by name in a finding's context.
CONTROL_NAMES = {"\u200e": "[LRM]", "\u200f": "[RLM]", "\u2066": "[LRI]", "\u2067": "[RLI]", "\u2068": "[FSI]",
                 "\u2069": "[PDI]"}


def around(text: str, start: int, end: int, width: int = 80) -> str:
    """The text around ``text[start:end]``, white space squashed, direction controls named, at most ``width``
    characters."""
    margin = max(0, (width - (end - start)) // 2)
    piece = " ".join(text[max(0, start - margin):end + margin].split())
    return "".join(CONTROL_NAMES.get(char, char) for char in piece)[:width]


def word_findings(node: TextNode, page_lang: str, keys: set[str]) -> Iterable[tuple[str, str, str]]:
    """Checks a and b on one text node: (check, offending text, context). Addresses are passed over, and a token
    found as a key or an enum value is reported once, not again for the words or ``key: value`` inside it."""
    text = node.text
    flagged: list[tuple[int, int]] = []     # spans the word patterns below pass over
    for match in re.finditer(r"\S+", text):
        token = match.group().strip(EDGE_PUNCTUATION)
        if not token:
            continue
        if is_address(token):
            flagged.append(match.span())
            continue
        check = ("catalog-key" if looks_like_key(token, keys) else
                 "raw-enum" if SNAKE_CASE.search(token) else None)
        if check:
            flagged.append(match.span())
            yield check, token[:80], around(text, match.start(), match.end())
    for pattern, check, applies in ((KEY_VALUE, "key-value", True),
                                    (ENGLISH_WORD, "english-word", page_lang not in ENGLISH_PAGES_EXEMPT),
                                    (LATIN_PERCENT, "latin-percent", page_lang in RTL_PERCENT_LANGS)):
        if not applies:
            continue
        for match in pattern.finditer(text):
            if not any(start <= match.start() < end for start, end in flagged):
                yield check, match.group()[:80], around(text, match.start(), match.end())


def in_unicode_isolate(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` sits between an isolate initiator (LRI, RLI, FSI) and its closing PDI."""
    depth = 0
    for char in text[:start]:
        if char in ISOLATE_INITIATORS:
            depth += 1
        elif char == POP_DIRECTIONAL_ISOLATE and depth:
            depth -= 1
    return depth > 0 and POP_DIRECTIONAL_ISOLATE in text[end:]


def isolation_findings(node: TextNode) -> Iterable[tuple[str, str, str]]:
    """Check c on one text node: (check, offending text, context)."""
    for match in DATE_OR_CODE.finditer(node.text):
        context = around(node.text, match.start(), match.end())
        if node.isolated:
            # An e-mail or web address may be longer than a phone is wide: it wraps inside its isolate, which keeps
            # it whole and in its own direction; dates, periods and codes are short and must not break.
            if node.lines > 1 and "@" not in match.group() and "://" not in node.text:
                yield "isolate-wraps", match.group()[:80], f"<{node.isolated}> on {node.lines} lines: {context}"
        elif not (node.authored or in_unicode_isolate(node.text, match.start(), match.end())):
            yield "not-isolated", match.group()[:80], context


def text_findings(nodes: list[dict[str, Any]], page_lang: str, keys: set[str]) -> list[tuple[str, str, str, str]]:
    """All of checks a, b and c on a page's visible text: (check, offending text, context, element)."""
    found = []
    for raw in nodes:
        node = TextNode(**raw)
        checks = [] if node.user else list(word_findings(node, page_lang, keys))
        if not node.option:
            checks += isolation_findings(node)
        found += [(check, text, context, node.element) for check, text, context in checks]
    return found


# --------------------------------------------------------------------------------------------------
# Reports


def route(path: str) -> str:
    """A page's path with its language and records as placeholders: ``/ar/projects/project-84ff8db5`` →
    ``/:lang/projects/:id`` (a segment with a digit names a record: ids, and slugs carrying the run's suffix)."""
    parts = path.split("?")[0].split("#")[0].split("/")
    for index, part in enumerate(parts):
        if index == 1 and part in ("ar", "fr", "en"):
            parts[index] = ":lang"
        elif re.search(r"\d", part):
            parts[index] = ":id"
    return "/".join(parts) or "/"


def shape(text: str) -> str:
    """What findings of one kind share: e-mail addresses alike, hexadecimal ids alike, digits read as 9."""
    text = re.sub(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", "e-mail", text)
    text = re.sub(r"\b(?=[0-9A-Fa-f]*\d)[0-9A-Fa-f]{6,}\b", "hex", text)
    return re.sub(r"\d", "9", text)


def grouped(findings: list[Finding]) -> dict[str, list[dict[str, Any]]]:
    """Findings by check; within a check, one entry per shape of text and element, with the pages it was seen on
    (ordered by route, then text)."""
    entries: dict[tuple[str, str, str], dict[str, Any]] = {}
    for f in findings:
        key = (f.check, shape(f.text), shape(f.element))
        entry = entries.setdefault(key, {"check": f.check, "text": f.text, "context": f.context, "element": f.element,
                                         "routes": [], "langs": [], "pages": 0, "examples": [], "_seen": set()})
        page = (f.journey, f.lang, f.step)
        if page not in entry["_seen"]:
            entry["_seen"].add(page)
            entry["pages"] += 1
            if len(entry["examples"]) < 5:
                entry["examples"].append({"journey": f.journey, "lang": f.lang, "step": f.step, "path": f.path})
        for field, value in (("routes", route(f.path)), ("langs", f.lang)):
            if value not in entry[field]:
                entry[field].append(value)
    by_check: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in entries.values():
        del entry["_seen"]
        by_check[entry["check"]].append(entry)
    return {check: sorted(items, key=lambda e: (e["routes"][0], e["text"]))
            for check, items in sorted(by_check.items())}


def summary_lines(findings: list[Finding], per_check: int = 25) -> list[str]:
    """The findings for the suite's summary: per check, its entries (the first ``per_check``)."""
    lines = []
    for check, entries in grouped(findings).items():
        lines.append(f"  {check}: {len(entries)} distinct, {sum(e['pages'] for e in entries)} page views")
        for e in entries[:per_check]:
            more = f" (+{len(e['routes']) - 1} routes)" if len(e["routes"]) > 1 else ""
            lines.append(f"    {e['routes'][0]}{more} [{','.join(e['langs'])}] ×{e['pages']} {e['text']!r} "
                         f"in {e['element']}")
        if len(entries) > per_check:
            lines.append(f"    … {len(entries) - per_check} more in browser/artifacts/report.json")
    return lines


def markdown(findings: list[Finding], title: str) -> str:
    """The findings as a Markdown document for the people fixing them: one table per check."""
    out = [f"# {title}", ""]
    if not findings:
        return "\n".join(out + ["No findings."]) + "\n"
    cell = lambda text: str(text).replace("|", "\\|").replace("\n", " ")   # noqa: E731
    for check, entries in grouped(findings).items():
        out += [f"## {check} ({len(entries)} distinct, {sum(e['pages'] for e in entries)} page views)", "",
                "| page (route) | langs | example text | context | element | pages | e.g. |",
                "|---|---|---|---|---|---|---|"]
        for e in entries:
            example = e["examples"][0]
            out.append(f"| {cell(', '.join(e['routes']))} | {','.join(e['langs'])} | `{cell(e['text'])}` | "
                       f"{cell(e['context'])} | `{cell(e['element'])}` | {e['pages']} | "
                       f"{example['journey']}/{example['lang']}/{example['step']} {cell(example['path'])} |")
        out.append("")
    return "\n".join(out)


def as_dicts(findings: list[Finding]) -> list[dict[str, Any]]:
    return [asdict(f) for f in findings]
