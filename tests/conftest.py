"""Shared fixtures: the real corpus, a real model and index built once per session in a temporary folder."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from core.config import PROJECT_ROOT, Settings  # noqa: E402
from core.textnorm import normalize  # noqa: E402

CORPUS = PROJECT_ROOT / "corpus"
HEILONGJIANG = "heilongjiang-press-conference-2024"


class KeywordEncoder:
    """A fake encoder for fast unit tests: one dimension per keyword, 1 when the keyword occurs."""

    def __init__(self, keywords: list[str]):
        self.keywords = [normalize(k) for k in keywords]
        self.identity = "keywords@" + "|".join(self.keywords)
        self.dimension = len(self.keywords) + 1
        self.model_path = Path("/nonexistent/keyword-encoder")
        self.calls = 0

    def encode(self, texts, batch_size=32, progress=False):
        self.calls += 1
        rows = []
        for text in texts:
            row = [1.0 if k in normalize(text) else 0.0 for k in self.keywords] + [0.01]
            rows.append(row)
        vectors = np.asarray(rows, dtype=np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A private copy of the real corpus that a test may change."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


@pytest.fixture(scope="session")
def real_settings(tmp_path_factory) -> Settings:
    """Settings for the real corpus with the index in a session temporary folder."""
    return Settings.from_env({}, index_dir=tmp_path_factory.mktemp("index"), corpus_dir=CORPUS)


@pytest.fixture(scope="session")
def engine(real_settings):
    """The real engine: bundled m3e-small, FAISS and BM25, built from the real corpus once."""
    from qa.engine import Engine

    return Engine.open(real_settings)
