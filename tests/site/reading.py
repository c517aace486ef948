"""What a reader sees of a page on a phone: its words, words split across lines, phone links.

One script, run on the phone-width visit of every page (``tests/site/visits.py``), so the
reader checks in ``test_pages.py`` cost no extra page load.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Where the helpdesk's number is written, and how a phone dials it (portal/contacts.yml).
PROBE = """
(phone) => {
  const article = document.querySelector("article") || document.body;
  const text = article.innerText;
  const broken = [];
  const skip = "code, pre, kbd, svg, [hidden], .headerlink, script, style, .md-search";
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (!parent || parent.closest(skip) || !parent.getClientRects().length) continue;
    // A word: what lies between spaces and the marks after which a line may end.
    const words = /[^\\s\\-\\u2010-\\u2014\\/]+/gu;
    let found;
    while ((found = words.exec(node.data))) {
      if (found[0].length < 2 || found[0].includes("://")) continue;
      const range = document.createRange();
      range.setStart(node, found.index);
      range.setEnd(node, found.index + found[0].length);
      const lines = new Set([...range.getClientRects()]
        .filter((rect) => rect.width > 0)
        .map((rect) => Math.round(rect.top)));
      if (lines.size > 1) broken.push(found[0]);
    }
  }
  const written = document.body.innerText.split(phone).length - 1;
  const linked = [...document.querySelectorAll('a[href^="tel:"]')]
    .filter((a) => a.getClientRects().length && a.innerText.includes(phone)).length;
  return { text, broken, written, linked };
}
"""


@dataclass
class Reading:
    """A page as a phone reader sees it.

    Attributes:
        text: The visible words of the page's article.
        broken: Words split across two lines.
        phone_written: How often the helpdesk's number shows on the page.
        phone_linked: How many visible ``tel:`` links show it.
    """

    text: str = ""
    broken: list[str] = field(default_factory=list)
    phone_written: int = 0
    phone_linked: int = 0


def read(tab, phone: str) -> Reading:
    """Run the probe on the loaded ``tab``."""
    seen = tab.evaluate(PROBE, phone)
    return Reading(seen["text"], seen["broken"], seen["written"], seen["linked"])
