"""A real browser (Debian's Chromium driven by Playwright) against the real app on a loopback port."""
import shutil
from pathlib import Path

import pytest

from core.config import PROJECT_ROOT
from tests.test_app import holder, server  # noqa: F401  (module fixtures reused: one engine, one server)

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
ARTIFACTS = PROJECT_ROOT / "artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (make browser / scripts/install_browser.sh)")


@pytest.fixture(scope="module")
def page():
    playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 950})
        yield page
        browser.close()


def test_ask_click_citation_and_see_highlighted_sentence(server, page):  # noqa: F811
    page.goto(server)
    page.get_by_text("黑龙江高技能人才多少").first.wait_for(timeout=30_000)  # example questions on first load
    box = page.locator("#question textarea")
    box.fill("黑龙江高技能人才多少")
    box.press("Enter")
    link = page.locator("#chat a[href*='#cite-1']").first
    link.wait_for(timeout=60_000)
    bot_text = page.locator("#chat").inner_text()
    assert "82.7" in bot_text
    link.click()
    view = page.locator("#view-1")
    view.wait_for(state="visible", timeout=10_000)
    assert "黑龍江省總工會" in view.inner_text(), "the viewer shows the Heilongjiang document in its own script"
    mark = page.locator("#hl-1")
    assert "82.7" in mark.inner_text()
    assert mark.evaluate("el => { const r = el.getBoundingClientRect(); const c = el.closest('.doc-text')"
                         ".getBoundingClientRect(); return r.top >= c.top - 1 && r.bottom <= c.bottom + 1; }"), \
        "the highlighted span is scrolled into view inside the viewer"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "browser-answer.png"), full_page=True)


def test_hostile_question_is_shown_as_text_not_run(server, page):  # noqa: F811
    page.goto(server)
    page.locator("#question textarea").wait_for(timeout=30_000)
    page.evaluate("window.__pwned = false")
    box = page.locator("#question textarea")
    box.fill('<img src=x onerror="window.__pwned=true">山西高技能人才多少')
    box.press("Enter")
    page.wait_for_function("document.querySelector('#chat').innerText.includes('资料')", timeout=60_000)
    assert page.evaluate("window.__pwned") is False
    assert page.locator("#chat img[src='x']").count() == 0
    assert '<img src=x onerror="window.__pwned=true">' in page.locator("#chat").inner_text(), "shown as text"
