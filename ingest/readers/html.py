"""A saved web page (any charset) → its main content as raw lines, with title and publication date.

trafilatura (Apache-2.0) keeps the article's paragraphs and tables and drops navigation, scripts and
comments; the cleaning rules still apply to what it keeps. The bytes are decoded here, from the declared
charset or, without one, detected like text files (UTF-8, GB18030, Big5).
"""
from __future__ import annotations

import logging
import re

from ingest.readers import Extracted

_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)


def decode_html(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding): the charset a <meta> tag declares when Python knows it, else detected."""
    from ingest.loader import decode_text

    declared = _DECLARED.search(data[:4096])
    if declared:
        encoding = declared.group(1).decode("ascii", "replace").lower()
        encoding = {"gb2312": "gb18030", "gbk": "gb18030"}.get(encoding, encoding)  # the superset reads both
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common: fall back to detection
    return decode_text(data, name)


def read_html(data: bytes, name: str) -> Extracted:
    """Main content, title and date of a saved page; CorpusReadError when nothing readable is found."""
    import trafilatura

    from ingest.loader import CorpusReadError

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    text, encoding = decode_html(data, name)
    body = trafilatura.extract(text, output_format="txt", include_tables=True, include_comments=False,
                               include_images=False, include_links=False, deduplicate=False)
    if not body or not body.strip():
        raise CorpusReadError(f"{name}: no article text found in the page")
    meta = trafilatura.extract_metadata(text)
    title = (meta.title or "").strip() or None if meta else None
    date = meta.date if meta and meta.date else None
    publisher = (meta.sitename or "").strip() or None if meta else None
    return Extracted(_tidy(body), "html", encoding, title=title, date=date, publisher=publisher)


def _tidy(body: str) -> str:
    # trafilatura writes a table row as "| a | b |" and a list item as "- a": keep "a | b" and "a".
    lines = (re.sub(r"^- ", "", line) for line in body.splitlines())
    return "\n".join(re.sub(r"^\|\s*|\s*\|\s*$", "", line) for line in lines)
