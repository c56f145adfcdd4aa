"""eval.stability: the grown collection it builds and how it counts changed replies."""
import json

import yaml

from eval.stability import Change, Reply, change_kind, grown_corpus, summarize
from tests.conftest import CORPUS


def test_change_kinds_and_counts():
    abstain = Reply("资料中没有找到能回答这个问题的内容。", True, False)
    other_abstain = Reply("资料中没有找到关于广东的内容。", True, False)
    right, wrong = Reply("82.7万人[1]", False, True), Reply("42个专业[1]", False, False)
    assert change_kind(right, Reply("82.7万人[1]", False, True)) is None
    assert change_kind(abstain, other_abstain) == "abstention wording"
    assert change_kind(abstain, wrong) == "answer" and change_kind(right, wrong) == "answer"
    changes = [Change("a", "?", "answer", right, wrong), Change("b", "?", "abstention wording", abstain, other_abstain),
               Change("c", "?", "answer", wrong, right)]
    assert summarize(changes, 10) == {"questions": 10, "changed": 3, "changed_answer": 2,
                                      "changed_abstention_wording_only": 1, "wrong_to_right": 1, "right_to_wrong": 1}


def test_grown_corpus_keeps_the_corpus_and_its_metadata_and_adds_every_passage(tmp_path):
    data = tmp_path / "datasets"
    (data / "cmrc2018").mkdir(parents=True)
    (data / "drcd").mkdir()
    (data / "cmrc2018" / "cmrc2018_dev.json").write_text(json.dumps([
        {"context_id": "DEV_0", "title": "泰山", "context_text": "泰山位于山东。",
         "qas": [{"query_id": "q0", "query_text": "泰山在哪", "answers": ["山东"]}]}], ensure_ascii=False))
    (data / "drcd" / "DRCD_dev.json").write_text(json.dumps({"data": [{"title": "黃河", "paragraphs": [
        {"id": "1-0", "context": "黃河流經山東。", "qas": [{"id": "d0", "question": "黃河流經哪裡",
                                                          "answers": [{"text": "山東"}]}]}]}]}, ensure_ascii=False))
    folder = tmp_path / "grown"
    folder.mkdir()
    (folder / "removed-since.txt").write_text("一份已从语料中删除的文件。", encoding="utf-8")  # an earlier run's
    assert grown_corpus(CORPUS, data, folder) == 2
    assert not (folder / "removed-since.txt").exists()
    originals = sorted(p.name for p in CORPUS.iterdir() if p.name != "metadata.yaml")
    assert all((folder / name).read_bytes() == (CORPUS / name).read_bytes() for name in originals)
    metadata = yaml.safe_load((folder / "metadata.yaml").read_text(encoding="utf-8"))
    assert metadata["heilongjiang-press-conference-2024.txt"]["region"] == "黑龙江"
    assert metadata["DEV_0.txt"] == {"title": "泰山"} and (folder / "1-0.txt").read_text(encoding="utf-8") == "黃河流經山東。"
