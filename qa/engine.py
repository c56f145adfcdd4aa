"""The question-answering engine: validate, route by place, retrieve, compose a cited answer or abstain."""
from __future__ import annotations

import logging
import re
import time
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from collection.indexer import open_index
from core.config import Settings
from core.textnorm import normalize, term_form
from core.types import Answer, Citation, Document, Hit, Passage, overlapping, page_at
from index.encoder import SentenceTransformerEncoder
from index.search import FusionWeights, QueryScores, Retriever
from index.store import StoredIndex
from qa import analysis, compose, selector
from qa.amount_asked import states_amount
from qa.analysis import SENTENCE_ANALYSER
from qa.asked_kind import missing_kind
from qa.asked_unit import gives_count_in
from qa.baseline_year import names_asked_year, names_year, only_as_baseline
from qa.became import counts_only_those_who_became
from qa.changed_thing import names_thing
from qa.coordination import (
    only_in_combined_count,
    only_in_quoted_count,
    only_in_shared_count,
)
from qa.counted_within import figures_of_group
from qa.deputy import only_as_deputy
from qa.edition import names_other_edition
from qa.partitive import names_part
from qa.passage_stats import PassageStats
from qa.people_counted import counts_other_people
from qa.question_parts import has_words_of_its_own, own_conjunct, question_parts
from qa.rate_asked import answers_rate
from qa.regions import asked_places, covers, find_regions, main_region
from qa.relative_year import speaks_of
from qa.share_base import shares_of_other_wholes
from qa.share_part import names_share_part
from qa.terms import (
    QueryTerms,
    coverage,
    query_terms,
    term_found,
    weighted_within,
    word_ends,
)
from qa.text_units import Sentence
from qa.who_asked import counts_without_naming, names_no_office_holder

log = logging.getLogger(__name__)

NOT_FOUND = "资料中没有找到能回答这个问题的内容。"
ABSTENTION = NOT_FOUND + "下面列出最接近的段落，供参考。"
LIST_CUE = re.compile(r"哪些|哪几|哪个省|哪个市|有哪|各地|各省|各市|分别|都有|几个省|几个地方")
_MARKUP = re.compile(r"</?[a-z][^<>]{0,60}>|&[a-z]+;|&#\d+;")
_FOREIGN_WORD = re.compile(r"[^\W\u3400-\u9fff]+")
_DIGIT = re.compile(r"\d")
_VERSUS = re.compile(r"(?<![a-z\d])(?:vs|versus)\.?(?![a-z\d])")  # 昆明 vs 龙江: a comparison, read as 和 (not pk: PK大战)
SINGLE_MAX_CHARS = 90
MULTI_MAX_CHARS = 70
MAX_SOURCES = 5
ANSWER_MAX_CHARS = 120  # an answer drawn from one document
LIST_ANSWER_MAX_CHARS = 300  # a list's answer, drawn from several documents: its weakest items beyond are left out
PART_SPOKEN_OF = 0.5  # share of the weight of a part's own words that an answer holds when it speaks of the part
PART_MIN_CHARS = 30  # the shortest window a part of a two-part answer is cut to (shorter cuts split clauses)
PLACES_SHOWN = 8  # of the places the collection covers, named when a question asks about another one
TITLE_SHARE = 0.8  # of the longer of a sentence and its document's title, for the sentence to be the title
_LETTERS = re.compile(r"[\W_]+")
LIST_FURTHER_SHARE = 0.5  # of the abstention threshold, for a list's items after the first
POOL_PER_DOCUMENT = 10  # chunks of each retrieved document whose sentences the composer reads
WEIGHTED_KEPT = 4096  # (document, question terms) pairs whose within-document weights the engine keeps


class QuestionError(ValueError):
    """A question that cannot be asked as it is; the message is for the user, in Chinese."""


def validate_question(question: object, max_chars: int) -> str:
    """The question stripped of surrounding space, or QuestionError saying politely what is wrong."""
    if not isinstance(question, str) or not question.strip():
        raise QuestionError("问题为空，请输入一个问题，例如“黑龙江高技能人才多少”。")
    question = question.strip()
    if len(question) > max_chars:
        raise QuestionError(f"问题太长（{len(question)} 字），请精简到 {max_chars} 字以内再问。")
    if not re.search(r"[\w\u4e00-\u9fff]", question):
        raise QuestionError("没有读到文字内容，请用中文描述您的问题。")
    return question


@dataclass(frozen=True)
class _Group:
    """Documents one part of the answer may come from, and the label of that part."""

    label: str | None
    doc_ids: frozenset[str] | None  # None: any document
    # of doc_ids, documents about another place that speak of this one: read only in the sentences naming it
    naming_only: frozenset[str] = frozenset()


class Engine:
    """Answers questions over one loaded index. Holds no per-question state: safe for concurrent callers."""

    def __init__(self, settings: Settings, index: StoredIndex, encoder: SentenceTransformerEncoder,
                 weights: FusionWeights | None = None, answer_selector: selector.Selector | None = None):
        self.settings = settings
        self.index = index
        weights = weights or FusionWeights(settings.dense_weight, settings.lexical_weight)
        self.retriever = Retriever(index, encoder, weights)
        self.regions: dict[str, str | None] = {}
        self._places_named: dict[str, frozenset[str]] = {}  # every place each document names
        for d in index.documents.values():
            mentions = [name for name, _, _ in find_regions(d.text)]
            self.regions[d.doc_id] = d.region or main_region(mentions)
            self._places_named[d.doc_id] = frozenset(mentions)
        self.selector = answer_selector or selector.load_selector(settings.selector_path or selector.MODEL_PATH)
        # Answer only when the chosen sentence is at least this likely to hold the answer.
        self.threshold = (settings.abstain_threshold if settings.abstain_threshold is not None
                          else self.selector.threshold)
        self._chunk_texts = [term_form(c.text) for c in index.chunks]  # matching form, quotation marks dropped
        self._stats = PassageStats(self._chunk_texts, word_ends)
        self._sentences: dict[str, list[Sentence]] = {}  # per document, filled on first use (see _sentences_of)
        self._weighted: dict[tuple[str, QueryTerms], QueryTerms] = {}  # see terms_within
        self._docs_of_region: dict[str, frozenset[str]] = {}
        self._starts: dict[str, list[int]] = {}  # per document, its sentences' start offsets

    @classmethod
    def open(cls, settings: Settings, progress: bool = False,
             answer_selector: selector.Selector | None = None) -> Engine:
        """Load (or build) the index for these settings and the model it names."""
        encoder = SentenceTransformerEncoder(settings.resolved_model_path())
        return cls(settings, open_index(settings, encoder, progress, SENTENCE_ANALYSER), encoder,
                   answer_selector=answer_selector)

    @property
    def documents(self) -> dict[str, Document]:
        return self.index.documents

    def question_terms(self, question: str) -> QueryTerms:
        """The question's content terms, weighted by their rarity in this collection; its words are merged into
        a compound that some passage holds ending where a word of it ends (`holds_ending_a_word`)."""
        return query_terms(question, self._stats.count, len(self.index.chunks), self._stats.holds_ending_a_word)

    def content_of(self, question: str) -> str:
        """The question as retrieval and the answer step read it: its matching form without markup tags and
        without words in another script that no passage holds (a stray tag name, a foreign word), which
        would otherwise pull every score down alike, and with vs between the things compared read as 和
        (a word that some passage may hold, so it would dilute the answer only in some collections). Figures
        always stay."""
        text = _VERSUS.sub("和", _MARKUP.sub(" ", normalize(question)))
        text = _FOREIGN_WORD.sub(lambda m: m.group() if _DIGIT.search(m.group()) or self._stats.occurs(m.group())
                                 else " ", text)
        return " ".join(text.split()) or question

    def ask(self, question: str, exclude: frozenset[str] = frozenset()) -> Answer:
        """Answer one question; raises QuestionError for empty, over-long or contentless questions.

        `exclude`: documents to answer without, as if they were not in the collection (for evaluation)."""
        return self.ask_with_context(question, exclude)[0]

    def ask_with_context(self, question: str, exclude: frozenset[str] = frozenset()) -> tuple[Answer, list[Hit]]:
        """The extractive answer and the retrieved hits it may be grounded in (place filters applied),
        best first, one group after another in turns so that every asked place is represented."""
        started = time.perf_counter()
        question = validate_question(question, self.settings.max_question_chars)
        query = self.content_of(question)
        terms = self.question_terms(query)
        view = selector.question_view(query)
        places = asked_places(query) if self.settings.region_routing else []
        groups, missing = self._groups(places)
        if exclude:
            everything = frozenset(self.documents)
            groups = [replace(g, doc_ids=(g.doc_ids or everything) - exclude) for g in groups]
        retrieved_at = time.perf_counter()
        scores = self.retriever.scores(query)  # encoded once, ranked per group
        per_group = [(g, self._search(query, g, scores)) for g in groups]
        retrieve_ms = (time.perf_counter() - retrieved_at) * 1000

        excerpts: list[tuple[str | None, compose.Excerpt]] = []  # each part's best, answering or not
        kept: list[tuple[str | None, compose.Excerpt]] = []  # those that answer
        multi = len(groups) > 1 or (not places and LIST_CUE.search(query) is not None)
        for group, hits in per_group:
            hits = self.pool(query, hits, scores, terms)
            if not places and multi:
                found = self._per_document(view, terms, hits, scores)
                excerpts += found
                kept += self._answering(found, one_question=True, view=view)[:MAX_SOURCES]
            else:
                part_view = selector.question_view(self.part_of(query, group.label)) if len(groups) > 1 else view
                found = self._pick(part_view, terms, hits, scores, MULTI_MAX_CHARS if multi else SINGLE_MAX_CHARS,
                                   bool(places), group)
                if found is not None:
                    excerpts.append((group.label, found))
        unanswered_parts: list[str] = []
        if places or not multi:  # a question asking two things is answered in both, for each place
            same_thing = len(groups) > 1 and len(question_parts(query)) < 2
            kept += self._answering(excerpts, one_question=same_thing, view=view)
            kept, unanswered_parts = self._each_part_of_each_place(query, places, groups, kept)
        if len(groups) > 1:  # a place whose documents do not answer is said so, not left out silently
            answered = {label for label, _ in kept}
            missing = missing + [g.label for g in groups if g.label not in answered]
        kept = _shared_lines([(self._source_place(label, excerpt), excerpt) for label, excerpt in kept])
        all_hits = [h for _, hits in per_group for h in hits]
        answer, citations = self._phrase(kept, missing, multi, LIST_ANSWER_MAX_CHARS if multi and not places else None)
        if citations and unanswered_parts:
            answer += "".join("\n" + line for line in unanswered_parts)
        passages = self._passages(query, all_hits, scores, exclude)
        warnings = ((self.index.notice,) if self.index.notice else ()) + self._flag_warnings(citations)
        total_ms = (time.perf_counter() - started) * 1000
        result = Answer(
            question=question,
            answer=answer,
            abstained=not citations,
            citations=tuple(citations),
            passages=tuple(passages),
            timings_ms={"retrieve": round(retrieve_ms, 2), "answer": round(total_ms - retrieve_ms, 2),
                        "total": round(total_ms, 2)},
            support=round(max((e.support for _, e in excerpts), default=0.0), 4),
            warnings=warnings,
        )
        return result, _interleave([hits for _, hits in per_group])

    # -- routing -----------------------------------------------------------------------------------------

    def _groups(self, places: list[str]) -> tuple[list[_Group], list[str]]:
        """One group per named place that has documents; places without documents are returned apart."""
        if not places:
            return [_Group(None, None)], []
        groups, missing = [], []
        for place in places:
            whole, naming = self._documents_about(place)
            (groups.append(_Group(place, whole | naming, naming)) if whole or naming else missing.append(place))
        return groups, missing

    @staticmethod
    def part_of(query: str, place: str | None) -> str:
        """The question as the part about one of several asked places reads it: the other places' names
        blanked, since that part is answered from documents about its own place, which need not name them.
        A question asking several things each of its own place (山西高技能人才多少，昆明职工驿站有多少个) keeps,
        for each place, only the parts that name it or name no place, unless those say nothing beyond the place
        (山西高技能人才几多，黑龙江几多: the whole question is asked of 黑龙江); places coordinated each with words of
        their own (昆明办的技能竞赛和黑龙江今年办的赛事各多少场次) keep their own words (`own_conjunct`)."""
        parts = question_parts(query)
        if len(parts) > 1 and place is not None:
            own = " ".join(p for p in parts
                           if place in {name for name, _, _ in find_regions(p)} or not find_regions(p))
            if has_words_of_its_own(Engine.part_of(own, None)):
                query = own  # not 黑龙江几多 after 山西高技能人才几多: that asks the other part's thing of its place
        named = find_regions(query)
        names = [name for name, _, _ in named]
        if place in names:
            conjunct = own_conjunct(query, [(start, end) for _, start, end in named], names.index(place))
            if conjunct is not None:
                query, named = conjunct, find_regions(conjunct)
        for name, start, end in reversed(named):
            if name != place:
                query = query[:start] + " " + query[end:]
        return query

    def _documents_about(self, place: str) -> tuple[frozenset[str], frozenset[str]]:
        """Documents that may answer for a place, whole, and those about another place that name it, read only
        in the sentences naming it: a national briefing gives 青海's figures among its own, a provincial report
        one city's (cached per place; a dict is safe to share here)."""
        if place not in self._docs_of_region:
            whole = frozenset(d for d, region in self.regions.items()
                              if covers(region, place) or (region is None and self._names(d, place)))
            naming = frozenset(d for d in self.regions if d not in whole and self._names(d, place))
            self._docs_of_region[place] = whole, naming
        return self._docs_of_region[place]

    def _names(self, doc_id: str, place: str) -> bool:
        """Whether a document names `place` or a place within it anywhere. One with no place of its own (an
        upload without metadata, a mixed report) may answer for every place it speaks of."""
        return any(covers(found, place) for found in self._places_named.get(doc_id, ()))

    def _each_part_of_each_place(self, query: str, places: list[str], groups: list[_Group],
                                 kept: list[tuple[str | None, compose.Excerpt]]
                                 ) -> tuple[list[tuple[str | None, compose.Excerpt]], list[str]]:
        """The answer lines once every place's group is answered in each part of the question it asks
        (`_answer_parts`), and the lines saying which parts nothing answers."""
        answered, unanswered = [], []
        for group in groups:
            own = [(label, e) for label, e in kept if label == group.label]
            part_query = self.part_of(query, group.label) if len(groups) > 1 else query
            found, missing = self._answer_parts(part_query, [group.label] if len(groups) > 1 else places, group, own)
            answered += found
            unanswered += [(group.label, part) for part in missing]
        return answered, _unanswered_lines(unanswered, len(groups))

    def _answer_parts(self, query: str, places: list[str], group: _Group,
                      kept: list[tuple[str | None, compose.Excerpt]]
                      ) -> tuple[list[tuple[str | None, compose.Excerpt]], list[str]]:
        """For a question that asks two or more things (`question_parts`): each part the answer so far does
        not speak of (the excerpts shown hold at most half the weight of the part's own words) is asked on its
        own, with the question's places, and its answer added; lines in the order of the parts they answer. The
        parts that still find none, and of which the answer holds none of the own words, are returned apart."""
        parts = question_parts(query)
        if not 2 <= len(parts) <= MAX_SOURCES:  # one question, or a list of more things than one answer gives
            return kept, []
        own_words = [self._own_words(part, parts) for part in parts]
        shares = [[self._share_shown(own_words[i], e.document, e.window.text) for _, e in kept]
                  for i in range(len(parts))]
        answered = [(next((i for i in range(len(parts)) if shares[i][k] > PART_SPOKEN_OF), 0), label, e)
                    for k, (label, e) in enumerate(kept)]
        asked = [" ".join([p for p in places if p not in part] + [part]) for part in parts]
        unanswered = []
        for i, part in enumerate(parts):
            if any(share > PART_SPOKEN_OF for share in shares[i]):
                continue  # the answer already speaks of it
            part_scores = self.retriever.scores(asked[i])
            part_terms = self.question_terms(asked[i])
            hits = self.pool(asked[i], self._search(asked[i], group, part_scores), part_scores, part_terms)
            found = self._pick(selector.question_view(asked[i]), part_terms, hits, part_scores,
                               SINGLE_MAX_CHARS, bool(places), group)
            if found is not None and found.support >= self.threshold:
                answered.append((i, group.label, found))
            elif not any(shares[i]):  # said missing only when nothing shown speaks of it at all
                unanswered.append(" ".join(part.split()))
        answered.sort(key=lambda item: item[0])  # in the order the question asks
        if len({(e.document.doc_id, e.sentence.start) for _, _, e in answered}) > 1:
            answered = self._shortened(answered, asked, own_words, bool(places))
        return [(label, excerpt) for _, label, excerpt in answered], unanswered

    def _share_shown(self, own_words: list, document: Document, shown: str) -> float:
        """The share of the weight of a part's own words that a text of the document shows, weighted within
        the document (`weighted_within`), so that it does not move as the collection grows (1 for a part
        without words of its own)."""
        if not own_words:
            return 1.0
        sentences = [s.matching for s in self._sentences_of(document)]
        words = weighted_within(QueryTerms(tuple(own_words), False), sentences).terms
        shown = term_form(shown)
        total = sum(t.weight for t in words)
        return sum(t.weight for t in words if any(v in shown for v in t.variants)) / total if total else 1.0

    def _shortened(self, answered: list[tuple[int, str | None, compose.Excerpt]], asked: list[str],
                   own_words: list[list], region_named: bool) -> list[tuple[int, str | None, compose.Excerpt]]:
        """Lines answering the parts of one question from one document, each cut to the clauses its own part
        asks about, short enough that together they stay an answer (ANSWER_MAX_CHARS), not pasted passages.
        Lines from several documents, or too many to fit, are left as they are."""
        if len({e.document.doc_id for _, _, e in answered}) > 1:
            return answered
        for budget in range(SINGLE_MAX_CHARS // len(answered), PART_MIN_CHARS - 1, -5):
            lines = [(i, label, self._recut(e, asked[i], own_words[i], budget, region_named))
                     for i, label, e in answered]
            if sum(len(compose.phrase(e, len(lines), label)) + 1 for _, label, e in lines) <= ANSWER_MAX_CHARS:
                return lines
        return answered  # too many parts to fit: whole clauses read better than clauses cut short

    def _recut(self, excerpt: compose.Excerpt, question: str, own_words: list, max_chars: int,
               region_named: bool) -> compose.Excerpt:
        """The excerpt's sentence cut again for one part of a question, within max_chars: to the run of
        clauses the window model prefers among those that show most of the weight of the part's own words
        (`_share_shown`): 选树宣传50名“齐鲁最美职工” for 选树了多少齐鲁最美职工, not the clause before it that
        counts 全国最美职工."""
        document = excerpt.document
        sentence = self._sentences_of(document)[self._position(document, excerpt.sentence.start)]
        return compose.cut_excerpt(selector.question_view(question),
                                   self.terms_within(document, self.question_terms(question)), document,
                                   sentence, excerpt.support, max_chars, region_named, self.selector,
                                   prefer=lambda text: self._share_shown(own_words, document, text))

    def _own_words(self, part: str, parts: list[str]) -> list:
        """The terms of one part of a question that no other part holds (places left out: every part shares them)."""
        return [t for t in self.question_terms(self.part_of(part, None)).terms
                if not any(v in other for v in t.variants for other in parts if other != part)]

    def _source_place(self, asked: str | None, excerpt: compose.Excerpt) -> str | None:
        """The place an answer line is labelled with: the asked place, or the place inside it that the cited
        document is about (a 昆明 report answering for 云南 is labelled 昆明: its figures are the city's)."""
        region = self.regions.get(excerpt.document.doc_id)
        return region if asked and region and region != asked and covers(region, asked) else asked

    def _search(self, question: str, group: _Group, scores: QueryScores) -> list[Hit]:
        """Hits for one group. The composer reads sentences of more chunks than the passages shown:
        wording that retrieval ranks low (a synonym, a count) is often found again at sentence level."""
        return self.retriever.search(question, self.settings.candidate_chunks, doc_ids=group.doc_ids, scores=scores)

    def pool(self, question: str, hits: list[Hit], scores: QueryScores, terms: QueryTerms) -> list[Hit]:
        """The chunks whose sentences the composer reads: for each document with a hit, best first, its own
        best POOL_PER_DOCUMENT chunks ranked among that document's chunks alone, by dense cosine and by the
        question's words weighted within the document (`terms`: the question's), so that what a document offers
        does not depend on which other documents the collection holds (BM25's word weights would)."""
        pooled: list[Hit] = []
        for doc_id in dict.fromkeys(h.chunk.doc_id for h in hits):
            own = QueryScores(scores.dense, self._words_within(doc_id, terms))
            for hit in self.retriever.search(question, POOL_PER_DOCUMENT, doc_ids=frozenset((doc_id,)), scores=own):
                pooled.append(replace(hit, rank=len(pooled)))
        return pooled

    def _words_within(self, doc_id: str, terms: QueryTerms) -> np.ndarray:
        """For every chunk of the collection, the weight of the question's words it holds, weighted within
        this document (`weighted_within`); 0 outside the document."""
        rows = self.retriever.document_rows(doc_id)
        words = self.terms_within(self.documents[doc_id], terms).terms
        found = np.zeros(len(self.index.chunks), dtype=np.float32)
        found[rows] = [sum(t.weight * term_found(t, self._chunk_texts[row]) for t in words) for row in rows]
        return found

    def terms_within(self, document: Document, terms: QueryTerms) -> QueryTerms:
        """The question's terms weighted within one document's sentences (`weighted_within`): once per document
        and question, though its pool, its candidates' description and the cut of its excerpt all read them
        (kept for the last WEIGHTED_KEPT; threads that race store equal results)."""
        key = (document.doc_id, terms)
        found = self._weighted.get(key)
        if found is None:
            if len(self._weighted) >= WEIGHTED_KEPT:
                self._weighted.clear()
            found = self._weighted[key] = weighted_within(terms, [s.matching for s in self._sentences_of(document)])
        return found

    # -- composing ---------------------------------------------------------------------------------------

    def _candidates(self, hits: list[Hit]) -> list[tuple[Document, Sentence, int, str | None]]:
        """Sentences overlapping the retrieved chunks, in the order first met, each with the rank of the hit it
        overlaps whose chunk is closest to the question by dense cosine (a sentence across two chunks is
        described by the closer, whichever the pool ranked first) and the screening reason when the sentence
        reads as an instruction to an assistant."""
        closest: dict[tuple[str, int], tuple[Sentence, Hit]] = {}
        for hit in hits:
            chunk = hit.chunk
            for sentence in self._sentences_of(self.documents[chunk.doc_id]):
                span = sentence.span
                key = (chunk.doc_id, span.start)
                if span.start < chunk.end and span.end > chunk.start and (
                        key not in closest or hit.dense_score > closest[key][1].dense_score):
                    closest[key] = (sentence, hit)
        found = []
        for sentence, hit in closest.values():
            document, span = self.documents[hit.chunk.doc_id], sentence.span
            found.append((document, sentence, hit.rank,
                          overlapping(document.flags, span.start, span.end) if document.flags else None))
        return found

    def _sentences_of(self, document: Document) -> list[Sentence]:
        """A document's sentences with their matching forms, word boundaries and places: from the rows the
        index stored at build time, else (an index built without them) analysed now; either way once per
        document. Two threads may both do it the first time; they store equal results, so no lock."""
        found = self._sentences.get(document.doc_id)
        if found is None:
            rows = (self.index.annotations or {}).get(document.doc_id)
            found = analysis.from_rows(document, rows) if rows is not None else analysis.analyse(document)
            self._sentences[document.doc_id] = found
        return found

    def _pick(self, view: selector.QuestionView, terms: QueryTerms, hits: list[Hit], scores: QueryScores,
              max_chars: int, region_named: bool, group: _Group | None = None) -> compose.Excerpt | None:
        """The excerpt of the hits' sentence likeliest to hold the answer, among sentences without
        instruction-like text unless none of those answers; of the group's documents about another place,
        among the sentences naming the group's."""
        candidates = self._candidates(hits)
        # a title names its document: the question repeats it to say which, so it answers only a date asked,
        # and only where it or its document is dated (an answer from a title shows its document's date)
        candidates = [c for c in candidates if not _is_title(c[1].matching, c[0].title)
                      or (view.asks_date and (c[0].date or selector.names_date(c[1].matching)))] or candidates
        if not candidates:
            return None
        rows = [selector.features(view, c) for c in self.described(view, terms, hits, candidates, scores)]
        documents = [c[0].doc_id for c in candidates]
        allowed = [i for i, c in enumerate(candidates) if group is None or c[0].doc_id not in group.naming_only
                   or _names_place(c[1], group.label)]
        clean = [i for i, c in enumerate(candidates) if c[3] is None]
        # a document's share of the ranking is taken against all its candidates, also those it may not give
        def checked(choice: selector.Choice | None) -> selector.Choice | None:
            """The choice, with no chance of answering where the checks refuse its sentence."""
            if choice is None or self.can_answer(view, *candidates[choice.index][:2]):
                return choice
            return replace(choice, probability=0.0)

        choice = checked(self.selector.choose(rows, documents, [i for i in allowed if candidates[i][3] is None],
                                              clean))
        if len(clean) < len(candidates) and (choice is None or choice.probability < self.threshold):
            # no clean sentence answers (none is likely enough, or the checks refuse the likeliest): a flagged one may
            anything = checked(self.selector.choose(rows, documents, allowed, list(range(len(candidates)))))
            if choice is None or anything.probability > choice.probability:
                choice = anything
        if choice is None:
            return None
        document, sentence, _, _ = candidates[choice.index]
        position = self._position(document, sentence.span.start)
        excerpt = compose.cut_excerpt(view, self.terms_within(document, terms), document, sentence,
                                      choice.probability, max_chars, region_named, self.selector, _names_person(view))
        after = position + 1
        return compose.run_on(excerpt, self._sentences_of(document)[after : after + compose.LIST_LOOKAHEAD],
                              max_chars)

    def can_answer(self, view: selector.QuestionView, document: Document, sentence: Sentence,
                   position: int | None = None) -> bool:
        """Whether the checks let the sentence answer the question in the terms asked (`_holds_what_is_asked`,
        reading the sentence before it and its document's year). A sentence they refuse is never given, whatever
        the verifier would say of it. `position`: the sentence's index in its document, where already known."""
        position = self._position(document, sentence.span.start) if position is None else position
        before = self._sentences_of(document)[position - 1].matching if position else ""
        quoted = normalize(sentence.span.text) if view.asks_number else ""  # read only for a count asked
        return _holds_what_is_asked(view, sentence.matching, before, _year_of(document.date), quoted)

    def described(self, view: selector.QuestionView, terms: QueryTerms, hits: list[Hit], candidates,
                  scores: QueryScores) -> list[selector.Candidate]:
        """The selector's description of each candidate (document, sentence, rank, flag) of these hits; a
        sentence's chunk is ranked by dense cosine among all its document's chunks (`scores`: the question's),
        not only those retrieved, which other documents of the collection would decide."""
        dense_at = {h.rank: h.dense_score for h in hits}
        by_document: dict[str, list[float]] = {}
        described, documents, document_terms = [], {}, {}
        for document, sentence, rank, _ in candidates:
            if document.doc_id not in by_document:
                dense_of_all = self.retriever.document_dense(document.doc_id, scores).tolist()
                by_document[document.doc_id] = dense_of_all or [0.0]
            dense, others = dense_at.get(rank, 0.0), by_document[document.doc_id]
            sentences = self._sentences_of(document)
            if document.doc_id not in documents:
                matching = [s.matching for s in sentences]
                documents[document.doc_id] = selector.document_view(view, matching, document.title,
                                                                     document.date or "")
                document_terms[document.doc_id] = self.terms_within(document, terms)
            position = self._position(document, sentence.span.start)
            context = "".join(s.matching for s in sentences[max(0, position - 1) : position + 2])
            described.append(selector.Candidate(
                sentence.matching, context, documents[document.doc_id], sum(d > dense for d in others), dense,
                max(others), position, coverage(document_terms[document.doc_id], sentence.matching, sentence.boundaries),
                compose.counts_near_terms(terms, sentence.matching)))
        return described

    def _position(self, document: Document, start: int) -> int:
        starts = self._starts.get(document.doc_id)
        if starts is None:
            starts = self._starts[document.doc_id] = [s.span.start for s in self._sentences_of(document)]
        return bisect_left(starts, start)

    def _flag_warnings(self, citations: list[Citation]) -> tuple[str, ...]:
        """A warning for each citation whose sentence reads as an instruction to an assistant."""
        warnings = []
        for c in citations:
            reason = overlapping(self.documents[c.doc_id].flags, c.start, c.end)
            if reason:
                warnings.append(f"引用[{c.n}]的原文含有疑似针对 AI 助手的指令文字（{reason}），"
                                f"可能是被植入的内容，请核对原文后再采信。")
        return tuple(warnings)

    def _per_document(self, view: selector.QuestionView, terms: QueryTerms, hits: list[Hit],
                      scores: QueryScores) -> list[tuple[str | None, compose.Excerpt]]:
        """For list questions: the best excerpt of each retrieved document, best first."""
        by_doc: dict[str, list[Hit]] = {}
        for hit in hits:
            by_doc.setdefault(hit.chunk.doc_id, []).append(hit)
        found = []
        for doc_id, doc_hits in by_doc.items():
            excerpt = self._pick(view, terms, doc_hits, scores, MULTI_MAX_CHARS, True)
            if excerpt is not None:
                found.append((self.regions.get(doc_id), excerpt))
        found.sort(key=lambda item: -item[1].support)
        return found

    def _answering(self, found: list[tuple[str | None, compose.Excerpt]], one_question: bool,
                   view: selector.QuestionView) -> list[tuple[str | None, compose.Excerpt]]:
        """The excerpts that answer: each above the threshold. Where they answer one question (a list's items
        from several documents, several places asked the same thing), once one clears the bar, the others need
        only LIST_FURTHER_SHARE of it: the question has been shown answerable, and each further document names
        the fact in its own words, though with a character pair of the question (`view`) outside its places
        (not 昆明名匠 for 昆明和山东的大国工匠各有几名, which only 昆明 joins to the question)."""
        bar = self.threshold
        if not (one_question and any(e.support >= bar for _, e in found)):
            return [(label, e) for label, e in found if e.support >= bar]
        asked = _pairs_besides_places(view)

        def names_what_is_asked(excerpt: compose.Excerpt) -> bool:
            text = normalize(excerpt.sentence.text)
            return not asked or any(pair in text for pair in asked)

        return [(label, e) for label, e in found if e.support >= bar
                or (e.support >= LIST_FURTHER_SHARE * bar and names_what_is_asked(e))]

    def _phrase(self, excerpts, missing: list[str], multi: bool, list_within: int | None = None
                ) -> tuple[str, list[Citation]]:
        """The answer's lines, one per excerpt, each with its citation, and a line for each place missing.
        `list_within`: for a list (excerpts best first), the length the answer keeps within: the items that would
        take it beyond are left out."""
        lines, citations = [], []
        for label, excerpt in excerpts:
            n = len(citations) + 1
            document = excerpt.document
            # a place is named unless the excerpt names it and it is the only place the question asks about
            shown_anyway = multi or missing or (label and label not in normalize(excerpt.window.text))
            show_label = label if shown_anyway else None
            if multi and not show_label:
                show_label = document.title[:16]
            line = compose.phrase(excerpt, n, show_label)
            if lines and list_within is not None and len("\n".join(lines + [line])) > list_within:
                break
            lines.append(line)
            citations.append(Citation(n, document.doc_id, document.title, document.source, document.date,
                                      excerpt.sentence.text, excerpt.sentence.start, excerpt.sentence.end,
                                      page_at(document, excerpt.sentence.start)))
        covered = [r for r in dict.fromkeys(self.regions.values()) if r]
        for place in missing:
            lines.append(f"{place}：资料中没有找到相关内容。")
        if not citations:
            if missing and not any(covers(region, place) for region in covered for place in missing):
                shown = "、".join(covered[:PLACES_SHOWN]) + (f"等 {len(covered)} 处" if len(covered) > PLACES_SHOWN else "")
                return (f"资料中没有找到关于{'、'.join(missing)}的内容（现有资料涉及：{shown}）。", [])
            return ABSTENTION, []
        return "\n".join(lines), citations

    def _passages(self, question: str, hits: list[Hit], scores: QueryScores,
                  exclude: frozenset[str] = frozenset()) -> list[Passage]:
        """The retrieved passages, best first; topped up from an unrestricted search to at least five."""
        wanted = max(5, self.settings.top_k)
        if len({h.chunk.chunk_id for h in hits}) < wanted:
            allowed = frozenset(self.documents) - exclude if exclude else None
            hits = hits + self.retriever.search(question, wanted, doc_ids=allowed, scores=scores)
        hits = sorted(hits, key=lambda h: -h.score)
        result, seen = [], set()
        for hit in hits:
            if hit.chunk.chunk_id in seen:
                continue
            seen.add(hit.chunk.chunk_id)
            document = self.documents[hit.chunk.doc_id]
            result.append(Passage(document.doc_id, document.title, hit.chunk.text, hit.chunk.start,
                                  hit.chunk.end, round(hit.score, 6), hit.chunk.flag, page_at(document, hit.chunk.start)))
        return result[:wanted]


def _holds_what_is_asked(view: selector.QuestionView, matching: str, before: str, dated: str = "",
                         quoted: str = "") -> bool:
    """Whether a sentence can answer in the terms asked: a count in the unit asked (not 100项 for 多少名) and, for
    people, of those asked (`people_counted`: not 党员1300余名 for 驿站接待过多少人次), a year
    asked relative to its document (今年) named in it or in the sentence before (not a cumulative 累计), a year
    asked by number not named only as a baseline (not 较2017年增长 for 2017年有多少) and, for a count, named in
    it or the sentence before unless its document (`dated`: its year) is of that year and they count from no
    other (not a 2023 report's 631个 for 2020年有多少个, nor a 2024 one's total since 2020 for 2024年新建了几个),
    a year asked as a baseline (比2017年多了多少) named in it or the sentence before (not a level, or a rise
    since some other time), the rank asked (not 副主席 for 主席) and, for a count, the
    level or quoted name asked counted on its own (not 省、市级工匠学院80余家 for 省级工匠学院有多少家, nor
    “鲁班首席工匠”“齐鲁大工匠”“齐鲁工匠”314名 for 齐鲁大工匠有多少名; `quoted`: the sentence's matching form with its
    quotation marks; nor 技能大师工作室、名匠工作室120个 for 单算技能大师工作室) and the part of a group
    asked named in it or the sentence before (not 技术状元506名 for 技术状元里女工有几名), where the sentence sets
    its figures in groups, a figure of the group asked, the part named among them (`counted_within`: not 职代会中的…
    50% for 团代会里的比例, nor 人大代表's 专业技术人员159名 for 党代会代表中专业技术人员) and the kind of figure
    asked given (`asked_kind`: a rank, not 优秀等次 for 在全国排第几; a change, not 总量达546万人 for 比五年前增加了
    多少; a yearly figure, not 启用314.9万元资金 for 一年的投入; a figure per unit, not 职工书屋2331个 for 平均每个
    藏书多少册; a year, not 技术标兵2020名 for 哪一年; a share, not 增长67.3% for 占技能人才的比例; an amount of
    the size asked, not 8% for 多少亿), for a change asked, the thing that changes named in it (not
    技能人才…增长67.3% for 平均工资增长了多少), for a share asked of a whole, a share of it (`share_base`: not
    占全省比重的40% for 占全国比重, nor 产业工人…占全市从业人员的49.2% for 占产业工人的比例) taken by what is asked
    (`share_part`: not 产业工人's for 高技能人才占全市从业人员多少), for a count of a kind, not only of those who
    became something unasked (`became`: not 253名高技能人才被企业评聘为特级技师 for 高技能人才总共有多少), for a rate
    asked by name, a rate or what it is of
    (`rate_asked`: not 新建两新党组织108个 for 党组织覆盖率), for an amount asked by 多少 or 几, a numeral outside the
    dates (`amount_asked`: not 自2018年…启动以来 for 2018年产业工人有多少万), the edition asked not only another
    (`edition`: not 省十三届人大代表 for 十四届) and, for who asked, a name, not only a count (`who_asked`: not
    全国劳模5名 for 是哪几个人), nor no one for who holds an office (not 省总工会相关负责人表示 for 负责人叫什么名字)."""
    return (gives_count_in(view.unit, matching, view.matching)
            and not counts_other_people(view.unit, view.matching, matching)
            and speaks_of(view.relative_year, before + matching)
            and not only_as_baseline(view.years, matching)
            and (not view.asks_number or names_asked_year(view.years, before + matching, dated, matching))
            and names_year(view.compared, before + matching)
            and not only_as_deputy(view.matching, matching)
            and not (view.asks_number and (only_in_combined_count(view.matching, matching)
                                           or only_in_quoted_count(view.matching, quoted)
                                           or only_in_shared_count(view.matching, matching)))
            and (scoped := figures_of_group(view.group, matching)) is not None
            and names_part(view.part, before + scoped)
            and names_thing(view.changed, matching)
            and not shares_of_other_wholes(view.whole, matching) and names_share_part(view.share_part, matching)
            and not (view.asks_number and counts_only_those_who_became(view.matching, matching))
            and answers_rate(view.rate, matching)
            and (not view.amount or states_amount(matching))
            and not missing_kind(view.matching, matching, before, view.asks_number)
            and not names_other_edition(view.matching, matching)
            and not counts_without_naming(view, matching)
            and not names_no_office_holder(view, matching))


def _pairs_besides_places(view: selector.QuestionView) -> frozenset[str]:
    """The question's character pairs (`view.pairs`) that occur in it outside the places it names (大国, 工匠 of
    昆明和山东的大国工匠各有几名, not 昆明 or 山东): those of the question with every place blanked."""
    blanked = Engine.part_of(view.matching, None)
    return frozenset(blanked[at : at + 2] for at in range(len(blanked) - 1)) & view.pairs


def _names_place(sentence: Sentence, place: str) -> bool:
    """Whether the sentence names the place or a place within it (历城区 for 济南); most name none, as their
    places found at index time tell without reading them again."""
    return bool(sentence.places) and any(covers(found, place) for found, _, _ in find_regions(sentence.span.text))


def _year_of(date: str | None) -> str:
    """The year of a document's date (2023 of 2023-08-11), "" when it has none."""
    found = re.match(r"\d{4}", date or "")
    return found.group() if found else ""


def _names_person(view: selector.QuestionView) -> Callable[[str], float] | None:
    """For a question asking who: a preference for runs of clauses that name a person the question does not
    (the one of 黑龙江省总工会党组书记、副主席栾志成围绕…作专题发布, not the clause naming the event)."""
    if not view.asks_person:
        return None
    return lambda text: float(selector.names_another(view, normalize(text), "nr"))


def _is_title(matching: str, title: str) -> bool:
    """Whether a sentence is its document's title: the same letters, or one holding the other within a fifth of
    its length (a headline repeated in the text, 山西省出台关于…的实施意见)."""
    sentence, name = _LETTERS.sub("", matching), _LETTERS.sub("", normalize(title))
    if not sentence or not name:
        return False
    shorter, longer = sorted((sentence, name), key=len)
    return shorter in longer and len(shorter) >= TITLE_SHARE * len(longer)


def _unanswered_lines(unanswered: list[tuple[str | None, str]], places: int) -> list[str]:
    """A line for each part of a question that nothing answers: once, when no asked place answers it (or one
    place is asked), else for each place that does not."""
    lines = []
    for label, part in unanswered:
        everywhere = sum(p == part for _, p in unanswered) == places
        line = f"关于“{part}”，资料中没有找到相关内容。"
        line = line if everywhere or not label else f"{label}：{line}"
        if line not in lines:
            lines.append(line)
    return lines


def _shared_lines(kept: list[tuple[str | None, compose.Excerpt]]) -> list[tuple[str | None, compose.Excerpt]]:
    """One line per cited sentence: places answered by the same sentence (昆明 and 云南, for a question about
    昆明's share of its province) share its line, their names joined, instead of repeating it."""
    merged: dict[tuple[str, int], tuple[list[str], compose.Excerpt]] = {}
    for label, excerpt in kept:
        labels, _ = merged.setdefault((excerpt.document.doc_id, excerpt.sentence.start), ([], excerpt))
        if label and label not in labels:
            labels.append(label)
    return [("、".join(labels) or None, excerpt) for labels, excerpt in merged.values()]


def _interleave(rankings: list[list[Hit]]) -> list[Hit]:
    """Hits taken in turns from each ranking, duplicates dropped."""
    merged, seen = [], set()
    for position in range(max((len(r) for r in rankings), default=0)):
        for ranking in rankings:
            if position < len(ranking) and ranking[position].chunk.chunk_id not in seen:
                seen.add(ranking[position].chunk.chunk_id)
                merged.append(ranking[position])
    return merged
