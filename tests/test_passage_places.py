"""Places are a property of passages: a document about one place answers for another only where it names it."""
from __future__ import annotations

import shutil

import pytest

from core.config import Settings
from tests.conftest import CORPUS

# A national briefing (tagged 北京, where it was given) that reports a few provinces' figures among its own.
BRIEFING = """全国总工会举行产业工人队伍建设改革新闻发布会

截至2023年底，全国技能人才总量超过2亿人，高技能人才超过6000万人。

青海省高技能人才达到12.6万人，占技能人才的比例提高到28%。宁夏回族自治区建成职工书屋860个。

西藏自治区开展补贴性职业技能培训3.2万人次。
"""
METADATA = """national-briefing.txt:
  title: 全国总工会举行产业工人队伍建设改革新闻发布会
  region: 北京
shanxi-five-years-excellent-rating.txt:
  title: 五年产改 山西获全国考核“优秀”等次
  region: 山西
"""


@pytest.fixture(scope="module")
def briefing_engine(tmp_path_factory):
    """The real model and index over the briefing and the Shanxi report."""
    from qa.engine import Engine

    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / "national-briefing.txt").write_text(BRIEFING, encoding="utf-8")
    shutil.copy(CORPUS / "shanxi-five-years-excellent-rating.txt", corpus)
    (corpus / "metadata.yaml").write_text(METADATA, encoding="utf-8")
    return Engine.open(Settings.from_env({}, index_dir=tmp_path_factory.mktemp("index"), corpus_dir=corpus))


@pytest.mark.parametrize("question, figure", [("青海高技能人才有多少", "12.6万人"), ("宁夏建了多少个职工书屋", "860个")])
def test_a_place_is_answered_from_the_sentences_of_another_places_document_that_name_it(briefing_engine, question,
                                                                                       figure):
    answer = briefing_engine.ask(question)
    assert not answer.abstained and figure in answer.answer, answer.answer
    assert [c.doc_id for c in answer.citations] == ["national-briefing"]


def test_the_rest_of_another_places_document_does_not_answer_for_a_place_it_names(briefing_engine):
    # the briefing names 西藏 only for its training; its 6000万人 is the whole country's
    answer = briefing_engine.ask("西藏高技能人才有多少")
    assert answer.abstained and "6000万" not in answer.answer, answer.answer


def test_a_place_the_documents_never_name_is_still_said_to_be_missing(briefing_engine):
    answer = briefing_engine.ask("广东高技能人才有多少")
    assert answer.abstained and "资料中没有找到关于广东的内容" in answer.answer, answer.answer


def test_a_places_own_document_still_answers_for_it(briefing_engine):
    answer = briefing_engine.ask("山西高技能人才有多少")
    assert "163万人" in answer.answer and answer.citations[0].doc_id == "shanxi-five-years-excellent-rating"
