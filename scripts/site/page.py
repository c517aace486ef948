"""Which page is being rendered, and its front matter, whatever generator renders it.

Python-Markdown is not told which file it converts. Each generator says so in its own way:
MkDocs registers a ``relpath`` tree processor that knows the file, and Zensical registers a
preprocessor that carries the page. This module reads either (or a path given explicitly, as
unit tests do), then reads the page's front matter from the file itself, so nothing here
needs the generator's page object or a hook.
"""

from __future__ import annotations

import logging
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from markdown import Markdown

from scripts.common.paths import ROOT, doc_url
from scripts.contract.text import text_problem

log = logging.getLogger("mkdocs.icegate.page")


@dataclass(frozen=True)
class PageContext:
    """The page being rendered.

    Attributes:
        path: Its path relative to the docs folder, e.g. ``log-in/steps.md``.
        meta: Its YAML front matter.
        line_offset: Lines above the text Python-Markdown receives (the front matter), so
            that messages can name lines of the file.
    """

    path: str
    meta: dict[str, Any] = field(default_factory=dict)
    line_offset: int = 0

    @property
    def url(self) -> str:
        """The page's address relative to the site root (directory URLs): ``log-in/steps/``."""
        return doc_url(self.path)


class FrontMatterError(ValueError):
    """A page's front matter is not valid YAML; the message names the file and the line."""


#: Front-matter keys the page templates print (``<title>``, the header, the description
#: ``<meta>``), each with its kind of text (``scripts.contract.text.LIMITS``).
PRINTED = {"title": "title", "description": "description"}


def front_matter(text: str, source: str | Path = "<page>") -> dict[str, Any]:
    """The YAML front matter of a Markdown text, or an empty mapping when it has none.

    Args:
        text: The page's text.
        source: The page's file, for messages.

    Raises:
        FrontMatterError: the front matter is not valid YAML (one line: file, line, problem).
    """
    if not text.startswith("---"):
        return {}
    end = text.find("\n---", 3)
    if end == -1:
        return {}
    try:
        data = yaml.safe_load(text[3:end])
    except yaml.YAMLError as error:
        raise FrontMatterError(f"{source}{_yaml_problem(error)}") from None
    return data if isinstance(data, dict) else {}


def _yaml_problem(error: yaml.YAMLError) -> str:
    """``:LINE: the front matter is not valid YAML (what, where)``, on one line.

    The line is where the faulty value starts when PyYAML says so (an unclosed quote), else
    where it noticed the problem. Line 1 of the file is the opening ``---``, and PyYAML counts
    the text after it from 0, so its line numbers are the file's.
    """
    problem_mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    mark = context_mark or problem_mark
    line = f":{mark.line + 1}" if mark is not None else ""
    what = getattr(error, "problem", None) or type(error).__name__
    context = getattr(error, "context", None)
    if context and problem_mark is not None and problem_mark is not mark:
        what = f"{context}: {what} at line {problem_mark.line + 1}"
    return f"{line}: the front matter is not valid YAML ({what})"


def front_matter_problems(meta: dict[str, Any], source: str | Path) -> list[str]:
    """What is wrong with the printed keys of a page's front matter (empty when nothing).

    A ``title`` or ``description`` must be a text the templates can print: no '<', '>',
    control or bidirectional-format characters, and no longer than its limit.
    """
    problems = []
    for key, kind in PRINTED.items():
        value = meta.get(key)
        if value is None:
            continue
        if isinstance(value, (dict, list)):
            problems.append(f"{source}: front matter → {key}: expected a text")
            continue
        problem = text_problem(str(value), kind)
        if problem:
            problems.append(f"{source}: front matter → {key}: {problem}")
    return problems


def shown_path(path: Path) -> str:
    """``path`` relative to the repository when it is inside it, for messages."""
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def read_front_matter(path: Path) -> dict[str, Any]:
    """The front matter of the page file ``path``, checked.

    Raises:
        FrontMatterError: the front matter is not valid YAML, or a printed key cannot be
            printed (every problem, one per line).
    """
    source = shown_path(path)
    meta = front_matter(path.read_text(encoding="utf-8"), source)
    problems = front_matter_problems(meta, source)
    if problems:
        raise FrontMatterError("\n".join(problems))
    return meta


#: The name under which MkDocs registers the tree processor that knows the page's file
#: (``mkdocs.structure.pages``); ``tests/site/test_generator_internals.py`` fails, naming
#: this function, when an upgrade stops registering it.
MKDOCS_PROCESSOR = "relpath"


def generator_page_path(md: Markdown) -> tuple[str | None, object | None]:
    """The path the generator is rendering, and the object that carries it.

    Returns:
        ``(path, owner)``: ``owner`` is the generator's page or file object, used to tell the
        page's own conversion from nested ones (API docs rendered inside the page), or
        ``(None, None)`` when the generator does not say.
    """
    if MKDOCS_PROCESSOR in md.treeprocessors:  # MkDocs
        file = getattr(md.treeprocessors[MKDOCS_PROCESSOR], "file", None)
        if file is not None:
            return str(file.src_uri), file
    for processor in md.preprocessors:  # Zensical's rendering context
        page = getattr(processor, "page", None)
        if page is not None and isinstance(getattr(page, "path", None), str):
            return page.path, page
    return None, None


#: Which Markdown instance first rendered each generator page object: the page's own
#: conversion. Kept here, weakly, rather than written onto the generator's objects.
_FIRST_RENDERER: weakref.WeakKeyDictionary[object, Markdown] = weakref.WeakKeyDictionary()
#: The same for page objects that cannot be weakly referenced (kept while the process runs).
_FIRST_RENDERER_BY_ID: dict[int, tuple[object, Markdown]] = {}


def is_own_conversion(owner: object, md: Markdown) -> bool:
    """Whether ``md`` is the page's own conversion, not one nested in it (API docs).

    The first Markdown instance to render a generator's page object owns it.
    """
    try:
        first = _FIRST_RENDERER.setdefault(owner, md)
    except TypeError:
        first = _FIRST_RENDERER_BY_ID.setdefault(id(owner), (owner, md))[1]
    return first is md


def front_matter_lines(text: str) -> int:
    """How many lines the front matter takes, fences included (0 when there is none)."""
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != "---":
        return 0
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in ("---", "..."):
            return number
    return 0


def body_offset(source: str, lines: list[str]) -> int:
    """How many lines of the file come before the first line Python-Markdown received.

    Generators cut the front matter and, some of them, the blank lines after it; the first
    non-blank line received is found again in the file, after the front matter.
    """
    start = front_matter_lines(source)
    received = next(((i, line) for i, line in enumerate(lines) if line.strip()), None)
    if received is None:
        return start
    index, first = received
    file_lines = source.splitlines()
    for number in range(start, len(file_lines)):
        if file_lines[number] == first:
            return max(number - index, 0)
    return start


def read_context(docs_dir: Path, path: str, lines: list[str]) -> PageContext:
    """The context of ``path``: its front matter and the lines above what Markdown received.

    A front matter that is not valid YAML, or whose title or description cannot be printed,
    is logged as a warning naming the file (so a strict build fails).

    Args:
        docs_dir: The docs folder.
        path: The page, relative to ``docs_dir``.
        lines: The lines Python-Markdown received.
    """
    file = docs_dir / path
    try:
        source = file.read_text(encoding="utf-8")
    except OSError:
        return PageContext(path)
    try:
        meta = front_matter(source, shown_path(file))
    except FrontMatterError as error:
        log.warning("%s", error)
        return PageContext(path, {}, body_offset(source, lines))
    for problem in front_matter_problems(meta, shown_path(file)):
        log.warning("%s", problem)
    return PageContext(path, meta, body_offset(source, lines))
