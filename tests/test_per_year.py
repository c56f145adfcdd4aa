import pytest

from core.textnorm import normalize
from qa.per_year import asks_per_year, gives_per_year


@pytest.mark.parametrize("question, asks", [
    ("昆明职业病防治一年的投入是多少", True),
    ("山东每年开展多少项省级示范性劳动竞赛", True),
    ("昆明安康杯年均有多少职工参加", True),
    ("覃美金在哪一年要求由遗产提出80万元", False),  # 哪一年 asks a year, not a yearly figure
    ("昆明职业病防治花了多少钱", False),
])
def test_asks_per_year(question, asks):
    assert asks_per_year(normalize(question)) is asks


@pytest.mark.parametrize("text, gives", [
    ("每年组织开展100项省级示范性劳动和技能竞赛", True),
    ("年均组织3700余家单位、2.3万个班组、36万职工参加", True),
    ("启用314.9万元资金开展职业病防治项目工作", False),  # a total over an unnamed span
])
def test_gives_per_year(text, gives):
    assert gives_per_year(normalize(text)) is gives
