"""Word .docx → raw lines: paragraphs and table rows in body order, with the file's core properties.

python-docx's `Document.paragraphs` skips tables, so the body is walked element by element. A .docx is a
zip archive: one that is not a zip, or whose parts would unpack to far more than is plausible (a zip
bomb), is refused before anything is parsed.
"""
from __future__ import annotations

import io
import zipfile

from ingest.readers import Extracted

MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # the parts of a real document, pictures included, stay far below
MAX_RATIO = 200  # compressed → unpacked; XML compresses well, but not a thousandfold
CELL_SEPARATOR = " | "


def read_docx(data: bytes, name: str) -> Extracted:
    """Extract a .docx; CorpusReadError for a file that is not a valid or safe Word document."""
    from ingest.loader import CorpusReadError

    _check_archive(data, name)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise CorpusReadError(f"{name}: not a valid .docx ({type(exc).__name__}); open and save it again in Word") from None
    except Exception as exc:  # lxml and python-docx raise many kinds for damaged parts
        raise CorpusReadError(f"{name}: the .docx is damaged ({type(exc).__name__})") from None
    lines = list(_body_lines(document))
    props = document.core_properties
    # The "created" property is when the file (or its template) was made, not a publication date: not used.
    return Extracted("\n".join(lines), "docx", None, title=(props.title or "").strip() or None,
                     publisher=(props.author or "").strip() or None)


def _check_archive(data: bytes, name: str) -> None:
    from ingest.loader import CorpusReadError

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise CorpusReadError(f"{name}: not a .docx (not a zip archive, which every .docx is); "
                              "if it is an old .doc, save it as .docx") from None
    with archive:
        infos = archive.infolist()
        unpacked = sum(info.file_size for info in infos)
        packed = sum(info.compress_size for info in infos) or 1
        if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_RATIO:
            raise CorpusReadError(f"{name}: refused, the archive would unpack to {unpacked // (1024 * 1024)} MB "
                                  f"from {packed // 1024} KB (a zip bomb?)")
        if "word/document.xml" not in {info.filename for info in infos}:
            raise CorpusReadError(f"{name}: a zip archive but not a Word document (no word/document.xml)")


def _body_lines(document):
    """Paragraph texts and table rows ("cell | cell") in the order they stand in the body."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(block, document).text
            if text.strip():
                yield text
        elif tag == "tbl":
            yield from _table_lines(Table(block, document))


def _table_lines(table):
    for row in table.rows:
        cells, previous = [], None
        for cell in row.cells:
            if cell._tc is previous:  # a merged cell repeats across the columns it spans
                continue
            previous = cell._tc
            text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
            for nested in cell.tables:
                text += " " + " ".join(_table_lines(nested))
            cells.append(text.strip())
        if any(cells):
            yield CELL_SEPARATOR.join(cells)
