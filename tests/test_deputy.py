from qa.deputy import only_as_deputy


def test_a_word_held_only_with_fu_before_it_names_another_rank():
    assert only_as_deputy("昆明市总工会主席是谁", "全市县级以上工会有17名产业工人任兼职副主席") == "主席"
    assert only_as_deputy("黑龙江省总工会主席叫什么", "黑龙江省总工会党组书记、副主席栾志成") == "主席"


def test_the_rank_asked_or_held_without_fu_is_no_deputy():
    assert only_as_deputy("黑龙江省总工会副主席是谁", "黑龙江省总工会党组书记、副主席栾志成") == ""
    assert only_as_deputy("工会主席是谁", "主席张三、副主席李四") == ""  # the text also names the 主席
    assert only_as_deputy("产业工人有多少", "副食品产量") == ""
