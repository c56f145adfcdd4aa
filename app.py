"""ReformQA browser chat: ask, read the cited answer, open the exact sentence in its document.

Run `python app.py` (host and port: GRADIO_SERVER_NAME / GRADIO_SERVER_PORT). The index is loaded once at
start-up (built first when missing or stale); the chat function `respond(message, history)` holds no
retrieval or answering logic of its own. The Gradio app is mounted in a FastAPI app that adds one route:
`/documents/{doc_id}/file`, the original file of an indexed document, never served as active content.
"""
from __future__ import annotations

import logging
import threading
from urllib.parse import quote

import gradio as gr

from ui.render import CSS, GENERATING, HEAD, answer_footer, answer_markdown, escape_markdown, sources_html

log = logging.getLogger("reformqa.app")

EXAMPLES = ["黑龙江高技能人才多少", "山西和黑龙江的高技能人才分别是多少", "哪些省份在全国产改考核中获得优秀等次",
            "昆明有多少个职工书屋", "广东高技能人才多少"]
STREAM_STEP = 6  # characters per streamed update


class EngineHolder:
    """Loads the answerer once, on first use or at start-up, whichever comes first; shared by all sessions."""

    def __init__(self, settings=None, engine=None, answerer=None):
        self._settings = settings
        self._answerer = answerer
        if engine is not None and answerer is None:
            from qa.generated import Answerer

            self._answerer = Answerer.from_settings(engine)
        self._lock = threading.Lock()

    def answerer(self):
        with self._lock:
            if self._answerer is None:
                from core.config import Settings
                from qa.engine import Engine
                from qa.generated import Answerer

                engine = Engine.open(self._settings or Settings.from_env(), progress=True)
                self._answerer = Answerer.from_settings(engine)
            return self._answerer

    def get(self):
        """The engine (index, documents, settings)."""
        return self.answerer().engine


HOLDER = EngineHolder()


def raw_file_url(document, page: int | None = None) -> str | None:
    """The link to a document's original file (a PDF opens at `page`); None when it has no file."""
    if not document.path:
        return None
    anchor = f"#page={page}" if page and document.format == "pdf" else ""
    return f"/documents/{quote(document.doc_id, safe='')}/file{anchor}"


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
    panel = sources_html(final, engine.documents, raw_file_url)
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
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(height=520, label="对话", elem_id="chat",
                                     examples=[{"text": q} for q in EXAMPLES],
                                     placeholder="请输入问题，或点击下面的示例。")
                textbox = gr.Textbox(placeholder="例如：黑龙江高技能人才多少", submit_btn=True, show_label=False,
                                     elem_id="question", max_lines=4)
            with gr.Column(scale=2):
                gr.Markdown("### 出处")
                sources = gr.HTML(sources_html(None, {}), elem_id="sources")
        textbox.submit(add_question, [textbox, chatbot, asked], [textbox, chatbot, asked], queue=False) \
            .then(answer_question, [asked, chatbot], [chatbot, sources], concurrency_limit=4, api_name=False)
        chatbot.example_select(pick_example, [chatbot, asked], [textbox, chatbot, asked], queue=False) \
            .then(answer_question, [asked, chatbot], [chatbot, sources], concurrency_limit=4, api_name=False)
        gr.api(ask, api_name="ask", concurrency_limit=4)
    return demo


def create_app(holder: EngineHolder = HOLDER, demo: gr.Blocks | None = None):
    """The FastAPI app: the document route, with the Gradio chat mounted at /. Corpus files are not in
    Gradio's allowed paths, so the only way to a stored file is the route below."""
    from fastapi import FastAPI

    from ui.files import document_file_response

    api = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    @api.api_route("/documents/{doc_id}/file", methods=["GET", "HEAD"])
    def document_file(doc_id: str):
        engine = holder.get()
        return document_file_response(engine.documents.get(doc_id), engine.settings.corpus_dir)

    demo = demo or build_demo(holder)
    demo.queue(default_concurrency_limit=4)
    return gr.mount_gradio_app(api, demo, path="/", css=CSS, head=HEAD)


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
    from index.builder import IndexUnavailable

    setup_logging()
    try:
        HOLDER.get()  # load (or build) the index before serving, with progress on the console
    except SettingsError as exc:
        raise SystemExit(str(exc)) from None
    except (FileNotFoundError, RuntimeError, IndexUnavailable) as exc:  # no model, no documents, no index
        raise SystemExit(f"cannot start: {exc}") from None
    host = os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1")
    port = int(os.environ.get("GRADIO_SERVER_PORT", "7860"))
    print(f"ReformQA: http://{host}:{port}/", flush=True)
    uvicorn.run(create_app(HOLDER, demo), host=host, port=port, log_level="warning")
