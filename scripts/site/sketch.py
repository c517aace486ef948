"""A sketch of a portal screen, drawn from the element contract as inline SVG.

The sketch shows a page's elements in contract order, each with the label the portal shows (as
the contract records it) and the same quiet mark the guides use: ✓ seen on the live portal,
? our best guess at the portal's words. Nothing in it is invented: an element whose "label" is
our own description (``label_from: none``) is drawn as its shape only, and the description is
in the text alternative. Every stroke and letter is ``currentColor``, so the drawing follows
the page's text colour in the light and the dark palette.

Why inline SVG and not an ``<img>`` of a prebuilt file: a sketch is small, so inlining it costs
less than an extra request would on a slow connection, and only inline SVG can inherit
``currentColor`` from the page (an ``<img>`` is drawn in isolation, so it could not follow the
dark palette).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from scripts.contract.model import Element, Page
from scripts.site.ui_refs import reader_state
from scripts.site.words import ENGLISH, page_title
from scripts.verification.history import VerificationStatus

SVG_NS = "http://www.w3.org/2000/svg"
CAPTION = ENGLISH["sketch_caption"]
WIDTH = 320
MARGIN = 16
FONT = 13
#: Height of each kind of row, in viewBox units.
ROW = {"field": 50, "button": 44, "link": 26, "text": 30, "boxes": 40}
#: Each kind's word in the text alternative is ``words["kind_<kind>"]`` (scripts.site.words).


@dataclass(frozen=True)
class SketchItem:
    """One element as the sketch draws and lists it."""

    element: Element
    kind: str
    mark: str
    spoken: str
    words: dict[str, str] = field(default_factory=lambda: ENGLISH, compare=False)

    @property
    def shows_label(self) -> bool:
        """Whether the label is the portal's words (and so is drawn)."""
        return self.element.label_from != "none"

    def describe(self) -> str:
        """The element in words, for the text alternative."""
        element, words = self.element, self.words
        if not self.shows_label:
            return words["sketch_boxes"].format(what=element.what, count=element.count or 1)
        return words["sketch_item"].format(
            label=element.label, kind=words[f"kind_{self.kind}"], spoken=self.spoken
        )


def kind_of(element: Element) -> str:
    """What an element looks like, from its locators: a box, a button, a link or text."""
    if element.count and element.count > 1:
        return "boxes"
    for locator in element.locators:
        role = locator.role or ""
        css = (locator.css or "").lower()
        if role == "textbox" or "input" in css:
            return "field"
        if role == "button" or "button" in css:
            return "button"
        if role == "link" or css.startswith("a[") or css.startswith("a "):
            return "link"
    return "text"


def sketch_items(
    elements: list[Element], status: VerificationStatus, words: dict[str, str] = ENGLISH
) -> list[SketchItem]:
    """The page's elements with their shape and verification mark, in contract order."""
    items = []
    for element in elements:
        state = reader_state(element, status, words)
        items.append(SketchItem(element, kind_of(element), state.mark, state.spoken, words))
    return items


def alternative(page: Page, items: list[SketchItem], words: dict[str, str] = ENGLISH) -> str:
    """The text alternative: what the sketch is, and every element it shows, in order."""
    listed = "; ".join(f"{number}. {item.describe()}" for number, item in enumerate(items, 1))
    return words["sketch_alt"].format(page=page_title(page, words), listed=listed)


def _text(parent: etree.Element, x: float, y: float, text: str, **extra: str) -> etree.Element:
    node = etree.SubElement(
        parent,
        "text",
        {"x": f"{x:g}", "y": f"{y:g}", "font-size": str(FONT), "fill": "currentColor", **extra},
    )
    node.text = text
    return node


def _label(parent: etree.Element, x: float, y: float, item: SketchItem, **extra: str) -> None:
    node = _text(parent, x, y, item.element.label, **extra)
    if item.mark:
        mark = etree.SubElement(node, "tspan", {"font-size": "10", "opacity": ".7", "dx": "4"})
        mark.text = item.mark


def _row(svg: etree.Element, top: float, item: SketchItem) -> None:
    """Draw one element whose row starts at ``top``."""
    inner = WIDTH - 2 * MARGIN
    box = {"fill": "none", "stroke": "currentColor", "stroke-width": "1"}
    if item.kind == "field":
        _label(svg, MARGIN, top + 14, item)
        etree.SubElement(svg, "rect", {"x": str(MARGIN), "y": f"{top + 20:g}",
                                       "width": str(inner), "height": "24", "rx": "3", **box})
    elif item.kind == "button":
        etree.SubElement(svg, "rect", {"x": str(MARGIN), "y": f"{top + 4:g}", "width": str(inner),
                                       "height": "32", "rx": "4", **box,
                                       "fill": "currentColor", "fill-opacity": ".1"})
        _label(svg, WIDTH / 2, top + 25, item, **{"text-anchor": "middle", "font-weight": "700"})
    elif item.kind == "link":
        _label(svg, MARGIN, top + 17, item, **{"text-decoration": "underline"})
    elif item.kind == "boxes":
        count = item.element.count or 1
        size, gap = 30, 8
        start = MARGIN + (inner - count * size - (count - 1) * gap) / 2
        for index in range(count):
            etree.SubElement(svg, "rect", {"x": f"{start + index * (size + gap):g}",
                                           "y": f"{top + 5:g}", "width": str(size),
                                           "height": str(size), "rx": "3", **box})
    else:
        _label(svg, MARGIN, top + 19, item)


def draw(page: Page, items: list[SketchItem], words: dict[str, str] = ENGLISH) -> etree.Element:
    """The sketch as an ``<svg>`` element with a fixed viewBox, width and height.

    Args:
        page: The contract page.
        items: Its elements, from ``sketch_items``.
        words: The edition's fixed words, for the text alternative.

    Returns:
        The SVG element (role ``img``, named by its text alternative).
    """
    height = 2 * MARGIN + sum(ROW[item.kind] for item in items)
    name = alternative(page, items, words)
    svg = etree.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "viewBox": f"0 0 {WIDTH} {height}",
            "width": str(WIDTH),
            "height": str(height),
            "role": "img",
            "aria-label": name,
            "class": "screen-sketch__drawing",
        },
    )
    etree.SubElement(svg, "title").text = name
    etree.SubElement(
        svg,
        "rect",
        {"x": "1", "y": "1", "width": str(WIDTH - 2), "height": str(height - 2), "rx": "10",
         "fill": "none", "stroke": "currentColor", "stroke-opacity": ".45",
         "stroke-dasharray": "6 4"},
    )
    top = float(MARGIN)
    for item in items:
        _row(svg, top, item)
        top += ROW[item.kind]
    return svg


def svg_text(page: Page, elements: list[Element], status: VerificationStatus) -> str:
    """The sketch of a page as standalone SVG text (tests, size checks)."""
    return etree.tostring(draw(page, sketch_items(elements, status)), encoding="unicode")
