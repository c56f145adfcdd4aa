"""The public JSON contract of `python -m qa --json`, and the readable text form. Extend, never rename."""
from __future__ import annotations

from dataclasses import asdict

from core.types import Answer


def answer_to_json(answer: Answer) -> dict:
    """The documented JSON object for one answer."""
    return {
        "question": answer.question,
        "answer": answer.answer,
        "abstained": answer.abstained,
        "citations": [asdict(c) for c in answer.citations],
        "passages": [asdict(p) for p in answer.passages],
        "timings_ms": dict(answer.timings_ms),
        "support": answer.support,
        "mode": answer.mode,
        "warnings": list(answer.warnings),
        "verified": answer.verified,
    }


def error_to_json(question: object, message: str) -> dict:
    """The object written for a question that could not be asked (batch mode keeps going)."""
    return {"question": question if isinstance(question, str) else None, "error": message}


def answer_to_text(answer: Answer, passages: int = 3) -> str:
    """A readable rendering for the terminal: the answer, its sources, then the closest passages."""
    lines = [answer.answer, ""]
    for warning in answer.warnings:
        lines.append(f"⚠ {warning}")
    if answer.warnings:
        lines.append("")
    if answer.citations:
        lines.append("来源：")
        for c in answer.citations:
            meta = "，".join(x for x in (c.source, c.date) if x)
            lines.append(f"[{c.n}] 《{c.title}》{('（' + meta + '）') if meta else ''} 字符 {c.start}–{c.end}")
            lines.append(f"    “{c.text}”")
    shown = answer.passages[: passages if answer.citations else max(passages, 5)]
    if shown:
        lines.append("最接近的段落：" if answer.abstained else "检索到的段落：")
        for p in shown:
            snippet = p.text.replace("\n", " ")
            lines.append(f"  ({p.score:.4f}) 《{p.title}》 {snippet[:80]}{'…' if len(snippet) > 80 else ''}")
    return "\n".join(lines).rstrip()
