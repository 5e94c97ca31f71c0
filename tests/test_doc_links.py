"""Every relative link and anchor in README.md and docs/*.md resolves: the file exists and,
for ``#anchor``, the target has a heading with that GitHub slug (or an explicit anchor)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

# [text](target) and [text](target "title"), not images' data: URIs; <a href="..."> too
LINK = re.compile(r"\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HREF = re.compile(r"""<a\s[^>]*href=["']([^"']+)["']""", re.I)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
INLINE_CODE = re.compile(r"`[^`\n]*`")


def _slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, markup and punctuation dropped, spaces to -."""
    text = re.sub(r"`([^`]*)`", r"\1", heading.strip())
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link in a heading: its text
    text = re.sub(r"<[^>]+>", "", text).lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = FENCE.sub("", path.read_text(encoding="utf-8"))
    seen: dict[str, int] = {}
    anchors = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*\s*$", text, flags=re.M):
        slug = _slug(heading)
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        anchors.add(slug if n == 0 else f"{slug}-{n}")
    anchors.update(re.findall(r"""<a\s[^>]*(?:name|id)=["']([^"']+)["']""", text, flags=re.I))
    return anchors


def _links(path: Path) -> list[tuple[int, str]]:
    text = FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), path.read_text(encoding="utf-8"))
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = INLINE_CODE.sub("", line)
        found += [(number, target) for target in LINK.findall(line) + HREF.findall(line)]
    return found


def _broken(doc: Path) -> list[str]:
    problems = []
    for line, target in _links(doc):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, flags=re.I):  # http:, mailto:, data:
            continue
        file_part, _, anchor = target.partition("#")
        resolved = (doc.parent / file_part).resolve() if file_part else doc
        where = f"{doc.relative_to(ROOT)}:{line}: {target}"
        if not resolved.exists():
            problems.append(f"{where}: no such file")
        elif anchor and resolved.suffix == ".md" and anchor not in _anchors(resolved):
            problems.append(f"{where}: no heading with anchor #{anchor}")
    return problems


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_relative_links_and_anchors_resolve(doc: Path) -> None:
    assert _broken(doc) == []


def test_the_checker_finds_a_broken_file_and_a_broken_anchor(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text("# Real Heading: `x` (y)\n\n## Twice\n\n## Twice\n")
    doc = tmp_path / "a.md"
    doc.write_text(
        "[ok](b.md#real-heading-x-y) [ok2](b.md#twice-1) [self](#top)\n"
        "# Top\n[gone](c.md) [bad](b.md#nowhere) `[code](d.md)` [web](https://x.org/y)\n"
    )
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        assert _broken(doc) == [
            "a.md:3: c.md: no such file",
            "a.md:3: b.md#nowhere: no heading with anchor #nowhere",
        ]
    finally:
        ROOT = saved
