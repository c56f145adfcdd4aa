import pytest

from core.textnorm import normalize
from qa.changed_thing import changed_thing, names_thing


@pytest.mark.parametrize("question, thing", [
    ("黑龙江平均工资增长了多少", "平均工资"),
    ("改革以来昆明产业工人多了多少人", "产业工人"),
    ("山西技能人才比五年前增加了多少", "人才"),  # the thing before the comparison, not 五年前
    ("黑龙江技能人才跟2017年比涨了百分之多少", "人才"),
    ("昆明的职工书屋比2018年多了几个", "书屋"),
    ("黑龙江高技能人才多少", ""),  # no change asked
    ("从2018年到现在，昆明的产业工人队伍扩大了多少人", "产业工人"),  # 队伍 says how much of them
    ("山东职工创新成果数量增加了多少", "成果"),
])
def test_the_thing_whose_change_is_asked(question, thing):
    assert changed_thing(normalize(question)) == thing


def test_a_change_answers_only_where_the_thing_that_changes_is_named():
    other = normalize("截至目前,黑龍江省技能人才264.3萬人、高技能人才82.7萬人,較2017年分別增長67.3%和50.9%")
    assert not names_thing("平均工资", other)  # a change of another thing
    assert names_thing("平均工资", "企业从业人员平均工资同比增长13%")
    assert names_thing("工资", "职工收入同比增长13%")  # a word of its synonym group
    assert names_thing("", other)  # nothing asked: nothing refused
