import pytest

from core.textnorm import normalize
from qa.asked_rank import asks_rank, gives_rank


@pytest.mark.parametrize("question, asks", [
    ("山西高技能人才总量在全国排第几", True),
    ("黑龙江产改考核在全国排第几名", True),
    ("南加大在2016年的排名中名列第几", True),
    ("重庆的外贸进出口总值在西部12省市中排名多少", True),
    ("黑龙江这次新闻发布会是系列里的第几场", False),  # an ordinal of an event, not a rank
    ("黑龙江高技能人才多少", False),
])
def test_asks_rank(question, asks):
    assert asks_rank(normalize(question)) is asks


@pytest.mark.parametrize("text, gives", [
    ("韩国是能源消费大国,占世界能源消费的2.1%,居第八位", True),
    ("南加大thornton音乐学院则在滚石杂志排行全美第五", True),
    ("在2016年usnews的排名之位列22名", True),
    ("人均耕地面积居全国首位", True),
    ("最终巴西队以2比1击败义大利,获得季军", True),
    ("連續兩年獲評全國產業工人隊伍建設改革工作評價考核優秀等次", False),  # a rating, not a rank
    ("全省技能人才总量达546万人,高技能人才总量达163万人", False),  # a level
])
def test_gives_rank(text, gives):
    assert gives_rank(normalize(text)) is gives
