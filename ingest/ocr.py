"""OCR for PDF pages without a usable text layer: rapidocr-onnxruntime, whose wheel carries its Chinese models.

Off by default (REFORMQA_OCR=1 turns it on): about 4.5 s a page on two cores. The package is optional
(`make install-ocr`); asked for without it, ingest says so once and reports the pages as unread.
"""
from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)
RESOLUTION = 200  # dots per inch the page is rendered at for OCR
_lock = threading.Lock()


def load_ocr():
    """A function page → [(text, left, right, height)] per line, or None (logged) when rapidocr-onnxruntime
    is not installed."""
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        log.warning("REFORMQA_OCR is on but rapidocr-onnxruntime is not installed (make install-ocr); "
                    "scanned pages stay unread")
        return None
    engine = RapidOCR()

    def read_page(page) -> list[tuple[str, float, float, float]]:
        """(text, left, right, height) of each line on a pdfplumber page, top to bottom, in page units."""
        import numpy as np

        image = np.asarray(page.to_image(resolution=RESOLUTION).original.convert("RGB"))
        with _lock:  # the engine is not documented as thread-safe
            result, _ = engine(image)
        scale = 72 / RESOLUTION  # pixels → PDF points, so the layout rules see the usual sizes
        lines = []
        for box, text, _score in sorted(result or [], key=lambda r: (round(r[0][0][1] / 10), r[0][0][0])):
            if text.strip():
                xs, ys = [x for x, _ in box], [y for _, y in box]
                lines.append((text, min(xs) * scale, max(xs) * scale, (max(ys) - min(ys)) * scale))
        return lines

    return read_page
