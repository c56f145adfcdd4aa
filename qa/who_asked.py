"""A question asking who (谁, 哪位, 哪几个人, 哪些人, 姓名) is answered by a name, not by a count of people: 推荐产生
全国劳模5名 does not say who the five are. A sentence that counts people and names no one the question does not
already name (no person jieba's tagger finds, no foreign name written with · or in Latin letters, no
organisation) does not answer it.
"""

from __future__ import annotations

import re

from qa import selector
from qa.asked_unit import AMOUNT, PEOPLE_UNITS

# a count of people (5名, 27人, 两位), not an ordinal (第一位, 第12名) or person-times (80万人次)
_PEOPLE_COUNT = re.compile(rf"{AMOUNT}(?:{PEOPLE_UNITS})(?!次)")
_FOREIGN_NAME = re.compile(r"[\u4e00-\u9fff]·[\u4e00-\u9fff]|[a-z]{2,}")
_ORGANISATION = re.compile(r"[\u4e00-\u9fff]{2,}" + selector.ORG_SUFFIX.pattern)


def counts_without_naming(view: selector.QuestionView, text: str) -> bool:
    """Whether the text (matching form) answers the question's who with only a count of people: it asks who
    (`view.asks_person`), the text counts people and names no person, foreign name or organisation."""
    return (view.asks_person and _PEOPLE_COUNT.search(text) is not None
            and _FOREIGN_NAME.search(text) is None and _ORGANISATION.search(text) is None
            and not selector.names_another(view, text, "nr"))
