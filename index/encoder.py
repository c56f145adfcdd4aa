"""Sentence-transformers encoder loaded from a local directory, offline; lazy so `--help` stays instant."""
from __future__ import annotations

import hashlib
import logging
import os
import threading
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)


def model_identity(model_path: Path) -> str:
    """Name plus a hash of the model's config and weight sizes: changes when the model does."""
    digest = hashlib.sha256()
    for path in sorted(model_path.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            digest.update(path.name.encode())
            digest.update(path.read_bytes() if path.suffix == ".json" else str(path.stat().st_size).encode())
    return f"{model_path.name}@{digest.hexdigest()[:12]}"


def declared_dimension(model_path: Path) -> int | None:
    """The embedding size a sentence-transformers directory declares: the last Dense layer's out_features,
    else the Pooling layer's input size, else (no modules.json: transformer + mean pooling) the hidden size."""
    import json

    try:
        modules_file = model_path / "modules.json"
        if not modules_file.is_file():
            return int(json.loads((model_path / "config.json").read_text(encoding="utf-8"))["hidden_size"])
        size = None
        for module in json.loads(modules_file.read_text(encoding="utf-8")):
            kind = module.get("type", "")
            if kind.endswith(("Transformer", "Normalize")):
                continue
            if not kind.endswith(("Dense", "Pooling")):
                return None  # a module whose output size we cannot read: load the model instead
            config = json.loads((model_path / module["path"] / "config.json").read_text(encoding="utf-8"))
            if kind.endswith("Dense"):
                size = int(config["out_features"])
            elif size is None:
                size = int(config["word_embedding_dimension"])
        return size
    except (OSError, ValueError, KeyError, TypeError):
        return None


class SentenceTransformerEncoder:
    """Encodes texts into L2-normalised float32 vectors; safe to share between threads."""

    def __init__(self, model_path: Path):
        self.model_path = Path(model_path)
        self.name = self.model_path.name
        self.identity = model_identity(self.model_path)
        self._model = None
        self._lock = threading.Lock()

    def _load(self):
        if self._model is None:
            # Never reach for a hub: the model is a local directory, on air-gapped machines too.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            from sentence_transformers import SentenceTransformer

            log.debug("loading embedding model from %s", self.model_path)
            self._model = SentenceTransformer(str(self.model_path), device="cpu")
        return self._model

    @property
    def dimension(self) -> int:
        """The vector size: read from the model's config files when they say it (no model load), else loaded."""
        declared = declared_dimension(self.model_path)
        if declared is not None:
            return declared
        with self._lock:
            model = self._load()
        get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(get_dim())

    def encode(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        """Vectors for `texts`, one row each, normalised for cosine similarity as inner product."""
        with self._lock:
            model = self._load()
            vectors = model.encode(
                list(texts), batch_size=batch_size, show_progress_bar=progress,
                normalize_embeddings=True, convert_to_numpy=True,
            )
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)
