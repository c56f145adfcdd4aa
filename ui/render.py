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


def _document_view(c: Citation, document: Document, text_url) -> str:
    """An empty viewer for citation n: the browser fetches the document text around the span when it opens
    (see `document_window`), so an answer never carries whole documents."""
    source = text_url(document, c) if text_url else None
    return (
        f'<div class="doc-view" id="view-{c.n}" data-doc="{html.escape(document.doc_id)}" '
        f'data-n="{c.n}" data-src="{html.escape(source or "")}" hidden>'
        f'<div class="doc-title">[{c.n}] {html.escape(document.title)}'
        f'{" · " + page_label(c.page) if c.page else ""}</div>'
        f'<div class="doc-text">正在载入原文……</div></div>'
    )


def sources_html(answer: Answer, documents: dict[str, Document], raw_url=lambda doc, page=None: None,
                 text_url=None) -> str:
    """The sources panel: a card per citation (the passage and a window around it), the other retrieved
    passages collapsed, and the viewer, which loads the document from `text_url(document, citation)`."""
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
                     + "".join(_document_view(c, documents[c.doc_id], text_url) for c in answer.citations) + "</div>")
    parts.append("</div>")
    return "".join(parts)


# Opens citation n in the viewer: from a [n] link in the chat or a button in the sources panel. The text is
# fetched on first open and put into the page with textContent only: document text never becomes markup.
HEAD = """
<script>
(function () {
  function show(view, n) {
    var mark = document.getElementById('hl-' + n);
    if (mark) { mark.scrollIntoView({block: 'center'}); mark.classList.add('flash'); }
  }
  function fill(view, n, data) {
    var box = view.querySelector('.doc-text');
    box.textContent = '';
    if (data.omitted_before) {
      var head = document.createElement('div'); head.className = 'omitted';
      head.textContent = '……（前文 ' + data.omitted_before + ' 字未显示，见原始文件）'; box.appendChild(head);
    }
    box.appendChild(document.createTextNode(data.before));
    var mark = document.createElement('mark'); mark.className = 'cited'; mark.id = 'hl-' + n;
    mark.textContent = data.cited; box.appendChild(mark);
    box.appendChild(document.createTextNode(data.after));
    if (data.omitted_after) {
      var tail = document.createElement('div'); tail.className = 'omitted';
      tail.textContent = '……（后文 ' + data.omitted_after + ' 字未显示，见原始文件）'; box.appendChild(tail);
    }
  }
  function openCite(n) {
    var views = document.querySelectorAll('.doc-view');
    if (!views.length) return false;
    var view = document.getElementById('view-' + n);
    views.forEach(function (v) { v.hidden = (v !== view); });
    if (!view) return true;
    if (view.dataset.loaded) { show(view, n); return true; }
    fetch(view.dataset.src).then(function (r) {
      if (!r.ok) throw new Error(r.status === 404 ? '该文件已不在资料库中。' : '原文载入失败。');
      return r.json();
    }).then(function (data) {
      fill(view, n, data); view.dataset.loaded = '1'; show(view, n);
    }).catch(function (e) { view.querySelector('.doc-text').textContent = e.message; });
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
.omitted { color: #888; font-size: 12px; margin: 4px 0; }
.outcome-ok { color: #166534; } .outcome-bad { color: #b91c1c; } .outcome-note { color: #92400e; }
"""


WINDOW_CHARS = 20_000  # text sent to the viewer on each side of a cited span in a long document


def document_window(document: Document, start: int, end: int, window: int = WINDOW_CHARS) -> dict:
    """The text the viewer shows for a span: the whole document when it is short, else the pages the span
    lies on (paged formats) or `window` characters either side, cut at paragraph breaks. Plain strings:
    the browser inserts them as text, never as markup."""
    text = document.text
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    low, high = 0, len(text)
    if len(text) > 3 * window:
        if document.pages:
            low, high = _page_bounds(document, start, end)
        if high - low > 3 * window or not document.pages:
            low, high = max(0, start - window), min(len(text), end + window)
            low = text.rfind("\n\n", 0, low) + 2 if low > 0 and text.rfind("\n\n", 0, low) >= 0 else low
            cut = text.find("\n\n", high)
            high = cut if cut >= 0 else high
    return {"doc_id": document.doc_id, "title": document.title, "before": text[low:start],
            "cited": text[start:end], "after": text[end:high], "omitted_before": low,
            "omitted_after": len(text) - high, "length": len(text)}


def _page_bounds(document: Document, start: int, end: int) -> tuple[int, int]:
    """From the start of the page holding `start` to the end of the page holding `end`."""
    starts = [offset for offset, _ in document.pages]
    low = max([o for o in starts if o <= start], default=0)
    high = min([o for o in starts if o >= end], default=len(document.text))
    return low, high
