"""Check a generated answer before it is final: citation markers exist, numbers appear in what they cite."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from llm.numbers import quantities, supported
from llm.prompt import REFUSAL

_MARKER = re.compile(r"\[(\d+)\]")
_MARKER_VARIANTS = re.compile(r"[［【\[]\s*([0-9０-９]+)\s*[］】\]]")
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;\n]*")
_REFUSALS = re.compile(rf"{REFUSAL}|没有找到相关|资料中没有|资料未提及|资料没有提及|无法根据资料|无法回答")


@dataclass(frozen=True)
class Verified:
    """The answer with unknown markers removed, what was flagged, and whether it is a refusal."""

    text: str
    warnings: tuple[str, ...]
    refused: bool
    cited: tuple[int, ...]  # passage numbers the final text cites, in order of first use


def normalise_markers(text: str) -> str:
    """［１］, 【1】, [ 1 ] → [1]."""
    return _MARKER_VARIANTS.sub(lambda m: f"[{unicodedata.normalize('NFKC', m.group(1))}]", text)


def verify_answer(text: str, passages: dict[int, str]) -> Verified:
    """Verify a generated answer against the numbered passages it was given."""
    warnings: list[str] = []
    text = normalise_markers(text.strip())
    unknown = sorted({int(n) for n in _MARKER.findall(text) if int(n) not in passages})
    if unknown:
        text = _MARKER.sub(lambda m: "" if int(m.group(1)) in unknown else m.group(), text)
        warnings.append("已删除不存在的引用标记：" + "、".join(f"[{n}]" for n in unknown))
    cited = tuple(dict.fromkeys(int(n) for n in _MARKER.findall(text)))
    if not cited and _REFUSALS.search(text):
        return Verified(text, tuple(warnings), True, ())
    if not cited:
        warnings.append("回答没有标注任何资料编号，无法核对出处")
    source_all = [q for p in passages.values() for q in quantities(p)]
    for sentence in _SENTENCE.findall(text):
        numbers = quantities(sentence)
        if not numbers:
            continue
        # A number is checked against the passages cited in its sentence, else those cited anywhere in
        # the answer. A number with no valid citation at all is unsupported, wherever else it appears.
        markers = [int(n) for n in _MARKER.findall(sentence)] or list(cited)
        if not markers:
            for quantity in numbers:
                warnings.append(f"数字“{quantity.text}”没有标注有效的资料编号，无法核对，请勿直接采信")
            continue
        source = [q for n in markers for q in quantities(passages[n])]
        for quantity in numbers:
            if supported(quantity, source):
                continue
            if supported(quantity, source_all):
                warnings.append(f"数字“{quantity.text}”不在其引用的资料中（出现在其他资料里），请核实引用")
            else:
                warnings.append(f"数字“{quantity.text}”在资料中找不到，请核实")
    return Verified(text, tuple(dict.fromkeys(warnings)), False, cited)
