"""The systems compared by the runner: the project's pipeline and three baselines, one interface."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from core.config import Settings
from core.types import Document
from index.builder import build_in_memory
from index.search import FusionWeights, Retriever
from ingest.loader import CorpusReadError, corpus_files, read_corpus_file
from ingest.pipeline import chunk_documents, load_documents
from qa.engine import Engine, QuestionError

SINGLE_SOURCE_LIMIT = 120


@dataclass(frozen=True)
class SystemAnswer:
    """What scoring needs from any system."""

    answer: str
    abstained: bool
    passages: tuple[str, ...]
    cited: tuple[str, ...]
    n_sources: int
    latency_ms: float
    passage_docs: tuple[str, ...] = ()  # document id of each passage, same order


class System(Protocol):
    name: str

    def answer(self, question: str) -> SystemAnswer: ...


class PipelineSystem:
    """The project's own pipeline: cleaning, normalisation, hybrid retrieval, extractive answers, abstention."""

    name = "reformqa"

    def __init__(self, engine: Engine):
        self.engine = engine

    def answer(self, question: str) -> SystemAnswer:
        started = time.perf_counter()
        try:
            result = self.engine.ask(question)
        except QuestionError as exc:
            return SystemAnswer(str(exc), True, (), (), 0, (time.perf_counter() - started) * 1000)
        return SystemAnswer(
            result.answer, result.abstained, tuple(p.text for p in result.passages),
            tuple(c.text for c in result.citations), len({c.doc_id for c in result.citations}),
            (time.perf_counter() - started) * 1000, tuple(p.doc_id for p in result.passages),
        )


class TopPassageSystem:
    """A baseline: retrieve, answer with the top passage, never abstain (it cites that passage)."""

    def __init__(self, name: str, retriever: Retriever, k: int):
        self.name = name
        self.retriever = retriever
        self.k = k

    def answer(self, question: str) -> SystemAnswer:
        started = time.perf_counter()
        hits = self.retriever.search(question, max(self.k, 1))
        texts = tuple(h.chunk.text for h in hits)
        top = texts[0] if texts else ""
        return SystemAnswer(top, False, texts, texts[:1], 1, (time.perf_counter() - started) * 1000,
                            tuple(h.chunk.doc_id for h in hits))


def raw_documents(corpus_dir: Path) -> list[Document]:
    """Each corpus file as it is, uncleaned: what a pipeline without cleaning indexes."""
    documents = []
    for path in corpus_files(corpus_dir):
        try:
            raw = read_corpus_file(path)
        except CorpusReadError:
            continue
        documents.append(Document(path.stem, path.stem, None, None, raw.text, path=path.name))
    return documents


def build_systems(settings: Settings, engine: Engine, k: int) -> list[System]:
    """The baselines of the issue, plus the project's pipeline, all over the same corpus folder."""
    encoder = engine.retriever.encoder
    raw = raw_documents(settings.corpus_dir)
    cleaned, _ = load_documents(settings.corpus_dir)
    dense_raw = build_in_memory(raw, chunk_documents(raw, 250, 50), encoder, normalise=False, with_titles=False)
    bm25 = build_in_memory(cleaned, chunk_documents(cleaned, settings.chunk_size, settings.chunk_overlap), encoder)
    chatchat = build_in_memory(raw, chunk_documents(raw, 750, 150), encoder, normalise=False, with_titles=False)
    return [
        TopPassageSystem("dense-raw-250", Retriever(dense_raw, encoder, FusionWeights(1.0, 0.0), normalise=False), k),
        TopPassageSystem("bm25-jieba", Retriever(bm25, encoder, FusionWeights(0.0, 1.0)), k),
        TopPassageSystem("chatchat-750", Retriever(chatchat, encoder, FusionWeights(0.5, 0.5), normalise=False), 3),
        PipelineSystem(engine),
    ]
