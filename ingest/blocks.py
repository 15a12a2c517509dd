"""Blocks: spans of a page's text with the heading path they sit under, before chunking."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    section: str | None


@dataclass
class RawPage:
    """A page as a reader sees it: its text and the blocks inside it."""

    number: int | None
    text: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class RawDocument:
    pages: list[RawPage]
    title: str | None = None


class PageBuilder:
    """Appends blocks of text to a page, recording each block's offsets and section."""

    def __init__(self, number: int | None) -> None:
        self.number = number
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []

    def add(self, text: str, section: str | None, *, gap: str = "\n") -> None:
        """Append a block after `gap` (white space: a blank line keeps blocks apart as
        paragraphs)."""
        text = text.strip()
        if not text:
            return
        if self._parts:
            self._parts.append(gap)
            self._length += len(gap)
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        self.blocks.append(Block(start, self._length, section))

    def build(self) -> RawPage:
        return RawPage(self.number, "".join(self._parts), self.blocks)
