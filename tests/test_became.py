import pytest

from core.textnorm import normalize
from qa.became import counts_only_those_who_became

APPOINTED = normalize("按照正高级工程师兑现待遇,253名高技能人才被企业评聘为特级技师")
HONOURED = normalize("近年来,我省1个团队获全国“时代楷模”荣誉称号,8名职工入选“全国最美职工”,选树宣传50名“齐鲁最美职工”")


@pytest.mark.parametrize("question, text", [
    ("山东高技能人才总共有多少万", APPOINTED),
    ("山东有多少职工", HONOURED),  # made up: 8名职工 are those chosen, not all
    ("昆明产业工人总共有多少", normalize("全市县级以上工会有17名产业工人任兼职副主席")),  # those serving as
])
def test_a_count_of_those_who_became_something_does_not_count_the_kind(question, text):
    assert counts_only_those_who_became(normalize(question), text)


@pytest.mark.parametrize("question, text", [
    ("山东被企业评成特级技师的高技能人才是多少名", APPOINTED),  # asks about what they became
    ("山东选了多少名齐鲁最美职工", HONOURED),
    ("昆明县一级以上工会里由一线产业工人挂副主席的有多少", normalize("工会有17名产业工人任兼职副主席")),  # 副主席 named  # 职工 only within a name the sentence counts on its own
    ("黑龙江高技能人才多少", normalize("高技能人才82.7萬人,253名高技能人才被企业评聘为特级技师")),  # the kind counted too
    ("今年龙江几人入选大国工匠培育名单", normalize("今年,5人入選大國工匠培育名單")),  # no kind between count and verb
])
def test_a_count_of_the_kind_or_of_what_is_asked_is_left_alone(question, text):
    assert not counts_only_those_who_became(normalize(question), text)
