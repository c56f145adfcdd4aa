import pytest

from qa.relative_year import relative_year, speaks_of


@pytest.mark.parametrize("question, year", [
    ("黑龙江工会驿站今年服务了多少人次", "今年"),
    ("山东去年职业教育投入了多少", "去年"),
    ("戚务生当年以什么特点著称", ""),  # 当年 in a question means "back then"
    ("黑龙江2023年慰问了多少职工", ""),  # a year by number is the selector's to weigh
    ("山西企业职工平均工资比去年涨了多少", ""),  # 去年 is what it compares with: the growth is asked
    ("今年比去年多建了多少驿站", "今年"),
])
def test_the_year_a_question_names_relative_to_its_document(question, year):
    assert relative_year(question) == year


def test_a_passage_speaks_of_the_year_when_it_names_it_or_its_synonym():
    assert speaks_of("今年", "今年以來,舉辦黑龍江省第十三屆職工職業技能競賽")
    assert speaks_of("今年", "本年度新建驿站12个")
    assert speaks_of("去年", "上年新增会员3万名")
    assert not speaks_of("今年", "建成工會驛站3786個,累計服務1493萬人次")
    assert not speaks_of("去年", "今年以来新建驿站12个")
    assert speaks_of("", "任何文字")
