"""An unlucky operator: wrong settings, a read-only or damaged index folder, odd encodings, a closed pipe."""
import codecs
import json
import os
import shutil
import subprocess
import sys

import pytest

from core.config import PROJECT_ROOT, Settings, SettingsError
from collection.indexer import IndexUnavailable, open_index
from index.lexical import private_cache_dir
from index.store import build_lock, current_version
from ingest.loader import decode_text
from tests.conftest import KeywordEncoder

QUESTION = "黑龙江高技能人才多少"


def run_module(module, args, env_extra, stdin=None):
    env = {**os.environ, "HF_HUB_OFFLINE": "1", **env_extra}
    command = [sys.executable, "-m", module, *args]
    return subprocess.run(command, input=stdin, capture_output=True, text=True, cwd=PROJECT_ROOT, env=env,
                          timeout=600)


# -- settings ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("env,message", [
    ({"REFORMQA_CHUNK_OVERLAP": "500"}, "REFORMQA_CHUNK_OVERLAP=500: must be smaller than CHUNK_SIZE (200)"),
    ({"REFORMQA_TOP_K": "-3"}, "REFORMQA_TOP_K=-3: must be from 1"),
    ({"REFORMQA_ABSTAIN_THRESHOLD": "7"}, "REFORMQA_ABSTAIN_THRESHOLD=7.0: must be from 0.0 to 1.0"),
    ({"REFORMQA_REGION_ROUTING": "2"}, "REFORMQA_REGION_ROUTING='2': must be one of 1/0"),
    ({"REFORMQA_REGION_ROUTING": "enable"}, "REFORMQA_REGION_ROUTING='enable': must be one of 1/0"),
    ({"REFORMQA_LLM_TIMEOUT": "nan"}, "REFORMQA_LLM_TIMEOUT='nan': must be a finite number"),
    ({"REFORMQA_DENSE_WEIGHT": "0", "REFORMQA_LEXICAL_WEIGHT": "0"}, "cannot both be 0"),
    ({"REFORMQA_LLM_BASE_URL": "localhost:11434"}, "must be an http:// or https:// URL"),
])
def test_wrong_settings_are_refused_with_one_line_each(env, message):
    with pytest.raises(SettingsError) as caught:
        Settings.from_env(env)
    assert any(message in line for line in caught.value.problems), caught.value.problems


def test_every_wrong_value_is_reported_at_once_and_clear_booleans_are_accepted():
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({"REFORMQA_TOP_K": "x", "REFORMQA_REGION_ROUTING": "enable", "REFORMQA_CHUNK_SIZE": "0"})
    assert len(caught.value.problems) == 3
    for spelling, value in (("Yes", True), ("off", False), (" TRUE ", True), ("0", False)):
        assert Settings.from_env({"REFORMQA_REGION_ROUTING": spelling}).region_routing is value
    with pytest.raises(SettingsError):  # overrides are checked too
        Settings.from_env({}, top_k=0)


def test_cli_with_wrong_settings_says_so_without_traceback():
    result = run_module("qa", ["--json", QUESTION], {"REFORMQA_TOP_K": "-3", "REFORMQA_CHUNK_OVERLAP": "500"})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "REFORMQA_TOP_K=-3" in result.stderr and "REFORMQA_CHUNK_OVERLAP=500" in result.stderr
    result = run_module("ingest", ["--dry-run"], {"REFORMQA_REGION_ROUTING": "enable"})
    assert result.returncode == 2 and "REFORMQA_REGION_ROUTING" in result.stderr and "Traceback" not in result.stderr


# -- read-only or damaged index folder -------------------------------------------------------------------

def make_unwritable(index_dir):
    """A directory where the lock file should be: no one can open it for writing, root included."""
    lock = index_dir / ".build.lock"
    if lock.is_file():
        lock.unlink()
    lock.mkdir(parents=True, exist_ok=True)


@pytest.fixture
def fake_settings(corpus_copy, tmp_path):
    return Settings.from_env({}, corpus_dir=corpus_copy, index_dir=tmp_path / "index")


def test_read_only_stale_index_is_served_with_a_notice(fake_settings, caplog):
    encoder = KeywordEncoder(["高技能人才"])
    built = open_index(fake_settings, encoder)
    (fake_settings.corpus_dir / "new.txt").write_text("新增的文件，让索引过期。" * 5, encoding="utf-8")
    make_unwritable(fake_settings.index_dir)
    served = open_index(fake_settings, encoder)
    assert served.path == built.path and len(served.chunks) == len(built.chunks)
    assert "索引已过期" in served.notice and "python -m ingest" in served.notice
    assert "serving a stale index" in caplog.text


def test_read_only_missing_or_corrupt_index_is_one_clear_error(fake_settings):
    encoder = KeywordEncoder(["高技能人才"])
    make_unwritable(fake_settings.index_dir)
    with pytest.raises(IndexUnavailable, match="no index at .* cannot be rebuilt: .* is not writable"):
        open_index(fake_settings, encoder)
    shutil.rmtree(fake_settings.index_dir)
    open_index(fake_settings, encoder)
    (current_version(fake_settings.index_dir) / "chunks.jsonl").write_text("garbage", encoding="utf-8")
    make_unwritable(fake_settings.index_dir)
    with pytest.raises(IndexUnavailable, match="corrupt"):
        open_index(fake_settings, encoder)


def test_cli_serves_stale_read_only_index_and_refuses_missing_one(real_settings, engine, corpus_copy, tmp_path):
    index_dir = tmp_path / "index"
    shutil.copytree(real_settings.index_dir, index_dir)
    (corpus_copy / "new.txt").write_text("新增的文件，让索引过期。" * 5, encoding="utf-8")
    make_unwritable(index_dir)
    env = {"REFORMQA_INDEX_DIR": str(index_dir), "REFORMQA_CORPUS_DIR": str(corpus_copy)}
    result = run_module("qa", ["--json", QUESTION], env)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    row = json.loads(result.stdout)
    assert "82.7" in row["answer"] and any("索引已过期" in w for w in row["warnings"])
    assert "serving a stale index" in result.stderr

    empty = tmp_path / "empty-index"
    make_unwritable(empty)
    result = run_module("qa", ["--json", QUESTION], {**env, "REFORMQA_INDEX_DIR": str(empty)})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (line,) = [x for x in result.stderr.splitlines() if x.startswith("cannot start")]
    assert "cannot be rebuilt" in line and "python -m ingest" in line


def test_staging_of_a_dead_build_is_removed_by_the_next_lock_holder(tmp_path):
    index_dir = tmp_path / "index"
    (index_dir / ".tmp-v-20260101-000000-dead01" / "lexical").mkdir(parents=True)
    (index_dir / ".CURRENT.abc123").write_text("v-dead", encoding="utf-8")
    (index_dir / "v-20260101-000000-keep01").mkdir()
    with build_lock(index_dir):
        left = sorted(p.name for p in index_dir.iterdir())
    assert left == [".build.lock", "v-20260101-000000-keep01"]


def test_jieba_cache_lives_in_a_folder_this_process_owns(tmp_path, monkeypatch):
    import jieba

    from index.lexical import jieba_tokenizer

    jieba_tokenizer()
    cache_dir = jieba.dt.tmp_dir
    assert cache_dir and os.stat(cache_dir).st_uid == os.getuid()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # cannot hold a folder: fall back to a private one
    fallback = private_cache_dir()
    assert fallback.is_dir() and fallback.stat().st_uid == os.getuid() and oct(fallback.stat().st_mode)[-3:] == "700"


# -- encodings and pipes ---------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding,bom", [
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE),
])
def test_utf16_and_utf32_with_bom_are_decoded(encoding, bom):
    text = "黑龍江省高技能人才82.7萬人。\n第二行"
    assert decode_text(bom + text.encode(encoding), "x.txt") == (text, encoding)


def test_closed_pipe_ends_quietly(real_settings, engine):
    questions = "".join(json.dumps({"question": q}, ensure_ascii=False) + "\n"
                        for q in ["黑龙江高技能人才多少", "昆明有多少个职工书屋"] * 40)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "REFORMQA_INDEX_DIR": str(real_settings.index_dir)}
    result = subprocess.run(
        f"{sys.executable} -m qa --json --batch - | head -n 1", shell=True, input=questions, capture_output=True,
        text=True, cwd=PROJECT_ROOT, env=env, timeout=600)
    assert len(result.stdout.splitlines()) == 1 and json.loads(result.stdout)["question"] == "黑龙江高技能人才多少"
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr[-2000:]
