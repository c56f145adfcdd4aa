"""Logging set-up for the command-line entry points (library code only calls logging.getLogger)."""
from __future__ import annotations

import logging
import os
import warnings

_NOISY = ("faiss", "sentence_transformers", "transformers", "jieba", "bm25s", "httpx", "urllib3", "gradio")


def setup_logging(verbose: bool = False) -> None:
    """Plain one-line log records on stderr; third-party chatter kept to warnings."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    for name in _NOISY:
        logging.getLogger(name).setLevel(logging.INFO if verbose else logging.WARNING)
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    if not verbose:
        warnings.filterwarnings("ignore", category=FutureWarning)
        warnings.filterwarnings("ignore", category=UserWarning)
