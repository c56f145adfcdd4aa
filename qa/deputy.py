"""副 names another rank: a sentence that holds a word of the question only as 副+word (副主席 where 主席 is
asked, 兼职副主席 for 总工会主席是谁) speaks of someone else."""

from __future__ import annotations

import re

_DEPUTY = re.compile(r"副(\w{2})")


def only_as_deputy(question: str, text: str) -> str:
    """The question's word that the text holds only with 副 before it (the question not saying 副 there), or "".
    Both in matching form."""
    for found in _DEPUTY.finditer(text):
        word = found.group(1)
        if word in question and "副" + word not in question and text.count(word) == text.count("副" + word):
            return word
    return ""
