import pytest

from ingest.chunking import chunk_document
from ingest.pipeline import load_documents
from tests.conftest import CORPUS


@pytest.mark.parametrize("size,overlap", [(120, 20), (300, 60), (750, 150)])
def test_chunk_offsets_are_exact_and_cover_every_document(size, overlap):
    documents, _ = load_documents(CORPUS)
    for document in documents:
        chunks = chunk_document(document, size, overlap)
        assert chunks
        covered = set()
        for chunk in chunks:
            assert document.text[chunk.start : chunk.end] == chunk.text
            assert len(chunk.text) <= size
            covered.update(range(chunk.start, chunk.end))
        visible = {i for i, c in enumerate(document.text) if not c.isspace()}
        assert visible <= covered


def test_chunks_end_at_a_paragraph_or_sentence_boundary():
    documents, _ = load_documents(CORPUS)
    pairs = [(d, c) for d in documents for c in chunk_document(d, 300, 60)]
    chunks = [c for _, c in pairs]
    ends = sum(c.text[-1] in "。！？；，,;!?”:" or d.text[c.end : c.end + 1] in ("", "\n") for d, c in pairs)
    assert ends == len(chunks)
