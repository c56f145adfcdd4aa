"""ReformQA browser chat: ask, read the cited answer, open the exact sentence in its document.

Run `python app.py` (host and port: GRADIO_SERVER_NAME / GRADIO_SERVER_PORT). At start-up the last published
index is served at once; a stale one is brought up to date in the background (a missing one is built first).
The chat function `respond(message, history)` holds no retrieval or answering logic of its own; the
Documents tab adds, replaces and deletes documents through `collection`, like `python -m ingest`. The Gradio
app is mounted in a FastAPI app that adds two routes: `/documents/{doc_id}/file`, the original file of an
indexed document, never served as active content, and `/documents/{doc_id}/text`, the cleaned text around a
cited span for the viewer.
"""
from __future__ import annotations

import html
import logging
import threading
from urllib.parse import quote

import gradio as gr

from collection.live import LiveEngine
from ui.render import CSS, GENERATING, HEAD, answer_footer, answer_markdown, escape_markdown, sources_html

log = logging.getLogger("reformqa.app")

EXAMPLES = ["黑龙江高技能人才多少", "山西和黑龙江的高技能人才分别是多少", "哪些省份在全国产改考核中获得优秀等次",
            "昆明有多少个职工书屋", "广东高技能人才多少"]
STREAM_STEP = 6  # characters per streamed update


EngineHolder = LiveEngine  # the name the tests and older callers use
HOLDER = EngineHolder()


def raw_file_url(document, page: int | None = None) -> str | None:
    """The link to a document's original file (a PDF opens at `page`); None when it has no file."""
    if not document.path:
        return None
    anchor = f"#page={page}" if page and document.format == "pdf" else ""
    return f"/documents/{quote(document.doc_id, safe='')}/file{anchor}"


def text_url(document, citation) -> str:
    """Where the viewer fetches the cleaned text around a citation (loaded when the citation is opened)."""
    return f"/documents/{quote(document.doc_id, safe='')}/text?start={citation.start}&end={citation.end}"


def respond(message: str, history: list | None = None, holder: EngineHolder = HOLDER, previous: str | None = None):
    """Chat function: yields (growing answer markdown, sources panel HTML).

    `previous` is the user's previous question, for follow-ups such as "昆明呢".
    """
    from qa.engine import QuestionError
    from qa.followup import resolve_followup

    answerer = holder.answerer()
    engine = answerer.engine
    typed = message.strip() if isinstance(message, str) else ""
    question = resolve_followup(typed, previous) if typed else message
    understood = f"*按“{escape_markdown(question)}”理解：*\n\n" if typed and question != typed else ""
    try:
        final = None
        for event in answerer.stream(question):
            if event.kind == "token":  # generated text as it arrives; verified before it is final
                yield understood + escape_markdown(event.text) + " ▌", GENERATING
            else:
                final = event.answer
    except QuestionError as exc:
        yield str(exc), sources_html(None, {})
        return
    except Exception:  # never a traceback on the page; the console gets it
        log.exception("failed to answer %r", message[:200] if isinstance(message, str) else message)
        yield "抱歉，回答时出错了，请换个问法再试。", sources_html(None, {})
        return
    panel = sources_html(final, engine.documents, raw_file_url, text_url)
    if final.mode == "extractive" and not final.warnings:
        for upto in range(STREAM_STEP, len(final.answer), STREAM_STEP):
            yield understood + answer_markdown(final, upto), panel
    yield understood + answer_markdown(final) + answer_footer(final), panel


def build_demo(holder: EngineHolder = HOLDER) -> gr.Blocks:
    """The Gradio app: chat on the left, sources and the document viewer on the right.

    The user's own message is escaped before it is shown (Gradio would render it as HTML/Markdown).
    """

    def add_question(message: str, history: list, asked: list):
        shown = escape_markdown(message) if isinstance(message, str) and message.strip() else "（空问题）"
        return "", history + [{"role": "user", "content": shown}], asked + [message]

    def answer_question(asked: list, history: list):
        previous = asked[-2] if len(asked) > 1 else None
        for text, panel in respond(asked[-1], history, holder, previous):
            yield history + [{"role": "assistant", "content": text}], panel

    def pick_example(event: gr.SelectData, history: list, asked: list):
        return add_question(event.value["text"], history, asked)

    def ask(question: str) -> tuple[str, str]:
        """One question, no history: the final answer (Markdown) and the sources panel (HTML)."""
        *_, last = respond(question, [], holder)
        return last

    with gr.Blocks(title="ReformQA 产改问答") as demo:
        gr.Markdown("## ReformQA 产业工人队伍建设改革问答\n答案均摘自资料原文，点击 [1] 等标记查看出处与原文定位。")
        asked = gr.State([])  # the raw questions of this session, for follow-ups
        with gr.Tabs():
            with gr.Tab("问答", id="chat-tab"):
                with gr.Row():
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(height=520, label="对话", elem_id="chat",
                                             examples=[{"text": q} for q in EXAMPLES],
                                             placeholder="请输入问题，或点击下面的示例。")
                        textbox = gr.Textbox(placeholder="例如：黑龙江高技能人才多少", submit_btn=True,
                                             show_label=False, elem_id="question", max_lines=4)
                    with gr.Column(scale=2):
                        gr.Markdown("### 出处")
                        sources = gr.HTML(sources_html(None, {}), elem_id="sources")
            with gr.Tab("资料管理", id="documents-tab", elem_id="documents-tab") as documents_tab:
                fill_documents_page, documents_outputs = build_documents_page(holder)
        documents_tab.select(fill_documents_page, None, documents_outputs, queue=False, api_name=False)
        textbox.submit(add_question, [textbox, chatbot, asked], [textbox, chatbot, asked], queue=False) \
            .then(answer_question, [asked, chatbot], [chatbot, sources], concurrency_limit=4, api_name=False)
        chatbot.example_select(pick_example, [chatbot, asked], [textbox, chatbot, asked], queue=False) \
            .then(answer_question, [asked, chatbot], [chatbot, sources], concurrency_limit=4, api_name=False)
        gr.api(ask, api_name="ask", concurrency_limit=4)
    return demo


def build_documents_page(holder: EngineHolder):
    """The Documents tab: upload, the outcome of each file, the table of documents, delete with confirmation.

    Uploads and deletes go through the same functions as `python -m ingest add/remove`; the chat keeps
    answering from the published index while they run and answers from the new one once it is published.
    Returns the function that fills the page and the components it fills (for loading and tab changes).
    """
    from collection.catalog import catalog
    from ui.documents import ACCEPTED_TYPES, TABLE_HEADERS, outcomes_html, summary, table_rows

    def status_line():
        index = holder.get().index
        return summary(len(index.documents), len(index.chunks), holder.status)

    def current():
        rows = catalog(holder.get().index)
        names = [r.name for r in rows if r.status == "indexed"]
        return (status_line(), table_rows(rows), gr.update(choices=names, value=None))

    def upload(files, progress=gr.Progress(track_tqdm=True)):
        from pathlib import Path

        paths = [Path(f if isinstance(f, str) else f.name) for f in (files or [])]
        if not paths:
            return ("<p>请先选择要上传的文件。</p>", *current(), None)
        try:
            result = holder.add([(p.name, p) for p in paths], progress=True)
        except Exception as exc:  # the index folder cannot be written, say; nothing was changed
            log.exception("upload failed")
            return (f"<p class='outcome-bad'>上传失败：{html.escape(str(exc))}</p>", *current(), None)
        return (outcomes_html(list(result.outcomes)), *current(), None)

    def ask_to_delete(name):
        if not name:
            return gr.update(value="请先在列表中选择要删除的文件。", visible=True), gr.update(visible=False)
        return (gr.update(value=f"确定要删除 **{escape_markdown(name)}** 吗？删除后它不再出现在答案中。", visible=True),
                gr.update(visible=True))

    def delete(name, progress=gr.Progress(track_tqdm=True)):
        hidden = gr.update(visible=False)
        if not name:
            return ("", *current(), hidden, hidden)
        try:
            result = holder.remove([name], progress=True)
        except Exception as exc:
            log.exception("delete failed")
            return (f"<p class='outcome-bad'>删除失败：{html.escape(str(exc))}</p>", *current(), hidden, hidden)
        return (outcomes_html(list(result.outcomes)), *current(), hidden, hidden)

    def rescan(progress=gr.Progress(track_tqdm=True)):
        try:
            report = holder.refresh(progress=True)
        except Exception as exc:
            log.exception("rescan failed")
            return (f"<p class='outcome-bad'>更新失败：{html.escape(str(exc))}</p>", *current())
        changed = [o for o in report.outcomes if o.status != "unchanged"]
        return (outcomes_html(changed) or "<p>资料文件夹没有变化。</p>", *current())

    gr.Markdown("上传的文件保存到资料文件夹（corpus/），与命令行 `python -m ingest` 共用。"
                f"支持 {' '.join(ACCEPTED_TYPES)}，单个文件不超过 {_limit_mb(holder):g} MB。")
    status = gr.Markdown(elem_id="collection-status")
    with gr.Row():
        files = gr.File(label="选择文件（可多选）", file_count="multiple", file_types=ACCEPTED_TYPES,
                        height=140, elem_id="upload-files")
    with gr.Row():
        upload_button = gr.Button("上传并建立索引", variant="primary", elem_id="upload-button")
        rescan_button = gr.Button("重新扫描资料文件夹", elem_id="rescan-button")
    outcome = gr.HTML(elem_id="upload-outcome")
    table = gr.Dataframe(headers=TABLE_HEADERS, interactive=False, wrap=True, elem_id="documents-table")
    with gr.Row():
        pick = gr.Dropdown(label="要删除的文件", choices=[], elem_id="delete-pick", scale=3)
        delete_button = gr.Button("删除…", variant="stop", elem_id="delete-button", scale=1)
    confirm_text = gr.Markdown(visible=False, elem_id="delete-question")
    with gr.Row(visible=False) as confirm_row:
        confirm_button = gr.Button("确认删除", variant="stop", elem_id="delete-confirm")
        cancel_button = gr.Button("取消", elem_id="delete-cancel")

    gr.Timer(5).tick(status_line, None, [status], queue=False, api_name=False)  # a background update finishing
    upload_button.click(upload, [files], [outcome, status, table, pick, files], concurrency_limit=1,
                        api_name=False)
    rescan_button.click(rescan, None, [outcome, status, table, pick], concurrency_limit=1, api_name=False)
    delete_button.click(ask_to_delete, [pick], [confirm_text, confirm_row], queue=False, api_name=False)
    cancel_button.click(lambda: (gr.update(visible=False), gr.update(visible=False)), None,
                        [confirm_text, confirm_row], queue=False, api_name=False)
    confirm_button.click(delete, [pick], [outcome, status, table, pick, confirm_text, confirm_row],
                         concurrency_limit=1, api_name=False)
    return current, [status, table, pick]


def _limit_mb(holder: EngineHolder) -> float:
    from core.config import Settings, SettingsError

    try:
        return holder.settings.max_file_mb
    except SettingsError:  # reported with every other wrong setting when the server starts
        return Settings.max_file_mb


def create_app(holder: EngineHolder = HOLDER, demo: gr.Blocks | None = None):
    """The FastAPI app: the document route, with the Gradio chat mounted at /. Corpus files are not in
    Gradio's allowed paths, so the only way to a stored file is the route below."""
    from fastapi import FastAPI

    from ui.files import document_file_response
    from ui.render import document_window

    api = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    @api.api_route("/documents/{doc_id}/file", methods=["GET", "HEAD"])
    def document_file(doc_id: str):
        engine = holder.get()
        return document_file_response(engine.documents.get(doc_id), engine.settings.corpus_dir)

    @api.get("/documents/{doc_id}/text")
    def document_text(doc_id: str, start: int = 0, end: int = 0):
        """The cleaned text around a span, as JSON strings (the viewer inserts them as text)."""
        from fastapi import HTTPException

        document = holder.get().documents.get(doc_id)
        if document is None:
            raise HTTPException(status_code=404, detail="no such document")
        return document_window(document, start, end)

    demo = demo or build_demo(holder)
    demo.queue(default_concurrency_limit=4)
    return gr.mount_gradio_app(api, demo, path="/", css=CSS, head=HEAD,
                               max_file_size=int(_limit_mb(holder) * 1024 * 1024))


def start_server(app, host: str = "127.0.0.1", port: int = 0):
    """Serve `app` from a background thread; returns (url, server). Port 0 picks a free port."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError(f"the server could not start on {host}:{port}")
        thread.join(0.05)
    bound = server.servers[0].sockets[0].getsockname()[1]
    return f"http://{host}:{bound}/", server


demo = build_demo()

if __name__ == "__main__":
    import os

    import uvicorn

    from core.config import SettingsError
    from core.logs import setup_logging
    from collection.indexer import IndexUnavailable

    setup_logging()
    try:
        HOLDER.start()  # serve the last published index at once; a stale one is updated in the background
    except SettingsError as exc:
        raise SystemExit(str(exc)) from None
    except (FileNotFoundError, RuntimeError, IndexUnavailable) as exc:  # no model, no documents, no index
        raise SystemExit(f"cannot start: {exc}") from None
    host = os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1")
    port = int(os.environ.get("GRADIO_SERVER_PORT", "7860"))
    print(f"ReformQA: http://{host}:{port}/", flush=True)
    uvicorn.run(create_app(HOLDER, demo), host=host, port=port, log_level="warning")
