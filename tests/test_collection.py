"""Managing the collection: add, replace, remove and list through the command line and in process; only what
changed is embedded; the published index survives kill -9; the chat answers from the old index until the new
one is published. Real model, FAISS and BM25 throughout (the session index's chunk cache keeps it quick)."""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from collection.cache import CACHE_FILE
from collection.corpus import add_files, safe_file_name
from collection.indexer import build_index, open_index, update_index
from collection.live import LiveEngine
from core.config import PROJECT_ROOT, Settings
from eval.bench_collection import reply_signature
from eval.dataset import load_questions
from index.store import build_lock, current_version, load_index
from qa.analysis import SENTENCE_ANALYSER
from qa.engine import Engine
from tests.conftest import CORPUS

JILIN = "吉林省总工会通报\n\n截至2024年底，吉林省高技能人才总量达到88.6万人，占技能人才总量的31%。\n"
JILIN_QUESTION = "吉林高技能人才有多少"


class CountingEncoder:
    """The real encoder, counting the texts it is asked to embed."""

    def __init__(self, inner):
        self.inner, self.texts = inner, 0
        self.identity, self.model_path = inner.identity, inner.model_path

    @property
    def dimension(self):
        return self.inner.dimension

    def encode(self, texts, batch_size=32, progress=False):
        self.texts += len(texts)
        return self.inner.encode(texts, batch_size, progress)


@pytest.fixture
def settings(tmp_path, real_settings, engine) -> Settings:
    """A private corpus and a copy of the session index (its chunk cache included) that a test may change."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(CORPUS, corpus)
    shutil.copytree(real_settings.index_dir, index)
    return Settings.from_env({}, corpus_dir=corpus, index_dir=index)


@pytest.fixture
def encoder(engine):
    return CountingEncoder(engine.retriever.encoder)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def run_ingest(settings: Settings, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "REFORMQA_CORPUS_DIR": str(settings.corpus_dir), "REFORMQA_INDEX_DIR": str(settings.index_dir)}
    return subprocess.run([sys.executable, "-m", "ingest", *args], capture_output=True, text=True, cwd=PROJECT_ROOT,
                          env=env, timeout=300)


def ask_json(settings: Settings, question: str) -> dict:
    env = {**os.environ, "REFORMQA_CORPUS_DIR": str(settings.corpus_dir), "REFORMQA_INDEX_DIR": str(settings.index_dir)}
    result = subprocess.run([sys.executable, "-m", "qa", "--json", question], capture_output=True, text=True,
                            cwd=PROJECT_ROOT, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_command_line_add_duplicate_replace_list_remove(settings, tmp_path):
    upload = write(tmp_path / "吉林 产改 通报.txt", JILIN)
    added = run_ingest(settings, "add", str(upload))
    assert added.returncode == 0, added.stderr
    assert "吉林 产改 通报.txt: indexed, 1 passages" in added.stdout
    assert re.search(r"\(1 passages embedded, \d+ from the cache", added.stdout), "only the new passage is embedded"
    answer = ask_json(settings, JILIN_QUESTION)
    assert "88.6万人" in answer["answer"] and answer["citations"][0]["text"] in JILIN

    twin = shutil.copy(upload, tmp_path / "copy.txt")
    duplicate = run_ingest(settings, "add", str(twin))
    assert "copy.txt: same content as 吉林 产改 通报.txt" in duplicate.stderr
    assert not (settings.corpus_dir / "copy.txt").exists()

    write(upload, JILIN.replace("88.6", "90.1"))
    replaced = run_ingest(settings, "add", str(upload))
    assert "吉林 产改 通报.txt: re-indexed (changed), 1 passages" in replaced.stdout, replaced.stdout
    assert "90.1万人" in ask_json(settings, JILIN_QUESTION)["answer"]

    listed = run_ingest(settings, "list")
    row = next(line for line in listed.stdout.splitlines() if line.startswith("吉林 产改 通报.txt"))
    assert "indexed" in row and "吉林省总工会通报" in row
    assert sum(" indexed " in line for line in listed.stdout.splitlines()) == 6

    removed = run_ingest(settings, "remove", "吉林 产改 通报.txt", "no-such.txt")
    assert "吉林 产改 通报.txt: removed from the collection and the index" in removed.stdout
    assert "no-such.txt: no such document" in removed.stderr and removed.returncode == 1
    gone = ask_json(settings, JILIN_QUESTION)
    assert gone["abstained"] and "90.1" not in gone["answer"] and not any("吉林" in p["text"] for p in gone["passages"])


def test_adding_one_document_embeds_only_its_passages_and_answers_match_a_full_rebuild(settings, encoder, tmp_path):
    before = open_index(settings, encoder, annotator=SENTENCE_ANALYSER)
    result = add_files(settings, encoder, SENTENCE_ANALYSER, [("jilin.txt", write(tmp_path / "jilin.txt", JILIN))])
    (outcome,) = result.outcomes
    assert outcome.status == "added" and outcome.passages == 1
    assert result.report.embedded == 1 and result.report.reused == len(before.chunks)
    assert encoder.texts == 1, "one passage embedded, nothing else"

    full_settings = Settings.from_env({}, corpus_dir=settings.corpus_dir, index_dir=tmp_path / "full-index")
    full = build_index(full_settings, encoder, annotator=SENTENCE_ANALYSER)
    assert encoder.texts == 1 + len(full.chunks), "a full rebuild embeds every passage"
    incremental_engine = Engine(settings, result.report.index, encoder.inner)
    full_engine = Engine(full_settings, full, encoder.inner)
    questions = [q.question for name in ("questions", "holdout", "holdout2")
                 for q in load_questions(PROJECT_ROOT / "eval" / f"{name}.jsonl")] + [JILIN_QUESTION]
    differ = [q for q in questions if reply_signature(incremental_engine, q) != reply_signature(full_engine, q)]
    assert differ == [], "the same answers whichever way the index was built"
    assert "88.6万人" in incremental_engine.ask(JILIN_QUESTION).answer


def test_file_names_are_made_safe():
    assert safe_file_name("../../etc/passwd.txt") == "passwd.txt"
    assert safe_file_name("..\\..\\evil.md") == "evil.md"
    assert safe_file_name(".hidden.txt") == "hidden.txt"
    assert safe_file_name("吉林 产改 通报.pdf") == "吉林 产改 通报.pdf"
    assert safe_file_name("a\x00b<c>.txt") == "a_b_c_.txt"
    assert len(safe_file_name("长" * 500 + ".pdf")) <= 124
    assert safe_file_name(".txt") == "txt"  # then refused: no extension ingest reads
    for bad in ("", "..", "../", "...", "metadata.yaml"):
        with pytest.raises(ValueError):
            safe_file_name(bad)


def test_bad_uploads_get_a_message_and_lose_nothing(settings, encoder, tmp_path):
    good = (settings.corpus_dir / "shanxi-five-years-excellent-rating.txt").read_bytes()
    tmp_path = tmp_path / "uploads"
    tmp_path.mkdir()
    incoming = [
        ("../../escape.txt", write(tmp_path / "escape.txt", JILIN)),
        ("tool.exe", write(tmp_path / "tool.exe", "MZ")),
        ("old.doc", write(tmp_path / "old.doc", "x")),
        ("empty.txt", write(tmp_path / "empty.txt", "")),
        ("broken.pdf", write(tmp_path / "broken.pdf", "not a pdf at all")),
        ("shanxi-five-years-excellent-rating.txt", write(tmp_path / "bad.txt", "\x00\x01\x02" * 100)),
    ]
    outcomes = {o.name: o for o in add_files(settings, encoder, SENTENCE_ANALYSER, incoming).outcomes}
    assert outcomes["escape.txt"].status == "added" and (settings.corpus_dir / "escape.txt").exists()
    assert not (settings.corpus_dir.parent.parent / "escape.txt").exists(), "nothing lands outside the corpus folder"
    assert outcomes["tool.exe"].status == "refused" and "unsupported format" in outcomes["tool.exe"].message
    assert outcomes["old.doc"].status == "refused" and "save it as .docx" in outcomes["old.doc"].message
    assert outcomes["empty.txt"].message == "empty.txt: file is empty"
    assert outcomes["broken.pdf"].status == "failed" and "not a readable PDF" in outcomes["broken.pdf"].message
    replaced = outcomes["shanxi-five-years-excellent-rating.txt"]
    assert replaced.status == "failed" and "binary" in replaced.message
    assert (settings.corpus_dir / "shanxi-five-years-excellent-rating.txt").read_bytes() == good, \
        "a replacement that cannot be read puts the old version back"
    names = sorted(p.name for p in settings.corpus_dir.iterdir())
    assert "broken.pdf" not in names and not any(n.startswith(".") for n in names)
    index = open_index(settings, encoder, annotator=SENTENCE_ANALYSER)
    assert "shanxi-five-years-excellent-rating" in index.documents and len(index.documents) == 6

    small = Settings.from_env({}, corpus_dir=settings.corpus_dir, index_dir=settings.index_dir, max_file_mb=0.001)
    big_file = write(tmp_path / "big.txt", JILIN * 20)
    (big,) = add_files(small, encoder, SENTENCE_ANALYSER, [("big.txt", big_file)]).outcomes
    assert big.status == "refused" and "over the 0.001 MB limit (REFORMQA_MAX_FILE_MB)" in big.message


def test_concurrent_uploads_and_a_delete_while_answering(settings, encoder, tmp_path):
    index = open_index(settings, encoder.inner, annotator=SENTENCE_ANALYSER)
    holder = LiveEngine(engine=Engine(settings, index, encoder.inner))
    same = write(tmp_path / "jilin.txt", JILIN)
    other = write(tmp_path / "gansu.txt", "甘肃省总工会通报\n\n截至2024年底，甘肃省创建劳模创新工作室1480家。\n")
    results = []

    def add(name, path):
        results.append(holder.add([(name, path)]).outcomes[0])

    threads = [threading.Thread(target=add, args=a) for a in
               (("jilin.txt", same), ("jilin.txt", same), ("gansu.txt", other))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    statuses = sorted((o.name, o.status) for o in results)
    assert statuses == [("gansu.txt", "added"), ("jilin.txt", "added"), ("jilin.txt", "unchanged")]
    assert {"jilin", "gansu"} <= set(holder.get().documents)

    in_flight = holder.get()  # a question that started before the delete finishes on this engine
    holder.remove(["jilin.txt"])
    assert "88.6万人" in in_flight.ask(JILIN_QUESTION).answer
    assert holder.get().ask(JILIN_QUESTION).abstained
    holder.publish(in_flight.index)  # an older update finishing late never replaces the newer index
    assert holder.get().ask(JILIN_QUESTION).abstained
    assert "1480家" in holder.get().ask("甘肃劳模创新工作室有多少家").answer


def test_a_stale_index_is_served_at_once_and_brought_up_to_date_in_the_background(settings, encoder):
    published = current_version(settings.index_dir).name
    write(settings.corpus_dir / "jilin.txt", JILIN)
    holder = LiveEngine(settings, engine=Engine(settings, load_index(settings.index_dir), encoder.inner))
    with build_lock(settings.index_dir):  # an update cannot publish while this test holds the lock
        stale = holder.start(background=True)
        assert stale and "corpus_fingerprint" in stale
        assert holder.status == "updating"
        answer = holder.get().ask(JILIN_QUESTION)
        assert answer.abstained, "answered at once, from the last published index"
        assert current_version(settings.index_dir).name == published
    holder.wait(timeout=300)
    assert holder.status == "ready"
    assert "88.6万人" in holder.get().ask(JILIN_QUESTION).answer
    assert current_version(settings.index_dir).name != published


def test_kill_9_in_the_middle_of_an_update_loses_nothing(settings, encoder, tmp_path):
    lines = [f"第{i}条：{i}号企业组织职工技能培训{i * 7}人次，新增高级工{i % 90 + 10}名，评选岗位能手{i % 13 + 1}人，"
             f"开展劳动竞赛{i % 9 + 2}场，职工提出合理化建议{i * 3 + 11}条，{'节约成本' * (i % 3 + 1)}{i * 11}万元。"
             for i in range(1, 800)]
    big = write(tmp_path / "big-report.txt", "某市产改台账\n\n" + "\n\n".join(lines))
    before = current_version(settings.index_dir).name
    env = {**os.environ, "REFORMQA_CORPUS_DIR": str(settings.corpus_dir), "REFORMQA_INDEX_DIR": str(settings.index_dir)}
    process = subprocess.Popen([sys.executable, "-m", "ingest", "add", str(big)], cwd=PROJECT_ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen = b""
    try:
        while True:  # wait until the progress bar shows a committed batch (256 passages), then kill -9
            block = os.read(process.stderr.fileno(), 4096)
            assert block, f"the update ended before it could be interrupted: {seen[-500:]!r}"
            seen += block
            done = [int(n) for n in re.findall(rb"embedding:\s+\d+%\|[^|]*\|\s*(\d+)/", seen)]
            if done and max(done) >= 300:
                break
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    assert current_version(settings.index_dir).name == before, "the published index is untouched"
    with sqlite3.connect(settings.index_dir / CACHE_FILE) as db:
        cached = db.execute("SELECT count(*) FROM vectors").fetchone()[0]
    assert cached >= 256 + 74, "the passages embedded before the kill are kept"

    with build_lock(settings.index_dir):
        report = update_index(settings, encoder, SENTENCE_ANALYSER)
    total = report.outcome("big-report.txt").passages
    assert report.outcome("big-report.txt").status == "added" and total >= 400
    assert report.embedded <= total - 256, "the next update embeds only what the killed one had not"
    assert not [p.name for p in settings.index_dir.iterdir() if p.name.startswith((".tmp-", ".CURRENT."))]
    assert "big-report" in Engine(settings, report.index, encoder.inner).documents


def test_a_stale_index_that_cannot_be_updated_is_served_with_a_warning(settings, encoder):
    write(settings.corpus_dir / "jilin.txt", JILIN)
    lock = settings.index_dir / ".build.lock"
    lock.unlink(missing_ok=True)
    lock.mkdir()  # unwritable for root too: the lock cannot be opened
    holder = LiveEngine(settings, engine=Engine(settings, load_index(settings.index_dir), encoder.inner))
    assert holder.start(background=False)
    assert holder.status.startswith("update failed") and "not writable" in holder.status
    answer = holder.get().ask("黑龙江高技能人才多少")
    assert "82.7" in answer.answer and any("索引已过期" in w for w in answer.warnings)


def test_list_shows_every_document_and_why_a_file_is_not_indexed(settings, encoder):
    from collection.catalog import catalog

    write(settings.corpus_dir / "notes.bin.txt", "\x00\x01\x02" * 50)
    with build_lock(settings.index_dir):
        index = update_index(settings, encoder, SENTENCE_ANALYSER).index
    rows = {r.name: r for r in catalog(index)}
    heilongjiang = rows["heilongjiang-press-conference-2024.txt"]
    assert heilongjiang.status == "indexed" and heilongjiang.passages > 0 and heilongjiang.region == "黑龙江"
    assert heilongjiang.note == "" and heilongjiang.added
    assert rows["notes.bin.txt"].status == "failed" and "binary" in rows["notes.bin.txt"].note
