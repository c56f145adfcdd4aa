import pytest

from core.textnorm import normalize
from qa.partitive import asked_part, names_part


@pytest.mark.parametrize("question, part", [
    ("昆明的技术状元里女工有几名", "女工"),
    ("山东省十三届人大代表里女代表占了多少", "女"),  # the word that sets the part apart
    ("山西国企职代会里女工要占多大比例", "女工"),  # 多 and 大 tagged apart
    ("山东人大代表里一线工人有多少名", "一线"),
    ("山东党代会代表当中工人有几个", "工人"),
    ("國企職代會中女職工代表比例是多少", "女职工"),  # Traditional, read in matching form
    ("山东7名大国工匠当中国企的占几名", "国企"),  # an abbreviation (tagged j) is a noun
    ("昆明全市职工书屋里有几个是全国示范的", "全国"),  # what the counted ones are, after the question word
    ("技术状元中有多少人是女工", "女工"),
    ("昆明推荐的全国劳模里女职工有几位", "女职工"),  # the group a fixed phrase (全国劳模, tagged l)
    ("山西技能人才中来自煤矿企业的有多少", "煤矿"),  # a relative clause sets the part apart
    ("全国劳模中在国企工作的有几位", "国企"),  # a preposition's noun, not the verb after it
    ("昆明技能人才当中女同志的比例", "女"),  # a share of the part asked
    ("技术状元里山东女工有几个", "女工"),  # the place in the phrase is not the part
])
def test_the_part_of_a_group_a_count_asks_about(question, part):
    assert asked_part(normalize(question)) == part


@pytest.mark.parametrize("question", [
    "昆明的中职学校跟多少家企业搞了校企合作",  # 中职 is a word, no locative
    "黑龙江这次新闻发布会是系列里的第几场",  # an ordinal, not a part
    "昆明这几年在两新组织里新成立了几个党组织",  # a verb after the locative
    "山东人大代表里有多少专业技术人员",  # the part after the question word: not read
    "黑龙江高技能人才多少",
    "营造业在新北市中占了就业人口中的百分之多少",  # 占 links the share, it sets no part apart
    "全国最美职工里有几个是山东的",  # a place: the documents about it answer in their own words (我省)
    "全国最美职工里有几个是鲁省的",  # … also one jieba tags a person's name (鲁)
    "大国工匠里龙江的有几个",  # … also before the question word
])
def test_questions_that_ask_no_part(question):
    assert asked_part(normalize(question)) == ""


def test_a_text_names_the_part_or_a_synonym_of_it():
    assert names_part("工人", normalize("省第十二次党代会代表中,工人52名"))
    assert names_part("工人", normalize("职代会中的一线职工代表比例不低于50%"))  # 职工 is in 工人's synonym group
    assert not names_part("女工", normalize("涌现出技术状元506名、优秀技术标兵998名"))
    assert names_part("", "任何文字")  # nothing asked
