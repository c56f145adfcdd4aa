"""Hand-curated document metadata from `corpus/metadata.yaml`; it wins over anything guessed from the text."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ingest.loader import METADATA_FILE

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DocumentMeta:
    """Metadata of one corpus file; every field may be missing."""

    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    region: str | None = None
    original: str | None = None
    drop_lines: tuple[str, ...] = ()


def load_metadata(corpus_dir: Path) -> dict[str, DocumentMeta]:
    """Metadata keyed by file name; a missing file gives {}, a malformed one is logged and ignored."""
    path = corpus_dir / METADATA_FILE
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        log.error("%s: cannot parse metadata (%s); using titles from the text", path.name, exc)
        return {}
    metas = {}
    for name, entry in data.items():
        entry = entry or {}
        metas[str(name)] = DocumentMeta(
            title=entry.get("title"),
            publisher=entry.get("publisher"),
            date=None if entry.get("date") is None else str(entry["date"]),
            region=entry.get("region"),
            original=entry.get("original"),
            drop_lines=tuple(entry.get("drop_lines") or ()),
        )
    return metas


def fallback_title(display_text: str, limit: int = 60) -> str:
    """The first meaningful line of the display text, shortened to `limit` characters."""
    for line in display_text.split("\n"):
        line = line.strip()
        if len(re.sub(r"[\W\d_]+", "", line)) >= 4:
            return line if len(line) <= limit else line[: limit - 1] + "…"
    return "(无标题)"


def doc_id_for(file_name: str) -> str:
    """Stable document id: the file name without its extension."""
    return Path(file_name).stem
