"""Numbers with their units, as written in Chinese text: 82.7万人, ８２.７萬人, 八十二点七万人, 50.9%."""
from __future__ import annotations

import re
from dataclasses import dataclass

from core.textnorm import normalize

_UNIT_WORDS = ("人次 万人 亿元 万元 人 名 个 家 项 次 场 条 所 元 % 倍 年 月 日 天 届 批 期 座 间 户 件 位 张 本 册 "
               "公里 千米 米 吨 亩 平方米 岁 小时 部 类 支 家次 场次").split()
UNITS = "|".join(sorted(_UNIT_WORDS, key=len, reverse=True))  # longest first: 场次 before 场
_MULTIPLIER = {"万": 1e4, "亿": 1e8, "千": 1e3}
_DIGITS = re.compile(rf"(\d+(?:\.\d+)?)\s*(余|多)?\s*(万|亿|千)?\s*(余|多)?\s*({UNITS})?")
_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_NUMBER = re.compile(rf"([零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)\s*(万|亿)?\s*({UNITS})")


@dataclass(frozen=True)
class Quantity:
    """A number found in text: its value (万/亿 applied), its unit (None when bare) and how it was written."""

    value: float
    unit: str | None
    text: str


def _base_unit(unit: str | None) -> str | None:
    if unit in ("万人",):
        return "人"
    if unit in ("亿元", "万元"):
        return "元"
    return unit


def _unit_multiplier(unit: str | None) -> float:
    return {"万人": 1e4, "亿元": 1e8, "万元": 1e4}.get(unit or "", 1.0)


def chinese_to_number(text: str) -> float | None:
    """八十二点七 → 82.7, 一百零五 → 105, 三 → 3; None when it is not a well-formed numeral."""
    integer, _, fraction = text.partition("点")
    total, current = 0, 0
    for char in integer:
        if char in _CN_DIGIT:
            current = _CN_DIGIT[char]
        elif char in _CN_SMALL:
            total += (current or 1) * _CN_SMALL[char]
            current = 0
        else:
            return None
    total += current
    if fraction:
        if any(c not in _CN_DIGIT for c in fraction):
            return None
        total = float(f"{total}.{''.join(str(_CN_DIGIT[c]) for c in fraction)}")
    return float(total)


def quantities(text: str) -> list[Quantity]:
    """Every number in the text with its unit; markers like [1] are not numbers."""
    matching = re.sub(r"\[\d+\]", " ", normalize(text))
    found = []
    for m in _DIGITS.finditer(matching):
        value = float(m.group(1)) * _MULTIPLIER.get(m.group(3) or "", 1.0) * _unit_multiplier(m.group(5))
        found.append(Quantity(value, _base_unit(m.group(5)), m.group().strip()))
    for m in _CN_NUMBER.finditer(matching):
        if len(m.group(1)) < 2 and not m.group(2):  # 一个, 两年: words, not figures
            continue
        value = chinese_to_number(m.group(1))
        if value is not None:
            value *= _MULTIPLIER.get(m.group(2) or "", 1.0) * _unit_multiplier(m.group(3))
            found.append(Quantity(value, _base_unit(m.group(3)), m.group().strip()))
    return found


def supported(quantity: Quantity, source: list[Quantity]) -> bool:
    """Whether the source states the same value (relative tolerance 1e-6) in a compatible unit."""
    for q in source:
        if abs(q.value - quantity.value) <= 1e-6 * max(1.0, abs(quantity.value)):
            if quantity.unit is None or q.unit is None or q.unit == quantity.unit:
                return True
    return False
