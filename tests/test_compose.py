"""Phrasing an excerpt: a sentence that announces a list is run on through the list's items, a heading into the
sentence under it."""
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


def test_a_heading_is_run_on_into_the_opening_clause_of_the_sentence_under_it():
    text = "二是试点打通职业晋升通道。在甲公司和乙公司开展试点,实现层级晋升。三是搭建平台。"
    excerpt, following = _excerpt_of_first(text)
    run = compose.run_on(excerpt, following, 120)
    assert compose.phrase(run, 1, None) == "二是试点打通职业晋升通道：在甲公司和乙公司开展试点[1]"
    assert run.sentence.text == text[run.sentence.start:run.sentence.end] and run.sentence.text.endswith("开展试点")
    numbered, following = _excerpt_of_first("1.总体要求。围绕五大任务推进。")  # the item's own number is no figure
    assert [i.text for i in compose.run_on(numbered, following, 120).items] == ["围绕五大任务推进"]


def test_what_is_no_heading_or_has_nothing_under_it_is_not_run_on():
    figure, following = _excerpt_of_first("一是新建两新党组织108个。打造驿站192个。")  # states a figure: answers itself
    assert compose.run_on(figure, following, 120) is figure
    long, following = _excerpt_of_first("一是依托三会一课和主题党日等载体组织开展各类活动并广泛开展系列宣传活动。其后一句。")
    assert compose.run_on(long, following, 120) is long
    plain, following = _excerpt_of_first("强化组织领导。其后一句。")  # not opened as an item
    assert compose.run_on(plain, following, 120) is plain
    items, following = _excerpt_of_first("一是抓党建。二是抓培训。")  # the next sentence is the next item
    assert compose.run_on(items, following, 120) is items
    last, following = _excerpt_of_first("三是保障措施。")
    assert compose.run_on(last, following, 120) is last
