import pytest

from core.textnorm import normalize
from qa.selector import question_view
from qa.who_asked import counts_without_naming, names_no_office_holder


@pytest.mark.parametrize("question, text", [
    ("昆明的全国劳模是哪几个人", "通过劳模推荐等培育选树,推荐产生全国劳模5名,省劳模27名"),
    ("黑龙江入选大国工匠培育名单的是谁", "今年,5人入選大國工匠培育名單"),
    ("获奖职工的姓名是什么", "共有12位职工获奖"),  # made up
])
def test_who_asked_is_not_answered_by_a_count_of_people(question, text):
    assert counts_without_naming(question_view(question), normalize(text))


@pytest.mark.parametrize("question, text", [
    ("哪几个龙江工匠当上了大国工匠年度人物", "優秀工匠人才劉伯鳴、劉麗、秦世俊、董禮濤當選大國工匠年度人物"),  # named
    ("黑龙江发布会上是谁作专题发布", "黑龍江省總工會黨組書記、副主席欒志成圍繞主題作專題發布"),  # no count
    ("第一位获得诺贝尔和平奖的美国黑人是谁", "拉尔夫·本奇,后来成为第一位获得诺贝尔和平奖的美国黑人"),  # a foreign name
    ("谁牵头推进产改", "由省总工会牵头,发动职工36万人参与"),  # an organisation
    ("昆明有多少全国劳模", "推荐产生全国劳模5名"),  # how many, not who
    ("谁获得了第一名", "他在比赛中获得第12名"),  # made up: an ordinal, no count of people
])
def test_a_name_or_a_count_asked_is_answered(question, text):
    assert not counts_without_naming(question_view(question), normalize(text))


def test_which_people_asks_who_not_how_many():
    view = question_view("昆明的全国劳模是哪几个人")
    assert view.asks_person and not view.asks_number


@pytest.mark.parametrize("question, text", [
    ("山西省总工会负责人叫什么名字", "省总工会相关负责人表示"),
    ("山东省总工会的党组书记是谁", "五年来,山东省总工会认真履行产业工人队伍建设改革牵头职责"),
    ("谁担任山东省总工会主席", "山东省总工会认真履行牵头职责"),
])
def test_who_holds_an_office_is_not_answered_by_a_sentence_naming_no_one(question, text):
    assert names_no_office_holder(question_view(question), normalize(text))


@pytest.mark.parametrize("question, text", [
    ("黑龙江省总工会副主席是谁", "黑龍江省總工會黨組書記、副主席欒志成圍繞主題作專題發布"),  # named
    ("联合国秘书长是谁", "安东尼奥·古特雷斯于2017年就任"),  # made up: a foreign name
    ("谁作的专题发布", "省总工会相关负责人表示"),  # who did something, not who holds an office: other checks
    ("雅各书的作者是谁", "雅各书的作者在书信起头表明自己是雅各"),  # an author is no office
])
def test_a_name_or_a_question_of_another_kind_is_left_alone(question, text):
    assert not names_no_office_holder(question_view(question), normalize(text))
