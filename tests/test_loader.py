import pytest

from ingest.loader import CorpusReadError, decode_text
from ingest.pipeline import load_documents

TRADITIONAL = "黑龍江省技能人才264.3萬人、高技能人才82.7萬人。產業工人隊伍建設改革取得階段性成效。" * 3
SIMPLIFIED = "山西省技能人才总量达546万人，高技能人才总量达163万人。产业工人队伍建设改革成效明显。" * 3


def test_utf8_with_bom():
    text, encoding = decode_text(("\ufeff" + SIMPLIFIED).encode("utf-8"))
    assert (text, encoding) == (SIMPLIFIED, "utf-8")


def test_gb18030_detected():
    text, encoding = decode_text(SIMPLIFIED.encode("gb18030"))
    assert text == SIMPLIFIED and encoding == "gb18030"


def test_big5_detected():
    text, encoding = decode_text(TRADITIONAL.encode("big5"))
    assert text == TRADITIONAL and encoding == "big5"


@pytest.mark.parametrize("data,reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    (b"   \n ", "empty"),
])
def test_unreadable_files_have_a_clear_reason(data, reason):
    with pytest.raises(CorpusReadError, match=reason):
        decode_text(data, "bad.txt")


def test_one_bad_file_does_not_stop_the_others(corpus_copy):
    (corpus_copy / "broken.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 50)
    (corpus_copy / "report.pdf").write_bytes(b"%PDF-1.4")  # damaged: reported, not fatal
    (corpus_copy / "slides.key").write_bytes(b"PK\x03\x04")  # a format ingest does not read
    (corpus_copy / "legacy-gbk.txt").write_bytes(SIMPLIFIED.encode("gb18030"))
    documents, errors = load_documents(corpus_copy)
    ids = {d.doc_id for d in documents}
    assert len(ids) == 6 and "legacy-gbk" in ids
    assert any(e.startswith("broken.txt:") and "binary" in e for e in errors)
    assert any(e.startswith("report.pdf:") and "not a readable PDF" in e for e in errors)
    assert any(e.startswith("slides.key:") and "unsupported" in e for e in errors)


def test_document_without_metadata_gets_title_from_first_meaningful_line(corpus_copy):
    (corpus_copy / "new.md").write_text("  \n2.png\n浙江产改新进展\n\n浙江省技能人才总量达1000万人。", encoding="utf-8")
    documents, _ = load_documents(corpus_copy)
    new = next(d for d in documents if d.doc_id == "new")
    assert new.title == "浙江产改新进展" and new.source is None and new.date is None
    assert "2.png" not in new.text
