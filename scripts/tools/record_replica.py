"""Record the portal's public pages into the offline replica (a maintainer command).

``python -m scripts.tools.record_replica`` opens every live-checkable page of the contract on the
live portal (or ``--portal-url URL``), waits until it is ready, strips everything that runs
or is session-specific (scripts, event handlers, stylesheet and preload links, form values,
hidden inputs, nonces, the loading overlay), and writes the rendered DOM to
``portal/replica/<site>/recorded/<page>.html`` with a manifest of URL, time and browser.
Review the result in a pull request: the drift tests then use the recording for that page.
The manifest is merged: a page that could not be recorded this time keeps its earlier
recording and entry. It never types into a field or submits a form.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from scripts.common.browser import system_chromium
from scripts.common.clock import utc_now
from scripts.common.files import atomic_write
from scripts.common.paths import ROOT
from scripts.contract.model import Contract, project_contract
from scripts.drift.checker import PageChecker, Timing, user_agent
from scripts.drift.target import Target, about_url
from scripts.verification.verdicts import PageVerdict

REPLICA = ROOT / "portal" / "replica"

STRIP = """
(hidden) => {
  for (const selector of hidden) document.querySelectorAll(selector).forEach(e => e.remove());
  document.querySelectorAll('script, noscript, link, iframe, base').forEach(e => e.remove());
  document.querySelectorAll('meta').forEach(e => {
    const name = (e.getAttribute('name') || '').toLowerCase();
    if (name.includes('csrf') || name.includes('token')) e.remove();
  });
  document.querySelectorAll('input[type=hidden]').forEach(e => e.remove());
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of [...element.attributes]) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on') || name === 'nonce' || name === 'integrity') {
        element.removeAttribute(attribute.name);
      }
    }
    if (element.matches('input, textarea')) element.removeAttribute('value');
  }
}
"""


class Recorder(PageChecker):
    """Opens pages like the drift check does, and saves their stripped DOM."""

    def record(self, page_id: str, out: Path) -> dict | None:
        """Record one page; return its manifest entry, or None when it could not be opened."""
        spec = self.contract.pages[page_id]
        context = self.new_context()
        try:
            tab, result = self.open_ready(context, page_id)
            if result.verdict is not PageVerdict.OK:
                print(f"{page_id}: not recorded ({result.verdict.value}: {result.detail})")
                return None
            tab.evaluate(STRIP, list(spec.ready_hidden))
            recorded_at = utc_now()
            header = (
                f"<!-- Recorded from {tab.url} on {recorded_at} with Chromium "
                f"{self.browser.version} by scripts/tools/record_replica.py; scripts and "
                "session-specific content removed. -->\n"
            )
            site = self.contract.sites[spec.site].replica_dir
            path = out / site / "recorded" / f"{page_id}.html"
            atomic_write(path, header + tab.content())
            print(f"{page_id}: recorded {tab.url} -> {path}")
            return {
                "page": page_id,
                "url": tab.url,
                "recorded_at": recorded_at,
                "browser": f"Chromium {self.browser.version}",
                "file": path.relative_to(out).as_posix(),
            }
        finally:
            context.close()


def earlier_entries(out: Path) -> dict[str, dict]:
    """The entries of an existing manifest, by page (none when there is no readable one)."""
    try:
        manifest = json.loads((out / "recorded.json").read_text(encoding="utf-8"))
        return {entry["page"]: entry for entry in manifest["pages"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def record_all(contract: Contract, target: Target, browser: Browser, out: Path) -> list[dict]:
    """Record every live-checkable page and merge the manifest.

    Returns:
        The entries recorded in this run (the manifest also keeps earlier entries of pages
        that could not be recorded now, and of pages still in the contract).
    """
    agent = user_agent(browser.version, about_url(ROOT / "mkdocs.yml"))
    recorder = Recorder(contract, target, browser, out, Timing(), agent=agent)
    merged = {page: entry for page, entry in earlier_entries(out).items() if page in contract.pages}
    recorded = []
    for page in contract.pages.values():
        if page.live_checkable:
            entry = recorder.record(page.id, out)
            if entry:
                recorded.append(entry)
                merged[page.id] = entry
    entries = [merged[page] for page in contract.pages if page in merged]
    atomic_write(out / "recorded.json", json.dumps({"pages": entries}, indent=2) + "\n")
    return recorded


def main(argv: list[str] | None = None) -> int:
    """Record the pages; exit 0 when at least one page was recorded, else 1."""
    parser = argparse.ArgumentParser(prog="record_replica", description=__doc__.splitlines()[0])
    parser.add_argument("--portal-url", help="record from a server laid out like the replica")
    parser.add_argument("--out", type=Path, default=REPLICA, help="the replica folder")
    args = parser.parse_args(argv)
    contract = project_contract()
    target = (
        Target.replica_layout(contract, args.portal_url)
        if args.portal_url
        else Target.live(contract)
    )
    with sync_playwright() as playwright:
        executable = system_chromium()
        browser = (
            playwright.chromium.launch(executable_path=executable)
            if executable
            else (playwright.chromium.launch())
        )
        try:
            entries = record_all(contract, target, browser, args.out)
        finally:
            browser.close()
    return 0 if entries else 1


if __name__ == "__main__":
    sys.exit(main())
