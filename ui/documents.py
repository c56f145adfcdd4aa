"""The Documents page's pieces as plain data and escaped HTML: outcomes of an upload or delete, the table."""
from __future__ import annotations

import html

from collection.catalog import DocumentRow
from collection.indexer import FileOutcome

STATUS_LABELS = {
    "added": "已加入", "replaced": "已替换（内容有变）", "unchanged": "未变化", "removed": "已删除",
    "duplicate": "重复，未加入", "failed": "失败", "refused": "未接受", "skipped": "已跳过", "indexed": "已索引",
}
TABLE_HEADERS = ["文件", "状态", "标题", "发布者", "日期", "地区", "格式", "页数", "段落", "加入时间", "说明"]
ACCEPTED_TYPES = [".txt", ".md", ".pdf", ".docx", ".html", ".htm"]


def outcomes_html(outcomes: list[FileOutcome]) -> str:
    """One line per file: what happened and why, in the words the command line prints."""
    if not outcomes:
        return ""
    items = []
    for outcome in outcomes:
        good = outcome.status in ("added", "replaced", "unchanged", "removed")
        tone = "outcome-ok" if good else "outcome-bad"
        extra = "".join(f'<div class="outcome-note">⚠ {html.escape(note)}</div>' for note in outcome.notes)
        items.append(f'<li class="{tone}" data-status="{html.escape(outcome.status)}"><b>'
                     f'{html.escape(STATUS_LABELS.get(outcome.status, outcome.status))}</b> '
                     f'{html.escape(outcome.message)}{extra}</li>')
    return f'<ul class="outcomes">{"".join(items)}</ul>'


def table_rows(rows: list[DocumentRow]) -> list[list]:
    """Rows for the documents table (Gradio escapes cell text)."""
    return [[r.name, STATUS_LABELS.get(r.status, r.status), r.title, r.publisher, r.date, r.region, r.format,
             "" if r.pages is None else r.pages, r.passages if r.status == "indexed" else "", r.added, r.note]
            for r in rows]


def summary(documents: int, passages: int, status: str) -> str:
    """One line above the table: how many documents and passages, and whether an update is running."""
    state = {"ready": "索引已是最新", "updating": "正在后台更新索引（问答照常使用上次发布的索引）"}.get(
        status, f"索引更新失败：{status}")
    return f"共 {documents} 份资料，{passages} 个段落。{state}。"
