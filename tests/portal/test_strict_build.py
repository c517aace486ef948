"""A guide that mentions an unknown element fails the strict build, naming page and line."""

from __future__ import annotations

from pathlib import Path

from tests.sitebuild import build_copy


def test_unknown_element_fails_the_strict_build_with_page_and_line(tmp_path: Path):
    lines: list[str] = []

    def mention_unknown_element(copy: Path) -> None:
        page = copy / "docs" / "log-in" / "sessions.md"
        lines.extend(page.read_text(encoding="utf-8").splitlines())
        lines.append("Select [[ui:login.no_such_button]].")
        page.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result, _ = build_copy(tmp_path, mention_unknown_element)
    assert result.returncode != 0
    where = f"docs/log-in/sessions.md:{len(lines)}"
    assert f"{where}: unknown portal element 'login.no_such_button'" in result.output
