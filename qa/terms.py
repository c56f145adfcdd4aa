"""Content terms of a question and how much of them a passage covers, weighted by rarity in the corpus."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

import yaml

from core.textnorm import normalize
from index.lexical import jieba_tokenizer, stopwords
from qa.asked_unit import PEOPLE_UNITS
from qa.regions import find_regions

SYNONYMS_PATH = Path(__file__).with_name("synonyms.yaml")
# Single characters that are never content on their own: place and measure words, classifiers, particles.
_GENERIC_CHARS = set("省市县区全年人个名项家次万亿多少几啥哪谁何中曾最上下要被将会把从在条种份位所座部类天月些里儿时")
_QUANTITY = re.compile(r"多少|百分比|总数|几[个项家名人次万亿成倍]?|数量|人数|总量|规模|比例|比重|占比|百分|多大|多高|多长|多久|增长|增加|提高|达到")
_AMOUNT = re.compile(r"多少人|人数|数量|总量|总数|规模|有多少|一共")
_WORDLIKE = re.compile(r"\w")
_CJK = re.compile(r"[\u3400-\u9fff]")
INSIDE_WORD_CREDIT = 0.4  # 技能人才 inside 高技能人才 is usually another thing
MAX_COMPOUND_TOKENS = 8
PARTS_CREDIT = 0.7  # 职工 … 技能 for the compound 职工技能
# Particles and question words that jieba glues to a content word: 评了 → 评, 分几 → 分.
_QUESTION_AFFIX = re.compile(r"^(几|多少)|(了|着|过|几|多少)$")
_INTERROGATIVE = re.compile(r"什么|怎么|怎样|如何|吗|呢|哪|谁|为什么|为何|是否|多少|几|啥|\?")
# Interrogative phrases are blanked before tokenising: they are never content (哪一条, 何种, 什么样).
_INTERROGATIVE_PHRASE = re.compile(
    r"(?:哪一?|何|几|多少)[十百千万亿]*(?:时候)?"
    r"|什么样?|甚么|为什么|为何|如何|怎么样?|怎样|是否")
_ASKS_YEARS = re.compile(r"几年|多少年")
_ASKS_PEOPLE = re.compile(rf"(多少|几)万?({PEOPLE_UNITS})")  # 多少人, 几名: the people units asked_unit counts in
_ASKS_CHANGE = re.compile(r"增|涨|提高|提升|减少|下降|变化|多了|少了")
# Framing words an answer may repeat; words of one group stand for each other (总数 ~ 数量).
_ECHO_GROUPS = (("总量", "总数", "数量", "人数", "规模"), ("比例", "比重", "占比", "百分比"))
_ECHO = re.compile("|".join(w for group in _ECHO_GROUPS for w in group))
_NOT_AMOUNT = re.compile(r"号码|电话|编号|邮箱|网址|地址")
_ASKS_TIME = re.compile(r"什么时候|哪年|哪一年|何时|几月|时间")
_ASKS_WHO = re.compile(r"谁|哪位|什么人|哪个单位|哪些单位|哪个部门|哪些部门")


@dataclass(frozen=True)
class Term:
    """A content word of the question, the words that count as it, and its weight (rarer = heavier)."""

    text: str
    variants: tuple[str, ...]
    weight: float
    parts: tuple["Term", ...] = ()  # the words a compound was merged from, for partial credit


@dataclass(frozen=True)
class QueryTerms:
    terms: tuple[Term, ...]
    quantitative: bool  # the question asks for a number
    asks_amount: bool = False  # ... and specifically a count or total (多少人, 总量)
    asks_time: bool = False  # when something happened
    asks_who: bool = False  # a person or an organisation
    asks_change: bool = False  # an increase or decrease
    prefers_count: bool = False  # a bare topic ("山西高技能人才"): users typing one usually want its figure
    echo_words: tuple[str, ...] = ()  # framing words of the question an answer may repeat (总量, 比例)
    people: bool = False  # the count asked for is of people (多少人, 几名)
    asks_years: bool = False  # a duration in years (几年)


@lru_cache(maxsize=1)
def synonym_groups() -> dict[str, tuple[str, ...]]:
    """Word → every word of its synonym group (matching form)."""
    groups = yaml.safe_load(SYNONYMS_PATH.read_text(encoding="utf-8"))["groups"]
    table: dict[str, tuple[str, ...]] = {}
    for group in groups:
        words = tuple(normalize(w) for w in group)
        for w in words:
            table[w] = tuple(dict.fromkeys(table.get(w, ()) + words))
    return table


# the count of the places just listed (鲁晋两省, 山西、黑龙江两地, once their names are blanked): it says how many
# places are asked, not what, and whether a collection holds 两省 as a word must not move the answer
_COUNT_OF_PLACES = re.compile(r"(?<= )[、和与及跟 ]*[两二三四五六七八九十几]个?(?:省区市|省市|省份|省区|省|地区|地|市|县|区|城市|城)")


def _question_tokens(question: str) -> list[tuple[str, int, int]]:
    """jieba tokens of the question's matching form with place names, and the count of places after them,
    blanked out. No HMM guessing of unknown words: it glues question words to content (多少项产改); the corpus
    merges real compounds back."""
    matching = normalize(question)
    for _, start, end in reversed(find_regions(question)):
        matching = matching[:start] + " " * (end - start) + matching[end:]
    matching = _COUNT_OF_PLACES.sub(lambda m: " " * len(m.group()), matching)
    matching = _INTERROGATIVE_PHRASE.sub(lambda m: " " * len(m.group()), matching)
    return [(w, s, e) for w, s, e in jieba_tokenizer().tokenize(matching, HMM=False) if w.strip()]


# Parts of speech (jieba's tag set) that carry no content of their own: conjunctions, prepositions, adverbs,
# particles, pronouns, modal and interjection words, locatives. A question word tagged so is never a term on
# its own and never begins or ends a compound; inside one it may stand (职工之家, 劳模和工匠).
FUNCTION_POS = frozenset({"c", "p", "d", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "y", "e", "f", "o"})


@lru_cache(maxsize=4096)
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """The (word, part of speech) pairs of jieba's tagger, dictionary only (no HMM), over the shared dictionary;
    cached, as a question is tagged for its function words and again for the part of a group it asks."""
    import jieba.posseg

    jieba_tokenizer()  # the shared dictionary, initialised once
    return tuple((pair.word, pair.flag) for pair in jieba.posseg.cut(text, HMM=False))


def function_words(text: str) -> set[str]:
    """Words of the text that jieba's part-of-speech tagger (dictionary only, no HMM) marks as function words."""
    return {word for word, flag in tagged(text) if flag in FUNCTION_POS}


def _is_content(word: str) -> bool:
    if not word or not _WORDLIKE.search(word) or word in stopwords():
        return False
    return not (len(word) == 1 and (word in _GENERIC_CHARS or not word.isalnum()))


def content_words(question: str, occurs=lambda word: False) -> list[tuple[str, tuple]]:
    """The question's content words, each with the tokens it was merged from.

    Adjacent tokens are joined into the longest compound (up to MAX_COMPOUND_TOKENS) that `occurs` in the corpus
    (职工 + 之 + 家 → 职工之家; 技能 + 人才 → 技能人才), since jieba splits questions and passages differently.
    A compound starts with a content token; it may end with a generic one (家, 项) but not with a stop word.
    Each word comes with its parts, (word, parts) pairs in turn, for partial credit.
    """
    tokens = _question_tokens(question)
    function = function_words(normalize(question))
    return _merge(tokens, occurs, MAX_COMPOUND_TOKENS, function)


def _merge(tokens: list[tuple[str, int, int]], occurs, limit: int, function=frozenset()) -> list[tuple[str, tuple]]:
    words, i = [], 0
    while i < len(tokens):
        token = _QUESTION_AFFIX.sub("", tokens[i][0])
        if token != tokens[i][0] or not _is_content(token) or token in function:
            i += 1
            continue
        best = i
        for j in range(i + 1, min(i + limit, len(tokens))):
            word = tokens[j][0]
            if (tokens[j][1] != tokens[j - 1][2] or word in stopwords() or _QUESTION_AFFIX.search(word)
                    or not _WORDLIKE.search(word)):  # never across punctuation
                break
            if word not in function and occurs("".join(t for t, _, _ in tokens[i : j + 1])):
                best = j
        span = tokens[i : best + 1]
        word = "".join(t for t, _, _ in span)
        if len(span) > 1:  # its parts: the same merge inside the compound, one token shorter at most
            words.append((word, tuple(_merge(span, occurs, len(span) - 1, function))))
        elif _is_content(word):
            words.append((word, ()))
        i = best + 1
    return list({w: (w, p) for w, p in words}.values())


def _part_terms(parts: tuple) -> tuple[Term, ...]:
    return tuple(Term(word, synonym_groups().get(word, (word,)), 1.0, _part_terms(sub)) for word, sub in parts)


def _rarity(held_by: int, out_of: int) -> float:
    """How telling a word is that `held_by` of `out_of` texts hold: log(1 + (out_of + 1) / (held_by + 1))."""
    return math.log(1 + (out_of + 1) / (held_by + 1))


def _length_weight(word: str) -> float:
    """A single character says less than a word: it counts half."""
    return 0.5 if len(word) == 1 else 1.0


def query_terms(question: str, document_frequency, total: int, occurs=None) -> QueryTerms:
    """Weighted terms of a question; `document_frequency(variants)` counts passages holding any variant,
    `occurs(word)` says whether a word is anywhere in the corpus (derived from the first when not given)."""
    occurs = occurs or (lambda w: document_frequency((w,)) > 0)
    terms = []
    for word, parts in content_words(question, lambda w: len(w) > 1 and occurs(w)):
        variants = synonym_groups().get(word, (word,))
        df = document_frequency(variants)
        if df == 0 and not _CJK.search(word) and not any(c.isdigit() for c in word):
            continue  # a stray tag or foreign word no document holds; a year or number asked stays a term
        terms.append(Term(word, variants, _rarity(df, total) * _length_weight(word), _part_terms(parts)))
    matching = normalize(question)
    return QueryTerms(
        tuple(terms),
        quantitative=bool(_QUANTITY.search(matching)) and not _NOT_AMOUNT.search(matching),
        asks_amount=bool(_AMOUNT.search(matching)),
        asks_time=bool(_ASKS_TIME.search(matching)),
        asks_who=bool(_ASKS_WHO.search(matching)),
        asks_change=bool(_ASKS_CHANGE.search(matching)),
        prefers_count=not _INTERROGATIVE.search(matching),
        echo_words=tuple(dict.fromkeys(w for found in _ECHO.findall(matching)
                                       for group in _ECHO_GROUPS if found in group for w in group)),
        people=bool(_ASKS_PEOPLE.search(matching)),
        asks_years=bool(_ASKS_YEARS.search(matching)),
    )


def weighted_within(terms: QueryTerms, sentences: list[str]) -> QueryTerms:
    """The terms weighted without the collection: by their rarity among one document's sentences (matching
    forms), log(1 + (n + 1) / (df + 1)), times their rarity in general written Chinese, log(1 + N / (f + 1))
    from the word frequencies of jieba's dictionary (a compound it lacks counts as its rarest part). The
    weights then do not move as unrelated documents join the collection; the words themselves are still the
    compounds the collection merges (`content_words`)."""
    jieba = jieba_tokenizer()
    frequency, total, n = jieba.dt.FREQ, jieba.dt.total, len(sentences)

    def count(term: Term) -> int:
        found = sum(frequency.get(v, 0) for v in term.variants)
        if not found and term.parts:
            found = min((count(part) for part in term.parts), default=0)
        return found

    def reweighed(term: Term) -> Term:
        df = sum(any(v in s for v in term.variants) for s in sentences)
        weight = _rarity(df, n) * math.log(1 + total / (count(term) + 1))
        return replace(term, weight=weight * _length_weight(term.text))

    return replace(terms, terms=tuple(reweighed(t) for t in terms.terms))


def term_found(term: Term, matching_text: str, boundaries: set[int] | None = None) -> float:
    """How well a term occurs: 1 as a whole word (or any occurrence when no word boundaries are given),
    INSIDE_WORD_CREDIT only inside a longer word (技能人才 in 高技能人才), partial credit for shared character pairs."""
    best = 0.0
    for variant in term.variants:
        start = matching_text.find(variant)
        while start >= 0:
            if boundaries is None or (start in boundaries and start + len(variant) in boundaries):
                return 1.0
            best = INSIDE_WORD_CREDIT
            start = matching_text.find(variant, start + 1)
    if term.parts:  # a compound the passage words differently: credit its parts, less than the whole
        best = max(best, PARTS_CREDIT * sum(term_found(p, matching_text, boundaries) for p in term.parts) / len(term.parts))
    if best or len(term.text) < 3:
        return best
    pairs = [term.text[i : i + 2] for i in range(len(term.text) - 1)]
    return 0.5 * sum(p in matching_text for p in pairs) / len(pairs)


def word_ends(matching_text: str) -> set[int]:
    """Offsets where a word ends in a text (matching form), segmented as the question's tokens are (jieba
    without HMM guessing, which glues a character to the next word: 工也 of 劳务派遣工也可)."""
    return set(accumulate(len(word) for word in jieba_tokenizer().lcut(matching_text, HMM=False)))


def word_boundaries(matching_text: str) -> set[int]:
    """Offsets where jieba puts a word boundary in a text (already in matching form)."""
    return {0, *accumulate(len(word) for word in jieba_tokenizer().lcut(matching_text))}


def coverage(terms: QueryTerms, matching_text: str, boundaries: frozenset[int] | set[int] | None = None) -> float:
    """Weighted share of the question's terms found in the text, 0..1 (0 when the question has none).

    `boundaries` are the text's word boundaries when already known (segmented once at load)."""
    total = sum(t.weight for t in terms.terms)
    if total == 0:
        return 0.0
    if boundaries is None:
        boundaries = word_boundaries(matching_text)
    return sum(t.weight * term_found(t, matching_text, boundaries) for t in terms.terms) / total


def term_positions(terms: QueryTerms, matching_text: str) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of every term variant in the text."""
    spans = []
    for term in terms.terms:
        for variant in term.variants:
            start = matching_text.find(variant)
            while start >= 0:
                spans.append((start, start + len(variant)))
                start = matching_text.find(variant, start + 1)
    return spans
