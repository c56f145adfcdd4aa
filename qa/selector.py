"""Learned choice of the answering sentence and of whether to answer at all.

Each candidate sentence is described by features that do not depend on which words the project's own questions
use: how much of the question's characters and character pairs the sentence (and its neighbours, and its
document) holds, weighted too by how rare each is within the sentence's own document, how much of what the
question asks beyond the document's subject (its title and first sentence) it holds, whether it holds the kind
of fact asked for, how much it says beyond the question, and how close its passage is to the question by
embedding compared with the other retrieved passages of the same document. Almost nothing in a candidate's
description depends on other documents, so answers rarely move when unrelated documents are added; what
still does is which of the question's words the collection merges into compounds (`terms.query_terms`), read
by the word coverage and the count-next-to-a-term features. Three linear models over those features, fitted
by `python -m eval.fit_selector` on public reading-comprehension data (with each question also asked without
its gold passage, where nothing should be chosen), make the decisions: a ranker picks the sentence (fitted so
that the answering sentence scores highest among its question's candidates), a logistic verifier gives the
probability that the pick holds the answer, answered only above the fitted threshold, and a window model
picks the run of clauses to show. The weights and the threshold are data, in `selector.json`.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from core.textnorm import normalize
from qa.amount_asked import asks_amount
from qa.asked_kind import SHARE_ASKED
from qa.asked_unit import asked_unit
from qa.baseline_year import asked_years, compared_years
from qa.changed_thing import changed_thing
from qa.counted_within import asked_group
from qa.partitive import asked_part
from qa.question_parts import WHO
from qa.rate_asked import rate_stem
from qa.relative_year import relative_year
from qa.share_base import asked_whole
from qa.share_part import asked_share_part

MODEL_PATH = Path(__file__).with_name("selector.json")

_QUESTION_PHRASE = re.compile(
    r"(?:哪一?|何|几|多少)[十百千万亿]*(?:个|种|位|年|天|次|家|项|名|人|座|条|所|部|本|国|处|里|儿|时候)?"
    r"|什么(?:样|时候|地方)?|甚么|为什么|为何|如何|怎么样?|怎样|是否|是谁|谁|吗|呢|啥|请问")
_RUN = re.compile(r"[\u3400-\u9fff]+|[^\W\u3400-\u9fff]+")  # a run of Chinese, or of any other word characters
_CONTENT_CHAR = re.compile(r"[\u3400-\u9fff\w]")
_FUNCTION_CHARS = set("的了是在和与及或也都就而被把从对于以之其这那有为个")
_DIGIT = re.compile(r"[\d一二三四五六七八九十百千万亿两]")
# a figure: a digit, or a numeral in words before a classifier (共三部分, 两批, 五个一体化), not 一点 or 十分
_NUMBER = re.compile(r"\d|[一二三四五六七八九十两][十百千万亿]?[个名人家项次年月日位种座条所倍部类批件张本册篇首场队支处套台辆架艘枚颗份轮岁天周吨亩元]")
_CALENDAR_DATE = re.compile(r"\d{2,4}\s*年|\d{1,2}\s*月|\d{1,2}\s*日|[一二三四五六七八九十〇零]{2,4}年")
_DATE = re.compile(_CALENDAR_DATE.pattern + "|世纪|朝|时期|年代")  # a date, or a period
_PERSON_CUE = re.compile(rf"{WHO}|哪位|什么人|何人|哪一位|哪几位|哪几个人|哪些人|姓名|叫什么名字")
_TIME_CUE = re.compile(r"什么时候|何时|哪一?年|何年|哪一?天|几月|几号|年份|日期|(?<![长短])时间|哪个朝代|什么年代|多久|多长时间")
# a count asked by a question word, or named by its measure (赛事场次, 技术革新项数, 参赛人次)
_NUMBER_CUE = re.compile(r"多少|(?<!哪)几|多大|多高|多长|多远|多重|多久|数量|数目|总数|总量|[增涨]幅|[人项个次件家户场条所]数|人次|场次|比例|比重|占比|百分"
                         # a noun's count ending the question (课题数, 岗位数), not 多数, 函数 nor 5位数
                         r"|(?<!\d)[\u4e00-\u9fff]{2}(?<![函参系指分倍多少半无])数(?:是|为|有)?(?:多少)?(?:呢|啊|吗)?[？?，,。；;]?$")
# a list asked (哪些, 哪几家, 有哪, 包括什么): its answer enumerates (items joined by 、, or quoted items side by
# side: ‘首席技师’ ‘技能专家’, “齐鲁大工匠”“齐鲁工匠”) or announces one
_LIST_CUE = re.compile(r"哪些|哪几(?![年天月])|有哪|都有什么|包括什么|包括哪|分别是什么")
_ENUMERATION = re.compile(r"[\u4e00-\u9fff”’」』]、[“‘「『\u4e00-\u9fff]|[”’」』]\s*[“‘「『]")
# A sentence that announces a list without giving it: "共三部分。", "分为四类。", or one that ends in a colon.
ANNOUNCES_LIST = re.compile(
    r"(?:共|分为?|包括|包含)[一二三四五六七八九十两\d]+个?(?:部分|方面|类|项|条|点|步|个)[。；;]?$|[：:]$")
_ORG_CUE = re.compile(r"哪个(?:单位|部门|机构|组织|公司|企业|学校|大学)|哪些(?:单位|部门|机构|组织)|哪家|什么(?:单位|部门|机构|组织)")
ORG_SUFFIX = re.compile(r"(?:委员会|总工会|工会|部|厅|局|办公室|政府|公司|集团|大学|学院|协会|中心|银行|组织)")
# A figure the question names: digits, or a number in words that counts a term, edition or batch (十四届, 第二批).
_QUESTION_NUMBER = re.compile(r"\d+(?:\.\d+)?|第?[一二三四五六七八九十百]+(?=[届次期批])")
_PLACE_CUE = re.compile(r"哪里|哪儿|何处|何地|哪个(?:国家|城市|地方|省|市|县|区)|哪国|什么地方|位于")

FEATURES = (
    "char_share", "pair_share", "pair_share_context", "pair_share_document", "term_coverage",
    "novel_share", "log_length", "asks_number_has_number", "asks_number_no_number", "asks_date_has_date",
    "asks_date_no_date", "asks_person", "asks_place", "doc_rank_inverse", "doc_chunk_top", "dense", "doc_dense_gap",
    "first_sentence", "count_near_term", "question_number_missing", "asks_person_has_name", "asks_org_has_org",
    "doc_pair_weighted", "doc_pair_of_question", "doc_char_weighted", "doc_char_of_question",
    "question_number_not_in_document", "aspect_pair_share", "aspect_char_share", "asks_place_has_place",
    "asks_list_has_list", "asks_list_no_list",
)
# What the verifier reads besides the chosen sentence's features: the ranker's score for it, and the share of
# the ranker's softmax over its own document's candidates that it takes (1 when it is the only one).
VERIFIER_FEATURES = FEATURES + ("ranker_score", "doc_ranker_share")


@dataclass(frozen=True)
class QuestionView:
    """What the features need of a question, computed once per question."""

    chars: frozenset[str]
    pairs: frozenset[str]
    asks_number: bool
    asks_date: bool
    asks_person: bool
    asks_place: bool
    asks_org: bool = False
    numbers: tuple[str, ...] = ()  # figures the question itself names (a year, a count): the answer should too
    unit: str = ""  # the unit it asks a count in (名 of 多少名; `asked_unit`), "" when none
    relative_year: str = ""  # 今年, 去年 … where it asks a figure of one (`relative_year`)
    years: tuple[str, ...] = ()  # the years by number it asks a figure of, not those it compares with (`asked_years`)
    matching: str = ""  # the question in matching form
    compared: tuple[str, ...] = ()  # the years by number it names only to compare with (`compared_years`)
    part: str = ""  # the part of a group it asks a count of (女工 of 技术状元里女工有几名; `asked_part`)
    changed: str = ""  # the thing it asks the change of (平均工资 of 平均工资增长了多少; `changed_thing`)
    group: tuple[str, ...] = ()  # the group it asks a figure within (党代会 of 党代会里工人占多少; `asked_group`)
    asks_list: bool = False  # it asks which ones (哪些, 哪几家): a list
    whole: str = ""  # the whole it asks a share of (全国 of 占全国比重; `asked_whole`)
    rate: str = ""  # what the rate it asks by name is of (覆盖 of 覆盖率; `rate_stem`)
    amount: bool = False  # it asks an amount by 多少 or 几, which only a numeral states (`amount_asked`)
    share_part: tuple[str, ...] = ()  # the words of what takes the share it asks (高技能人才; `asked_share_part`)


def question_view(question: str) -> QuestionView:
    """The question's content characters and character pairs (question phrases left out; pairs within one
    script) and the kind asked. Give it the question as the engine reads it (`Engine.content_of`: without
    markup and foreign words that no passage holds)."""
    matching = normalize(question)
    spoken = matching.replace("啥", "什么")  # read alike: 啥时候 and 什么时候, 是啥 and 是什么
    content = _QUESTION_PHRASE.sub(" ", spoken)
    runs = _RUN.findall(content)
    chars = {c for run in runs for c in run if c not in _FUNCTION_CHARS}
    pairs = {run[i : i + 2] for run in runs for i in range(len(run) - 1)
             if run[i] not in _FUNCTION_CHARS and run[i + 1] not in _FUNCTION_CHARS}
    asks_date = bool(_TIME_CUE.search(spoken))
    asks_number = bool(_NUMBER_CUE.search(spoken)) and not asks_date
    asks_person, asks_place, asks_org = (bool(cue.search(spoken)) for cue in (_PERSON_CUE, _PLACE_CUE, _ORG_CUE))
    # the unit matters where a count is what is asked, not in 在哪里举行…几所学校
    unit = asked_unit(matching) if asks_number and not (asks_person or asks_place or asks_org) else ""
    return QuestionView(frozenset(chars), frozenset(pairs), asks_number, asks_date, asks_person, asks_place,
                        asks_org, tuple(dict.fromkeys(_QUESTION_NUMBER.findall(matching))), unit,
                        relative_year(matching), asked_years(matching), matching,
                        compared_years(matching), asked_part(matching) if asks_number else "",
                        changed_thing(matching) if asks_number else "", asked_group(matching) if asks_number else (),
                        bool(_LIST_CUE.search(spoken)), asked_whole(matching) if asks_number else "",
                        rate_stem(matching) if asks_number else "", asks_number and asks_amount(matching),
                        asked_share_part(matching) if asks_number and SHARE_ASKED.search(matching) else ())


def _lists(text: str) -> bool:
    """Whether the sentence (matching form) enumerates (items joined by 、) or announces a list (共三部分。)."""
    return bool(_ENUMERATION.search(text) or ANNOUNCES_LIST.search(text))


def names_date(text: str) -> bool:
    """Whether the text (matching form) names a calendar date (2017年, 9月, 5日; not 新时期)."""
    return bool(_CALENDAR_DATE.search(text))


@lru_cache(maxsize=20000)
def _proper_names(text: str) -> tuple[tuple[str, str], ...]:
    """The (kind, name) of the proper names jieba's part-of-speech tagger finds in the text, kind 'nr' (a
    person) or 'ns' (a place), with a surname it split off joined to the name after it and no 'nr' that ends
    like an office; run only when a question asks for one, and kept per sentence, since questions share
    sentences."""
    import jieba.posseg

    tagged = [(pair.flag, pair.word) for pair in jieba.posseg.cut(text, HMM=True)]
    names = []
    for i, (flag, word) in enumerate(tagged):
        if flag == "nr" and len(word) == 1 and i + 1 < len(tagged) and tagged[i + 1][0] in ("nr", "nrfg"):
            tagged[i + 1] = ("nr", word + tagged[i + 1][1])  # a surname the tagger split off: 栾 + 志成
        elif flag in ("nr", "ns") and len(word) > 1 and not (flag == "nr" and ORG_SUFFIX.search(word[-1])):
            names.append((flag, word))  # an 'nr' ending like an office (宣传部) is no person
    return tuple(names)


def names_another(view: QuestionView, text: str, kind: str) -> bool:
    """Whether the text names a person or place ('nr', 'ns') that the question does not: the answer to
    "who" or "where" is a name beyond those the question already holds."""
    return any(flag == kind and not set(word) <= view.chars for flag, word in _proper_names(text))


def _held(wanted: frozenset[str], text: str) -> int:
    return sum(w in text for w in wanted)


def _share(wanted: frozenset[str], text: str) -> float:
    return _held(wanted, text) / len(wanted) if wanted else 0.0


@dataclass(frozen=True)
class DocumentView:
    """What the features need of one document for one question, computed once per document: how much of the
    question's pairs it holds, whether it lacks a figure the question names, and how telling each of the
    question's pairs and characters is within it: log(1 + n/df) over its n sentences, df of them holding
    it. The subject a whole article is about (its title, in every sentence) tells little; the words only
    the answering sentence shares tell most. None of it depends on anything outside the document, so it
    does not move as the collection grows."""

    pairs: dict[str, float]
    chars: dict[str, float]
    pairs_asked: int
    chars_asked: int
    sentences: int
    pair_share: float  # of the question's pairs, those the document holds
    lacks_number: bool  # a figure the question names is nowhere in the document (its text, title or date)
    # The question's pairs and characters that are not about the document's subject (its title and first
    # sentence): what the question asks of the subject, which the answering sentence should hold even when it
    # names the subject only by 其/本/该 or not at all.
    aspect_pairs: frozenset[str] = frozenset()
    aspect_chars: frozenset[str] = frozenset()


def document_view(view: QuestionView, sentences: list[str], title: str = "", date: str = "") -> DocumentView:
    """The view of a document given as its sentences' matching forms, its title and its date: a report dated
    2024 holds the year 2024 for a question about it even where its text says only 截至目前."""
    n = len(sentences)
    document, title = "".join(sentences), normalize(title)
    held = document + " " + title + " " + date
    subject = title + " " + (sentences[0] if sentences else "")

    def weights(units: frozenset[str]) -> dict[str, float]:
        found = {}
        for unit in units:
            df = sum(unit in s for s in sentences)
            if df:
                found[unit] = math.log1p(n / df)
        return found

    return DocumentView(weights(view.pairs), weights(view.chars), len(view.pairs), len(view.chars), n,
                        _share(view.pairs, document), any(number not in held for number in view.numbers),
                        frozenset(p for p in view.pairs if p not in subject),
                        frozenset(c for c in view.chars if c not in subject))


def _weighted_shares(weights: dict[str, float], asked: int, sentences: int, text: str) -> tuple[float, float]:
    """The share of the document's weight of the question's units that the text holds, and the same over
    what the whole question would weigh were each unit in one sentence only."""
    held = sum(w for unit, w in weights.items() if unit in text)
    total = sum(weights.values())
    most = asked * math.log1p(sentences) if sentences else 0.0
    return (held / total if total else 0.0), (held / most if most else 0.0)


@dataclass(frozen=True)
class Candidate:
    """One candidate sentence, in matching form, with the texts around it and how close its passage is to the
    question among all its own document's passages (not among those retrieved, nor among all documents': either
    would move with the collection)."""

    matching: str
    context: str  # the sentence with its neighbours
    document: DocumentView  # of the sentence's document, for this question
    doc_rank: int  # 0-based rank, by dense cosine, of the sentence's best chunk among all its document's chunks
    dense: float  # that chunk's dense cosine
    doc_top_dense: float  # the best dense cosine among its document's chunks
    position: int  # the sentence's index in its document
    term_coverage: float  # coverage of the question's terms, weighted without the collection (terms.weighted_within)
    count_near_term: bool = False  # a counted amount stands next to a question term, in the unit asked


def features(view: QuestionView, candidate: Candidate) -> list[float]:
    """The feature vector of a candidate, in the order of FEATURES."""
    text = candidate.matching
    content = [c for c in text if _CONTENT_CHAR.match(c)]
    novel = sum(c not in view.chars for c in content) / max(1, len(content))
    has_number, has_date = bool(_NUMBER.search(text)), bool(_DATE.search(text))
    lists = view.asks_list and _lists(text)
    return [
        _share(view.chars, text),
        _share(view.pairs, text),
        _share(view.pairs, candidate.context),
        candidate.document.pair_share,
        candidate.term_coverage,
        novel,
        math.log1p(len(text)) / 5,
        float(view.asks_number and has_number),
        float(view.asks_number and not has_number),
        float(view.asks_date and has_date),
        float(view.asks_date and not has_date),
        float(view.asks_person),
        float(view.asks_place),
        1.0 / (1 + candidate.doc_rank),
        float(candidate.doc_rank == 0),
        candidate.dense,
        candidate.dense - candidate.doc_top_dense,
        float(candidate.position == 0),
        float(candidate.count_near_term),
        float(any(n not in text for n in view.numbers)),
        float(view.asks_person and names_another(view, text, "nr")),
        float(view.asks_org and bool(ORG_SUFFIX.search(text))),
        *_weighted_shares(candidate.document.pairs, candidate.document.pairs_asked, candidate.document.sentences, text),
        *_weighted_shares(candidate.document.chars, candidate.document.chars_asked, candidate.document.sentences, text),
        float(candidate.document.lacks_number),
        _held(candidate.document.aspect_pairs, text) / max(1, len(view.pairs)),
        _held(candidate.document.aspect_chars, text) / max(1, len(view.chars)),
        float(view.asks_place and names_another(view, text, "ns")),
        float(lists),
        float(view.asks_list and not lists),
    ]


WINDOW_FEATURES = (
    "char_share", "pair_share", "pair_kept", "novel_share", "log_length", "asks_number_has_number",
    "asks_date_has_date", "starts_sentence", "ends_sentence", "clauses", "composer_score",
)


def window_features(view: QuestionView, window: str, sentence: str, starts: bool, ends: bool, clauses: int,
                    composer_score: float) -> list[float]:
    """The feature vector of a run of clauses (`window`, matching form) of a sentence, in WINDOW_FEATURES order."""
    content = [c for c in window if _CONTENT_CHAR.match(c)]
    novel = sum(c not in view.chars for c in content) / max(1, len(content))
    in_sentence = _share(view.pairs, sentence)
    pairs = _share(view.pairs, window)
    return [
        _share(view.chars, window),
        pairs,
        pairs / in_sentence if in_sentence else 0.0,
        novel,
        math.log1p(len(window)) / 5,
        float(view.asks_number and bool(_NUMBER.search(window))),
        float(view.asks_date and bool(_DATE.search(window))),
        float(starts),
        float(ends),
        min(clauses, 8) / 8,
        composer_score,
    ]


@dataclass(frozen=True)
class SelectorModel:
    """Linear weights over named features; as a logistic model, with the probability below which the answer
    step abstains."""

    features: tuple[str, ...]
    weights: np.ndarray
    bias: float
    threshold: float = 0.0

    def scores(self, rows: list[list[float]]) -> np.ndarray:
        return np.asarray(rows, dtype=float).reshape(len(rows), -1) @ self.weights + self.bias

    def probabilities(self, rows: list[list[float]]) -> np.ndarray:
        if not len(rows):
            return np.zeros(0)
        return 1 / (1 + np.exp(-self.scores(rows)))

    def to_dict(self) -> dict:
        # + 0.0 writes a weight that rounds to zero as 0.0 whatever its sign: a per-question feature's weight in a
        # listwise ranker is float noise around zero, and -0.0 against 0.0 made refits differ by a byte
        return {"features": list(self.features), "weights": [round(float(w), 6) + 0.0 for w in self.weights],
                "bias": round(float(self.bias), 6), "threshold": round(float(self.threshold), 4)}


@dataclass(frozen=True)
class Choice:
    """The candidate the ranker prefers and the verifier's probability that it holds the answer."""

    index: int
    probability: float


@dataclass(frozen=True)
class Selector:
    """Three fitted models: the ranker scores every candidate sentence (fitted so that the sentence holding
    the answer scores highest among a question's candidates), the verifier gives the probability that the
    ranker's choice holds the answer (its threshold decides answer or abstain), the window model picks the
    run of clauses to show."""

    ranker: SelectorModel
    verifier: SelectorModel
    window: SelectorModel

    @property
    def threshold(self) -> float:
        return self.verifier.threshold

    def pick(self, rows: list[list[float]], documents: list[str], among: list[int] | None = None,
             rivals: list[int] | None = None) -> tuple[int, list[float]] | None:
        """The ranker's best of the candidates `among` (all when None) and the verifier's row for it: its
        features, its score and its share of the softmax of the scores of the candidates of its document
        (`documents`: each row's document) among `rivals` (a superset of `among`; `among` when None)."""
        among = list(range(len(rows))) if among is None else among
        if not among:
            return None
        rivals = among if rivals is None else rivals
        scores = self.ranker.scores([rows[i] for i in rivals])
        at = {index: k for k, index in enumerate(rivals)}
        chosen = max(among, key=lambda i: scores[at[i]])  # the first of equals
        best = float(scores[at[chosen]])
        same = np.array([documents[i] == documents[chosen] for i in rivals])
        share = 1.0 / float(np.exp(scores[same] - best).sum())
        return chosen, list(rows[chosen]) + [best, share]

    def choose(self, rows: list[list[float]], documents: list[str], among: list[int] | None = None,
               rivals: list[int] | None = None) -> Choice | None:
        """The best of the candidates `among` (all when None), how likely it holds the answer, its share of its
        document's ranking taken among `rivals` (`among` when None)."""
        picked = self.pick(rows, documents, among, rivals)
        if picked is None:
            return None
        index, row = picked
        return Choice(index, float(self.verifier.probabilities([row])[0]))


def unfitted() -> Selector:
    """A selector with zero weights: what the fitting script describes candidates with before any fit."""
    return Selector(SelectorModel(FEATURES, np.zeros(len(FEATURES)), 0.0),
                    SelectorModel(VERIFIER_FEATURES, np.zeros(len(VERIFIER_FEATURES)), 0.0, 0.5),
                    SelectorModel(WINDOW_FEATURES, np.zeros(len(WINDOW_FEATURES)), 0.0))


def _model(data: dict, names: tuple[str, ...], path: Path) -> SelectorModel:
    if tuple(data["features"]) != names:
        raise ValueError(f"{path} was fitted for other features; refit it with python -m eval.fit_selector")
    return SelectorModel(names, np.asarray(data["weights"], dtype=float), float(data["bias"]),
                         float(data.get("threshold", 0.0)))


@lru_cache(maxsize=4)
def load_selector(path: Path = MODEL_PATH) -> Selector:
    """The fitted selector stored at `path` (written by python -m eval.fit_selector)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if "ranker" not in data:
        raise ValueError(f"{path} is a selector of an older kind; refit it with python -m eval.fit_selector")
    return Selector(_model(data["ranker"], FEATURES, path), _model(data["verifier"], VERIFIER_FEATURES, path),
                    _model(data["window"], WINDOW_FEATURES, path))
