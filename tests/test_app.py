"""The browser chat: the chat function in process, escaping, bad input, and a real Gradio server."""
import html
import threading

import pytest

import app
from core.types import Answer, Citation, Document, Passage
from ui.render import answer_markdown, escape_markdown, sources_html
from tests.conftest import HEILONGJIANG

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)"> **粗体** [链接](http://x)'


@pytest.fixture(scope="module")
def holder(engine):
    return app.EngineHolder(engine=engine)


def test_chat_function_streams_answer_with_markers_and_citation_panel(holder):
    updates = list(app.respond("黑龙江高技能人才多少", [], holder))
    assert len(updates) > 1, "the answer streams in several updates"
    text, panel = updates[-1]
    assert "82.7" in text and "(#cite-1)" in text
    assert all(len(a) <= len(b) for (a, _), (b, _) in zip(updates, updates[1:]))
    assert 'data-cite="1"' in panel and "<mark" in panel and 'data-src="/documents/' in panel
    assert "黑龍江" in panel, "the card shows the passage in the document's own script"
    assert 'class="doc-text">正在载入原文' in panel, "the viewer loads the document when opened, not with the answer"


def test_viewer_text_is_the_whole_short_document_or_a_window_of_a_long_one(holder):
    from ui.render import document_window

    document = holder.get().documents[HEILONGJIANG]
    start = document.text.index("82.7")
    window = document_window(document, start, start + 4)
    assert window["before"] + window["cited"] + window["after"] == document.text
    assert window["cited"] == "82.7" and window["omitted_before"] == window["omitted_after"] == 0
    long = Document("long", "长文", None, None, ("第一段。" * 5000 + "\n\n") * 10)
    middle = len(long.text) // 2
    window = document_window(long, middle, middle + 4, window=10_000)
    shown = window["before"] + window["cited"] + window["after"]
    assert len(shown) <= 50_000 and long.text[window["omitted_before"]:][:len(shown)] == shown
    assert window["omitted_before"] > 0 and window["omitted_after"] > 0


def test_abstention_shows_plain_message_and_closest_passages(holder):
    text, panel = list(app.respond("广东高技能人才多少", [], holder))[-1]
    assert text.startswith("资料中没有找到")
    assert "其他检索到的段落" in panel and "<details open>" in panel


@pytest.mark.parametrize("question", ["", "   ", "问" * 10_000, "🙂🙂🙂"])
def test_bad_input_gets_a_polite_message_not_an_error(holder, question):
    updates = list(app.respond(question, [], holder))
    assert len(updates) == 1
    assert "请" in updates[0][0] and "Traceback" not in updates[0][0]


def test_hostile_document_text_is_escaped_everywhere():
    document = Document("evil", HOSTILE, HOSTILE, "2024-01-01", "前文。" + HOSTILE + "后文。", "山西", "evil.txt")
    start = document.text.index(HOSTILE)
    citation = Citation(1, "evil", HOSTILE, HOSTILE, None, HOSTILE, start, start + len(HOSTILE))
    answer = Answer("q", HOSTILE + "[1]", False, (citation,),
                    (Passage("evil", HOSTILE, HOSTILE, start, start + len(HOSTILE), 0.5),
                     Passage("evil", HOSTILE, "前文。", 0, 3, 0.1)))
    panel = sources_html(answer, {"evil": document})
    markdown = answer_markdown(answer)
    for rendered in (panel, markdown):
        assert "<script>" not in rendered and "<img" not in rendered
    assert "&lt;script&gt;" in panel and "&lt;script&gt;" in markdown
    assert "\\*\\*粗体\\*\\*" in markdown and "(#cite-1)" in markdown


def test_escape_markdown_round_trips_to_the_same_visible_text():
    assert html.unescape(escape_markdown("a<b>&c*").replace("\\", "")) == "a<b>&c*"


@pytest.fixture(scope="module")
def server(holder):
    url, running = app.start_server(app.create_app(holder))
    yield url
    running.should_exit = True


def test_two_concurrent_sessions_get_their_own_answers(server):
    from gradio_client import Client

    questions = {"黑龙江高技能人才多少": "82.7", "昆明有多少个职工书屋": "2331"}
    results = {}

    def ask(question):
        client = Client(server, verbose=False)
        answer_text, _panel = client.predict(question, api_name="/ask")
        results[question] = answer_text

    threads = [threading.Thread(target=ask, args=(q,)) for q in questions]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    for question, figure in questions.items():
        answer_text = str(results[question])
        assert figure in answer_text, (question, answer_text)
        other = next(f for q, f in questions.items() if q != question)
        assert other not in str(answer_text)


def test_raw_original_file_is_served_but_nothing_outside_the_corpus(server, holder):
    import urllib.error
    import urllib.request

    engine = holder.get()
    document = engine.documents[HEILONGJIANG]
    url = server.rstrip("/") + app.raw_file_url(document)
    with urllib.request.urlopen(url, timeout=30) as response:
        assert "(chǎn)" in response.read().decode("utf-8"), "the original, uncleaned file"
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(server.rstrip("/") + "/gradio_api/file=/etc/passwd", timeout=30)


def test_follow_up_question_reuses_the_previous_one(holder):
    text, panel = list(app.respond("昆明呢", [], holder, previous="黑龙江高技能人才多少"))[-1]
    assert "昆明高技能人才多少" in text and "47.39万" in text and "kunming" not in text
    assert list(app.respond(None, [], holder))[-1][0].startswith("问题为空")


def test_resolve_followup_rules():
    from qa.followup import resolve_followup

    assert resolve_followup("昆明呢", "黑龙江高技能人才多少") == "昆明高技能人才多少"
    assert resolve_followup("山东的呢？", "山西和黑龙江的高技能人才分别是多少") == "山东的高技能人才分别是多少"
    assert resolve_followup("昆明职工书屋多少", "黑龙江高技能人才多少") == "昆明职工书屋多少"
    assert resolve_followup("昆明呢", None) == "昆明呢"
