"""Serve an indexed document's original file without letting it run in the app's origin.

Only files of indexed documents are served, looked up by document id (never by a path from the request).
PDFs open inline (the browser's PDF viewer, at the cited page); text is served as text/plain; HTML, SVG,
Word and anything else only as a download. Every response carries `X-Content-Type-Options: nosniff`, and
everything but PDFs a CSP sandbox, so that nothing a document holds can run as a page of this app.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from fastapi import HTTPException
from fastapi.responses import FileResponse, Response

from core.types import Document

SAFE_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
SANDBOX = {"Content-Security-Policy": "default-src 'none'; sandbox"}


def _disposition(kind: str, name: str) -> str:
    return f"{kind}; filename*=UTF-8''{quote(name)}"


def document_file_response(document: Document | None, corpus_dir: Path) -> Response:
    """The response for GET /documents/{doc_id}/file: 404 for anything not an indexed document's file."""
    if document is None or not document.path:
        raise HTTPException(status_code=404, detail="no such document")
    root = corpus_dir.resolve()
    path = (root / document.path).resolve()
    if path.parent != root or not path.is_file():
        raise HTTPException(status_code=404, detail="the document's file is no longer in the corpus")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return FileResponse(path, media_type="application/pdf", headers={
            **SAFE_HEADERS, "Content-Disposition": _disposition("inline", path.name)})
    if suffix in (".txt", ".md"):
        from ingest.loader import CorpusReadError, decode_text

        try:
            text, _ = decode_text(path.read_bytes(), path.name)
        except CorpusReadError:
            text = None
        if text is not None:
            return Response(text.encode("utf-8"), media_type="text/plain; charset=utf-8", headers={
                **SAFE_HEADERS, **SANDBOX, "Content-Disposition": _disposition("inline", path.name)})
    return FileResponse(path, media_type="application/octet-stream", headers={
        **SAFE_HEADERS, **SANDBOX, "Content-Disposition": _disposition("attachment", path.name)})
