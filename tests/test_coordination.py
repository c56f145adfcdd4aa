import pytest

from core.textnorm import normalize
from qa.coordination import (
    only_in_combined_count,
    only_in_quoted_count,
    only_in_shared_count,
)

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


QUOTED = normalize("强力实施“齐鲁工匠”建设工程,全省现有“大国工匠”7名,“中国质量工匠”3名,"
                   "培育“鲁班首席工匠”“齐鲁大工匠”“齐鲁工匠”314名")


@pytest.mark.parametrize("question, text, name", [
    ("山东的齐鲁大工匠单独算有多少名", QUOTED, "齐鲁大工匠"),  # one of three quoted names before one count
    ("鲁班首席工匠有多少", QUOTED, "鲁班首席工匠"),
    ("评上“金牌工人”的有几名", "评选“技术状元”、“金牌工人”等120名", "金牌工人"),  # made up: 、 and 等 between
    ("齐鲁工匠这一档培育了多少名", QUOTED, ""),  # 齐鲁工匠 is named on its own too (“齐鲁工匠”建设工程)
    ("鲁班首席工匠齐鲁大工匠这些加起来有多少人", QUOTED, ""),  # several asked together
    ("大国工匠有几名", QUOTED, ""),  # a quoted name with its own count
    ("山东培育了多少名工匠", QUOTED, ""),  # no member asked
])
def test_one_quoted_name_of_several_before_one_count_is_not_answered_by_it(question, text, name):
    assert only_in_quoted_count(normalize(question), text) == name


STUDIOS = normalize("通过推行“云岭首席技师”、“昆明名匠”制度,全市共设立技能大师工作室、名匠工作室120个。")
EXAMPLES = normalize("累计开展滇池保护治理、地铁建设项目、滇中引水项目等劳动竞赛47场次")


@pytest.mark.parametrize("question, text, item", [
    ("昆明单算技能大师工作室的数量是多少", STUDIOS, "技能大师工作室"),  # one of two nouns with one head, asked alone
    ("昆明名匠工作室有几个（不算技能大师工作室）", STUDIOS, "名匠工作室"),  # the other left out
    ("光是技能大师工作室昆明有几个", STUDIOS, "技能大师工作室"),  # another "only" adverb before 是
    ("昆明的名匠工作室有几个", STUDIOS, ""),  # asked plainly: the shared count, its wording shown, answers
    ("昆明技能大师工作室和名匠工作室一共多少个", STUDIOS, ""),  # both asked
    ("单算地铁建设项目的劳动竞赛有几场", EXAMPLES, ""),  # no shared head: examples of what is counted
])
def test_one_of_several_nouns_with_one_head_asked_alone_is_not_answered_by_their_count(question, text, item):
    assert only_in_shared_count(normalize(question), text) == item

