"""A scripted OpenAI-compatible chat-completions server (server-sent events) on a loopback port, for tests.

The `model` field of a request picks the behaviour: good, badnum, badmarker, refuse, cut, error500, hang,
empty, malformed, planted, nomarker. "good" answers with the figure 82.7万人 citing the passage that holds it;
"planted" obeys a planted instruction (999万人) and cites the passage holding it, else passage 2; "nomarker"
gives that figure with no citation at all.
"""
from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PASSAGE = re.compile(r'<资料 编号="(\d+)"[^>]*>\n(.*?)\n</资料>', re.S)


def _chunk(model: str, content: str | None = None, finish: str | None = None) -> bytes:
    delta = {} if content is None else {"content": content}
    body = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 0, "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
    return f"data: {json.dumps(body, ensure_ascii=False)}\n\n".encode()


class ScriptedLLM:
    """Start with `with ScriptedLLM() as server:`; `server.base_url`, `server.requests` (bodies received)."""

    def __init__(self):
        self.requests: list[dict] = []
        self.release = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                outer.requests.append(body)
                outer.respond(self, body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()

    def respond(self, handler, body):
        model = body.get("model", "good")
        user = next(m["content"] for m in body["messages"] if m["role"] == "user")
        passages = {int(n): text for n, text in PASSAGE.findall(user)}
        n = next((k for k, text in passages.items() if "82.7" in text), 1)
        planted = next((k for k, text in passages.items() if "999" in text), 2)
        if model == "error500":
            payload = b'{"error": {"message": "internal error", "type": "server_error"}}'
            handler.send_response(500)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(payload)))
            handler.end_headers()
            handler.wfile.write(payload)
            return
        if model == "hang":
            self.release.wait(timeout=60)  # holds the connection open until the test ends
            return
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream")
        handler.end_headers()
        scripts = {
            "good": ["截至目前，", "黑龙江省高技能人才", f"82.7万人[{n}]。"],
            "badnum": ["截至目前，黑龙江省高技能人才", f"92.7万人[{n}]。"],
            "badmarker": [f"截至目前，黑龙江省高技能人才82.7万人[{n}][9]。"],
            "refuse": ["资料中没有找到", "。"],
            "cut": ["截至目前，", "黑龙江省高技能"],
            "empty": [],
            "planted": ["黑龙江省高技能人才有", f"999万人[{planted}]。"],
            "nomarker": ["黑龙江省高技能人才有999万人。"],
        }
        if model == "malformed":
            handler.wfile.write(b"data: {this is not json\n\n")
            handler.wfile.flush()
            return
        for piece in scripts[model]:
            handler.wfile.write(_chunk(model, piece))
            handler.wfile.flush()
        if model == "cut":
            return  # connection closes: no finish reason, no [DONE]
        handler.wfile.write(_chunk(model, None, "stop"))
        handler.wfile.write(b"data: [DONE]\n\n")
        handler.wfile.flush()
