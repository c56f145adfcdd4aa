"""Plain dataclasses passed between the stages: ingest → index → qa."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One cleaned document. `text` is the display text: what users see, in the document's own script."""

    doc_id: str
    title: str
    source: str | None
    date: str | None
    text: str
    region: str | None = None
    path: str | None = None  # file name inside corpus/, for linking the raw original
    # Spans of `text` that read as instructions to an AI assistant: (start, end, reason), see ingest.screening.
    flags: tuple[tuple[int, int, str], ...] = ()
    # (offset in `text`, page number) where each page starts; () for formats without pages.
    pages: tuple[tuple[int, int], ...] = ()
    format: str = "text"  # text, pdf, docx or html
    page_count: int | None = None
    sha256: str | None = None  # hash of the file's bytes: the document's identity (duplicates share it)
    added: str | None = None  # when the file arrived in the corpus (its modification time), ISO 8601


def overlapping(flags, start: int, end: int) -> str | None:
    """The reason of the first screening flag (start, end, reason) overlapping [start, end), or None."""
    for flag_start, flag_end, reason in flags:
        if flag_start < end and flag_end > start:
            return reason
    return None


def page_at(document: Document, offset: int) -> int | None:
    """The page of the document that holds `offset` of its display text (None without pages)."""
    page = None
    for start, number in document.pages:
        if start > offset:
            break
        page = number
    return page


@dataclass(frozen=True)
class Chunk:
    """A passage of a document; `document.text[start:end] == text`."""

    chunk_id: str
    doc_id: str
    text: str
    start: int
    end: int
    flag: str | None = None  # why the chunk holds instruction-like text, when it does


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its fused score and 0-based rank."""

    chunk: Chunk
    score: float
    rank: int
    dense_score: float = 0.0
    lexical_score: float = 0.0


@dataclass(frozen=True)
class Citation:
    """An exact span of a document's display text that backs a claim marked `[n]`."""

    n: int
    doc_id: str
    title: str
    source: str | None
    date: str | None
    text: str
    start: int
    end: int
    page: int | None = None  # the page the cited span starts on (PDF); None for formats without pages


@dataclass(frozen=True)
class Passage:
    """A retrieved passage shown to the user, best first."""

    doc_id: str
    title: str
    text: str
    start: int
    end: int
    score: float
    flag: str | None = None  # why this passage holds instruction-like text (shown with a warning)
    page: int | None = None  # the page the passage starts on (PDF)


@dataclass(frozen=True)
class Answer:
    """The result of one question: the answer text with `[n]` markers, its citations and the passages seen."""

    question: str
    answer: str
    abstained: bool
    citations: tuple[Citation, ...] = ()
    passages: tuple[Passage, ...] = ()
    timings_ms: dict[str, float] = field(default_factory=dict)
    support: float = 0.0
    mode: str = "extractive"  # "extractive" or "generated"
    warnings: tuple[str, ...] = ()
    verified: bool | None = None  # generated answers: every marker valid and every number in what it cites
