"""Read corpus files: text (UTF-8, UTF-16/32 with a BOM, or GB18030/Big5 detected), PDF, Word .docx and saved
web pages; refuse binary and damaged files with one clear line each."""
from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from ingest.readers import Extracted, is_supported, read_document

METADATA_FILE = "metadata.yaml"
UPLOAD_PREFIX = ".reformqa-upload-"  # staging files of uploads in progress: neither indexed nor reported


# Byte-order marks, UTF-32 first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


class CorpusReadError(Exception):
    """A corpus file that cannot be read as text; the message names the file and the reason."""


@dataclass(frozen=True)
class RawFile:
    """A corpus file's extracted text (with pages and metadata where the format has them) and its hash."""

    name: str
    extracted: Extracted
    sha256: str

    @property
    def text(self) -> str:
        return self.extracted.text

    @property
    def encoding(self) -> str:
        return self.extracted.encoding or self.extracted.format


def _files(corpus_dir: Path) -> list[Path]:
    return sorted(p for p in corpus_dir.iterdir()
                  if p.is_file() and not p.name.startswith(".") and p.name != METADATA_FILE)


def hidden_files(corpus_dir: Path) -> list[Path]:
    """Files whose names start with a dot: never indexed (editors and systems leave such files), but reported."""
    return sorted(p for p in corpus_dir.iterdir()
                  if p.is_file() and p.name.startswith(".") and not p.name.startswith(UPLOAD_PREFIX))


def corpus_files(corpus_dir: Path) -> list[Path]:
    """Document files in the corpus folder, sorted by name (metadata and hidden files excluded)."""
    return [p for p in _files(corpus_dir) if is_supported(p)]


def unsupported_files(corpus_dir: Path) -> list[Path]:
    """Files in the corpus folder that ingest skips because it does not read their format."""
    return [p for p in _files(corpus_dir) if not is_supported(p)]


def read_corpus_file(path: Path, ocr=None) -> RawFile:
    """Read and extract one file; raise CorpusReadError with a one-line reason when it cannot be used."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusReadError(f"{path.name}: cannot read file ({exc.strerror})") from exc
    if not data.strip():
        raise CorpusReadError(f"{path.name}: file is empty")
    extracted = read_document(path, data, ocr)
    return RawFile(name=path.name, extracted=extracted, sha256=hashlib.sha256(data).hexdigest())


def decode_text(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Return (text, encoding). UTF-8 first; otherwise the best of GB18030 and Big5 as detected."""
    if not data.strip():
        raise CorpusReadError(f"{name}: file is empty")
    for bom, encoding in BOMS:  # UTF-16/32 text is full of NUL bytes: recognise it before the binary check
        if data.startswith(bom):
            try:
                return _check_text(data[len(bom):].decode(encoding), name), encoding
            except UnicodeDecodeError:
                raise CorpusReadError(f"{name}: starts like {encoding} text but does not decode as it") from None
    if b"\x00" in data[:8192]:
        raise CorpusReadError(f"{name}: looks like a binary file (NUL bytes), not text")
    try:
        return _check_text(data.decode("utf-8-sig"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5"]).best()
    if best is None:
        raise CorpusReadError(f"{name}: not UTF-8, GB18030 or Big5 text; save it as UTF-8")
    return _check_text(str(best), name), best.encoding


def _check_text(text: str, name: str) -> str:
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(8, len(text) // 100):
        raise CorpusReadError(f"{name}: too many control characters for a text file (binary?)")
    return text
