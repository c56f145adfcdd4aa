"""What the collection holds, for `python -m ingest list` and the Documents page: one row per file."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from index.store import StoredIndex

NOT_INDEXED = ("failed", "duplicate", "skipped")


@dataclass(frozen=True)
class DocumentRow:
    """One file of the collection as the last published index saw it."""

    name: str
    status: str  # indexed, or why not: failed, duplicate, skipped
    title: str = ""
    publisher: str = ""
    date: str = ""
    region: str = ""
    format: str = ""
    pages: int | None = None
    passages: int = 0
    added: str = ""
    doc_id: str = ""
    note: str = ""  # the reason a file is not indexed, or what to know about it


def catalog(index: StoredIndex) -> list[DocumentRow]:
    """Indexed documents by file name, then the files that are not indexed with the reason."""
    passages = Counter(chunk.doc_id for chunk in index.chunks)
    notes = {}  # file name -> (status, what to say: the reason it is not indexed, or notes about it)
    for outcome in index.manifest.get("outcomes", []):
        say = outcome["message"] if outcome["status"] in NOT_INDEXED else "; ".join(outcome.get("notes", ()))
        notes[outcome["name"]] = (outcome["status"], say)
    rows = [DocumentRow(
        name=d.path or d.doc_id, status="indexed", title=d.title, publisher=d.source or "", date=d.date or "",
        region=d.region or "", format=d.format, pages=d.page_count, passages=passages[d.doc_id],
        added=(d.added or "")[:16].replace("T", " "), doc_id=d.doc_id, note=notes.get(d.path, ("", ""))[1])
        for d in sorted(index.documents.values(), key=lambda d: d.path or d.doc_id)]
    rows += [DocumentRow(name=name, status=status, note=note)
             for name, (status, note) in sorted(notes.items()) if status in NOT_INDEXED]
    return rows


def format_table(rows: list[DocumentRow]) -> str:
    """A plain-text table for the terminal."""
    header = ("file", "status", "format", "pages", "passages", "date", "region", "title")
    lines = [header] + [(r.name, r.status, r.format, "" if r.pages is None else str(r.pages),
                         str(r.passages) if r.status == "indexed" else "", r.date, r.region,
                         r.title if r.status == "indexed" else r.note) for r in rows]
    widths = [min(max(_width(line[i]) for line in lines), 40) for i in range(len(header) - 1)]
    return "\n".join("  ".join(_pad(cell, widths[i]) for i, cell in enumerate(line[:-1])) + "  " + line[-1]
                     for line in lines)


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    while _width(text) > width:
        text = text[:-2] + "…"
    return text + " " * (width - _width(text))
