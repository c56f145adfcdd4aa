"""BM25 (bm25s) over jieba tokens of the matching form of each text."""
from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from core.textnorm import normalize

STOPWORDS_PATH = Path(__file__).with_name("stopwords.txt")
_WORDLIKE = re.compile(r"\w")
_jieba_lock = threading.Lock()


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The stop-word list, shared by indexing and queries."""
    lines = STOPWORDS_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def lexical_fingerprint() -> str:
    """Names everything that decides the BM25 tokens: stop words, this module, jieba and bm25s versions."""
    import bm25s
    import jieba

    digest = hashlib.sha256(f"jieba {jieba.__version__} bm25s {bm25s.__version__}".encode())
    digest.update(STOPWORDS_PATH.read_bytes() + Path(__file__).read_bytes())
    from core import textnorm  # the matching form is part of every token

    digest.update(Path(textnorm.__file__).read_bytes())
    return digest.hexdigest()[:16]


def jieba_tokenizer():
    """The jieba module, initialised once (its dictionary load is slow and not thread-safe)."""
    import jieba

    with _jieba_lock:
        if not jieba.dt.initialized:
            jieba.setLogLevel(logging.WARNING)
            # jieba's default cache is one file in the shared temp folder: another user's copy there
            # cannot be replaced and jieba logs a traceback. Keep ours in a folder this process owns.
            jieba.dt.tmp_dir = str(private_cache_dir())
            jieba.initialize()
    return jieba


def private_cache_dir() -> Path:
    """A cache folder owned by this user: $XDG_CACHE_HOME/reformqa (~/.cache/reformqa), else a new temp folder."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "reformqa"
    try:
        base.mkdir(parents=True, exist_ok=True)
        if base.stat().st_uid == os.getuid() and os.access(base, os.W_OK):
            return base
    except OSError:
        pass
    return Path(tempfile.mkdtemp(prefix="reformqa-cache-"))


def tokenize(text: str, normalise: bool = True) -> list[str]:
    """Search-mode jieba tokens of the normalised text, without punctuation and stop words."""
    stop = stopwords()
    text = normalize(text) if normalise else text
    return [t for t in jieba_tokenizer().lcut_for_search(text) if _WORDLIKE.search(t) and t.strip() not in stop]


class LexicalIndex:
    """A BM25 index of chunk texts; row i is chunk i."""

    def __init__(self, model, normalise: bool = True):
        self._model = model
        self.normalise = normalise  # False only for baselines that skip normalisation

    @classmethod
    def build(cls, texts: list[str], normalise: bool = True) -> "LexicalIndex":
        return cls.from_tokens([tokenize(t, normalise) for t in texts], normalise)

    @classmethod
    def from_tokens(cls, token_lists: list[list[str]], normalise: bool = True) -> "LexicalIndex":
        """The index of texts already tokenised by `tokenize` (a build reuses cached tokens this way)."""
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)
        model = bm25s.BM25()
        model.index([tokens or ["\u2205"] for tokens in token_lists], show_progress=False)
        return cls(model, normalise)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every chunk for the query (zeros when no query token is known)."""
        tokens = tokenize(query, self.normalise)
        vocab = self._model.vocab_dict
        tokens = [t for t in tokens if t in vocab]
        if not tokens:
            return np.zeros(self._model.scores["num_docs"], dtype=np.float32)
        return np.asarray(self._model.get_scores(tokens), dtype=np.float32)

    def save(self, directory: Path) -> None:
        self._model.save(str(directory), show_progress=False)

    @classmethod
    def load(cls, directory: Path) -> "LexicalIndex":
        import bm25s

        return cls(bm25s.BM25.load(str(directory), show_progress=False, verbosity=0))
