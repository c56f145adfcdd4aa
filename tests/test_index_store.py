"""The on-disk index with a fake encoder: rebuild when stale or corrupt, atomic writes, fusion maths."""
import json

import numpy as np
import pytest

from core.config import Settings
from collection.indexer import build_index, open_index
from index.lexical import LexicalIndex
from index.search import FusionWeights, Retriever, fused_scores
from index.store import CURRENT, IndexUnusable, current_version, load_index
from tests.conftest import KeywordEncoder

KEYWORDS = ["高技能人才", "工匠学院", "驿站", "考核", "党组织"]


@pytest.fixture
def settings(corpus_copy, tmp_path):
    return Settings.from_env({}, corpus_dir=corpus_copy, index_dir=tmp_path / "index")


@pytest.fixture
def encoder():
    return KeywordEncoder(KEYWORDS)


def test_first_open_builds_and_second_open_loads(settings, encoder, caplog):
    first = open_index(settings, encoder)
    calls = encoder.calls
    second = open_index(settings, encoder)
    assert encoder.calls == calls, "a fresh index must be loaded, not rebuilt"
    assert second.path == first.path
    assert len(second.chunks) == second.vectors.ntotal == len(first.chunks) > 0
    manifest = json.loads((first.path / "manifest.json").read_text())
    for field in ("format_version", "model", "dimension", "chunk_size", "chunk_overlap", "corpus_fingerprint", "files"):
        assert field in manifest


def test_corpus_change_triggers_rebuild_with_reason(settings, encoder, caplog):
    old = open_index(settings, encoder)
    (settings.corpus_dir / "zhejiang.txt").write_text("浙江省高技能人才达到300万人。", encoding="utf-8")
    with caplog.at_level("WARNING"):
        new = open_index(settings, encoder)
    assert "corpus_fingerprint" in caplog.text
    assert "zhejiang" in new.documents and new.path != old.path


def test_chunk_setting_change_makes_index_stale(settings, encoder):
    open_index(settings, encoder)
    changed = Settings.from_env({}, corpus_dir=settings.corpus_dir, index_dir=settings.index_dir, chunk_size=150)
    with pytest.raises(IndexUnusable, match="chunk_size"):
        from collection.indexer import expected_key
        load_index(settings.index_dir, expected_key(changed, encoder))


@pytest.mark.parametrize("victim", ["vectors.faiss", "chunks.jsonl", "documents.jsonl", "manifest.json"])
def test_truncated_file_is_detected_and_rebuilt(settings, encoder, victim, caplog):
    built = open_index(settings, encoder)
    path = built.path / victim
    path.write_bytes(path.read_bytes()[: max(1, path.stat().st_size // 2)])
    with caplog.at_level("WARNING"):
        rebuilt = open_index(settings, encoder)
    assert "updating the index" in caplog.text
    assert len(rebuilt.chunks) == len(built.chunks)


def test_missing_version_directory_is_rebuilt(settings, encoder):
    built = open_index(settings, encoder)
    import shutil
    shutil.rmtree(built.path)
    assert len(open_index(settings, encoder).chunks) == len(built.chunks)


def test_crash_mid_build_leaves_previous_index_usable(settings, encoder, monkeypatch):
    before = open_index(settings, encoder)
    pointer = (settings.index_dir / CURRENT).read_text()

    def crash(self, directory):
        raise OSError("disk full")

    monkeypatch.setattr(LexicalIndex, "save", crash)
    with pytest.raises(OSError, match="disk full"):
        build_index(settings, encoder)
    assert (settings.index_dir / CURRENT).read_text() == pointer
    assert current_version(settings.index_dir) == before.path
    assert not list(settings.index_dir.glob(".tmp-*")), "staging directory must be cleaned up"
    monkeypatch.undo()
    assert len(load_index(settings.index_dir).chunks) == len(before.chunks)


def test_rrf_fusion_weights_and_ranks():
    dense, lexical = np.array([0.9, 0.5, 0.1]), np.array([0.0, 2.0, 1.0])  # BM25 does not score row 0
    fused = fused_scores(dense, lexical, FusionWeights(1.0, 1.0), k=60)
    assert fused[1] == pytest.approx(1 / 62 + 1 / 61)
    assert fused[0] == pytest.approx(1 / 61)
    assert fused[2] == pytest.approx(1 / 63 + 1 / 62)
    assert int(fused.argmax()) == 1
    assert list(fused_scores(dense, lexical, FusionWeights(0.0, 2.0))) == pytest.approx([0.0, 2 / 61, 2 / 62])


def test_hybrid_search_uses_both_sides_and_respects_filters(settings, encoder):
    index = open_index(settings, encoder)
    hybrid = Retriever(index, encoder)
    hits = hybrid.search("工匠学院", 5)
    assert hits and all("工匠學院" in h.chunk.text or "工匠学院" in h.chunk.text for h in hits[:2])
    assert [h.rank for h in hits] == list(range(len(hits)))
    only_dense = Retriever(index, encoder, FusionWeights(dense=1.0, lexical=0.0)).search("工匠学院", 5)
    assert all(h.lexical_score == 0 or h.lexical_score > 0 for h in only_dense)
    shandong = hybrid.search("高技能人才", 5, keep=lambda c: c.doc_id.startswith("shandong"))
    assert hits and all(h.chunk.doc_id.startswith("shandong") for h in shandong)
    assert hybrid.search("高技能人才", 5, keep=lambda c: False) == []


def test_lexical_side_matches_simplified_query_to_traditional_text(settings, encoder):
    index = open_index(settings, encoder)
    lexical_only = Retriever(index, encoder, FusionWeights(dense=0.0, lexical=1.0))
    best = lexical_only.search("劳模和工匠人才创新工作室2507家", 1)[0]
    assert best.chunk.doc_id == "heilongjiang-press-conference-2024"


def test_chunk_separators_are_part_of_the_corpus_fingerprint(settings, monkeypatch):
    from pathlib import Path

    import ingest.chunking
    from ingest.pipeline import corpus_fingerprint

    before = corpus_fingerprint(settings.corpus_dir)
    original = Path.read_bytes

    def edited(path):
        data = original(path)
        return data + b"\n# edited" if path == Path(ingest.chunking.__file__) else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    assert corpus_fingerprint(settings.corpus_dir) != before
