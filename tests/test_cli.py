"""End to end through the command line, as other tools call it: `python -m qa --json`."""
import json
import os
import subprocess
import sys

import pytest

from core.config import PROJECT_ROOT
from tests.conftest import HEILONGJIANG

CONTRACT = {"question", "answer", "abstained", "citations", "passages", "timings_ms"}


def run_qa(args, index_dir, stdin=None):
    env = {**os.environ, "REFORMQA_INDEX_DIR": str(index_dir), "HF_HUB_OFFLINE": "1"}
    return subprocess.run([sys.executable, "-m", "qa", *args], input=stdin, capture_output=True, text=True,
                          cwd=PROJECT_ROOT, env=env, timeout=600)


@pytest.fixture(scope="module")
def batch_results(real_settings, engine):
    questions = ["黑龙江高技能人才多少", "龙江技能人才总数是多少", "广东高技能人才多少", "哈工程力学复试看科研项目吗"]
    lines = [json.dumps({"question": q}, ensure_ascii=False) for q in questions]
    lines[2:2] = ["this is not json", json.dumps({"question": ""}), json.dumps({"id": 7})]
    result = run_qa(["--json", "--batch", "-"], real_settings.index_dir, "\n".join(lines) + "\n")
    return result, [json.loads(line) for line in result.stdout.splitlines()]


def test_batch_answers_every_line_in_order_with_errors_inline(batch_results):
    result, rows = batch_results
    assert len(rows) == 7
    assert [r.get("question") for r in rows] == [
        "黑龙江高技能人才多少", "龙江技能人才总数是多少", None, "", None, "广东高技能人才多少", "哈工程力学复试看科研项目吗"]
    assert "error" in rows[2] and "error" in rows[3] and "error" in rows[4]
    assert result.returncode == 1  # some lines failed; the others were still answered


def test_json_contract_and_example_answer(batch_results, engine):
    _, rows = batch_results
    first = rows[0]
    assert CONTRACT <= set(first)
    assert "82.7" in first["answer"] and not first["abstained"]
    citation = first["citations"][0]
    assert set(citation) >= {"n", "doc_id", "title", "source", "date", "text", "start", "end"}
    assert citation["doc_id"] == HEILONGJIANG
    assert engine.documents[HEILONGJIANG].text[citation["start"] : citation["end"]] == citation["text"]
    assert len(first["passages"]) >= 5
    assert set(first["passages"][0]) >= {"doc_id", "title", "text", "start", "end", "score"}
    assert set(first["timings_ms"]) >= {"retrieve", "answer", "total"}


def test_simplified_question_finds_traditional_document(batch_results):
    _, rows = batch_results
    assert "264.3" in rows[1]["answer"] and rows[1]["citations"][0]["doc_id"] == HEILONGJIANG


def test_unanswerable_and_junk_questions_abstain(batch_results):
    _, rows = batch_results
    for row in (rows[5], rows[6]):
        assert row["abstained"] and row["citations"] == [] and row["answer"].startswith("资料中没有找到")
        assert all("科研" not in p["text"] for p in row["passages"])


def test_single_question_text_and_bad_input_exit_codes(real_settings, engine):
    ok = run_qa(["黑龙江高技能人才多少"], real_settings.index_dir)
    assert ok.returncode == 0 and "82.7" in ok.stdout and "来源" in ok.stdout
    empty = run_qa(["--json", "  "], real_settings.index_dir)
    assert empty.returncode == 2 and "error" in json.loads(empty.stdout)
    too_long = run_qa(["问" * 10_000], real_settings.index_dir)
    assert too_long.returncode == 2 and "太长" in too_long.stderr


def test_help_is_instant_and_loads_no_model():
    result = subprocess.run([sys.executable, "-c", "import sys, runpy; sys.argv=['qa','--help'];\n"
                             "try:\n runpy.run_module('qa', run_name='__main__')\nexcept SystemExit: pass\n"
                             "print('torch' in sys.modules)"], capture_output=True, text=True, cwd=PROJECT_ROOT)
    assert "usage: python -m qa" in result.stdout and result.stdout.strip().endswith("False")


def test_unusable_corpus_or_model_is_a_message_not_a_traceback(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02 binary")
    env = {**os.environ, "REFORMQA_CORPUS_DIR": str(corpus), "REFORMQA_INDEX_DIR": str(tmp_path / "index")}
    result = subprocess.run([sys.executable, "-m", "qa", "黑龙江高技能人才多少"], capture_output=True, text=True,
                            cwd=PROJECT_ROOT, env=env, timeout=300)
    assert result.returncode == 1 and "cannot start: no readable documents" in result.stderr
    assert "broken.txt" in result.stderr and "Traceback" not in result.stderr
    env["REFORMQA_MODEL_PATH"] = str(tmp_path / "no-model")
    result = subprocess.run([sys.executable, "-m", "qa", "问题"], capture_output=True, text=True,
                            cwd=PROJECT_ROOT, env=env, timeout=300)
    assert result.returncode == 1 and "REFORMQA_MODEL_PATH" in result.stderr and "Traceback" not in result.stderr
