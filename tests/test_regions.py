import pytest

from qa.regions import asked_places, covers, find_regions, infer_region, is_place_name


@pytest.mark.parametrize("question,expected", [
    ("黑龙江高技能人才多少", ["黑龙江"]),
    ("龙江技能人才", ["黑龙江"]),
    ("黑龍江技能人才", ["黑龙江"]),
    ("山西和黑龙江的高技能人才分别是多少", ["山西", "黑龙江"]),
    ("鲁省大国工匠", ["山东"]),
    ("齐鲁工匠有多少", ["山东"]),
    ("春城职工书屋", ["昆明"]),
    ("技术工人晋升渠道", []),
    ("鲁班首席工匠是什么", []),
    ("广东产改", ["广东"]),
    ("哪些省份考核优秀", []),
    ("大同市高技能人才有多少", ["大同市"]),  # a city from the generated table, by its full name
    ("齐齐哈尔的技能人才总量", ["齐齐哈尔市"]),  # … or without 市, where three characters or more are left
    ("大同的技能人才", []),  # … but not two: 大同 is also a word
    ("河曲县技能人才", ["河曲县"]),
    ("昆明市产业工人", ["昆明"]),  # regions.yaml's entry wins over the table's full name
    ("安康杯竞赛每年多少职工参加", []),  # a bare two-character name is an ordinary word here
    ("鲁、黑两地劳模工匠创新工作室的个数", ["山东", "黑龙江"]),  # abbreviations listed before a count of places
    ("晋昆两地职工拿到的专利各多少项", ["山西", "昆明"]),  # a city by its short name in such a list
    ("深港两地的技能人才", ["深圳", "香港"]),
    ("晋黑两省的高技能人才", ["山西", "黑龙江"]),
    ("京津冀地区产业工人", ["北京", "天津", "河北"]),
    ("黑白两色的工作服", []),  # 白 abbreviates no province: no list
    ("黑省以劳模工匠名义挂牌的工作室", ["黑龙江"]),
])
def test_named_places(question, expected):
    assert asked_places(question) == expected


@pytest.mark.parametrize("question,expected", [
    ("山西太原有多少高技能人才", ["太原"]),  # the province only says where 太原 is
    ("云南省昆明市技能人才", ["昆明"]),
    ("山西的太原有多少", ["太原"]),
    ("山东和济南各有多少", ["山东", "济南"]),  # both asked
    ("济南和山东各有多少", ["济南", "山东"]),
    ("山西太原和山西大同市", ["太原", "大同市"]),
    ("山西黑龙江", ["山西", "黑龙江"]),  # not nested: both stay
    ("山东中国质量工匠里有几个是济南的", ["济南"]),  # the province only says where 济南 is
    ("山东的劳模比济南多多少", ["山东", "济南"]),  # compared: both asked
    ("山东、济南各有多少", ["山东", "济南"]),
])
def test_asked_places_leave_out_a_province_that_only_qualifies_its_city(question, expected):
    assert asked_places(question) == expected


def test_city_document_answers_for_its_province_but_not_the_reverse():
    assert covers("昆明", "云南") and covers("昆明", "昆明")
    assert not covers("云南", "昆明") and not covers("山西", "山东") and not covers(None, "山西")


def test_a_city_from_the_table_belongs_to_its_province():
    assert covers("大同市", "山西") and not covers("山西", "大同市")


def test_infer_region_needs_a_clear_majority():
    assert infer_region("浙江省……浙江的工匠……杭州") == "浙江"
    assert infer_region("山西和山东") is None


@pytest.mark.parametrize("word, named", [("鲁", True), ("龙江", True), ("大同市", True), ("晋升", False), ("鲁班", False),
                                         ("山东人", False)])
def test_a_word_that_is_a_place_name_whole(word, named):
    assert is_place_name(word) == named


def test_a_name_takes_the_level_word_after_it():
    assert find_regions("晋省和鲁省") == [("山西", 0, 2), ("山东", 3, 5)]
    assert find_regions("云南省昆明市") == [("云南", 0, 3), ("昆明", 3, 6)]
    assert find_regions("昆明省") == [("昆明", 0, 2)]  # a city's name takes 市, not 省
