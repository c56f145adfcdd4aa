import pytest

from core.textnorm import normalize

from qa.asked_unit import asked_unit, gives_count_in
from qa.selector import question_view


@pytest.mark.parametrize("question, unit", [
    ("山东省级劳动模范有多少名", "名"),
    ("山西首席技师有多少人", "人"),
    ("黑龍江建了幾家工匠學院", "家"),  # read in either script
    ("医疗互助参保多少万人次", "人次"),
    ("昆明建了多少个职工驿站", "个"),  # 个 of things: any count of things answers, none of people
    ("哪几位劳模获得了表彰", ""),  # which, not how many
    ("黑龙江产改考核在全国排第几名", ""),  # a rank, not a count
    ("黑龙江高技能人才多少", "人"),  # 人才 names people: a count of people is asked
    ("齐鲁最美职工一共评了多少届", "届"),  # editions are counted in 届
    ("山东评上特级技师的人平均工资多少", "元"),  # 工资 names a sum of money
    ("2008年10月Playfish获得了多少融资？", "元"),  # so does 融资 (CMRC 2018)
])
def test_the_unit_a_question_asks_its_count_in(question, unit):
    assert asked_unit(question) == unit


def test_the_unit_is_read_only_where_a_count_is_what_is_asked():
    assert question_view("山东省级劳动模范有多少名").unit == "名"
    assert question_view("几所高校的学生在哪里集会").unit == ""
    assert question_view("哪位工匠带出了几名徒弟").unit == ""


@pytest.mark.parametrize("unit, text, gives", [
    ("名", "全省现有“大国工匠”7名", True),
    ("人", "一线工人74名,占8.2%", True),  # 人, 名 and 位 all count people
    ("人", "高技能人才82.7萬人", True),
    ("名", "每年组织开展100项省级示范性劳动和技能竞赛", False),
    ("人", "15家省属企业实行首席技师岗位评聘制度", False),
    ("家", "职工驿站322个", True),  # 个 answers any unit but people
    ("人", "职工驿站322个", False),
    ("人次", "职工驿站322个", False),  # 人次 counts people: 个 never does
    ("人次", "慰問職工80萬人次", True),
    ("人次", "累计培训74.5万人", True),
    ("部分", "《实施意见》共三部分", True),  # a number in words
    ("部分", "第一部分是总体要求", False),  # an ordinal says which part, not how many
    ("名", "排在第12名", False),
    ("家", "2017年以来成效显著", False),  # a year is no count
    ("名", "年均组织3700余家单位、2.3万个班组、36万职工参加", True),  # people counted with no classifier
    ("人", "新发展新就业形态劳动者10万名", True),
    ("人", "较2017年工人增长", False),  # a year before the people, not a count of them
    ("人", "2.3万个班组", False),  # a classifier before the noun
    ("届", "选树宣传50名“齐鲁最美职工”", False),  # a count of people is no count of editions
    ("届", "连续举办了五届", True),  # made up
    ("元", "按照正高级工程师兑现待遇", False),  # a rule of pay, no sum
    ("人", "建成全省统一的职工创新创效服务体系", False),  # 一 of 统一 is a word, not a count
    ("", "没有数字", True),
])
def test_whether_a_text_gives_a_count_in_the_unit(unit, text, gives):
    assert gives_count_in(unit, text) is gives


@pytest.mark.parametrize("question, text, gives", [
    ("山西一共有多少所高职院校", "11个市实现高职院校全覆盖", False),  # 个 counts the cities
    ("山西国企产改实施意见分几部分", "为实现“两个转型”、能源领域“五个一体化”贡献力量", False),  # counts 一体化
    ("山西国企产改实施意见分几部分", "《实施意见》分为三个部分", True),  # counts the parts asked
    ("培育了多少家市场主体", "培育3个市场主体", True),  # the noun after 个 is the question's
    ("昆明有多少家职工驿站", "打造职工驿站322个", True),  # nothing after 个
    ("昆明有多少家驿站", "打造职工驿站322个", True),  # the noun before 322个 shares a character with the question
    ("昆明建了几家工匠学院", "14所院校增设新能源汽车运用与维修等专业23个", False),  # 23个 counts majors
    ("山西搞的劳动技能竞赛有多少场", "全省组织开展劳动和技能竞赛7.79万项", True),  # 项 counts the 竞赛 asked
    ("屈臣氏在香港设有多少家分店", "现时在香港共有28间分店", True),  # 间 counts the shops (CMRC 2018)
    ("山西搞的劳动技能竞赛有多少场", "取得专利10362项", False),  # 项 counts patents
    ("山西劳动竞赛选了多少名技能带头人", "全省组织开展劳动和技能竞赛7.79万项", False),  # people: never 项
    ("昆明的职工书屋总共藏了多少本书", "职工书屋2331个,职工驿站322个", False),  # 书屋 are houses, not books
    ("昆明有几家职工驿站", "职工书屋2331个,职工驿站322个", True),  # 驿站322个 ends in the head asked: 站
    ("山西有多少家工会驿站", "建立“爱心驿站”4640个", True),  # 驿站 heads both
    # the noun counted, read by its tags where the clause goes on after it (国企 of 多少家国企已经落实…)
    ("山西有多少家国企已经落实了这份实施意见", "《实施意见》共三部分", False),  # counts parts, not firms
    ("山东有多少家企业参与了创新创效竞赛", "参与企业1.9万家", True),
    ("昆明开了多少家党群服务中心给党员群众用", "开放党群服务中心588个", True),
])
def test_a_count_in_another_classifier_of_things_answers_where_it_counts_what_is_asked(question, text, gives):
    assert gives_count_in(asked_unit(question), normalize(text), normalize(question)) is gives


def test_how_much_money_asks_an_amount_in_yuan():
    assert asked_unit("山东特级技师每月工资多少钱") == "元"
    assert asked_unit("黑龙江 慰问职工 花了多少钱 慰问了多少人次") == "元"  # the first asked
    assert gives_count_in("元", "累计投入330多亿元") and gives_count_in("元", "投入1500余萬元")
    assert not gives_count_in("元", "253名高技能人才被企业评聘为特级技师")
    assert not gives_count_in("元", "建成工會驛站3786個")  # 个 counts things, not money
    assert gives_count_in("元", "價格最高到14800日元") and gives_count_in("元", "多花了5,000,000美元")


@pytest.mark.parametrize("question, unit", [
    ("龙江对职工创新项目给了多少扶持经费", "元"),  # a noun whose head (经费) names money
    ("安康杯竞赛一共发了多少奖金", "元"),
    ("首席技师一个月能拿多少补贴", "元"),  # 贴: an allowance
    ("为了职业教育投进去的资金有多少", "元"),  # the noun before 有多少
    ("这趟车全程收费多少？", "元"),
    ("山东的特级技师平均月薪是多少", "元"),  # 薪: pay
    ("运动员一共得了多少金牌", ""),  # 金牌 ends in 牌: medals, not money
    ("企业从业人员的工资增长了多少", ""),  # a rise, not the wage: not asked as an amount
    ("一线职工的培训经费不能少于百分之多少", "%"),  # 百分之几 asks a share before the money noun
])
def test_a_sum_of_money_or_a_share_asked_without_a_unit_word(question, unit):
    assert asked_unit(question) == unit


@pytest.mark.parametrize("question", ["昆明产业工人平均年龄是多少", "写这本书的作者当时年龄多大", "李白幾歲時離開四川",
                                      "安昌浩享年多少岁？", "他那时多大年纪"])
def test_an_age_is_asked_in_years_of_age_and_given_only_in_them(question):
    assert asked_unit(question) == "岁"
    assert gives_count_in("岁", "严秋华16岁签约") and gives_count_in("岁", "候选人年龄限制为45周岁")
    assert gives_count_in("岁", "李白二十五歲離開四川")
    assert not gives_count_in("岁", "助力1993名产业工人提升学历")  # a count of people is no age
    assert not gives_count_in("岁", "建成3个工作室")  # nor is a count of things


def test_a_sum_is_given_in_any_currency_and_a_share_in_words_or_figures():
    assert gives_count_in("元", "胜出者可获得25万美金") and gives_count_in("元", "奖金为NT$25,000")
    assert not gives_count_in("元", "扶持数字经济等职工创新项目200余项,成果转化率超过60%")
    assert gives_count_in("%", "确保60%以上专项用于一线职工") and gives_count_in("%", "占百分之六十")
    assert not gives_count_in("%", "年均组织3700余家单位")


@pytest.mark.parametrize("question, unit", [
    ("山东技能人才总量是多少", "人"),  # a noun whose head names people (人才) before 总量是多少
    ("山东一共有多少产业工人", "人"),  # after 多少
    ("昆明有多少考评员", "人"),
    ("昆明的职工书屋一年接待多少职工", "人"),
    ("投资规模有多少", ""),  # 规模 is no person
    ("昆明有多少个工人先锋号", "个"),  # 先锋号 names no people: things are counted
])
def test_a_count_of_people_asked_by_a_noun_that_names_them(question, unit):
    assert asked_unit(question) == unit


def test_a_count_of_people_is_not_given_by_a_count_of_occupations():
    assert not gives_count_in(asked_unit("山东技能人才总量是多少"), "涵盖14个行业领域300多个职业(工种)")
    assert gives_count_in(asked_unit("山东技能人才总量是多少"), "全省技能人才总量达546万人")


@pytest.mark.parametrize("question, unit", [
    ("有多少个球队参加？", "个"),  # the nouns after 个, not the verb after them
    ("黑龙江有几个工匠", ""),  # 工匠 names people
    ("大国工匠培育名单黑龙江占了几个名额", ""),  # 名额: places that people fill, an amount of them
    ("这项工程要干几个月", ""),  # a span of time: 三月 or 3个月
    ("提高了几个百分点", ""),
    ("一共有多少个？", ""),  # no noun named
])
def test_ge_asks_things_only_where_it_names_a_thing(question, unit):
    assert asked_unit(question) == unit


@pytest.mark.parametrize("question, text, gives", [
    ("山东的特级技师评聘覆盖了多少个行业", "253名高技能人才被企业评聘为特级技师", False),  # people, not trades
    ("山东12351热线一年接了多少个电话", "打造全省一体受理、24小时服务职工的12351热线平台", False),  # no count of calls
    ("山东的技能人才评价覆盖了多少个行业", "涵盖14个行业领域300多个职业(工种)", True),
    ("人類視網膜中共有多少個視杆細胞", "视网膜里一共约有600万视锥细胞和1.25亿视杆细胞。", True),  # no classifier (DRCD)
    ("联赛有多少个球队参加？", "本届赛事有多达 13 队球队参与角逐", True),  # another classifier (CMRC 2018)
    ("评审流程分为几个阶段？", "评审流程:初审、二审、三审与决审四阶段。", True),
])
def test_a_count_of_things_asked_in_ge_is_not_given_by_a_count_of_people(question, text, gives):
    matching = normalize(question)
    assert gives_count_in(asked_unit(matching), normalize(text), matching) is gives
