"""The kind of figure a question asks besides a plain count — a rank, a change, a figure per year or per unit, an
amount of a size, a share, a year — and whether a text gives a figure of that kind.

- A rank (在全国排第几, 第几名) is answered by an ordinal (第八位, 排行全美第五, 位列22名) or a word that places
  (首位, 之首, 前列), not by a level (546万人) or a rating (优秀等次).
- A change (涨了多少, 比五年前增加了多少, 扩大了几成) is answered by a change: a figure after 增长, 增加, 提高 … (增长13%,
  增加10.8万人), a doubling (翻一番, 3倍), a rise from one level to another (由…提高到…) or a named rate of change
  (增幅); not by a level the text reaches (总量达546万人, 比例提高到30%). 新增了多少 asks a count of new things.
- A figure per year (每年, 年均, 一年的投入) is answered by a yearly figure (每年组织开展100项, 年均, 全年), in the
  sentence or the one before, not by a total over an unnamed span (启用314.9万元资金) that may cover several years.
  Only where a figure is asked: 每年的教育经费按什么标准提取 asks a rule, which a sentence without 每年 may state;
  nor where a share is asked with no change (每年从工资总额里拿出百分之几): a proportion is no total over years.
- A figure per head or per item (每人奖励多少, 平均每个藏书多少册, 每月津贴多少, 人均) is answered by a figure
  given per unit (每人, 人均, 平均, 各奖励, /月, 一天只有8班), not by a count of the units (职工书屋2331个) or a
  total. Only where 每 qualifies what is asked (每人 before the 多少), not a distributive 每市都有 after it.
- An amount of a size (多少万, 几十万, 多少亿) is answered by an amount that size (247.19万, 330多亿元, 十几万,
  2,790,060), not by a smaller count or a rate (1993名 for 多少万, 8% for 教育经费有多少亿).
- A share (占全省技能人才的比例, 占多少, 几成, a question ending in 比例 or 百分比) is answered by a percentage, 成,
  分之, 半数 or a ratio that is not a change (not 较2017年分别增长67.3%和50.9%: a rise, and what is joined to it);
  a share only named (按什么比例确定), a count (占几家), an area (占地多大) or a change asked as a share
  (增长百分比, 比例提高了多少) asks none.
- A year (哪一年, 何年, 年份) is answered by a year named in the sentence or the one before (2018年, 承久3年,
  元年, 年底), not by a figure that only looks like one (技术标兵2020名).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMERAL = "[一二三四五六七八九十百千万两零〇\\d]"
_CHANGE_VERB = "增加|增长|提高|提升|上升|扩大|减少|下降|降低|缩小|涨|增|减"
# a change asked: 涨了多少, 增加了几, 提高了百分之… (新增了多少 asks a count of new things, 有多少 a level)
CHANGE_ASKED = re.compile(r"(?:增加|增长|提高|提升|上升|扩大|减少|下降|降低|缩小|涨|(?<!新)增|(?<!有)多|(?<![至最])少)了?"
                          r"(?:多少|几|百分之)")

# what stands before 万 or 亿 in an amount of that size: a numeral (247.19万, 330多亿) or a rough one (十几万, 上万)
_SIZED = rf"(?:{_NUMERAL}|[几数上近逾])\s*(?:多|余)?"
# a share asked: what something takes up (占全省技能人才的比例, 占多少, 几成) with nothing after the question
# word, not a count (占几家), an area (占地多大) nor a proportion the question only names (按什么比例确定)
SHARE_ASKED = re.compile(r"(?:占(?!地|据|领|用)[^，,。？?；;]{0,14}?(?:多少|几成|百分之几|多大)(?:的?(?:比例|比重|份额))?"
                         r"|(?:比例|比重|占比|百分比|份额|几成)(?:是|为|有|达到?|在|大概|约|大约)?(?:多少|几|多大)?)"
                         r"(?:呢|啊|吗)?(?=[？?，,。；;]|$)")
# a share stated: a percentage, 百分之…, 七成, 三分之一, 半数, 大多数, or a ratio (1:20, 1比3)
_SHARE = (r"\d[\d.]*\s*[%％]|百分之[零〇一二三四五六七八九十百点两]|[一二三四五六七八九两\d]成"
          r"|[一二三四五六七八九十\d]+分之|半数|一半|过半|多数|大部分|少数|\d\s*[:：比]\s*\d")
# a change asked as a share (增长百分比, 比例提高了多少), which a change answers
_CHANGE_OF_SHARE_ASKED = re.compile(rf"{CHANGE_ASKED.pattern}|(?:{_CHANGE_VERB})(?:的|了)?(?:百分比|比例|比重|幅度)")
# a change given as a percentage, with those joined to it (分别增长67.3%和50.9%): a rise, not a share
_CHANGE_OF_SHARE = re.compile(rf"(?:{_CHANGE_VERB})了?(?:约|近|超过?|逾)?(?:{_SHARE})(?:[和、及与](?:{_SHARE}))*")


# a share asked with no change (每年要从工资总额里拿出百分之几): a proportion, which holds whatever span it is of
_SHARE_NOT_CHANGE_ASKED = re.compile(rf"^(?!.*(?:{_CHANGE_VERB}))"
                                     r"(?=.*(?:百分之(?:多少|几)|百分比|比例|比重|占比|几成|多少[%％]))")


@dataclass(frozen=True)
class FigureKind:
    name: str
    asked: re.Pattern  # in the question's matching form
    given: re.Pattern  # in the text's matching form
    reads_before: bool = False  # the sentence before may give it (a yearly figure: 年均组织…，…参加)
    of_a_figure: bool = False  # asked only where the question asks a figure (每年 qualifies a 多少, not a 什么标准)
    unless: re.Pattern | None = None  # not asked where the question matches this (a share's change: 比例提高了多少)
    besides: re.Pattern | None = None  # figures of another kind, set aside before looking (增长67.3%: no share)


KINDS = (
    FigureKind("rank",
               re.compile(r"(?:排在?|排名|排行|名列|位列|位居|居|列)第几|第几名|名次|排名多少|排多少名"),
               re.compile(rf"第{_NUMERAL}+|{_NUMERAL}+名|首位|榜首|之首|冠军|亚军|季军|殿军|前列|前{_NUMERAL}+|末位|倒数")),
    FigureKind("change", CHANGE_ASKED,
               re.compile(rf"(?:{_CHANGE_VERB}|多|少)了?(?:约|近|超过?|达|逾)?{_NUMERAL}"
                          rf"|翻了?{_NUMERAL}?番|{_NUMERAL}+倍|(?:由|从).{{1,20}}?(?:{_CHANGE_VERB}|降)(?:至|到)"
                          r"|增幅|涨幅|降幅")),
    FigureKind("per year",
               re.compile(r"每年|年均|每一年|(?<![哪这那])一年(?:的|里|内|中)?(?:投入|花|有|能|要|多少|几)"),
               re.compile(r"每年|年均|每一年|一年|全年|当年|年度|/年|年平均"),
               reads_before=True, of_a_figure=True, unless=_SHARE_NOT_CHANGE_ASKED),
    FigureKind("per unit",
               re.compile(r"(?:(?<!年)每(?!年|一年|隔)[\u4e00-\u9fff]{0,3}|人均|户均|月均|日均|场均)"
                          r"[^，,。？?；;]{0,8}?(?:多少|几)"),
               re.compile(r"每|均|各|/|／|一(?:天|日|周|个?月|人|次|届|小时)"),
               of_a_figure=True),
    FigureKind("tens of thousands", re.compile(r"(?:多少|几)[十百千]?万"),
               re.compile(rf"{_SIZED}[万亿]|\d{{5,}}|\d{{1,3}}(?:,\d{{3}})+")),
    FigureKind("hundreds of millions", re.compile(r"(?:多少|几)[十百千]?亿"),
               re.compile(rf"{_SIZED}亿|\d{{9,}}|\d{{1,3}}(?:,\d{{3}}){{2,}}|\d{{5,}}\s*万")),
    FigureKind("share", SHARE_ASKED, re.compile(_SHARE), unless=_CHANGE_OF_SHARE_ASKED, besides=_CHANGE_OF_SHARE),
    FigureKind("year",
               re.compile(r"哪一?年|何年|年份"),
               re.compile(r"\d+\s*年|[一二三四五六七八九十〇零元两]年|年[初末底间代]|\d{4}\s*[-－–/.]"),
               reads_before=True),
)


def asked_kinds(question: str, asks_figure: bool = True) -> tuple[FigureKind, ...]:
    """The kinds of figure the question (matching form) asks; `asks_figure`: whether it asks a figure at all
    (a count, an amount, a share), without which a kind of a figure (`of_a_figure`) is not asked."""
    return tuple(kind for kind in KINDS if kind.asked.search(question) and (asks_figure or not kind.of_a_figure)
                 and not (kind.unless and kind.unless.search(question)))


def missing_kind(question: str, text: str, before: str = "", asks_figure: bool = True) -> str:
    """The name of the first kind of figure the question asks that the text does not give ("" when none is
    missing); `before` is the sentence before the text. All in matching form."""
    for kind in asked_kinds(question, asks_figure):
        read = before + text if kind.reads_before else text
        if not kind.given.search(kind.besides.sub(" ", read) if kind.besides else read):
            return kind.name
    return ""
