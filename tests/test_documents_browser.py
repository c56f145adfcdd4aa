"""The Documents page in a real Chromium: upload a document, ask a question it answers, open the citation,
delete the document with confirmation and see the answer go."""
import pytest

import app
from collection.live import LiveEngine
from collection.indexer import open_index
from qa.analysis import SENTENCE_ANALYSER
from qa.engine import Engine
from tests.test_browser import ARTIFACTS, CHROMIUM, FLAGS
from tests.test_collection import JILIN, encoder, settings  # noqa: F401  (fixtures)

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (make browser / scripts/install_browser.sh)")


def test_upload_ask_open_citation_delete_and_the_answer_goes(settings, encoder, tmp_path):  # noqa: F811
    playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    index = open_index(settings, encoder.inner, annotator=SENTENCE_ANALYSER)
    holder = LiveEngine(engine=Engine(settings, index, encoder.inner))
    url, server = app.start_server(app.create_app(holder, app.build_demo(holder)))
    upload = tmp_path / "吉林 产改 通报.txt"
    upload.write_text(JILIN, encoding="utf-8")
    try:
        with playwright_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)
            page.get_by_role("tab", name="资料管理").click()
            page.wait_for_function("document.querySelector('#collection-status').innerText.includes('共 5 份资料')",
                                   timeout=30_000)
            page.locator("#upload-files input[type=file]").set_input_files([str(upload)])
            page.locator('#upload-files td.filename[aria-label="吉林 产改 通报.txt"]').wait_for(timeout=30_000)
            page.locator("#upload-button").click()
            page.wait_for_function("document.querySelector('#upload-outcome').innerText.includes('passages')",
                                   timeout=120_000)
            assert "已加入 吉林 产改 通报.txt: indexed, 1 passages" in page.locator("#upload-outcome").inner_text()
            assert "吉林省总工会通报" in page.locator("#documents-table").inner_text()
            assert "共 6 份资料" in page.locator("#collection-status").inner_text()
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "browser-documents.png"), full_page=True)

            page.get_by_role("tab", name="问答").click()
            ask(page, "吉林高技能人才有多少")
            link = page.locator("#chat a[href*='#cite-1']").first
            link.wait_for(timeout=60_000)
            assert "88.6万人" in page.locator("#chat").inner_text()
            link.click()
            assert "88.6万人" in page.locator("#hl-1").inner_text()  # fetched on opening the citation
            assert "吉林省总工会通报" in page.locator("#view-1").inner_text()

            page.get_by_role("tab", name="资料管理").click()
            page.locator("#delete-pick input").click()
            page.get_by_role("option", name="吉林 产改 通报.txt").click()
            page.locator("#delete-button").click()
            page.locator("#delete-confirm").wait_for(timeout=10_000)
            assert "确定要删除" in page.locator("#delete-question").inner_text()
            page.locator("#delete-confirm").click()
            page.wait_for_function("document.querySelector('#upload-outcome').innerText.includes('removed')",
                                   timeout=120_000)
            assert "吉林省总工会通报" not in page.locator("#documents-table").inner_text()

            page.get_by_role("tab", name="问答").click()
            ask(page, "吉林高技能人才有多少")
            page.wait_for_function("document.querySelector('#chat').innerText.includes('没有找到')", timeout=60_000)
            browser.close()
    finally:
        server.should_exit = True
    assert not (settings.corpus_dir / "吉林 产改 通报.txt").exists()


def ask(page, question: str) -> None:
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
