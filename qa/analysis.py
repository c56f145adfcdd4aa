"""Sentence analysis for the answer composer, done once per document when the index is built.

Segmenting every sentence with jieba and finding the places it names takes about 7 ms per document: done
per question it grows with what retrieval touches, done at start-up it grows with the collection. The
index builder calls `SentenceAnalyser` for each document and stores the rows beside the vectors; its
fingerprint is part of the index key, so a change to the tokeniser, its dictionary, the place lexicon or
this code makes the index stale.
"""
from __future__ import annotations

import hashlib
from functools import cached_property
from pathlib import Path

from core.types import Document
from qa.text_units import Sentence, analyse_sentence, sentences


class SentenceAnalyser:
    """Callable: document → JSON-able rows of its analysed sentences; `fingerprint` names the method."""

    name = "sentences"

    @cached_property
    def fingerprint(self) -> str:
        import jieba

        from qa import regions, text_units

        digest = hashlib.sha256(f"jieba {jieba.__version__}".encode())
        for path in (Path(__file__), Path(text_units.__file__), Path(regions.__file__), regions.REGIONS_PATH, regions.PLACES_PATH,
                     Path(jieba.__file__).with_name("dict.txt")):
            digest.update(path.read_bytes() if path.suffix != ".txt" else str(path.stat().st_size).encode())
        return digest.hexdigest()[:16]

    def __call__(self, document: Document) -> list:
        return [s.to_row() for s in analyse(document)]


def analyse(document: Document) -> list[Sentence]:
    """Every sentence of a document, analysed."""
    from index.lexical import jieba_tokenizer
    from qa.regions import find_regions

    segment = jieba_tokenizer().lcut
    return [analyse_sentence(span, segment, find_regions) for span in sentences(document.text)]


def from_rows(document: Document, rows: list) -> list[Sentence]:
    """The Sentences of a document from rows the analyser stored in the index."""
    return [Sentence.from_row(document.text, row) for row in rows]


SENTENCE_ANALYSER = SentenceAnalyser()
