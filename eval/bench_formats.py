"""Benchmark: PDF text extraction in pages per second (a 300-page PDF), whole ingest of it, and OCR seconds
per page of a scanned copy. The documents are made here from text (Chromium prints the PDF). Prints and
writes JSON.

    python -m eval.bench_formats [--pages 300] [--ocr-pages 5] [--out eval/out/bench_formats.json]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPH = ("第{n}页第{i}段：为深入贯彻落实产业工人队伍建设改革的决策部署，各级工会围绕思想政治引领、建功立业、技能提升、"
             "权益保障等方面持续推进改革，截至2024年底全省高技能人才达到{n}.6万人，职工书屋{n}00家。")


def long_pdf_html(pages: int) -> str:
    body = "".join(f'<div style="page-break-after:always"><h2>第{n}部分</h2>'
                   + "".join(f"<p>{PARAGRAPH.format(n=n, i=i)}</p>" for i in range(1, 9)) + "</div>"
                   for n in range(1, pages + 1))
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>长文档</title>'
            f'<style>body{{font-family:"Noto Sans CJK SC";font-size:12pt}}</style></head><body>{body}</body></html>')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.bench_formats", description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--ocr-pages", type=int, default=5, help="pages of the scanned copy to OCR (0: skip)")
    parser.add_argument("--out", type=Path, default=Path("eval/out/bench_formats.json"))
    args = parser.parse_args(argv)

    from core.logs import setup_logging
    from ingest.pipeline import load_documents
    from ingest.readers.pdf import read_pdf
    from tests.format_fixtures import print_pdf, scan_pdf  # the same makers the tests use

    setup_logging()
    result: dict = {"date": time.strftime("%Y-%m-%d")}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        pdf = print_pdf(long_pdf_html(args.pages), corpus / "long.pdf")
        data = pdf.read_bytes()
        started = time.perf_counter()
        extracted = read_pdf(data, pdf.name)
        seconds = time.perf_counter() - started
        result["pdf_extraction"] = {"pages": extracted.page_count, "mb": round(len(data) / 1e6, 2),
                                    "seconds": round(seconds, 2),
                                    "pages_per_s": round(extracted.page_count / seconds, 1)}
        started = time.perf_counter()
        (document,), _ = load_documents(corpus)
        seconds = time.perf_counter() - started
        result["pdf_ingest"] = {"seconds": round(seconds, 2), "pages_per_s": round(extracted.page_count / seconds, 1),
                                "display_chars": len(document.text), "page_starts": len(document.pages)}
        if args.ocr_pages:
            result["ocr"] = ocr_speed(print_pdf(long_pdf_html(args.ocr_pages), Path(tmp) / "short.pdf"), Path(tmp),
                                      scan_pdf)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def ocr_speed(pdf: Path, tmp: Path, scan_pdf) -> dict:
    """Seconds per page to OCR an image-only copy of `pdf`, and whether a known figure was read back."""
    from ingest.ocr import load_ocr
    from ingest.readers.pdf import read_pdf

    ocr = load_ocr()
    if ocr is None:
        return {"skipped": "rapidocr-onnxruntime is not installed (make install-ocr)"}
    scanned = scan_pdf(pdf, tmp / "scanned.pdf")
    started = time.perf_counter()
    extracted = read_pdf(scanned.read_bytes(), scanned.name, ocr)
    seconds = time.perf_counter() - started
    return {"pages": extracted.page_count, "seconds": round(seconds, 1),
            "s_per_page": round(seconds / extracted.page_count, 2),
            "figure_read_back": "高技能人才达到1.6万人" in extracted.text.replace(" ", "")}


if __name__ == "__main__":
    sys.exit(main())
