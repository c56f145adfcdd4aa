"""Pick the sentence and the clauses within it that answer a question, and phrase the answer around them."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from core.textnorm import normalize
from core.types import Document
from qa import selector
from qa.asked_unit import PEOPLE_UNITS, UNITS
from qa.terms import QueryTerms, coverage, term_positions
from qa.text_units import Sentence, Span, clauses

TIME_HINT = re.compile(
    r"\d{4}年|\d{1,2}月|截至|截止|目前|以来|期间|年底|年末|上半年|下半年|今年|去年|近年|[一二三四五六七八九十两\d]+年来"
)
YEAR = re.compile(r"(19|20)\d{2}年")
# A counted amount: a number with a unit or classifier (82.7万人, 3013家, 30%), not a year or a date.
COUNT = re.compile(
    rf"[\d.]+\s*(?:多|余)?(?:(?:万|亿)(?:多|余)?(?:{UNITS})?|(?:{UNITS}))"
    r"|[一二三四五六七八九十两]+(?:人次|名|个|家|项|次|场|条|所|倍|部分|类|批)"
)
_STATES_STOCK = re.compile(r"总量|总数|达到|达\d|共有|现有")
_CHANGE = re.compile(r"(?:增加|增长|提高|减少|下降)了?[\d.]")
_STATES_WHO = re.compile(r"书记|主席|主任|局长|部长|厅长|负责人|记者|总工会|委员会|人民政府|部门|单位")
_TRAILING_PUNCT = "，,；;：:、。… "
YEARS = re.compile(r"(?<![\d.])\d{1,2}\s*年|[一二三四五六七八九十两]+年")  # a duration: 7年, 两年
_CLAUSE_BREAK = re.compile(r"[,;，；。!?！？]")
PEOPLE_UNIT = re.compile(PEOPLE_UNITS)
_DIGIT = re.compile(r"\d")
# A sentence that opens as an item of an enumeration: 第一, 二是, (三), 4.
_LIST_ITEM = re.compile(r"^(?:第[一二三四五六七八九十]+|[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d))")
LIST_LOOKAHEAD = 8  # sentences after an announcing one searched for its items
# A heading: a sentence that opens as an item and names a topic in a few words ("二是试点打通职业晋升通道。",
# "第一部分是总体要求。"); the sentence after it says what is done or decided under it.
HEADING_MAX_CHARS = 24

NEAR = 10  # characters between a term and its number that still count as "the number of that term"


@dataclass(frozen=True)
class Excerpt:
    """The answering part (`window`) of a sentence of a document, and how well it answers. `sentence` is the
    span cited; `items`, when the sentence announces a list that the sentences after it give (or is a heading
    over the sentence after it), are those items' opening clauses, shown after the window (and `sentence`
    then runs on to the last of them)."""

    document: Document
    sentence: Span
    window: Span
    support: float  # the selector's likelihood that the sentence holds the answer, 0..1: ranks and decides
    items: tuple[Span, ...] = ()


def counts_near_terms(terms: QueryTerms, matching: str) -> bool:
    """Whether a counted amount stands next to one of the question's terms, in the same clause, in the
    unit asked for (a question about 多少人 is not answered by 631个)."""
    spans = term_positions(terms, matching)
    counts = list(COUNT.finditer(matching)) + (list(YEARS.finditer(matching)) if terms.asks_years else [])
    for m in counts:
        if terms.people and not PEOPLE_UNIT.search(m.group()):
            continue
        if not terms.terms:
            return True
        for start, end in spans:
            gap = matching[end : m.start()] if end <= m.start() else matching[m.end() : start]
            if len(gap) <= NEAR and not _CLAUSE_BREAK.search(gap):
                return True
    return False


def window_score(terms: QueryTerms, text: str, matching: str, boundaries: frozenset[int], names_place: bool) -> float:
    """How good an answer `text` is: coverage, plus the kind of fact asked for, a time and a place.

    `matching` and `boundaries` are the text's matching form and its word boundaries; `names_place` says
    whether the text names a place and counts only when the question does.
    """
    score = coverage(terms, matching, boundaries)
    if (terms.quantitative or terms.prefers_count) and counts_near_terms(terms, matching):
        score += 0.15
    if terms.asks_amount and _STATES_STOCK.search(matching):
        score += 0.05
    if terms.asks_amount and not terms.asks_change and _CHANGE.search(matching):
        score -= 0.05  # "增加10.8万人" is a change, not the amount asked for
    if any(word in matching for word in terms.echo_words):
        score += 0.08
    if terms.asks_time and YEAR.search(matching):
        score += 0.15
    if terms.asks_who and _STATES_WHO.search(matching):
        score += 0.15
    if TIME_HINT.search(matching):
        score += 0.08
    if names_place:
        score += 0.04
    return score - 0.0015 * len(text)


def rated_windows(terms: QueryTerms, view: selector.QuestionView, sentence: Sentence, max_chars: int,
                  region_named: bool) -> list[tuple[Span, list[float]]]:
    """Every run of consecutive clauses of a sentence up to `max_chars` (a single clause at any length, then
    trimmed), each with the selector's window features."""
    span = sentence.span
    parts = clauses(span) or [span]
    rated = []
    for i in range(len(parts)):
        for j in range(i, len(parts)):
            start, end = parts[i].start, parts[j].end
            if end - start > max_chars and j > i:
                break
            low, high = start - span.start, end - span.start
            text = span.text[low:high]
            matching, boundaries = sentence.window(low, high)
            score = window_score(terms, text, matching, boundaries, region_named and sentence.names_place(low, high))
            row = selector.window_features(view, matching, sentence.matching, i == 0, j == len(parts) - 1,
                                           j - i + 1, score)
            rated.append((_trim(Span(text, start, end), max_chars), row))
    return rated


def _trim(span: Span, max_chars: int) -> Span:
    text = span.text.rstrip(_TRAILING_PUNCT)[:max_chars]
    return Span(text, span.start, span.start + len(text))


def cut_excerpt(
    view: selector.QuestionView,
    terms: QueryTerms,
    document: Document,
    sentence: Sentence,
    likelihood: float,
    max_chars: int,
    region_named: bool,
    model: selector.Selector,
    prefer: Callable[[str], float] | None = None,
) -> Excerpt:
    """The excerpt of a chosen sentence: its run of clauses that the selector's window model rates likeliest
    to hold the answer, among those that `prefer` (when given) values highest; for a count asked without a
    `prefer`, among those where a count stands next to a term of the question (昆明名匠67名, not the clause
    that only lists 昆明名匠 among the honours); `likelihood` (the sentence model's) is its support."""
    rated = rated_windows(terms, view, sentence, max_chars, region_named)
    if prefer is None and view.asks_number and terms.terms:
        prefer = lambda text: float(counts_near_terms(terms, normalize(text)))
    if prefer is not None:
        values = [prefer(span.text) for span, _ in rated]
        best = max(values)
        rated = [item for item, value in zip(rated, values) if value == best]
    window = rated[int(np.argmax(model.window.probabilities([row for _, row in rated])))][0]
    return Excerpt(document, sentence.span, window, likelihood)


def run_on(excerpt: Excerpt, following: list[Sentence], max_chars: int) -> Excerpt:
    """The excerpt run on into the sentences after it where its sentence only announces what follows: the
    items of a list it announces (`run_on_list`), else the opening clause of the sentence under a heading
    (`run_on_heading`); otherwise as it is."""
    listed = run_on_list(excerpt, following, max_chars)
    return listed if listed.items else run_on_heading(excerpt, following, max_chars)


def _shows_whole(excerpt: Excerpt) -> bool:
    return excerpt.sentence.end - excerpt.window.end <= 2


def run_on_list(excerpt: Excerpt, following: list[Sentence], max_chars: int) -> Excerpt:
    """The excerpt with the items of the list its sentence announces ("共三部分。", a closing colon) when it
    shows the sentence's end: the opening clause of each of the `following` sentences (those searched: the
    engine passes the next LIST_LOOKAHEAD) that opens as an item (第一, 二是, (三)), skipping those that
    elaborate on an item, while the answer stays within `max_chars`. Otherwise the excerpt as it is: a
    sentence that only says a list exists does not answer what is on it."""
    sentence = excerpt.sentence
    if not selector.ANNOUNCES_LIST.search(normalize(sentence.text)) or not _shows_whole(excerpt):
        return excerpt
    items, length = [], len(excerpt.window.text)
    for i, later in enumerate(following):
        if not _LIST_ITEM.match(normalize(later.span.text)):
            if not items and i > 0:
                break  # the announced list does not follow
            continue
        item = _opening_clause(later, max_chars)
        if length + 1 + len(item.text) > max_chars:
            break
        items.append(item)
        length += 1 + len(item.text)
    if len(items) < 2:
        return excerpt
    return _with_items(excerpt, items)


def run_on_heading(excerpt: Excerpt, following: list[Sentence], max_chars: int) -> Excerpt:
    """The excerpt with the opening clause of the next sentence when the excerpt is a whole heading (a short
    sentence that opens as an item and holds no figure) and the next sentence is not another item:
    a heading names a topic, the sentence under it says what was done. Otherwise the excerpt as it is."""
    sentence = excerpt.sentence
    heading = normalize(sentence.text)
    item = _LIST_ITEM.match(heading)
    if (item is None or len(heading) > HEADING_MAX_CHARS or _DIGIT.search(heading, item.end())
            or excerpt.window.start != sentence.start or not _shows_whole(excerpt) or not following):
        return excerpt
    if _LIST_ITEM.match(normalize(following[0].span.text)):
        return excerpt
    under = _opening_clause(following[0], max_chars)
    if len(excerpt.window.text) + 1 + len(under.text) > max_chars:
        return excerpt
    return _with_items(excerpt, [under])


def _opening_clause(sentence: Sentence, max_chars: int) -> Span:
    return _trim((clauses(sentence.span) or [sentence.span])[0], max_chars)


def _with_items(excerpt: Excerpt, items: list[Span]) -> Excerpt:
    """The excerpt showing these items after its window, its cited span running on to the last of them."""
    start, end = excerpt.sentence.start, items[-1].end
    span = Span(excerpt.document.text[start:end], start, end)
    return Excerpt(excerpt.document, span, excerpt.window, excerpt.support, tuple(items))


def phrase(excerpt: Excerpt, marker: int, label: str | None) -> str:
    """One answer line in the document's own words: optional label, the excerpt (and the items of the list
    it announces, after a colon, between semicolons), its date, the marker."""
    text = excerpt.window.text + ("：" + "；".join(item.text for item in excerpt.items) if excerpt.items else "")
    date = excerpt.document.date
    note = f"（{date}）" if date and not re.search(r"\d{4}", text) else ""
    prefix = f"{label}：" if label else ""
    return f"{prefix}{text}{note}[{marker}]"
