import pytest

from core.textnorm import normalize
from qa.counted_within import asked_group, figures_of_group

DELEGATES = normalize("提高政治地位方面,在省十三届人大代表中,一线工人74名,占8.2%,专业技术人员159名,占17.7%;"
                      "省第十二次党代会代表中,工人52名,占5.7%。")
REPRESENTATIVES = normalize("国有企业各级党代会、团代会按一定比例确定一线工人代表,职代会中的一线职工代表比例不低于50%,"
                            "逐步提高优秀产业工人在企业群团组织中兼(挂)职比例")


@pytest.mark.parametrize("question, group", [
    ("山东省政协委员里工人占多大比例", ("政协委员",)),
    ("山东党代会代表中专业技术人员占多少", ("党代会", "代表")),  # the whole noun phrase, the place left out
    ("工人在山东最近一次党代会代表里占到百分之几", ("党代会", "代表")),  # … and the numeral
    ("山西国企一线工人在团代会里的比例不低于多少", ("团代会",)),  # the locative after the question's subject
    ("昆明推荐的全国劳模里女职工有几位", ("全国劳模",)),  # a fixed phrase (tagged l) names a group too
    ("山东里工人有多少", ()),  # a place is where, not among whom
    ("帮我查下鲁省十三届人大里头一线工人代表所占百分比", ("省", "人大")),  # 鲁 names 山东 (jieba: a person's name)
    ("黑龙江高技能人才多少", ()),
])
def test_the_group_a_question_asks_a_figure_within(question, group):
    assert asked_group(normalize(question)) == group


@pytest.mark.parametrize("group", [("政协委员",), ("团代会",)])
def test_figures_all_set_in_other_groups_do_not_answer(group):
    assert figures_of_group(group, DELEGATES) is None
    assert figures_of_group(group, REPRESENTATIVES) is None  # 职代会中的…50%: 团代会 is named, without a figure


@pytest.mark.parametrize("group, figures", [
    (("人大代表",), "一线工人74名"),
    (("党代会", "代表"), "工人52名"),  # both groups end in 代表: the one holding more of the phrase
    (("党代表",), "工人52名"),  # its characters in order in 党代会代表
])
def test_the_figures_set_in_the_asked_group_are_those_that_answer(group, figures):
    found = figures_of_group(group, DELEGATES)
    assert found is not None and figures in found and ("52名" in found) != ("74名" in found), found


def test_a_group_named_more_specifically_or_by_its_short_form_is_the_same_group():
    representatives = normalize("职代会中的一线职工代表比例不低于50%")
    assert figures_of_group(("国企", "职代会"), representatives) is not None  # 职代会 is the more specific
    assert figures_of_group(("职工代表大会",), representatives) is not None  # 职代会 is its short form
    assert figures_of_group(("全国劳模",), normalize("在省劳模中,女职工10名")) is None  # 全国 against 省


def test_a_figure_in_words_counts_too():
    found = figures_of_group(("宇宙",), normalize("在可以看见的可观测宇宙中,星系的总数可能超过一千亿个以上。"))
    assert found is not None and "一千亿个" in found


def test_sentences_that_set_no_group_or_a_figure_outside_any_are_read_whole():
    for group, sentence in [(("全国劳模",), "推荐产生全国劳模5名,省劳模27名"),
                            (("团代会",), "全省共有代表500名,其中,职代会中的代表300名"),
                            (("影片",), "尤其在《惊蛰》一片中的表现,为她囊括该年度几乎所有重要的奖项"),
                            ((), DELEGATES)]:
        assert figures_of_group(group, normalize(sentence)) == normalize(sentence)


def test_a_province_named_by_its_one_character_name_does_not_set_the_group_apart():
    group = asked_group(normalize("帮我查下鲁省十三届人大里头一线工人代表所占百分比"))
    assert "一线工人74名,占8.2%" in figures_of_group(group, DELEGATES)
