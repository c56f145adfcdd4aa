"""PDF, Word and saved web pages: each into the same cleaned display text, cited to the exact sentence (and
PDF page), with every broken or hostile file reported by name while the rest are indexed."""
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

import app
from core.config import PROJECT_ROOT, Settings
from ingest.loader import CorpusReadError, read_corpus_file
from ingest.pipeline import load_documents
from ingest.readers.pdf import unradical, unreadable_share
from tests.format_fixtures import (PDF_HTML, PDF_PAGE_TWO_SENTENCE, encrypt_pdf, print_pdf, scan_pdf, write_docx,
                                   write_gbk_html, zip_bomb_docx)


@pytest.fixture(scope="module")
def pdf_file(tmp_path_factory):
    return print_pdf(PDF_HTML, tmp_path_factory.mktemp("pdf") / "jilin-report.pdf")


@pytest.fixture(scope="module")
def format_corpus(tmp_path_factory, pdf_file):
    corpus = tmp_path_factory.mktemp("formats") / "corpus"
    corpus.mkdir()
    (corpus / "吉林 产改 通报.pdf").write_bytes(pdf_file.read_bytes())  # spaces and Chinese in the name
    write_docx(corpus / "gansu-skills.docx")
    write_gbk_html(corpus / "fujian-meeting.html")
    (corpus / "notes.txt").write_text("宁夏回族自治区总工会：宁夏建成职工书屋620家。宁夏产改持续推进。", encoding="utf-8")
    return corpus


@pytest.fixture(scope="module")
def format_engine(format_corpus, tmp_path_factory):
    from qa.engine import Engine

    settings = Settings.from_env({}, corpus_dir=format_corpus, index_dir=tmp_path_factory.mktemp("format-index"))
    return Engine.open(settings)


# -- extraction ------------------------------------------------------------------------------------------

def test_pdf_text_is_whole_in_order_with_pages_and_ordinary_characters(pdf_file):
    raw = read_corpus_file(pdf_file)
    extracted = raw.extracted
    assert extracted.format == "pdf" and extracted.page_count == 3
    assert extracted.title == "吉林省产业工人队伍建设改革情况通报"
    lines = extracted.text.split("\n")
    page_of = dict(zip(lines, extracted.line_pages))
    assert any(PDF_PAGE_TWO_SENTENCE in line and page_of[line] == 2 for line in lines)
    assert not any(0x2E80 <= ord(c) <= 0x2FDF for c in extracted.text), "radicals mapped to ideographs"
    assert "吉林省总工会 内部资料" not in extracted.text, "a running header repeated on every page is dropped"
    # A paragraph broken over lines by the layout is one line again, with no space inside the Chinese.
    assert any(line.startswith("为深入贯彻落实") and line.endswith("取得了阶段性成果。") for line in lines)


def test_radicals_and_unreadable_pages():
    assert unradical("⿊⻰江省产业⼯⼈") == "黑龙江省产业工人"
    assert unreadable_share("(cid:12)(cid:13)(cid:14)ab") > 0.5 and unreadable_share("黑龙江省") == 0
    assert unreadable_share("\ue000\ue001\ufffd字") == 0.75 and unreadable_share("") == 1.0


def test_every_format_becomes_clean_display_text(format_corpus):
    documents, errors = load_documents(format_corpus)
    by_id = {d.doc_id: d for d in documents}
    assert errors == [] and set(by_id) == {"吉林 产改 通报", "gansu-skills", "fujian-meeting", "notes"}
    pdf = by_id["吉林 产改 通报"]
    assert pdf.format == "pdf" and pdf.page_count == 3 and [p for _, p in pdf.pages] == [1, 2, 3]
    assert "- 2 -" not in pdf.text, "page numbers are removed by the cleaning rules"
    docx = by_id["gansu-skills"]
    assert docx.title == "甘肃省职工技能提升情况" and docx.source == "甘肃省总工会" and docx.pages == ()
    position = [docx.text.index(s) for s in ("职工技能水平持续提升", "职工书屋 | 1480家", "表格之后")]
    assert position == sorted(position), "paragraphs and table rows in body order"
    html = by_id["fujian-meeting"]
    assert html.title == "福建省总工会：产改工作推进会召开" and html.date == "2024-03-15"
    assert "860万人" in html.text and "福州召开" in html.text
    for junk in ("新闻中心", "相关新闻", "厦门举办职工技能大赛", "版权所有", "alert", "__pwned", "<"):
        assert junk not in html.text, junk


# -- answers cited to the exact sentence and page ----------------------------------------------------------

@pytest.mark.parametrize("question,figure,doc_id,page", [
    ("吉林高技能人才多少", "88.6万人", "吉林 产改 通报", 2),
    ("甘肃有多少家职工书屋", "1480家", "gansu-skills", None),
    ("福建技能人才总量是多少", "860万人", "fujian-meeting", None),
    ("宁夏建成了多少家职工书屋", "620家", "notes", None),
])
def test_each_format_answers_with_an_exact_citation(format_engine, question, figure, doc_id, page):
    answer = format_engine.ask(question)
    assert not answer.abstained and figure in answer.answer, answer.answer
    (citation,) = answer.citations
    document = format_engine.documents[citation.doc_id]
    assert citation.doc_id == doc_id and citation.page == page
    assert document.text[citation.start:citation.end] == citation.text and figure in citation.text


def test_json_contract_gains_page(format_engine):
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "REFORMQA_CORPUS_DIR": str(format_engine.settings.corpus_dir),
           "REFORMQA_INDEX_DIR": str(format_engine.settings.index_dir)}
    result = subprocess.run([sys.executable, "-m", "qa", "--json", "吉林高技能人才多少"], capture_output=True,
                            text=True, cwd=PROJECT_ROOT, env=env, timeout=300)
    row = json.loads(result.stdout)
    assert row["citations"][0]["page"] == 2 and "page" in row["passages"][0]
    assert "updating the index" not in result.stderr, "the index built in process is reused"


# -- bad input: each reported by name, nothing else lost ----------------------------------------------------

def test_bad_files_are_reported_by_name_and_the_rest_indexed(tmp_path, pdf_file):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("宁夏建成职工书屋620家。", encoding="utf-8")
    encrypt_pdf(pdf_file, corpus / "locked.pdf")
    (corpus / "truncated.pdf").write_bytes(pdf_file.read_bytes()[: len(pdf_file.read_bytes()) // 3])
    (corpus / "not-a-pdf.pdf").write_bytes(b"%PDF-1.7\n garbage that is no PDF at all")
    print_pdf('<html><body><svg width="400" height="300"><rect width="300" height="200"/></svg></body></html>',
              corpus / "scan.pdf")
    zip_bomb_docx(corpus / "bomb.docx")
    (corpus / "plain.docx").write_text("this is not a zip archive", encoding="utf-8")
    (corpus / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 old word")
    (corpus / "picture.png").write_bytes(b"\x89PNG\r\n")
    (corpus / ".notes.txt").write_text("宁夏建成职工书屋999家。", encoding="utf-8")
    documents, errors = load_documents(corpus)
    assert [d.doc_id for d in documents] == ["good"]
    expected = {
        "locked.pdf": "encrypted", "truncated.pdf": "not a readable PDF", "not-a-pdf.pdf": "not a readable PDF",
        "scan.pdf": "no text layer", "bomb.docx": "zip bomb", "plain.docx": "not a zip archive",
        "old.doc": "save it as .docx", "picture.png": "unsupported format", ".notes.txt": "hidden file",
    }
    for name, reason in expected.items():
        assert any(line.startswith(f"{name}: ") and reason in line for line in errors), (name, errors)
    assert len(errors) == len(expected)


def test_a_scanned_page_inside_a_pdf_is_reported_by_number(tmp_path):
    html = PDF_HTML.replace('<div class="page"><div class="head">吉林省总工会 内部资料</div>\n<p>下一步',
                            '<div class="page"><svg width="400" height="300"><rect width="300" height="200"/>'
                            '</svg></div><div class="page"><p>下一步')
    raw = read_corpus_file(print_pdf(html, tmp_path / "mixed.pdf"))
    (note,) = raw.extracted.notes
    assert note.startswith("mixed.pdf: 1 of 4 pages have no usable text layer") and "pages 3" in note
    assert "REFORMQA_OCR" in note and PDF_PAGE_TWO_SENTENCE in raw.text


def test_scanned_pdf_is_read_by_ocr_when_turned_on(tmp_path, pdf_file):
    pytest.importorskip("rapidocr_onnxruntime", reason="OCR is optional: make install-ocr")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    scan_pdf(pdf_file, corpus / "scanned.pdf")
    documents, errors = load_documents(corpus)
    assert documents == [] and "no text layer" in errors[0] and "REFORMQA_OCR=1" in errors[0]
    (document,), (note,) = load_documents(corpus, ocr=True)
    assert "3 of 3 pages" in note and "read by OCR" in note
    start = document.text.index("88.6万人")
    assert dict(document.pages) and max(p for s, p in document.pages if s <= start) == 2
    assert "吉林省高技能人才达到88.6万人" in document.text.replace(" ", "")


def test_unsupported_or_broken_file_alone_is_a_clear_error(tmp_path):
    path = tmp_path / "x.docx"
    zip_bomb_docx(path)
    with pytest.raises(CorpusReadError, match=r"^x\.docx: refused"):
        read_corpus_file(path)


# -- serving files --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def format_server(format_engine):
    corpus = format_engine.settings.corpus_dir
    (corpus / "evil.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', encoding="utf-8")
    url, running = app.start_server(app.create_app(app.EngineHolder(engine=format_engine)))
    yield url
    running.should_exit = True
    (corpus / "evil.svg").unlink()


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.headers, response.read()  # headers: case-insensitive


def test_files_are_served_only_for_indexed_documents_and_never_as_active_content(format_server, format_engine):
    base = format_server.rstrip("/")
    documents = format_engine.documents
    status, headers, body = fetch(base + app.raw_file_url(documents["fujian-meeting"]))
    assert headers["Content-Disposition"].startswith("attachment") and headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Type"] == "application/octet-stream" and "sandbox" in headers["Content-Security-Policy"]
    status, headers, body = fetch(base + app.raw_file_url(documents["吉林 产改 通报"], 2))
    assert headers["Content-Type"] == "application/pdf" and body.startswith(b"%PDF")
    assert headers["Content-Disposition"].startswith("inline") and headers["X-Content-Type-Options"] == "nosniff"
    status, headers, body = fetch(base + app.raw_file_url(documents["notes"]))
    assert headers["Content-Type"].startswith("text/plain") and "620家" in body.decode("utf-8")
    corpus = format_engine.settings.corpus_dir
    for path in ("/documents/evil/file", "/documents/..%2F..%2Fetc%2Fpasswd/file",
                 f"/gradio_api/file={corpus / 'evil.svg'}", f"/gradio_api/file={corpus / 'fujian-meeting.html'}"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            fetch(base + path)
        assert refused.value.code in (403, 404), path


def test_pdf_link_opens_at_the_cited_page(format_engine):
    assert app.raw_file_url(format_engine.documents["吉林 产改 通报"], 2).endswith("/file#page=2")
    assert "#page" not in app.raw_file_url(format_engine.documents["notes"], None)


# -- in a real browser --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser_page():
    from tests.test_browser import CHROMIUM as BROWSER, FLAGS

    if BROWSER is None:
        pytest.skip("Debian's chromium is not installed (make browser / scripts/install_browser.sh)")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=BROWSER, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 950}, accept_downloads=True)
        yield page
        browser.close()


def test_browser_opens_a_pdf_citation_at_its_page(format_server, browser_page):
    page = browser_page
    page.goto(format_server)
    box = page.locator("#question textarea")
    box.wait_for(timeout=30_000)
    box.fill("吉林高技能人才多少")
    box.press("Enter")
    link = page.locator("#chat a[href*='#cite-1']").first
    link.wait_for(timeout=60_000)
    assert "88.6" in page.locator("#chat").inner_text()
    card = page.locator("#card-1")
    assert "第 2 页" in card.inner_text()
    assert card.locator("a.raw-link").get_attribute("href").endswith("/file#page=2")
    link.click()
    view = page.locator("#view-1")
    view.wait_for(state="visible", timeout=10_000)
    assert "第 2 页" in view.locator(".doc-title").inner_text()
    assert page.locator("#hl-1").inner_text() == PDF_PAGE_TWO_SENTENCE


def test_browser_never_renders_a_corpus_html_file_from_the_app_origin(format_server, format_engine, browser_page):
    page = browser_page
    page.goto(format_server)
    page.locator("#question textarea").wait_for(timeout=30_000)
    url = format_server.rstrip("/") + app.raw_file_url(format_engine.documents["fujian-meeting"])
    with page.expect_download(timeout=30_000) as download:
        page.evaluate("u => { const a = document.createElement('a'); a.href = u; document.body.append(a); a.click(); }",
                      url)
    assert download.value.suggested_filename == "fujian-meeting.html"
    assert page.url == format_server and page.evaluate("window.__pwned === undefined")
    corpus_file = format_engine.settings.corpus_dir / "fujian-meeting.html"
    response = page.goto(format_server.rstrip("/") + f"/gradio_api/file={corpus_file}")
    assert response.status in (403, 404) and page.evaluate("window.__pwned === undefined")
