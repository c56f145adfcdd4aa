"""A year the question names (2017年) and whether a passage names it, and not only as a baseline.

较2017年分别增长67.3% compares today's figure with 2017's without giving 2017's: the sentence answers how much
it grew since, not how many there were in 2017. A baseline is marked by 较, 比, 与, 同, 比起 or 较之 before the year, or by
相比 or 同期 after it. A sentence that names no year at all gives its document's present figure (a 2023 report's
631个创新工作室), not 2020's, unless the document is dated in the year asked and the sentence gives no total over
more years (累计投入330多亿元, 五年来). And the other way round: a question that compares with a year
(比2017年多了百分之几) asks a change since that year, which a sentence can only give by naming it (较2017年增长);
one that names no such year gives a level or a change since some other time. A
sentence that counts from another year (2020年以来, in it or the sentence before) gives a total since then, not
the year of its document (a 2024 report's 建成工会驿站3786个 after 2020年以来… for 2024年新建成了几个).
"""

from __future__ import annotations

import re

from qa.asked_unit import UNITS

# what follows a count, not a year: a classifier or a unit (2020名, 2020多个, 2020万), 届 left out (2020届: a year)
_COUNTED = r"\s*(?:多|余)?(?:万|亿|" + "|".join(u for u in UNITS.split("|") if u != "届") + ")"
_YEAR = re.compile(r"(?<!\d)((?:1[5-9]|20)\d\d)\s*年")
_BEFORE = re.compile(r"(?:较|比|与|同|比起|较之)\s*$")
_AFTER = re.compile(r"^\s*年?\s*(?:相比|同期)")
# a question also compares as 跟2017年比 / 和去年比 (while in 今年比去年多了多少 the year before 比 is the one asked)
_JOINED_BEFORE = re.compile(r"(?:跟|和)\s*$")
_JOINED_AFTER = re.compile(r"^\s*年?\s*比")
# a span counted from a year on: 2020年以来, 自2018年…启动以来, 2020年起
# a total over more than the document's year: 累计投入330多亿元, 历年, 五年来
_CUMULATIVE = re.compile(r"累计|历年|[一二三四五六七八九十两几多\d]+年来")
_SINCE = re.compile(_YEAR.pattern + r"(?:[^，,。；;？?]{0,20}?(?:以来|至今)|起|开始)")


def asked_years(question: str) -> tuple[str, ...]:
    """The years (four digits before 年) the question asks a figure of, in matching form: those it names other
    than as a baseline (比2017年增长了多少 asks the growth, not 2017's figure)."""
    years = dict.fromkeys(_YEAR.findall(question))
    return tuple(y for y in years if not asked_as_baseline(y, question))


def compared_years(question: str) -> tuple[str, ...]:
    """The years by number the question names only as what it compares with (2017 of 比2017年涨了多少)."""
    years = dict.fromkeys(_YEAR.findall(question))
    return tuple(y for y in years if asked_as_baseline(y, question))


def asked_as_baseline(year: str, question: str) -> bool:
    """Whether the question names the year (2017, 去年) only as what it compares with (比去年涨了多少)."""
    return (_as_baseline(year, question, _BEFORE, _AFTER)
            or _as_baseline(year, question, _JOINED_BEFORE, _JOINED_AFTER, both=True))


def names_asked_year(years: tuple[str, ...], text: str, dated: str = "", sentence: str | None = None) -> bool:
    """Whether the text (matching form: a sentence and the one before) names one of the asked `years` as a
    number, or its document is dated (`dated`, a year) in one and the text does not count from another year
    (2020年以来 in a 2024 report: a total since 2020, not 2024's) nor the `sentence` itself (the text where not
    given) over several (累计, 历年, 五年来: the sentence before may open another topic with 7年来); True when none
    is asked."""
    return names_year(years, text) or (dated in years and not _CUMULATIVE.search(text if sentence is None else sentence)
                                       and not any(found.group(1) not in years for found in _SINCE.finditer(text)))


def names_year(years: tuple[str, ...], text: str) -> bool:
    """Whether the text (matching form) names one of `years` as a number of its own; True when none is given."""
    return not years or any(_mentions(year, text) for year in years)


def only_as_baseline(years: tuple[str, ...], text: str) -> str:
    """The first of `years` that the text names, every time, only as a baseline (较2017年), or "". Both in
    matching form."""
    return next((year for year in years if _as_baseline(year, text, _BEFORE, _AFTER)), "")


def _as_baseline(year: str, text: str, before: re.Pattern, after: re.Pattern, both: bool = False) -> bool:
    """Whether every mention of the year has the marker before it or after it (both, where `both`)."""
    named = _mentions(year, text)
    marked = [(before.search(text[max(0, m.start() - 2) : m.start()]), after.search(text[m.end() :])) for m in named]
    return bool(named) and all((b and a) if both else (b or a) for b, a in marked)


def _mentions(year: str, text: str) -> list[re.Match]:
    """Where the text names the year as a number of its own (not the digits inside 120201), not as a count
    (技术标兵2020名, 2020万元: the four digits before a classifier or a unit, though not 届: 2020届毕业生)."""
    return list(re.finditer(rf"(?<!\d){re.escape(year)}(?!\d|{_COUNTED})", text))
