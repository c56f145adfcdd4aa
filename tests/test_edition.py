import pytest

from core.textnorm import normalize
from qa.edition import editions, names_other_edition, numeral_value


@pytest.mark.parametrize("numeral, value", [("十四", 14), ("十", 10), ("二十三", 23), ("一百零五", 105), ("48", 48),
                                            ("两", 2), ("三十", 30), ("万", None)])
def test_numeral_value(numeral, value):
    assert numeral_value(numeral) == value


def test_editions_are_read_with_or_without_di_but_not_counts_of_editions():
    assert editions("在省十三届人大代表中") == {(13, "届")}
    assert editions("首批试点，第二批试点，第48届年会") == {(2, "批"), (48, "届")}
    assert editions("连续三届获奖，最新一届，共九届，近两届") == set()  # how many, not which


@pytest.mark.parametrize("question, text, asked", [
    ("到了十四届，山东省人大代表中的一线工人比例是多少", "在省十三届人大代表中,一线工人74名,占8.2%", "14届"),
    ("第二批试点单位有哪些", "选取安宁市、经开区作为第一批试点示范", "2批"),
])
def test_an_edition_asked_is_not_answered_by_another_edition(question, text, asked):
    assert names_other_edition(normalize(question), normalize(text)) == asked


@pytest.mark.parametrize("question, text", [
    ("山东省十三届人大代表里一线工人有多少名", "在省十三届人大代表中,一线工人74名"),  # the edition asked
    ("第十四届人大代表中工人多少", "一线工人在人大代表中占8.2%"),  # no edition named: other checks decide
    ("第十四届人大代表中工人多少", "第十三届和第十四届人大代表中,工人各占8%"),  # the asked one among others
    ("十四届人大代表里有几个工人", "第十四期培训班"),  # another kind of edition
    ("龙江省级职工技能大赛最新一届是第几届", "举办黑龙江省第十三届职工职业技能竞赛"),  # 第几届 asks which
])
def test_the_edition_asked_or_no_clash_is_answered(question, text):
    assert names_other_edition(normalize(question), normalize(text)) == ""
