import pytest

from core.textnorm import normalize
from qa.amount_asked import asks_amount, states_amount


@pytest.mark.parametrize("question, asked", [
    ("昆明2018年产改刚启动那年产业工人有多少万", True),
    ("大沙地站共有几层", True),
    ("佛教觉光法师中学的大学入学率大概几成", True),
    ("一場網球比賽最多有幾盤比賽", True),  # Traditional, read in matching form
    ("几内亚地区采用什么贸易方式", False),  # 几 of a name, not a numeral
    ("几乎所有食物都喜欢加入哪种油", False),
    ("挪威的权力中心于西元几年转移到奥斯陆", False),  # a year asked
    ("在全国排第几", False),  # an order asked
    ("许多人造卫星在哪个区域运作，并每隔几天就需要启动引擎", False),  # a place asked beside the numeral
])
def test_an_amount_asked_by_a_numeral_question_word(question, asked):
    assert asks_amount(normalize(question)) is asked


@pytest.mark.parametrize("text, stated", [
    ("自2018年昆明市产改工作启动以来,在市委市政府的坚强领导下,各项工作扎实开展", False),  # a year only
    ("11月5日,黑龍江省總工會舉行新聞發布會", False),  # a month and day only
    ("改革以来,昆明市产业工人数量增加10.8万人,达到247.19万", True),
    ("2020年以来,黑龍江省籌集4.8億元", True),  # an amount beside a year
    ("本站共两层。", True),
    ("粮食作物播种面积约占全省总播种面积的四分之三左右", True),
    ("县级以上地方政府与同级地方总工会全部建立联席会议制度", True),  # a word of quantity
])
def test_an_amount_is_a_numeral_outside_the_dates(text, stated):
    assert states_amount(normalize(text)) is stated
