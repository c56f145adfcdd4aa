"""Split display text into overlapping chunks on Chinese sentence punctuation, keeping exact offsets."""
from __future__ import annotations

from core.types import Chunk, Document

# Both the full-width and ASCII forms: the display text keeps whatever the document used.
SEPARATORS = ["\n\n", "\n", "。", "！", "!", "？", "?", "；", ";", "，", ",", "、", ""]


def chunk_document(document: Document, chunk_size: int, chunk_overlap: int) -> list[Chunk]:
    """Chunks of one document; `document.text[chunk.start:chunk.end] == chunk.text` for each."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=chunk_size,
        chunk_overlap=chunk_overlap,
        separators=SEPARATORS,
        keep_separator="end",
        add_start_index=True,
        strip_whitespace=True,
    )
    chunks = []
    for i, piece in enumerate(splitter.create_documents([document.text])):
        start = piece.metadata["start_index"]
        text = piece.page_content
        if document.text[start : start + len(text)] != text:  # langchain's find() failed: search ourselves
            start = document.text.find(text)
        if start < 0:
            raise ValueError(f"chunk {i} of {document.doc_id} is not a substring of its document")
        chunks.append(Chunk(f"{document.doc_id}#{i}", document.doc_id, text, start, start + len(text)))
    return chunks
