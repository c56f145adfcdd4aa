import pytest

from core.textnorm import normalize
from qa.asked_kind import asked_kinds, missing_kind


@pytest.mark.parametrize("question, kinds", [
    ("山西高技能人才总量在全国排第几", ["rank"]),
    ("黑龙江产改考核在全国排第几名", ["rank"]),
    ("南加大在2016年的排名中名列第几", ["rank"]),
    ("重庆的外贸进出口总值在西部12省市中排名多少", ["rank"]),
    ("黑龙江这次新闻发布会是系列里的第几场", []),  # an ordinal of an event, not a rank
    ("山西技能人才比五年前增加了多少", ["change"]),
    ("山西工人收入涨了多少", ["change"]),
    ("改革以来昆明产业工人多了多少人", ["change"]),
    ("黑龙江技能人才跟2017年比涨了百分之多少", ["change"]),
    ("跟2017年相比龙江技能人才队伍扩大了几成", ["change"]),  # 扩大 is a change; 几成 its size, not a share
    ("昆明办劳务交流会新增了多少个就业岗位", []),  # a count of new jobs
    ("职工教育经费至少多少用于一线职工", []),
    ("昆明职业病防治一年的投入是多少", ["per year"]),
    ("山东每年开展多少项省级示范性劳动竞赛", ["per year"]),
    ("昆明安康杯年均有多少职工参加", ["per year"]),
    ("昆明评上技术状元的每人奖励多少", ["per unit"]),
    ("昆明职工书屋平均每个藏书多少册", ["per unit"]),
    ("山西企业职工人均收入有多少", ["per unit"]),
    ("山西有几个市做到了高职院校每市都有", []),  # a distributive 每 after what is asked, not a figure per city
    ("奥运会每隔几年举办一次", []),  # an interval
    ("覃美金在哪一年要求由遗产提出80万元", ["year"]),  # 哪一年 asks a year, not a yearly figure
    ("昆明创建工人先锋号是从哪一年开始的", ["year"]),
    ("黑龙江高技能人才多少", []),
])
def test_the_kind_of_figure_asked(question, kinds):
    assert [kind.name for kind in asked_kinds(normalize(question))] == kinds


@pytest.mark.parametrize("question, text, missing", [
    ("在全国排第几", "韩国是能源消费大国,占世界能源消费的2.1%,居第八位", ""),
    ("在全国排第几", "南加大thornton音乐学院则在滚石杂志排行全美第五", ""),
    ("在全国排第几", "在2016年usnews的排名之位列22名", ""),
    ("在全国排第几", "人均耕地面积居全国首位", ""),
    ("获得第几名", "最终巴西队以2比1击败义大利,获得季军", ""),
    ("在全国排第几", "連續兩年獲評全國產業工人隊伍建設改革工作評價考核優秀等次", "rank"),  # a rating
    ("在全国排第几", "全省技能人才总量达546万人,高技能人才总量达163万人", "rank"),  # a level
    ("涨了多少", "企业从业人员平均工资同比增长13%", ""),
    ("多了多少", "昆明市产业工人数量增加10.8万人,达到247.19万", ""),
    ("涨了多少", "較2017年分別增長67.3%和50.9%", ""),  # Traditional, read in matching form
    ("涨了多少", "人均收入由3万元提高到5万元", ""),  # made up: a rise from one level to another
    ("增加了多少", "全省技能人才总量达546万人", "change"),  # a level
    ("扩大了几成", "較2017年分別增長67.3%和50.9%", ""),
    ("缩小了多少", "城乡收入差距缩小了12%", ""),  # made up
    ("提高了多少", "高技能人才占技能人才的比例提高到30%", "change"),  # the level it rose to
    ("每年开展多少项", "每年组织开展100项省级示范性劳动和技能竞赛", ""),
    ("每年多少职工参加", "年均组织3700余家单位、2.3万个班组、36万职工参加", ""),
    ("一年的投入是多少", "启用314.9万元资金开展职业病防治项目工作", "per year"),  # a total over an unnamed span
    ("每人奖励多少", "累计投入1500余万元奖励龙江工匠、市级工匠1943人", "per unit"),  # a total, and a count
    ("平均每个藏书多少册", "职工书屋2331个,职工驿站322个", "per unit"),  # a count of the units
    ("每人奖励多少", "对获奖选手每人奖励1万元", ""),  # made up
    ("人均收入多少", "全省职工年人均收入达到8.2万元", ""),  # made up
    ("每天有几班固定往返班次", "一天只有8班固定往返班次的岩手沼宫内", ""),  # 一天: a day, as 每天
    ("从哪一年开始的", "自2018年昆明市产改工作启动以来", ""),
    ("承久之乱于何年爆发", "承久3年5月14日,后鸟羽上皇下达了讨伐的院宣", ""),  # a year of an era
    ("哪一年开始的", "涌现出技术状元506名、优秀技术标兵998名、技术标兵2020名", "year"),  # 2020名 counts people
    ("黑龙江高技能人才占全省技能人才的比例", "技能人才264.3萬人、高技能人才82.7萬人,較2017年分別增長67.3%和50.9%",
     "share"),  # both percentages are rises
    ("高技能人才占技能人才的比例是多少", "高技能人才占技能人才的比例提高到30%", ""),  # the level it rose to
    ("一线工人占多少", "一线工人74名,占8.2%", ""),
    ("教育经费用在一线的有几成", "确保60%以上专项用于一线职工的教育和培训", ""),
    ("黑龙江技能人才增长百分比", "較2017年分別增長67.3%和50.9%", ""),  # a change asked as a share
    ("国有企业占几家", "培育省级全员创新企业150家", ""),  # a count, not a share
    ("斯韦阿兰占地多大", "斯韦阿兰占地91,098平方公里", ""),  # an area (CMRC 2018)
    ("山西国企职工教育经费一年总额有多少亿", "按职工工资总额的8%足额提取职工教育经费", "hundreds of millions"),
    ("山西国企职工教育经费一年总额有多少亿", "黑龙江省筹集4.8亿元", ""),
    ("昆明产业工人有多少万", "助力1993名产业工人提升学历", "tens of thousands"),
    ("昆明产业工人有多少万", "产业工人数量达到247.19万", ""),
    ("人口有几十万", "人口为2,345,000人", ""),  # made up: digits grouped by thousands
    ("参赛的有多少万人", "每年有十几万职工参赛", ""),  # made up: an amount of that size in words
    ("师生比例是多少", "全校师生比为1:18", ""),  # made up: a ratio is a share
])
def test_a_text_gives_the_kind_of_figure_asked_or_not(question, text, missing):
    assert missing_kind(normalize(question), normalize(text)) == missing


def test_a_yearly_figure_is_asked_only_where_a_figure_is_asked():
    question = normalize("山西国企每年的职工教育经费按什么标准提取")  # asks a rule: 每年 qualifies no figure
    assert [kind.name for kind in asked_kinds(question, asks_figure=False)] == []
    assert missing_kind(question, "按职工工资总额的8%足额提取职工教育经费", asks_figure=False) == ""
    asked = normalize("山东每年开展多少项省级示范性劳动竞赛")
    assert missing_kind(asked, "累计开展劳动竞赛47场次", asks_figure=True) == "per year"


def test_a_share_asked_per_year_is_no_yearly_figure_but_a_yearly_rise_is():
    share = normalize("国企每年要从工资总额里拿出百分之几作为职工教育经费")  # a proportion holds for any span
    assert missing_kind(share, "按职工工资总额的8%足额提取职工教育经费") == ""
    rise = normalize("山西职工平均工资每年增长百分之几")  # a yearly rise is not a rise over several years
    assert missing_kind(rise, "较2017年增长67.3%") == "per year"


def test_a_yearly_figure_may_stand_in_the_sentence_before():
    assert missing_kind("每年多少职工参加", "36万职工参加", before="年均组织3700余家单位") == ""


def test_a_share_only_named_is_not_asked():
    assert [kind.name for kind in asked_kinds(normalize("团代会按什么比例确定一线工人代表"))] == []
