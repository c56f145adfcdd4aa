"""A question asking who (谁, 哪位, 哪几个人, 哪些人, 姓名) is answered by a name, not by a count of people: 推荐产生
全国劳模5名 does not say who the five are. A sentence that counts people and names no one the question does not
already name (no person jieba's tagger finds, no foreign name written with · or in Latin letters, no
organisation) does not answer it. Nor, where the question asks who holds an office (主席是谁, 党组书记是哪位,
负责人叫什么名字: a title of office before the question word), does a sentence that names no person: 省总工会相关
负责人表示 does not say who the official is.
"""

from __future__ import annotations

import re

from qa import selector
from qa.asked_unit import AMOUNT, PEOPLE_UNITS

# a count of people (5名, 27人, 两位), not an ordinal (第一位, 第12名) or person-times (80万人次)
_PEOPLE_COUNT = re.compile(rf"{AMOUNT}(?:{PEOPLE_UNITS})(?!次)")
_FOREIGN_NAME = re.compile(r"[\u4e00-\u9fff]·[\u4e00-\u9fff]|[a-z]{2,}")
_ORGANISATION = re.compile(r"[\u4e00-\u9fff]{2,}" + selector.ORG_SUFFIX.pattern)
# a title of office: 主席, 党组书记, 负责人, 部长, 董事长 …, just before 是谁 (现任 … between), or after 谁是, 谁担任
_OFFICE = r"(?:主席|书记|秘书长|负责人|主任|总理|总统|总裁|经理|[部局厅处科校院市省县区镇村社会团队组州行事]长)"
_OFFICE_ASKED = re.compile(_OFFICE + r"(?:现在|目前|现任|当时)?(?:是谁|是哪位|是哪一位|是何人|叫什么名字|姓什么)[?？。]?$"
                           + r"|^谁(?:是|担任|当)[^，,]*" + _OFFICE)


def counts_without_naming(view: selector.QuestionView, text: str) -> bool:
    """Whether the text (matching form) answers the question's who with only a count of people: it asks who
    (`view.asks_person`), the text counts people and names no person, foreign name or organisation."""
    return (view.asks_person and _PEOPLE_COUNT.search(text) is not None
            and _FOREIGN_NAME.search(text) is None and _ORGANISATION.search(text) is None
            and not selector.names_another(view, text, "nr"))


def names_no_office_holder(view: selector.QuestionView, text: str) -> bool:
    """Whether the question asks who holds an office and the text (matching form) names no person the question
    does not, nor a foreign name."""
    return (view.asks_person and _OFFICE_ASKED.search(view.matching) is not None
            and _FOREIGN_NAME.search(text) is None and not selector.names_another(view, text, "nr"))
