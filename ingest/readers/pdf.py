"""PDF text layer → raw lines with their pages (pdfplumber, MIT).

pdfplumber kept every character and the reading order on our fixtures (Chromium-printed Chinese PDFs with
tables). Lines that layout broke inside a paragraph are joined again (no space between Chinese characters);
running headers and footers repeated on most pages are dropped here, page numbers by the cleaning rules.
Radical code points that many PDFs use for ordinary characters (⼯ for 工, ⻰ for 龙) are mapped back.
Pages with no characters, or mostly private-use, U+FFFD or (cid:N) characters, are reported by number and
read by OCR only when an OCR function is given (the REFORMQA_OCR setting).
"""
from __future__ import annotations

import io
import logging
import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tqdm import tqdm

from ingest.readers import Extracted

log = logging.getLogger(__name__)

RADICALS_PATH = Path(__file__).resolve().parent.parent / "radicals.tsv"
_CID = re.compile(r"\(cid:\d+\)")
_PARAGRAPH_END = "。！？!?；;：:”」』）)】"
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’]")
GARBLED_SHARE = 0.3  # a page whose text is more than this share of unmapped characters has no usable text
RUNNING_LINE_SHARE = 0.5  # a line at the top or bottom of at least this share of pages is a running header/footer


@dataclass(frozen=True)
class _Line:
    text: str
    x0: float
    x1: float
    height: float


@lru_cache(maxsize=1)
def radical_table() -> dict[int, str]:
    """Radical code point → the ideograph it stands for (Unicode's EquivalentUnifiedIdeograph data)."""
    table = {}
    for line in RADICALS_PATH.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            radical, ideograph = line.split("\t")
            table[ord(radical)] = ideograph
    return table


def unradical(text: str) -> str:
    """Text with radical code points replaced by the ordinary characters (⼯⼈ → 工人)."""
    return text.translate(radical_table())


def unreadable_share(text: str) -> float:
    """Share of a page's visible characters that carry no real text (private use, U+FFFD, (cid:N))."""
    cids = _CID.findall(text)
    rest = _CID.sub("", text)
    visible = [c for c in rest if not c.isspace()]
    bad = len(cids) + sum(1 for c in visible if c == "\ufffd" or 0xE000 <= ord(c) <= 0xF8FF)
    total = len(cids) + len(visible)
    return 1.0 if total == 0 else bad / total


def read_pdf(data: bytes, name: str, ocr: Callable | None = None) -> Extracted:
    """Extract a PDF's text layer; CorpusReadError for an encrypted, damaged or truncated file."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    from ingest.loader import CorpusReadError

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # it warns once per glyph about font boxes
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages
    except Exception as exc:  # pdfminer raises many kinds for damaged files; the user needs one message
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc  # pdfplumber wraps them
        if isinstance(cause, PDFPasswordIncorrect) or isinstance(exc.__context__, PDFPasswordIncorrect):
            raise CorpusReadError(f"{name}: the PDF is encrypted (password protected); save a copy without "
                                  "the password and add that") from None
        raise CorpusReadError(f"{name}: not a readable PDF (damaged or truncated: {type(cause).__name__})") from None
    with pdf:
        page_lines, unreadable = [], []
        # Progress for long work (OCR, or many pages), on a terminal only (tqdm's disable=None).
        show = None if (ocr is not None or len(pages) > 20) else True
        for number, page in enumerate(tqdm(pages, desc=name[:30], unit="page", disable=show, leave=False), start=1):
            try:
                lines = _page_lines(page)
            except Exception as exc:
                raise CorpusReadError(f"{name}: page {number} cannot be read ({type(exc).__name__}); "
                                      "the PDF is damaged") from None
            if unreadable_share(" ".join(line.text for line in lines)) > GARBLED_SHARE:
                unreadable.append(number)
                lines = [_Line(*line) for line in ocr(page)] if ocr is not None else []
            page_lines.append(lines)
        metadata = dict(pdf.metadata or {})
    notes = []
    if unreadable:
        pages_text = _page_list(unreadable)
        notes.append(f"{name}: {len(unreadable)} of {len(page_lines)} pages have no usable text layer "
                     f"(scanned?): {pages_text}" + ("; read by OCR" if ocr else
                                                    "; set REFORMQA_OCR=1 to read them by OCR"))
    if not any(page_lines):
        raise CorpusReadError(f"{name}: no text layer on any page (a scanned PDF?); "
                              "set REFORMQA_OCR=1 to read it by OCR")
    texts, line_pages = [], []
    for number, paragraphs in enumerate(_paragraphs(_drop_running_lines(page_lines)), start=1):
        for paragraph in paragraphs:
            texts.append(unradical(paragraph))
            line_pages.append(number)
    return Extracted("\n".join(texts), "pdf", None, tuple(line_pages), len(page_lines),
                     title=_title(metadata), notes=tuple(notes))


def _page_lines(page) -> list[_Line]:
    return [_Line(line["text"], line["x0"], line["x1"], line["bottom"] - line["top"])
            for line in page.extract_text_lines(return_chars=False) if line["text"].strip()]


def _drop_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Without lines that open or close most pages with the same text (digits aside): headers, footers."""
    if len(pages) < 3:
        return pages
    key = lambda line: re.sub(r"\d+", "#", line.text.strip())  # noqa: E731
    edges = Counter(k for lines in pages for k in {key(line) for line in lines[:2] + lines[-2:]})
    running = {k for k, n in edges.items() if n >= max(3, RUNNING_LINE_SHARE * len(pages))}
    return [[line for i, line in enumerate(lines) if not ((i < 2 or i >= len(lines) - 2) and key(line) in running)]
            for lines in pages]


def _paragraphs(pages: list[list[_Line]]) -> list[list[str]]:
    """Each page's lines joined into paragraphs: a line that fills the column and does not end a sentence
    continues on the next line unless that one is indented. Paragraphs do not cross pages, so that every
    line of the result has one page."""
    result = []
    for lines in pages:
        if not lines or not any(line.x1 for line in lines):  # OCR lines carry no geometry: one per line
            result.append([line.text.strip() for line in lines])
            continue
        left, right = min(line.x0 for line in lines), max(line.x1 for line in lines)
        size = statistics.median(line.height for line in lines) or 10.0
        paragraphs: list[str] = []
        for previous, line in zip([None, *lines], lines):
            text = line.text.strip()
            if previous is not None and _continues(previous, line, left, right, size):
                paragraphs[-1] = _join(paragraphs[-1], text)
            else:
                paragraphs.append(text)
        result.append(paragraphs)
    return result


def _continues(previous: _Line, line: _Line, left: float, right: float, size: float) -> bool:
    fills_column = previous.x1 >= right - 1.5 * size
    indented = line.x0 > left + 1.5 * size
    return fills_column and not indented and previous.text.rstrip()[-1:] not in _PARAGRAPH_END


def _join(before: str, after: str) -> str:
    if _WIDE.match(before[-1:]) or _WIDE.match(after[:1]):
        return before + after
    return f"{before} {after}"


def _title(metadata: dict) -> str | None:
    title = metadata.get("Title")
    if isinstance(title, bytes):
        title = title.decode("utf-8", "replace")
    if not isinstance(title, str):
        return None
    title = unradical(re.sub(r"^Microsoft Word - ", "", title)).strip()
    if not title or re.fullmatch(r"[\w\-. ]+\.(docx?|wps|pdf|html?)", title, re.I) or title.lower() == "untitled":
        return None
    return title


def _page_list(numbers: list[int], limit: int = 12) -> str:
    shown = ", ".join(str(n) for n in numbers[:limit])
    return f"pages {shown}" + (f" and {len(numbers) - limit} more" if len(numbers) > limit else "")
