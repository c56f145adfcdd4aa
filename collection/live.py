"""The index a server answers from: loaded once, replaced whenever a new version is published.

Questions take the current answerer when they start and finish on it, so a swap never changes an answer
in flight. Updates (uploads, deletes, a stale index at start-up) run under the build lock in the caller's
thread or in a background thread; the chat keeps answering from the last published index meanwhile.
"""
from __future__ import annotations

import dataclasses
import logging
import threading
from pathlib import Path

from collection.corpus import ChangeResult, add_files, remove_files
from collection.indexer import STALE_NOTICE, UpdateReport, open_index, open_published, update_index
from core.config import Settings
from index.store import IndexNotWritable, IndexUnusable, StoredIndex, build_lock, current_version

log = logging.getLogger(__name__)


class LiveEngine:
    """Holds the current answerer (engine + optional language model); shared by all sessions."""

    def __init__(self, settings: Settings | None = None, engine=None, answerer=None):
        self._settings = settings
        self._answerer = answerer
        if engine is not None and answerer is None:
            self._answerer = self._wrap(engine)
        self._encoder = self._answerer.engine.retriever.encoder if self._answerer is not None else None
        self._lock = threading.Lock()
        self._background: threading.Thread | None = None
        self.status = "ready" if self._answerer is not None else "not loaded"

    @property
    def settings(self) -> Settings:
        if self._answerer is not None:
            return self._answerer.engine.settings
        if self._settings is None:
            self._settings = Settings.from_env()
        return self._settings

    def encoder(self):
        if self._encoder is None:
            from index.encoder import SentenceTransformerEncoder

            self._encoder = SentenceTransformerEncoder(self.settings.resolved_model_path())
        return self._encoder

    @staticmethod
    def _wrap(engine):
        from qa.generated import Answerer

        return Answerer.from_settings(engine)

    def answerer(self):
        """The current answerer; the first call loads the index (bringing it up to date first if needed)."""
        with self._lock:
            if self._answerer is None:
                index = open_index(self.settings, self.encoder(), progress=True, annotator=self._annotator())
                self._answerer = self._wrap(self._engine(index))
                self.status = "ready"
            return self._answerer

    def get(self):
        """The current engine (index, documents, settings)."""
        return self.answerer().engine

    def start(self, background: bool = True) -> str | None:
        """Serve the last published index at once. When it is stale, bring it up to date in a background
        thread (or now, with `background=False`). Returns why it was stale, or None. With no servable index
        it is built now (IndexUnavailable when it cannot be)."""
        with self._lock:
            try:
                index, stale = open_published(self.settings, self.encoder(), self._annotator())
            except IndexUnusable:
                index, stale = None, None
            if index is not None:
                self._answerer = self._wrap(self._engine(index))
                self.status = "ready"
        if index is None:
            self.answerer()
            return None
        if stale:
            log.warning("serving the last published index while it is brought up to date (%s)", stale)
            self.status = "updating"
            if background:
                self._background = threading.Thread(target=self._update_quietly, name="index-update", daemon=True)
                self._background.start()
            else:
                self._update_quietly()
        return stale

    def wait(self, timeout: float | None = None) -> None:
        """Wait for a background update started by `start` to finish."""
        if self._background is not None:
            self._background.join(timeout)

    def _update_quietly(self) -> None:
        try:
            self.refresh()
        except (IndexNotWritable, PermissionError, OSError) as exc:  # read-only: serve it, saying it is stale
            log.warning("serving a stale index: it cannot be brought up to date here (%s)", exc)
            current = self.get()
            self.publish(dataclasses.replace(current.index, notice=STALE_NOTICE))
            self.status = f"update failed: {exc}"
        except Exception as exc:  # keep serving the published index; say why on the console and the page
            log.exception("background index update failed")
            self.status = f"update failed: {exc}"

    def refresh(self, progress: bool = False) -> UpdateReport:
        """Bring the index up to date with the corpus folder and answer from the result."""
        with build_lock(self.settings.index_dir):
            report = update_index(self.settings, self.encoder(), self._annotator(), progress)
        self.publish(report.index)
        return report

    def add(self, incoming: list[tuple[str, Path]], progress: bool = False) -> ChangeResult:
        """Add files (see collection.corpus.add_files) and answer from the new index."""
        result = add_files(self.settings, self.encoder(), self._annotator(), incoming, progress)
        if result.report is not None:
            self.publish(result.report.index)
        return result

    def remove(self, names: list[str], progress: bool = False) -> ChangeResult:
        """Remove files (see collection.corpus.remove_files) and answer from the new index."""
        result = remove_files(self.settings, self.encoder(), self._annotator(), names, progress)
        if result.report is not None:
            self.publish(result.report.index)
        return result

    def publish(self, index: StoredIndex) -> None:
        """Answer new questions from `index`; questions already being answered finish on the old one.

        Two updates may finish close together (an upload and a background update): only the version that is
        live on disk is taken, so an older one published a moment later never replaces a newer one."""
        answerer = self._wrap(self._engine(index))
        with self._lock:
            if index.path is not None and _live_version(self.settings.index_dir) not in (None, index.path.name):
                log.info("not answering from %s: a newer index has been published", index.path.name)
                return
            self._answerer = answerer
            self.status = "ready"
        log.info("answering from index %s (%d documents)", index.path.name if index.path else "-",
                 len(index.documents))

    def _engine(self, index: StoredIndex):
        from qa.engine import Engine

        return Engine(self.settings, index, self.encoder())

    @staticmethod
    def _annotator():
        from qa.analysis import SENTENCE_ANALYSER

        return SENTENCE_ANALYSER


def _live_version(index_dir: Path) -> str | None:
    """Name of the version CURRENT points at, or None when it cannot be read."""
    try:
        return current_version(index_dir).name
    except (IndexUnusable, OSError):
        return None
