"""Phrasing an excerpt: a sentence that announces a list is run on through the list's items."""
from core.types import Document
from qa import compose
from qa.text_units import Sentence, Span, sentences


def _excerpt_of_first(text: str) -> tuple[compose.Excerpt, list[Sentence]]:
    document = Document("d", "t", None, None, text)
    spans = sentences(text)
    analysed = [Sentence(s, s.text, (), frozenset(), ()) for s in spans]
    lead = spans[0]
    window = Span(lead.text.rstrip("。：:"), lead.start, lead.start + len(lead.text.rstrip("。：:")))
    return compose.Excerpt(document, lead, window, 0.9), analysed[1:]


def test_an_announced_list_is_run_on_through_its_items_skipping_what_elaborates_on_them():
    text = "方案共三部分。第一部分是总体要求。强调了目标任务。第二部分是重点任务。第三部分是保障措施。其他内容。"
    excerpt, following = _excerpt_of_first(text)
    run = compose.run_on_list(excerpt, following, 120)
    assert [i.text for i in run.items] == ["第一部分是总体要求", "第二部分是重点任务", "第三部分是保障措施"]
    line = compose.phrase(run, 1, None)
    assert line == "方案共三部分：第一部分是总体要求；第二部分是重点任务；第三部分是保障措施[1]"
    # the cited span runs from the announcing sentence to the last item, exactly as in the document
    assert run.sentence.text == text[run.sentence.start:run.sentence.end] and run.sentence.text.endswith("保障措施")


def test_a_sentence_that_announces_nothing_or_is_not_followed_by_items_is_left_as_it_is():
    plain, following = _excerpt_of_first("全省技能人才总量达546万人。第一部分是总体要求。第二部分是重点任务。")
    assert compose.run_on_list(plain, following, 120) is plain
    unfollowed, following = _excerpt_of_first("工作成效体现在四个方面：立足提供人才支撑。立足创新。立足平台。")
    assert compose.run_on_list(unfollowed, following, 120) is unfollowed
    figures, following = _excerpt_of_first("成果如下：\n1.3万场次竞赛。2.5万人参赛。")  # decimals, not items 1. and 2.
    assert compose.run_on_list(figures, following, 120) is figures


def test_items_stop_where_the_answer_would_grow_too_long():
    text = "意见包括以下内容：\n" + "".join(f"{n}是第{n}项要求写得很长很长的一段说明文字。" for n in "一二三四五六")
    excerpt, following = _excerpt_of_first(text)
    run = compose.run_on_list(excerpt, following, 60)
    assert 2 <= len(run.items) < 6 and len(compose.phrase(run, 1, None)) <= 60 + len("[1]")
