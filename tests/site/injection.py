"""Planted payloads, and how to tell whether any of them became markup in a page."""

from __future__ import annotations

from html.parser import HTMLParser

#: Markup: each piece, if it became markup, would run script or show as an element.
MARKUP = '<script>alert(1)</script>"><img src=x onerror=alert(2)><b class="planted">B</b>'
#: Markdown and our own marker: harmless as text, a link or a nested reference if re-parsed.
MARKDOWN = "[x](javascript:alert(3)) LOG]] IN [[ui:login.password]]"
#: Every payload at once, as a field holds it when the checks are bypassed.
PAYLOAD = f"{MARKUP} {MARKDOWN}"
#: What a page shows for ``MARKUP`` when it stays text (Python-Markdown escapes < > only).
MARKUP_AS_TEXT = "&lt;script&gt;alert(1)&lt;/script&gt;"


class _Markup(HTMLParser):
    """Collect what in a document came from a planted payload."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.in_script = tag == "script"
        if tag == "img" and values.get("src") == "x":
            self.found.append("<img src=x>")
        if "planted" in (values.get("class") or "").split():
            self.found.append(f"<{tag} class=planted>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert(" in data:
            self.found.append(f"<script>{data[:40]}")


def markup_found(html: str) -> list[str]:
    """The planted markup that became elements or attributes in ``html`` (empty when none).

    Inline scripts of the site's own (Material's, the search-index hold) are not planted and are
    not counted: only a script holding ``alert(`` is.
    """
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser.found
