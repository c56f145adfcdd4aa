import pytest

from qa.baseline_year import (
    asked_years,
    compared_years,
    names_asked_year,
    names_year,
    only_as_baseline,
)


def test_the_years_a_question_asks_a_figure_of():
    assert asked_years("黑龙江2017年的高技能人才有多少") == ("2017",)
    assert asked_years("2020年和2021年各建了多少") == ("2020", "2021")
    assert asked_years("黑龙江今年建了多少") == ()
    assert asked_years("编号12017年") == ()  # digits inside a longer number are no year
    assert asked_years("黑龙江高技能人才比2017年增长了多少") == ()  # a baseline: the growth is asked
    assert asked_years("技能人才跟2017年比涨了百分之多少") == ()


@pytest.mark.parametrize("text, baseline", [
    ("高技能人才82.7万人,较2017年分别增长67.3%和50.9%", "2017"),  # matching form: simplified
    ("比2017年增加10万人", "2017"),
    ("与2017年相比增长一倍", "2017"),
    ("2017年同期为5万人", "2017"),
    ("2017年全省高技能人才达到54.8万人", ""),  # the year's own figure
    ("2017年以来新增10万人,较2017年增长20%", ""),  # named once not as a baseline
    ("1973年和1978年分别在两处取下一具船棺", ""),  # 和 joins years, it does not compare them
    ("没有年份", ""),
])
def test_a_year_named_only_as_a_baseline(text, baseline):
    assert only_as_baseline(("2017", "1978"), text) == baseline


def test_a_year_asked_is_named_by_the_text_or_dates_its_document():
    assert names_asked_year(("2020",), "2020年以来,扶持职工创新项目200余项")
    assert not names_asked_year(("2020",), "劳模和工匠人才创新工作室631个")  # the report's present figure
    assert names_asked_year(("2024",), "今年,5人入选大国工匠培育名单", dated="2024")
    # a 2024 report's total counted since 2020 is not 2024's; a baseline year does not count from it
    assert not names_asked_year(("2024",), "2020年以来,筹集4.8亿元。建成工会驿站3786个", dated="2024")
    assert not names_asked_year(("2024",), "自2018年产改工作启动以来,发展党员1300余名", dated="2024")
    assert names_asked_year(("2024",), "技能人才264.3万人,较2017年增长67.3%", dated="2024")
    assert names_asked_year(("2024",), "2024年以来,建成工会驿站100个", dated="2024")  # made up
    # nor is a total its text calls cumulative, or over several years
    assert not names_asked_year(("2023",), "实施优质特色学校建设工程,累计投入330多亿元", dated="2023")
    assert not names_asked_year(("2023",), "五年来,山东省总工会认真履行牵头职责", dated="2023")
    # only the sentence's own: the one before may open another topic with 7年来
    assert names_asked_year(("2024",), "产改实施7年来,体系更加完善。截至目前,高技能人才82.7万人", dated="2024",
                            sentence="截至目前,高技能人才82.7万人")
    assert not names_asked_year(("2020",), "编号120201的项目")  # digits inside a longer number
    assert names_asked_year(("2019", "2020"), "2019年新建10个")  # one of the years asked is enough
    assert names_asked_year((), "累计服务1493万人次")  # no year asked


def test_the_years_a_question_compares_with():
    assert compared_years("黑龙江高技能人才比2017年增长了多少") == ("2017",)
    assert compared_years("技能人才的数量和2017年相比增长幅度是多少") == ("2017",)
    assert compared_years("比起2017年，技能人才的增幅") == ("2017",)  # a two-character marker
    assert compared_years("较之2017年增加了多少") == ("2017",)
    assert compared_years("黑龙江2017年的高技能人才有多少") == ()  # asked, not compared with
    assert compared_years("黑龙江今年比去年多了多少") == ()  # years by number only


def test_a_compared_year_is_named_by_the_text():
    assert names_year(("2017",), "高技能人才82.7万人,较2017年分别增长67.3%和50.9%")
    assert not names_year(("2017",), "高技能人才总量达163万人")  # a level, not the rise since 2017
    assert not names_year(("2018",), "改革以来,产业工人数量增加10.8万人")  # a rise since a time it does not name
    assert names_year((), "高技能人才总量达163万人")  # no year compared with


def test_four_digits_before_a_classifier_count_and_name_no_year():
    assert not names_year(("2020",), "涌现出技术状元506名、优秀技术标兵998名、技术标兵2020名")  # a count
    assert not names_year(("2020",), "投入2020万元")
    assert names_year(("2020",), "2020届毕业生就业率达95%")  # a class is named by its year
    assert names_year(("2020",), "截至2020,全市技能人才137.76万人")
    assert not names_asked_year(("2020",), "技术标兵2020名", dated="2023")
