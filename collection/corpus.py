"""Add, replace and remove documents: the corpus folder changes, then the index is brought up to date.

The command line (`python -m ingest add/remove`) and the app's Documents page both call `add_files` and
`remove_files`, so they share outcomes and messages. Files are identified by content: the same bytes under
another name are a duplicate and are not added; the same name with other bytes replaces the old version.
Every change happens under the index build lock, so concurrent uploads and deletes run one after another.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path

from collection.indexer import FileOutcome, UpdateReport, over_limit_message, update_index
from core.config import Settings
from core.hashing import file_sha256
from index.store import build_lock
from ingest.loader import METADATA_FILE, UPLOAD_PREFIX, corpus_files
from ingest.readers import is_supported, unsupported_reason

log = logging.getLogger(__name__)

MAX_NAME_CHARS = 120
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')


@dataclass(frozen=True)
class ChangeResult:
    """One outcome per file asked about (in the order asked) and the update that published the change
    (None when nothing changed)."""

    outcomes: tuple[FileOutcome, ...]
    report: UpdateReport | None


def safe_file_name(name: str) -> str:
    """The name a file gets in the corpus folder: its last path part only, without control or reserved
    characters, leading dots or spaces; long names shortened (the extension kept). ValueError when nothing
    usable is left."""
    base = unicodedata.normalize("NFC", str(name)).replace("\\", "/").split("/")[-1]
    base = _UNSAFE.sub("_", base).strip().lstrip(". ").strip()
    stem, suffix = os.path.splitext(base)
    if len(stem) > MAX_NAME_CHARS:
        base = stem[:MAX_NAME_CHARS] + suffix
    if not stem.strip(" ._") or base == METADATA_FILE:
        raise ValueError(f"{name!r}: not a usable file name")
    return base


def add_files(settings: Settings, encoder, annotator, incoming: list[tuple[str, Path]],
              progress: bool = False) -> ChangeResult:
    """Copy files into the corpus folder (name as given, made safe) and index them.

    `incoming` holds (the file's name as the user knows it, where its bytes are now). A file is refused
    with a message when its name or format is not usable, it is over the size limit, or the same bytes are
    already in the collection; one that cannot be read is left out of the folder.
    """
    limit = int(settings.max_file_mb * 1024 * 1024)
    outcomes: list[FileOutcome | None] = []
    with build_lock(settings.index_dir):
        remove_stale_uploads(settings.corpus_dir)
        present = {p.name: file_sha256(p) for p in corpus_files(settings.corpus_dir)}
        placed = []  # (position in outcomes, name, the replaced version kept until the new one is indexed)
        for original, source in incoming:
            outcome, name, backup = _place(settings.corpus_dir, original, Path(source), present, limit,
                                           settings.max_file_mb)
            outcomes.append(outcome)
            if outcome is None:
                placed.append((len(outcomes) - 1, name, backup))
        if not placed:
            return ChangeResult(tuple(outcomes), None)
        try:
            report = update_index(settings, encoder, annotator, progress)
        except BaseException:  # interrupted or failed: the folder goes back to what the index holds
            for _, name, backup in placed:
                _restore(settings.corpus_dir / name, backup)
            raise
        unreadable = False
        for position, name, backup in placed:
            outcome = report.outcome(name) or FileOutcome(name, "failed", f"{name}: not indexed")
            if outcome.status == "failed":  # not kept in the folder; a replaced version comes back
                _restore(settings.corpus_dir / name, backup)
                unreadable = True
            elif backup is not None:
                backup.unlink(missing_ok=True)
            outcomes[position] = outcome
        if unreadable:
            report = update_index(settings, encoder, annotator, progress)
    return ChangeResult(tuple(outcomes), report)


def _restore(path: Path, backup: Path | None) -> None:
    """Put the replaced version back (or remove a new file that has none)."""
    if backup is not None:
        os.replace(backup, path)
    else:
        path.unlink(missing_ok=True)


def _place(corpus_dir: Path, original: str, source: Path, present: dict[str, str], limit: int,
           max_file_mb: float) -> tuple[FileOutcome | None, str, Path | None]:
    """Write one incoming file into the folder atomically. Returns (an outcome when it is refused, else None;
    its name in the folder; where the version it replaces was moved, if any)."""
    try:
        name = safe_file_name(original)
    except ValueError as exc:
        return FileOutcome(str(original), "refused", str(exc)), "", None
    refused, sha = _refusal(name, source, present, limit, max_file_mb)
    if refused is not None:
        return refused, name, None
    backup = None
    if name in present:
        backup = corpus_dir / f"{UPLOAD_PREFIX}old-{uuid.uuid4().hex}"
        os.link(corpus_dir / name, backup)
    staging = corpus_dir / f"{UPLOAD_PREFIX}{uuid.uuid4().hex}"
    try:
        shutil.copyfile(source, staging)
        os.replace(staging, corpus_dir / name)
    finally:
        staging.unlink(missing_ok=True)
    log.info("%s: %s the corpus folder", name, "replaced in" if backup else "added to")
    present[name] = sha
    return None, name, backup


def _refusal(name: str, source: Path, present: dict[str, str], limit: int,
             max_file_mb: float) -> tuple[FileOutcome | None, str | None]:
    """Why an incoming file is not placed in the folder (format, size, empty, already there), or None; and
    the file's SHA-256 once it has been read."""
    if not is_supported(Path(name)):
        return FileOutcome(name, "refused", unsupported_reason(Path(name))), None
    size = source.stat().st_size
    if size > limit:
        return FileOutcome(name, "refused", over_limit_message(name, size, max_file_mb)), None
    if size == 0:
        return FileOutcome(name, "refused", f"{name}: file is empty"), None
    sha = file_sha256(source)
    if present.get(name) == sha:
        return FileOutcome(name, "unchanged", f"{name}: already in the collection, unchanged"), sha
    twin = next((other for other, digest in present.items() if digest == sha and other != name), None)
    if twin is not None:
        message = f"{name}: same content as {twin}, already in the collection; not added"
        return FileOutcome(name, "duplicate", message), sha
    return None, sha


def remove_files(settings: Settings, encoder, annotator, names: list[str], progress: bool = False) -> ChangeResult:
    """Delete files from the corpus folder by the names `list` shows, and publish the index without them."""
    outcomes, removed = [], False
    with build_lock(settings.index_dir):
        present = {p.name for p in settings.corpus_dir.iterdir() if p.is_file()}
        for name in names:
            if name not in present or name == METADATA_FILE or Path(name).name != name:
                outcomes.append(FileOutcome(name, "failed", f"{name}: no such document in the collection "
                                                            f"(see python -m ingest list)"))
                continue
            (settings.corpus_dir / name).unlink()
            removed = True
            outcomes.append(FileOutcome(name, "removed", f"{name}: removed from the collection and the index"))
        report = update_index(settings, encoder, annotator, progress) if removed else None
    return ChangeResult(tuple(outcomes), report)


def remove_stale_uploads(corpus_dir: Path) -> None:
    """Remove upload staging files an interrupted upload left behind; call while holding the build lock."""
    for leftover in corpus_dir.glob(f"{UPLOAD_PREFIX}*"):
        leftover.unlink(missing_ok=True)
