import pytest

from core.textnorm import normalize
from qa.asked_change import asks_change, gives_change


@pytest.mark.parametrize("question, asks", [
    ("山西技能人才比五年前增加了多少", True),
    ("山西工人收入涨了多少", True),
    ("改革以来昆明产业工人多了多少人", True),
    ("黑龙江技能人才跟2017年比涨了百分之多少", True),
    ("昆明办劳务交流会新增了多少个就业岗位", False),  # a count of new jobs
    ("昆明有多少产业工人", False),
    ("职工教育经费至少多少用于一线职工", False),
])
def test_asks_change(question, asks):
    assert asks_change(normalize(question)) is asks


@pytest.mark.parametrize("text, gives", [
    ("企业从业人员平均工资同比增长13%", True),
    ("昆明市产业工人数量增加10.8万人,达到247.19万", True),
    ("較2017年分別增長67.3%和50.9%", True),  # Traditional, read in matching form
    ("人均收入由3万元提高到5万元", True),  # made up: a rise from one level to another
    ("全省技能人才总量达546万人", False),  # a level
    ("高技能人才占技能人才的比例提高到30%", False),  # the level it rose to, not by how much
])
def test_gives_change(text, gives):
    assert gives_change(normalize(text)) is gives
