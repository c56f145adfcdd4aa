import pytest

from core.textnorm import normalize
from qa.share_part import asked_share_part, names_share_part

WORKERS = normalize("改革以来,昆明市产业工人数量增加10.8万人,达到247.19万,占全市从业人员的49.2%,占全省比重的40%。")
SKILLED = normalize("技能人才总量达到137.76万人,占全省的32.19%,高技能人才达到47.39万人,占全省的34.92%。")


@pytest.mark.parametrize("question, part", [
    ("昆明的高技能人才占全市从业人员多少", ("高技能", "人才")),
    ("昆明职工书屋数量占全省的比例是多少", ("职工", "书屋")),  # 数量 says how much of it
    ("昆明的产业工人在全省占几成", ("产业工人",)),  # the whole it stands in comes after 在
    ("国企职代会里一线职工代表至少要占多少", ("职工代表",)),  # 至少要 between it and 占
    ("昆明全市就业人口当中产业工人所占的百分比", ("产业工人",)),
    ("春城技能人才占全省多少", ("技能", "人才")),  # a place is no part
    ("山东中专生继续读书升学的占比", ()),  # 占比 names the share, not what takes it
    ("斯韦阿兰占地多大", ()),  # an area
])
def test_what_takes_the_share_asked(question, part):
    assert asked_share_part(normalize(question)) == part


def test_a_share_taken_by_something_else_does_not_answer():
    assert not names_share_part(("高技能", "人才"), WORKERS)  # 产业工人's share of 全市从业人员
    assert not names_share_part(("职工", "书屋"), WORKERS)
    assert names_share_part(("高技能", "人才"), SKILLED)
    assert names_share_part(("产业工人",), WORKERS)
    assert names_share_part((), WORKERS)  # no part asked


def test_the_part_is_matched_by_its_character_pairs():
    # the question's words for the part need not be the text's (DRCD): 消费量 for 能源消费
    sentence = normalize("韩国是能源消费大国,占世界能源消费的2.1%,居第八位。")
    assert names_share_part(asked_share_part(normalize("第8名的消費量占全球的多少比例？")), sentence)
