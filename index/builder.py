"""Index construction from documents and chunks: what the encoder sees, and in-memory indexes for baselines.

Building from the corpus folder, updating and opening the published index live in `collection.indexer`."""
from __future__ import annotations

from typing import Protocol

from core.textnorm import normalize
from core.types import Chunk, Document
from index.lexical import LexicalIndex
from index.store import StoredIndex


def dense_text(chunk: Chunk, document: Document, normalise: bool = True, with_title: bool = True) -> str:
    """What the encoder sees for a chunk: its document title for context, then the text (matching form)."""
    text = f"{document.title}\n{chunk.text}" if with_title else chunk.text
    return normalize(text) if normalise else text


def build_in_memory(documents: list[Document], chunks: list[Chunk], encoder, normalise: bool = True,
                    with_titles: bool = True, progress: bool = False) -> StoredIndex:
    """An index that lives only in memory: for benchmarks and baselines, never for serving."""
    import faiss

    docs = {d.doc_id: d for d in documents}
    texts = [dense_text(c, docs[c.doc_id], normalise, with_titles) for c in chunks]
    embeddings = encoder.encode(texts, progress=progress)
    vectors = faiss.IndexFlatIP(embeddings.shape[1])
    vectors.add(embeddings)
    lexical = LexicalIndex.build([c.text for c in chunks], normalise)
    return StoredIndex({"in_memory": True}, docs, tuple(chunks), vectors, lexical, None)


class Annotator(Protocol):
    """Per-document work done once at build time and stored with the index (see qa.analysis)."""

    fingerprint: str

    def __call__(self, document: Document) -> list: ...
