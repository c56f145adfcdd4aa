"""Normalisation for matching only: the normalised copy is never shown to users.

Applied identically to chunks, queries and evaluation strings: NFKC (full-width → half-width),
Traditional → Simplified (OpenCC t2s), lower case.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

# Pinyin syllable with at least one tone mark, in parentheses: the gloss a broken conversion leaves behind
# (產(chǎn)業(yè) → 產業). A syllable without tone marks is too easily a real word to remove.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜń"
PINYIN_GLOSS = re.compile(rf"[(（][a-zü]*[{_TONED}][a-zü]*[)）]")
# The same gloss whose opening character and bracket were lost to a '?' (扶持?jǐn)).
PINYIN_GLOSS_BROKEN = re.compile(rf"\?[a-zü]*[{_TONED}][a-zü]*[)）]")

_local = threading.local()


def _converter():
    # OpenCC converters are cheap to hold; one per thread keeps concurrent callers independent.
    conv = getattr(_local, "t2s", None)
    if conv is None:
        import opencc

        conv = _local.t2s = opencc.OpenCC("t2s")
    return conv


def strip_pinyin_glosses(text: str) -> str:
    """Remove pinyin glosses such as `(chǎn)` that follow characters in badly converted text."""
    return PINYIN_GLOSS_BROKEN.sub("", PINYIN_GLOSS.sub("", text))


def to_simplified(text: str) -> str:
    """Traditional → Simplified characters (OpenCC t2s)."""
    return _converter().convert(text)


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """The matching form of a text: NFKC, Simplified script, lower case."""
    return to_simplified(unicodedata.normalize("NFKC", text)).lower()


def aligned_normalize(text: str) -> str:
    """Matching form with the same length as `text`, so match offsets are offsets into `text`.

    Characters whose NFKC or Simplified form has another length (… → ...) are left as they are.
    """
    chars = [unicodedata.normalize("NFKC", c) for c in text]
    chars = [n if len(n) == 1 else c for n, c in zip(chars, text)]
    simplified = to_simplified("".join(chars))
    if len(simplified) != len(text):
        simplified = "".join(s if len(s) == 1 else c for s, c in zip(map(to_simplified, chars), chars))
    return simplified.lower()


def compact(text: str) -> str:
    """Matching form with all whitespace removed, for substring comparisons."""
    return re.sub(r"\s+", "", normalize(text))


_QUOTES = re.compile(r"[\"'“”‘’「」『』《》〈〉]")


def term_form(text: str) -> str:
    """Matching form without quotation marks, for finding question terms: “两新”组织 → 两新组织."""
    return _QUOTES.sub("", normalize(text))
