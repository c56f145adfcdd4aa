import pytest

from core.textnorm import normalize
from qa.share_base import asked_whole, shares_of_other_wholes

WORKERS = normalize("改革以来,昆明市产业工人数量增加10.8万人,达到247.19万,占全市从业人员的49.2%,占全省比重的40%。")
SKILLED = normalize("全省技能人才总量达546万人,高技能人才总量达163万人,高技能人才占技能人才的比例提高到30%")


@pytest.mark.parametrize("question, whole", [
    ("昆明产业工人占全国比重是多少", "全国"),
    ("山西高技能人才占全国的比例是多少", "全国"),
    ("昆明产业工人占全市从业人员多少", "全市从业人员"),
    ("山东人大代表里一线工人占多少", ""),  # no whole named
    ("昆明全市就业人口当中产业工人所占的百分比", "全市就业人口"),  # the whole the part stands in
    ("昆明高技能人才在全市就业人员里占几成", "全市就业人员"),
    ("山西技能人才里高技能人才占多少", ""),  # a whole before, but of no level: not read
    ("昆明女职工占产业工人的比例", "产业工人"),  # a whole of no level
    ("截止2014年麻省理工的女職員佔有多少名?", ""),  # 占有 is the verb: no whole (DRCD)
    ("工人在山东最近一次党代会代表里占到百分之几", ""),  # nor is 到
    ("山东党代会代表当中工人有几个，占比多少", ""),  # nor 比 of 占比
])
def test_the_whole_a_share_is_asked_of(question, whole):
    assert asked_whole(normalize(question)) == whole


def test_shares_of_wholes_of_another_level_do_not_answer():
    assert shares_of_other_wholes("全国", WORKERS)  # 全市's and 全省's shares
    assert shares_of_other_wholes("全国", SKILLED)  # a share of 技能人才


def test_the_share_the_asked_whole_takes_is_no_share_of_it():
    assert shares_of_other_wholes("产业工人", WORKERS)  # 产业工人 take 49.2% of 全市从业人员
    assert not shares_of_other_wholes("技能人才", SKILLED)  # 高技能人才占技能人才的比例: a share of it
    assert not shares_of_other_wholes("从业人员", WORKERS)  # named only as a whole
    assert not shares_of_other_wholes("产业工人", normalize("产业工人数量达到247.19万"))  # no share given


@pytest.mark.parametrize("whole, text", [
    ("全省", WORKERS),
    ("全市干活的人", WORKERS),  # the level is the same; the rest is the question's own words
    ("全球", normalize("韩国是能源消费大国,占世界能源消费的2.1%,居第八位。")),  # 世界 is the same level
    ("全国职工", normalize("女职工占职工总数的40%")),  # made up: no level, a word in common
    ("全国", normalize("在省十三届人大代表中,一线工人74名,占8.2%")),  # a share of no named whole
    ("技能人才", SKILLED),  # no level asked: not read
])
def test_a_share_of_the_asked_whole_or_of_none_named_is_left_to_the_other_checks(whole, text):
    assert not shares_of_other_wholes(whole, text)
