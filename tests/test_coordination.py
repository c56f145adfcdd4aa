import pytest

from core.textnorm import normalize
from qa.coordination import only_in_combined_count

LEVELS = normalize("目前,建成數字經濟、智能制造、軌道交通、新材料等省、市級工匠學院80余家")
ITEMS = normalize("2020年以來,黑龍江省工會投入1500余萬元獎勵龍江工匠、市級(產業)工匠1943人")


@pytest.mark.parametrize("question, text, level", [
    ("黑龙江省级工匠学院有多少家", LEVELS, "省级"),  # the first member of 省、市级
    ("黑龙江市级工匠学院有多少家", LEVELS, "市级"),  # a later member
    ("光是市级工匠就奖励了多少人", ITEMS, "市级"),  # an item without its own count before 、
    ("县级技能大师工作室有几个", "全市建成省、县两级技能大师工作室120个", "县级"),  # made up: 两级 after the members
])
def test_one_member_of_a_coordination_is_not_answered_by_its_shared_count(question, text, level):
    assert only_in_combined_count(normalize(question), text) == level


@pytest.mark.parametrize("question, text", [
    ("黑龙江省市级工匠学院有多少家", LEVELS),  # the question coordinates the levels itself
    ("黑龙江工匠学院有多少家", LEVELS),  # no level asked
    ("龙江工匠和市级工匠一共奖励了多少人", ITEMS),  # both items asked
    ("市级示范点有多少个", "建成文体活动中心1082个、市级示范点20个"),  # each item has its own count: a list
    ("省级劳模有多少名", "推荐产生全国劳模5名,省级劳模27名,建成省、市级工匠学院3家"),  # 省级 named on its own
    ("省级劳模有多少名", "建成省、市级工匠学院3家"),  # the coordination is of another noun
])
def test_a_level_named_on_its_own_or_asked_with_the_others_is_answered(question, text):
    assert only_in_combined_count(normalize(question), normalize(text)) == ""
