"""A Markdown extension for tests: records which page a generator says it is rendering."""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from scripts.site.page import generator_page_path

#: Every page path the generator gave, in the order it rendered pages.
SEEN: list[str | None] = []


class _Recorder(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        SEEN.append(generator_page_path(self.md)[0])
        return lines


class PageProbe(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's name
        md.preprocessors.register(_Recorder(md), "page_probe", 40)


def makeExtension(**kwargs: object) -> PageProbe:  # Python-Markdown's name
    return PageProbe(**kwargs)
