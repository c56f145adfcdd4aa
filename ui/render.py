"""Answer and sources as Markdown/HTML. Every piece of document or user text is escaped here."""
from __future__ import annotations

import html
import re

from core.types import Answer, Citation, Document, overlapping

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-!|~>])")
_MARKER = re.compile(r"\\\[(\d+)\\\]")
CONTEXT_CHARS = 60


def escape_markdown(text: str) -> str:
    """Text that Markdown and HTML both show literally: HTML-escaped, Markdown specials backslashed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def answer_markdown(answer: Answer, upto: int | None = None) -> str:
    """The answer for the chat: escaped, with each [n] a link that opens citation n in the viewer.

    `upto` renders only the first characters, for streaming; a marker is linked once it is complete.
    """
    text = answer.answer if upto is None else answer.answer[:upto]
    escaped = escape_markdown(text).replace("\n", "  \n")
    return _MARKER.sub(lambda m: f"[\\[{m.group(1)}\\]](#cite-{m.group(1)})", escaped)


GENERATING = '<div class="sources-empty">模型正在生成回答，完成并核对后显示出处……</div>'
MODE_LABELS = {"extractive": "资料摘录", "generated": "模型生成"}
# What the verifier checks, said exactly: it does not judge whether a cited passage itself is true.
CHECKED = "已核对：引用编号都存在，数字都出现在所引资料中"
CHECK_FAILED = "核对发现问题，见上方提示"


def answer_footer(answer: Answer) -> str:
    """Markdown lines under the answer: each warning, then which mode answered and what was checked."""
    lines = [f"⚠️ {escape_markdown(w)}" for w in answer.warnings]
    label = MODE_LABELS.get(answer.mode, answer.mode)
    if answer.mode == "generated":
        label += f"（{CHECKED if answer.verified else CHECK_FAILED}）"
    lines.append(f"*— {label}*")
    return "\n\n" + "  \n".join(lines)


def _highlighted(document: Document, start: int, end: int) -> str:
    before = document.text[max(0, start - CONTEXT_CHARS) : start]
    after = document.text[end : end + CONTEXT_CHARS]
    return (f"{'…' if start > CONTEXT_CHARS else ''}{html.escape(before)}<mark>{html.escape(document.text[start:end])}</mark>"
            f"{html.escape(after)}{'…' if end + CONTEXT_CHARS < len(document.text) else ''}")


def _flag_note(reason: str | None) -> str:
    return f'<div class="flag-note">⚠ 含疑似针对 AI 助手的指令文字（{html.escape(reason)}），请核对</div>' if reason else ""


def page_label(page: int | None) -> str:
    """第 N 页, or nothing for formats without pages."""
    return f"第 {page} 页" if page else ""


def _citation_card(c: Citation, document: Document, raw_url: str | None) -> str:
    meta = " · ".join(html.escape(x) for x in (c.source, c.date, page_label(c.page)) if x)
    link = f' <a class="raw-link" href="{html.escape(raw_url)}" target="_blank">原始文件</a>' if raw_url else ""
    return (
        f'<div class="cite-card" id="card-{c.n}">'
        f'<div class="cite-head"><button class="cite-open" data-cite="{c.n}">[{c.n}]</button> '
        f'<b>{html.escape(c.title)}</b></div>'
        f'<div class="cite-meta">{meta}{link}</div>'
        f'{_flag_note(overlapping(document.flags, c.start, c.end))}'
        f'<div class="cite-text">{_highlighted(document, c.start, c.end)}</div>'
        f'<button class="cite-open cite-more" data-cite="{c.n}">查看全文并定位</button>'
        "</div>"
    )


def _document_view(c: Citation, document: Document) -> str:
    text = document.text
    body = f"{html.escape(text[: c.start])}<mark class=\"cited\" id=\"hl-{c.n}\">{html.escape(text[c.start:c.end])}</mark>{html.escape(text[c.end:])}"
    return (
        f'<div class="doc-view" id="view-{c.n}" data-doc="{html.escape(document.doc_id)}" hidden>'
        f'<div class="doc-title">[{c.n}] {html.escape(document.title)}'
        f'{" · " + page_label(c.page) if c.page else ""}</div>'
        f'<div class="doc-text">{body}</div></div>'
    )


def sources_html(answer: Answer, documents: dict[str, Document], raw_url=lambda doc, page=None: None) -> str:
    """The sources panel: a card per citation, the other retrieved passages collapsed, and the viewer."""
    if answer is None:
        return '<div class="sources-empty">提问后，这里显示答案的出处。</div>'
    cards = [_citation_card(c, documents[c.doc_id], raw_url(documents[c.doc_id], c.page)) for c in answer.citations]
    cited = {(c.doc_id, c.start) for c in answer.citations}
    others = [p for p in answer.passages
              if not any(doc == p.doc_id and p.start <= start < p.end for doc, start in cited)]
    parts = ['<div class="sources">']
    if cards:
        parts.append("<h4>引用来源</h4>" + "".join(cards))
    else:
        parts.append('<div class="abstain-note">资料中没有找到答案。下面是最接近的段落，供核对：</div>')
    if others:
        items = "".join(
            f'<li><span class="score">{p.score:.4f}</span> <b>{html.escape(p.title)}</b>'
            f'{" · " + page_label(p.page) if p.page else ""}{_flag_note(p.flag) or "<br>"}'
            f'{html.escape(p.text)}</li>'
            for p in others)
        opened = "" if cards else " open"
        parts.append(f"<details{opened}><summary>其他检索到的段落（{len(others)}）</summary><ol>{items}</ol></details>")
    if answer.citations:
        parts.append('<div class="viewer"><h4>原文</h4>'
                     + "".join(_document_view(c, documents[c.doc_id]) for c in answer.citations) + "</div>")
    parts.append("</div>")
    return "".join(parts)


# Opens citation n in the viewer: from a [n] link in the chat or a button in the sources panel.
HEAD = """
<script>
(function () {
  function openCite(n) {
    var views = document.querySelectorAll('.doc-view');
    if (!views.length) return false;
    views.forEach(function (v) { v.hidden = (v.id !== 'view-' + n); });
    var mark = document.getElementById('hl-' + n);
    if (mark) { mark.scrollIntoView({block: 'center'}); mark.classList.add('flash'); }
    return true;
  }
  document.addEventListener('click', function (e) {
    var target = e.target.closest ? e.target.closest('[data-cite], a[href*="#cite-"]') : null;
    if (!target) return;
    var n = target.getAttribute('data-cite');
    if (!n) { var m = (target.getAttribute('href') || '').match(/#cite-(\\d+)/); n = m && m[1]; }
    if (n && openCite(n)) { e.preventDefault(); e.stopPropagation(); }
  }, true);
})();
</script>
"""

CSS = """
.sources { font-size: 14px; line-height: 1.6; }
.cite-card { border: 1px solid #ddd; border-radius: 8px; padding: 8px 10px; margin-bottom: 8px; }
.cite-meta { color: #666; font-size: 12px; }
.cite-open { cursor: pointer; border: none; background: #eef3ff; color: #1a56db; border-radius: 4px; padding: 0 6px; }
.cite-more { margin-top: 4px; font-size: 12px; }
mark { background: #ffe58a; padding: 0 1px; }
mark.flash { outline: 2px solid #f59e0b; }
.viewer .doc-text { white-space: pre-wrap; max-height: 420px; overflow-y: auto; border: 1px solid #eee; padding: 8px; }
.doc-title { font-weight: bold; margin: 4px 0; }
.abstain-note { color: #92400e; margin-bottom: 6px; }
.score { color: #888; font-family: monospace; }
.flag-note { color: #b91c1c; font-size: 12px; }
"""
