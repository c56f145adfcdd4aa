"""The unit a question asks its count in (多少名, 几家) and whether a text gives a count in that unit.

A count in another unit answers another question: 100项 competitions for 劳动模范多少名, 15家 firms for
首席技师多少人. 个 is the classifier any count of things may be asked or given in: 多少个 with a noun of things
(多少个行业) asks a count of things, which no count of people (253名) answers but any count of things may,
also the noun counted with no classifier (1.25亿视杆细胞, 13队球队); 322个 answers 多少家, where it counts what
is asked: not 11个市实现高职院校全覆盖 (cities) for 多少所高职院校, nor
五个一体化 for 分几部分. So does a count of things in another classifier (劳动和技能竞赛7.79万项 for 竞赛多少场:
a text may count the same things otherwise); 人, 名, 位 and 人次 all count people, so each answers the others
(and no classifier of things answers them).
A sum of money is asked by 多少钱 or by a noun whose head names money (多少奖金, 扶持经费有多少, 平均工资多少: a
compound's last character is its head, and 钱, 金, 费, 款, 薪, 贴 and 资 name money), and answered only by an amount
in a currency (not 按照正高级工程师兑现待遇); a share asked as 百分之几 is answered by a percentage; a count of a
noun whose head names people (多少产业工人, 技能人才总量是多少: 人, 员, 师, 者, 工, 匠, 才, 生, 民, 手) by a count
of people, not 300多个职业; an age (几岁, 年龄是多少, 多大年纪) by years of age (16岁, 45周岁), not 1993名 for
平均年龄是多少. Editions are counted in 届 (多少届), not by a count of those chosen in them (50名).
"""

from __future__ import annotations

import re

from core.textnorm import normalize

# Units and classifiers a count is given in (82.7万人, 3013家, 30%), longest first where one begins another.
UNITS = "人次|人|名|个|家|项|次|场|条|所|元|%|倍|部分|类|批|期|届|座|间|户|件|支|位|张|本|册|岁"
_ASKED = re.compile(rf"(?<![哪第])(?:多少|几)(?:万|亿)?(?:({UNITS})|钱)")  # 多少钱: an amount in 元, 万元, 亿元
# the last character of a noun that names a sum of money: 奖金, 经费, 拨款, 月薪, 补贴, 工资, 融资 (not 金牌)
_MONEY_HEAD = "钱金费款薪贴资"
_PERSON_HEAD = "人员师者工匠才生民手"  # … that names people: 人才, 考评员, 技师, 工匠 (not 模: 规模)
_AMOUNT_HEAD = "额量数"  # … that names an amount of something else: 名额, 数量, 人数
_CLAUSE_END = r"(?=[呢啊吗？?，,。；;]|$)"
# nouns that say how much there is of the noun before them (技能人才总量, 书屋数量), read past by the checks
AMOUNT_NOUNS = ("总量", "总数", "数量", "人数")
AMOUNT_NOUN = "|".join(AMOUNT_NOUNS)  # as a pattern
_NOUN_AFTER = re.compile(rf"(?<![哪第])多少(?:万|亿)?([\u4e00-\u9fff]{{1,6}}?){_CLAUSE_END}")  # 多少扶持经费
_PERCENT_ASKED = re.compile(r"百分之(?:多少|几)|百分比")
_AGE_ASKED = re.compile(r"(?:年龄|岁数|年纪)(?:是|有|为|在)?(?:多少|多大|几)|多大(?:年纪|岁数)")
PEOPLE_UNITS = "人|名|位"  # each counts people, so each answers the others
PEOPLE = frozenset((*PEOPLE_UNITS.split("|"), "人次"))  # 人次 (person-times) too: 80万人次 or 80万人, never 322个
_MEASURES = frozenset(("元", "%", "倍", "岁"))  # amounts, not things counted: 个 does not give them
# the classifiers of things counted, any of which may give a count asked in another (7.79万项 for 多少场竞赛)
_COUNTERS = "|".join(unit for unit in UNITS.split("|") if unit not in PEOPLE | _MEASURES)
# what a count of things asked counts, named after its classifier and ending the clause: 书 of 多少本书
_COUNTED_ASKED = re.compile(rf"(?:多少|几)(?:万|亿)?(?:{_COUNTERS})([\u4e00-\u9fff]{{1,4}})(?=[呢啊吗？?，,。；;]|$)")
# nouns of a span of time, or of points, counted in 个 or without it (几个月, 24小时, 3个百分点)
_TIME_SPAN = re.compile(r"月|小时|钟头|星期|礼拜|季度|年头|工作日|百分点")
# an amount, not an ordinal (第一部分 says which part, not how many)
AMOUNT = r"(?<![第\d一二三四五六七八九十百千两])(?:\d[\d.,]*|[一二三四五六七八九十百千两]+)\s*(?:多|余)?(?:万|亿)?(?:多|余)?"
# a count of people with no classifier, in figures straight before the noun of the people counted (36万职工,
# 1万余农民工: the noun's head names people), not a date (2017年工人), a classifier (2.3万个班组) or a word (统一的职工)
_PEOPLE_COUNTED = re.compile(rf"\d[\d.,]*\s*(?:多|余)?(?:万|亿)?(?:多|余)?(?![年月日号时天周岁万亿多余]|(?:{UNITS}))"
                             rf"[^\W\d_的之]{{0,3}}?[{_PERSON_HEAD}]")


def asked_unit(question: str) -> str:
    """The unit the question asks a count in (元 for 多少钱 and for a sum of money, % for 百分之几, 岁 for an
    age, 人 for a count of people named by a noun), "" when it asks none or asks in 个."""
    matching = normalize(question)
    found = _ASKED.search(matching)
    if found:
        unit = found.group(1) or "元"
        return _things_asked(matching) if unit == "个" else unit
    if _PERCENT_ASKED.search(matching):
        return "%"
    if _AGE_ASKED.search(matching):
        return "岁"
    if _asks_how_many_of(matching, _MONEY_HEAD, longest=4):  # not 多少企业获奖金
        return "元"
    if _asks_how_many_of(matching, _PERSON_HEAD, longest=6):
        return "人"
    return ""


def _things_asked(matching: str) -> str:
    """个 where the question counts things in it (多少个行业, 几个职工驿站: a noun whose head does not name
    people), so that a count of people does not answer; "" where it names no noun, counts people (几个工匠), an
    amount of something else (几个名额: places that people fill) or a span of time (几个月, 多少个小时: 24小时
    answers without 个)."""
    noun = _noun_counted_in_ge(matching)
    if not noun or noun[-1] in _PERSON_HEAD + _AMOUNT_HEAD or _TIME_SPAN.match(noun):
        return ""
    return "个"


def _noun_counted_in_ge(matching: str) -> str:
    """The noun straight after the question's 多少个 or 几个 (球队 of 有多少个球队参加), "" where none follows."""
    found = _ASKED.search(matching)
    return _noun_counted(matching) if found is not None and found.group(1) == "个" else ""


def _noun_counted(matching: str) -> str:
    """The noun straight after the question's 多少 or 几 and its classifier (国企 of 多少家国企已经落实: the run of
    words jieba tags as nouns or abbreviations), "" where none follows."""
    found = _ASKED.search(matching)
    if found is None or not found.group(1):
        return ""
    from qa.terms import tagged  # qa.terms reads this module's units

    noun = ""
    for word, flag in tagged(matching[found.end() : found.end() + 8]):
        if not (flag.startswith("n") or flag == "j"):
            break
        noun += word
    return noun


def _asks_how_many_of(matching: str, heads: str, longest: int) -> bool:
    """Whether the question asks how much or how many of a noun whose last character is one of `heads`: 多少
    and the noun (at most `longest` characters) ending its clause (多少扶持经费, 多少费用), or the noun with 有 or
    是 多少 (or 总量是多少) ending it (资金有多少, 技能人才总量是多少)."""
    after = _NOUN_AFTER.search(matching)
    noun = after.group(1).removesuffix("用") if after and len(after.group(1)) <= longest else ""
    before = rf"[{heads}]用?(?:{AMOUNT_NOUN})?(?:一共|总共|共|合计)?(?:有|是|为|达到?)?多少{_CLAUSE_END}"
    return bool(noun) and noun[-1] in heads or re.search(before, matching) is not None


def gives_count_in(unit: str, text: str, question: str = "") -> bool:
    """Whether the text gives a counted amount in `unit`: 人, 名, 位 and 人次 count people; 个 or any other
    classifier of things answers one of things (322个 for 多少家, 7.79万项 for 多少场) where it counts what the
    `question` asks (`_counts_the_asked`: not 11个市 for 多少所高职院校, nor 五个一体化 for 分几部分), and no
    measure (元, %, 倍); a count of people may also stand straight before the noun of the people counted
    (36万职工). True when no unit is asked."""
    if not unit:
        return True
    matching = normalize(text)
    if unit == "元":  # a currency may stand before 元: 14800日元, 5,000,000美元, 港元; or be another: 25万美金
        return (re.search(rf"{AMOUNT}(?:[^\W\d_]{{0,2}})?(?:[元圆镑]|美金|法郎|卢布|马克|比索)", matching) is not None
                or re.search(r"[$¥€£]\s*\d", matching) is not None)
    if unit == "%" and re.search(r"百分之[零〇一二三四五六七八九十百点两]+", matching):
        return True
    if unit in PEOPLE and _PEOPLE_COUNTED.search(matching):
        return True
    if unit in PEOPLE or unit in _MEASURES or unit == "岁":
        units = PEOPLE_UNITS if unit in PEOPLE else "周?岁" if unit == "岁" else re.escape(unit)
        return re.search(rf"{AMOUNT}(?:{units})", matching) is not None
    if re.search(rf"{AMOUNT}{re.escape(unit)}", matching):
        return True
    asked = normalize(question)
    if unit == "个" and _names_counted_noun(matching, asked):
        return True
    return any(_counts_the_asked(matching[max(0, found.start() - 2) : found.start()],
                                 matching[found.end() : found.end() + 2], asked)
               for found in re.finditer(rf"{AMOUNT}(?:{_COUNTERS})", matching))


def _names_counted_noun(text: str, question: str) -> bool:
    """Whether the text counts the noun the question counts in 个 with no classifier or another one: the noun
    straight after the amount (1.25亿视杆细胞, 四阶段), after one character (13队球队), or its head alone (13队)."""
    noun = _noun_counted_in_ge(question)
    if not noun:
        return False
    return re.search(rf"{AMOUNT}\s*(?:[\u4e00-\u9fff]?{re.escape(noun)}|{re.escape(noun[-1])})", text) is not None


def _counts_the_asked(before: str, after: str, question: str) -> bool:
    """Whether a count in a classifier of things (个, 项 …) between `before` and `after` (the two characters on
    each side) counts what the question asks: a noun after it that the question names (322个职工驿站 for
    多少家职工驿站), or none after it and none before it or one sharing a character with the question (职工驿站322个
    for 多少家驿站, not 专业23个 for 几家工匠学院; with no question, any) and, where the question names what it
    counts after the classifier (ending the clause, or the nouns jieba tags there where it goes on: 国企 of
    多少家国企已经落实…), ending in the same character: a compound's last character is its head, so
    职工书屋2331个 counts houses, not the books of 多少本书, nor 实施意见共三部分 the firms of 多少家国企."""
    noun = re.match(r"[\u4e00-\u9fff]+", after)
    if noun is not None:
        return noun.group() in question
    noun = re.search(r"[\u4e00-\u9fff]+$", before)
    if noun is None or not question:
        return True
    asked = _COUNTED_ASKED.search(question)
    head = asked.group(1) if asked else _noun_counted(question)
    if head and noun.group()[-1] != head[-1]:
        return False
    return any(c in question for c in noun.group())
