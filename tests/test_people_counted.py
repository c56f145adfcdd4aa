import pytest

from core.textnorm import normalize
from qa.asked_unit import asked_unit
from qa.people_counted import counts_other_people

STATIONS = "累计发展产业工人党员1300余名,新建两新党组织108个,开放党群服务中心588个,打造暖“新”驿站192个。"


@pytest.mark.parametrize("question, text, other", [
    ("春城打造的暖新驿站接待过多少人次", STATIONS, True),  # 1300余名 counts 党员, not those the 驿站 served
    ("昆明发展了多少产业工人党员", STATIONS, False),  # the people asked
    ("龙江工会驿站一共服务过多少人次", "建成工會驛站3786個,累計服務1493萬人次", False),  # after a verb
    ("山西现在一共多少技能人才啊", "全省技能人才总量达546万人", False),  # after a link
    ("昆明一共给多少人做了学历提升", "助力1993名产业工人提升学历", False),  # the people named after it
    ("昆明职业技能提升培训了多少人次", "累计培训200多个职业工种74.5万人次", False),  # 工种 is itself counted
    ("骑手外卖员慰问了多少人次", "慰問職工80萬人次,慰問新就業形態勞動者6.4萬人次", False),  # 员工 of 职工's group
    ("截止2014年麻省理工的女職員佔有多少名?", "截至2014年,麻省理工学院共有1,021位教职员,女性占了224名。", False),
    ("昆明建了多少个职工驿站", STATIONS, False),  # no count of people asked
    ("春城打造的暖新驿站接待过多少人次", "打造暖“新”驿站192个", False),  # no count of people: another check's
])
def test_a_count_of_people_counts_those_asked_or_others(question, text, other):
    assert counts_other_people(asked_unit(question), normalize(question), normalize(text)) is other
