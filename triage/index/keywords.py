"""The keyword index: one bm25s index per school, in a directory whose name only that URN maps to.

A directory name is the URN with every character other than a lowercase letter, a digit or a
hyphen written as `_` and two hex digits per UTF-8 byte (`_` itself included): `100.1` and `100_1`
get `100_2e1` and `100_5f1`, and `A1` and `a1` stay apart on a case-insensitive file system.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import threading
from pathlib import Path

import bm25s
import Stemmer

from triage.errors import IndexUnavailableError

_STEMMER = Stemmer.Stemmer("english")
_PLAIN = re.compile(r"[a-z0-9-]")
_ESCAPED = re.compile(r"(?:[a-z0-9-]|_[0-9a-f]{2})+")
IDS_FILE = "passage_ids.json"


def school_dir_name(urn: str) -> str:
    """The directory name of a school's keyword index; distinct URNs never share one."""
    return "".join(
        ch if _PLAIN.fullmatch(ch) else "".join(f"_{b:02x}" for b in ch.encode()) for ch in urn
    )


def urn_of_dir_name(name: str) -> str | None:
    """The URN a directory name stands for, or None for a name this scheme never makes."""
    if not _ESCAPED.fullmatch(name):
        return None
    raw = bytearray()
    index = 0
    while index < len(name):
        if name[index] == "_":
            raw.append(int(name[index + 1 : index + 3], 16))
            index += 3
        else:
            raw += name[index].encode()
            index += 1
    try:
        urn = raw.decode()
    except UnicodeDecodeError:
        return None
    return urn if school_dir_name(urn) == name else None


class KeywordIndex:
    """BM25 over each school's passages, cached in memory until its files change."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._cache: dict[str, tuple[float, bm25s.BM25, list[int]]] = {}
        self._lock = threading.Lock()

    def rebuild(self, school: str, passages: list[tuple[int, str]]) -> None:
        """Replace the school's index with one over exactly these (id, text) passages."""
        try:
            self._rebuild(school, passages)
        except OSError as exc:
            raise IndexUnavailableError(
                f"the keyword index of school {school} could not be written under {self.root} "
                f"({exc.strerror}); check the data dir's permissions and free space"
            ) from exc

    def _rebuild(self, school: str, passages: list[tuple[int, str]]) -> None:
        target = self.root / school_dir_name(school)
        with self._lock:
            self._cache.pop(school, None)
            if not passages:
                shutil.rmtree(target, ignore_errors=True)
                return
            tokens = _tokenize([text for _, text in passages])
            retriever = bm25s.BM25()
            retriever.index(tokens, show_progress=False)
            staging = target.with_name(target.name + ".new")
            shutil.rmtree(staging, ignore_errors=True)
            retriever.save(str(staging))
            (staging / IDS_FILE).write_text(json.dumps([i for i, _ in passages]))
            shutil.rmtree(target, ignore_errors=True)
            staging.rename(target)

    def ids(self, school: str) -> set[int]:
        loaded = self._load(school)
        return set(loaded[1]) if loaded else set()

    def schools(self) -> list[str]:
        """The URNs that have a keyword index."""
        urns = (urn_of_dir_name(p.name) for p in self._dirs())
        return sorted(urn for urn in urns if urn is not None)

    def strays(self) -> list[Path]:
        """Directories under the root that no URN maps to (left by an older naming, or by hand)."""
        return [p for p in self._dirs() if urn_of_dir_name(p.name) is None]

    def remove_strays(self) -> None:
        for path in self.strays():
            shutil.rmtree(path, ignore_errors=True)

    def query(self, school: str, query: str, *, n: int) -> list[tuple[int, float]]:
        """(passage id, BM25 score) best first, from the school's own index only."""
        return self.query_many(school, [query], n=n)[0]

    def query_many(
        self, school: str, queries: list[str], *, n: int
    ) -> list[list[tuple[int, float]]]:
        """`query` for many queries at once (one tokenization, one retrieval), in order."""
        loaded = self._load(school)
        if loaded is None or not queries:
            return [[] for _ in queries]
        retriever, ids = loaded
        tokens = _tokenized(tuple(queries))
        if not tokens.vocab:
            return [[] for _ in queries]
        docs, scores = retriever.retrieve(tokens, k=min(n, len(ids)), show_progress=False)
        return [
            [(ids[int(d)], float(s)) for d, s in zip(row_docs, row_scores, strict=True) if s > 0]
            for row_docs, row_scores in zip(docs, scores, strict=True)
        ]

    def reset(self) -> None:
        """Drop every school's index."""
        with self._lock:
            self._cache.clear()
            shutil.rmtree(self.root, ignore_errors=True)

    def _dirs(self) -> list[Path]:
        if not self.root.exists():
            return []
        return [p for p in self.root.iterdir() if p.is_dir() and not p.name.endswith(".new")]

    def _load(self, school: str) -> tuple[bm25s.BM25, list[int]] | None:
        target = self.root / school_dir_name(school)
        ids_file = target / IDS_FILE
        if not ids_file.exists():
            return None
        stamp = ids_file.stat().st_mtime
        with self._lock:
            cached = self._cache.get(school)
            if cached and cached[0] == stamp:
                return cached[1], cached[2]
            retriever = bm25s.BM25.load(str(target))
            ids = json.loads(ids_file.read_text())
            self._cache[school] = (stamp, retriever, ids)
            return retriever, ids


@functools.lru_cache(maxsize=64)
def _tokenized(queries: tuple[str, ...]) -> bm25s.tokenization.Tokenized:
    """A framework's queries tokenized once for every school it is asked of."""
    return _tokenize(list(queries))


def _tokenize(texts: list[str]) -> bm25s.tokenization.Tokenized:
    return bm25s.tokenize(texts, stopwords="en", stemmer=_STEMMER, show_progress=False)
