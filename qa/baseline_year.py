"""A year the question names (2017年) and whether a passage names it only as a baseline.

较2017年分别增长67.3% compares today's figure with 2017's without giving 2017's: the sentence answers how much
it grew since, not how many there were in 2017. A baseline is marked by 较, 比, 与 or 同 before the year, or by
相比 or 同期 after it.
"""

from __future__ import annotations

import re

_YEAR = re.compile(r"(?<!\d)((?:1[5-9]|20)\d\d)\s*年")
_BEFORE = re.compile(r"(?:较|比|与|同)\s*$")
_AFTER = re.compile(r"^\s*年?\s*(?:相比|同期)")
# a question also compares with 比 after the year (跟2017年比涨了多少); reading too much as a baseline there only
# skips the check
_ASKED_AFTER = re.compile(r"^\s*年?\s*(?:相?比|同期)")


def asked_years(question: str) -> tuple[str, ...]:
    """The years (four digits before 年) the question asks a figure of, in matching form: those it names other
    than as a baseline (比2017年增长了多少 asks the growth, not 2017's figure)."""
    years = dict.fromkeys(_YEAR.findall(question))
    return tuple(y for y in years if not _as_baseline(y, question, _BEFORE, _ASKED_AFTER))


def only_as_baseline(years: tuple[str, ...], text: str) -> str:
    """The first of `years` that the text names, every time, only as a baseline (较2017年), or "". Both in
    matching form."""
    return next((year for year in years if _as_baseline(year, text, _BEFORE, _AFTER)), "")


def _as_baseline(year: str, text: str, before: re.Pattern, after: re.Pattern) -> bool:
    named = list(re.finditer(rf"(?<!\d){year}(?!\d)", text))
    return bool(named) and all(before.search(text[max(0, m.start() - 2) : m.start()]) or after.search(text[m.end() :])
                               for m in named)
