"""Documents in every supported format, made from text written here: PDF (printed by Debian's Chromium, so
its CJK font is embedded and some glyphs come out as radical code points), Word with a table, a GBK page
without a charset declaration, and the broken and hostile files a real folder collects."""
from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
PDF_PAGE_TWO_SENTENCE = "截至2024年底，吉林省高技能人才达到88.6万人，占技能人才总量的31.2%。"

PDF_HTML = """<!doctype html><html><head><meta charset="utf-8"><title>吉林省产业工人队伍建设改革情况通报</title>
<style>body{font-family:"Noto Sans CJK SC",sans-serif;font-size:13pt} .page{page-break-after:always}
.head{font-size:9pt;color:#555}</style></head><body>
<div class="page"><div class="head">吉林省总工会 内部资料</div><h1>吉林省产业工人队伍建设改革情况通报</h1>
<p>为深入贯彻落实党中央关于产业工人队伍建设改革的决策部署，吉林省总工会会同有关部门，围绕思想政治引领、建功立业、技能提升、权益保障等方面，持续推进各项改革任务落地见效，取得了阶段性成果。</p>
<p>吉林省坚持把思想政治引领摆在首位，广泛开展“中国梦·劳动美”主题教育。</p><p>- 1 -</p></div>
<div class="page"><div class="head">吉林省总工会 内部资料</div>
<p>在技能提升方面，吉林省全面推行企业新型学徒制，大力开展职业技能竞赛。PAGE_TWO</p>
<p>全省建成劳模和工匠人才创新工作室1200个，职工书屋3500家。</p><p>- 2 -</p></div>
<div class="page"><div class="head">吉林省总工会 内部资料</div>
<p>下一步，吉林省将继续深化产业工人队伍建设改革，推动各项任务落实落地。</p><p>- 3 -</p></div>
</body></html>""".replace("PAGE_TWO", PDF_PAGE_TWO_SENTENCE)

HTML_PAGE = """<!DOCTYPE html><html><head><title>福建省总工会：产改工作推进会召开_福建工会网</title>
<meta name="PubDate" content="2024-03-15 10:20"></head><body>
<div class="top"><ul class="menu"><li><a href="/">首页</a></li><li><a href="/news">新闻中心</a></li>
<li><a href="/zt">专题专栏</a></li><li><a href="/about">关于我们</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/news">工会要闻</a></div>
<div class="main"><div class="article"><h1>福建省总工会：产改工作推进会召开</h1>
<div class="content"><p>3月15日，福建省产业工人队伍建设改革工作推进会在福州召开。会议指出，全省已建成职工创新工作室4700余个，培育八闽工匠300名。</p>
<p>会议要求，福建各级工会要进一步发挥作用，推动改革走深走实，让广大产业工人在改革中有更多获得感。</p>
<script>window.__pwned = true; alert("xss")</script>
<p onclick="window.__pwned = true">福建全省技能人才总量达到860万人，其中高技能人才245万人。</p></div></div>
<div class="side"><h3>相关新闻</h3><ul><li><a href="/a1">福州市总工会召开全委会</a></li>
<li><a href="/a2">厦门举办职工技能大赛</a></li><li><a href="/a3">泉州推进产改工作</a></li></ul></div></div>
<div class="footer">版权所有 福建省总工会 闽ICP备12345678号</div></body></html>"""


def print_pdf(html: str, target: Path) -> Path:
    """`html` printed to `target` by headless Chromium (skips the test where Chromium is missing)."""
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (make browser): it prints the PDF fixtures")
    source = target.with_suffix(".src.html")
    source.write_text(html, encoding="utf-8")
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--no-pdf-header-footer", f"--print-to-pdf={target}", source.as_uri()],
                   check=True, capture_output=True, timeout=120)
    source.unlink()
    return target


def write_docx(target: Path) -> Path:
    """A Word file about 甘肃 with a table between two paragraphs, and a title in its core properties."""
    import docx

    document = docx.Document()
    document.core_properties.title = "甘肃省职工技能提升情况"
    document.core_properties.author = "甘肃省总工会"
    document.add_paragraph("甘肃省职工技能提升情况")
    document.add_paragraph("2024年，甘肃省深入推进产业工人队伍建设改革，职工技能水平持续提升。")
    table = document.add_table(rows=3, cols=2)
    for row, (name, value) in enumerate([("项目", "数量"), ("职工书屋", "1480家"), ("工匠学院", "16所")]):
        table.cell(row, 0).text = name
        table.cell(row, 1).text = value
    document.add_paragraph("表格之后：甘肃全省新增高技能人才1.2万人。")
    document.save(target)
    return target


def write_gbk_html(target: Path) -> Path:
    """The 福建 news page encoded as GBK with no charset declaration anywhere."""
    target.write_bytes(HTML_PAGE.encode("gbk"))
    return target


def encrypt_pdf(source: Path, target: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password="secret", owner_password="owner")
    with target.open("wb") as f:
        writer.write(f)
    return target


def zip_bomb_docx(target: Path, megabytes: int = 64) -> Path:
    """A .docx-named zip whose document part unpacks to `megabytes` of zeros from a few kilobytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (megabytes * 1024 * 1024))
    target.write_bytes(buffer.getvalue())
    return target


def scan_pdf(source: Path, target: Path, resolution: int = 150) -> Path:
    """An image-only copy of a PDF, as a scanner makes it: every page a picture, no text layer."""
    import pdfplumber

    with pdfplumber.open(source) as pdf:
        images = [page.to_image(resolution=resolution).original.convert("RGB") for page in pdf.pages]
    images[0].save(target, save_all=True, append_images=images[1:], resolution=resolution)
    return target
