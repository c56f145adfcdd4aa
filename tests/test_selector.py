"""The fitted answer selector: its stored data, what it reads of a question, its fitting, and that the
engine's answer/abstain decision is the selector's likelihood against the fitted threshold."""
import json
from dataclasses import replace

import numpy as np
import pytest

from eval.fit_selector import (
    Bound,
    abstention_cap,
    best_threshold,
    choices,
    design_effect,
    fit_listwise,
    fit_logistic,
    rows_file_name,
    split_of,
    stale_rows,
)
from qa import selector


def test_the_shipped_selector_is_fitted_data_for_these_features():
    data = json.loads(selector.MODEL_PATH.read_text(encoding="utf-8"))
    assert tuple(data["ranker"]["features"]) == selector.FEATURES
    assert tuple(data["verifier"]["features"]) == selector.VERIFIER_FEATURES
    assert tuple(data["window"]["features"]) == selector.WINDOW_FEATURES
    assert 0 < data["threshold"] == data["verifier"]["threshold"] < 1 and data["split"] == "fit"
    assert data["command"].startswith("python -m eval.fit_selector")
    model = selector.load_selector()
    assert model.ranker.weights.shape == (len(selector.FEATURES),) and model.threshold == data["threshold"]


def test_a_selector_fitted_for_other_features_is_refused(tmp_path):
    data = json.loads(selector.MODEL_PATH.read_text(encoding="utf-8"))
    data["ranker"]["features"] = data["ranker"]["features"][:-1]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="fit_selector"):
        selector.load_selector(path)
    path.write_text(json.dumps({"features": list(selector.FEATURES)}), encoding="utf-8")  # a single-model fit
    with pytest.raises(ValueError, match="older kind"):
        selector.load_selector(path)


def test_document_weights_favour_what_only_the_answering_sentence_shares():
    view = selector.question_view("北京体育大学毗邻哪一公园")
    sentences = ["北京体育大学是一所公立体育大学", "北京体育大学位于海淀区", "学校毗邻圆明园遗址公园"]
    weights = selector.document_view(view, sentences)
    assert weights.pairs["毗邻"] > weights.pairs["大学"] and "海淀" not in weights.pairs
    subject, answer = (selector._weighted_shares(weights.pairs, weights.pairs_asked, weights.sentences, s)[0]
                       for s in (sentences[0], sentences[2]))
    plain_subject, plain_answer = (selector._share(view.pairs, s) for s in (sentences[0], sentences[2]))
    assert answer / subject > 1.4 * plain_answer / plain_subject  # the subject's pairs count for less


def test_what_the_question_asks_of_the_documents_subject_is_found_where_the_subject_goes_unnamed():
    view = selector.question_view("黄天竺鲷有多少枚背鳍硬棘")
    sentences = ["黄天竺鲷，又名环天竺鲷，为鲈形目天竺鲷科的其中一个种", "背鳍硬棘8枚，软条9枚", "栖息在近海"]
    document = selector.document_view(view, sentences, title="黄天竺鲷")
    assert {"背鳍", "硬棘"} <= document.aspect_pairs and not {"黄天", "竺鲷"} & document.aspect_pairs
    named = [selector.FEATURES.index(f) for f in ("aspect_pair_share", "aspect_char_share")]

    def aspect(sentence: str) -> list[float]:
        candidate = selector.Candidate(sentence, sentence, document, 0, 0.8, 0.8, sentences.index(sentence), 0.5)
        row = selector.features(view, candidate)
        return [row[i] for i in named]

    lead, answer = aspect(sentences[0]), aspect(sentences[1])
    assert all(a > 0 for a in answer) and lead[0] == 0 and answer[0] > 2 * lead[1]


def test_a_year_the_question_names_is_held_by_a_document_of_that_date_or_title():
    view = selector.question_view("黑龙江2024年高技能人才多少")
    sentences = ["截至目前,黑龙江省高技能人才82.7万人。"]
    assert selector.document_view(view, sentences).lacks_number
    assert not selector.document_view(view, sentences, date="2024-11-05").lacks_number
    assert not selector.document_view(view, sentences, title="2024年黑龙江产改发布会").lacks_number
    assert selector.document_view(view, sentences, date="2023-08-11").lacks_number


def test_a_place_asked_for_is_looked_for_among_the_names_in_the_sentence():
    view = selector.question_view("玉桂山位于哪里")
    place = selector.FEATURES.index("asks_place_has_place")

    def row(sentence: str) -> list[float]:
        document = selector.document_view(view, [sentence])
        return selector.features(view, selector.Candidate(sentence, sentence, document, 0, 0.8, 0.8, 0, 0.5))

    assert row("玉桂山是位于香港南区鸭脷洲东部的山峰")[place] == 1.0
    assert row("玉桂山高196米，是岛上的最高峰")[place] == 0.0


@pytest.mark.parametrize("sentence, has_number", [
    ("《实施意见》共三部分", True),  # a count in words, in a classifier of things
    ("发布10名“龙江最美职工”", True),
    ("培育企业新型学徒2万余人", True),
    ("建立两批职工创新工作室", True),
    ("第二部分是重点任务", True),  # an ordinal holds a numeral too: the checks, not this feature, tell them apart
    ("形成大国工匠示范引领的良好局面", False),
    ("这一点十分重要", False),  # 一点 and 十分 are words, not counts
])
def test_a_count_in_words_is_a_number_for_the_ranker(sentence, has_number):
    view = selector.question_view("山西国企产改实施意见分几部分")
    document = selector.document_view(view, [sentence])
    row = selector.features(view, selector.Candidate(sentence, sentence, document, 0, 0.8, 0.8, 0, 0.5))
    at = selector.FEATURES.index("asks_number_has_number")
    assert row[at] == float(has_number)


def test_a_list_asked_for_is_looked_for_as_an_enumeration_in_the_sentence():
    view = selector.question_view("昆明把劳动竞赛办到了哪些重大工程上")
    assert view.asks_list and not selector.question_view("黑龙江高技能人才多少").asks_list
    has, lacks = selector.FEATURES.index("asks_list_has_list"), selector.FEATURES.index("asks_list_no_list")

    def row(sentence: str) -> list[float]:
        document = selector.document_view(view, [sentence])
        return selector.features(view, selector.Candidate(sentence, sentence, document, 0, 0.8, 0.8, 0, 0.5))

    listed = row("累计开展滇池保护治理、地铁建设项目、滇中引水项目等劳动竞赛47场次")
    assert (listed[has], listed[lacks]) == (1.0, 0.0)
    single = row("组织300多个职业开展各类技能竞赛594场次")
    assert (single[has], single[lacks]) == (0.0, 1.0)
    quoted = row("建立企业‘首席技师’ ‘技能专家’ ‘特级技师’等制度")  # quoted items side by side enumerate too
    assert (quoted[has], quoted[lacks]) == (1.0, 0.0)
    assert row("培育“鲁班首席工匠”“齐鲁大工匠”“齐鲁工匠”314名")[has] == 1.0
    assert row("形成“技术提升有待遇,技能转化有激励”的鲜明导向")[has] == 0.0  # one quotation


def test_a_person_is_named_where_the_tagger_splits_off_the_surname_and_not_by_an_office():
    view = selector.question_view("谁作的专题发布")
    assert selector.names_another(view, "总工会党组书记、副主席栾志成围绕深化改革作专题发布", "nr")  # 栾 + 志成
    assert not selector.names_another(view, "由中共黑龙江省委宣传部主办的新闻发布会第十场举行", "nr")  # an office
    assert selector.names_another(view, "优秀工匠人才刘伯鸣、刘丽当选大国工匠年度人物", "nr")


def test_question_view_reads_the_kind_asked_and_the_figures_named():
    assert selector.question_view("黑龙江产改新闻发布会是谁作的发布").asks_person
    assert selector.question_view("18世纪时，谁多次拜访纽西兰").asks_person
    assert not selector.question_view("高技能人才山西跟昆明谁更多").asks_person  # a comparison, not who
    assert selector.question_view("山西产改是哪一年启动的").asks_date
    numeric = selector.question_view("黑龙江2019年高技能人才有多少")
    assert numeric.asks_number and not numeric.asks_date and numeric.numbers == ("2019",)
    assert {"技能", "人才"} <= numeric.pairs and "多少" not in numeric.pairs  # question phrases are not content
    assert selector.question_view("黑龙江2024年以来的各类赛事场次").asks_number  # a count named by its measure
    assert selector.question_view("技术革新项数：昆明 vs 龙江").asks_number
    assert selector.question_view("春城的工人先锋号集体数目").asks_number  # a count named as such
    assert selector.question_view("比起2017年，黑龙江技能人才的增幅").asks_number  # a rise is a figure
    assert selector.question_view("山东党代会里搞技术的专业人员占比").asks_number  # a share, as 比例 and 比重
    assert selector.question_view("昆明和山西的产改起步时间").asks_date  # a time asked by its noun
    assert selector.question_view("龙江2024年当年新立项扶持的职工创新课题数").asks_number  # a noun's count
    assert not selector.question_view("这些温度计绝大多数").asks_number  # 多数: most, no count
    assert not selector.question_view("精准度可以达到零下5位数？").asks_number  # digits, not a count asked


def test_the_question_is_read_without_foreign_words_no_passage_holds_but_keeps_figures(engine):
    query = engine.content_of("黑龙江高技能人才多少 <span> xyzzy 5G")
    view = selector.question_view(query)
    assert "xy" not in view.pairs and "5g" in view.pairs and "span" not in query


def test_vs_between_the_things_compared_reads_as_and(engine):
    # vs is in some collections' passages, so kept as a word it would dilute the answer only in those
    assert engine.content_of("技术革新项数：昆明 VS 龙江") == engine.content_of("技术革新项数：昆明 和 龙江")
    assert engine.content_of("昆明vs.龙江") == "昆明和龙江" and "vs2" in engine.content_of("vs2 龙江")


def test_a_foreign_word_the_corpus_holds_stays_in_the_question(corpus_copy, tmp_path):
    from collection.indexer import open_index
    from core.config import Settings
    from qa.engine import Engine
    from tests.conftest import KeywordEncoder

    (corpus_copy / "xyzzy.txt").write_text("山西国企上线了XYZZY平台，服务职工一百万人次。", encoding="utf-8")
    settings = Settings.from_env({}, corpus_dir=corpus_copy, index_dir=tmp_path / "index")
    encoder = KeywordEncoder(["xyzzy"])
    small = Engine(settings, open_index(settings, encoder), encoder)
    assert "xy" in selector.question_view(small.content_of("山西 xyzzy 平台")).pairs


def _one_feature_selector(verifier_weight: float, verifier_bias: float) -> selector.Selector:
    """A selector over one feature "a": the ranker scores by it, the verifier's logit is weight × a + bias
    (threshold 0.5), the window model scores by its one feature."""
    ranker = selector.SelectorModel(("a",), np.array([1.0]), 0.0)
    verifier = selector.SelectorModel(("a", "score", "share"), np.array([verifier_weight, 0.0, 0.0]),
                                      verifier_bias, 0.5)
    window = selector.SelectorModel(("w",), np.array([1.0]), 0.0)
    return selector.Selector(ranker, verifier, window)


def _logit(p: float) -> float:
    return float(np.log(p / (1 - p)))


def test_fit_recovers_a_separating_feature_and_the_threshold_separates_answerable_from_removed():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 2))
    y = (x[:, 0] > 0.5).astype(float)
    weights, _ = fit_logistic(x, y)
    assert weights[0] > 3 * abs(weights[1])

    # the ranker learns which feature marks the one right candidate of each group
    groups = [rng.normal(size=(6, 2)) for _ in range(200)]
    labels = [[int(i == int(np.argmax(g[:, 1]))) for i in range(6)] for g in groups]
    ranked, _ = fit_listwise([g.tolist() for g in groups], labels, [1.0] * len(groups))
    assert ranked[1] > 3 * abs(ranked[0])

    model = _one_feature_selector(verifier_weight=4.0, verifier_bias=-2.0)
    answerable = {"removed": False, "rows": [[0.0], [1.0]], "labels": [0, 1], "documents": ["a", "a"],
                  "windows": [None, {"rows": [[0.0], [1.0]], "labels": [0, 1]}]}
    removed = {"removed": True, "rows": [[0.3]], "labels": [0], "documents": ["b"], "windows": [None]}
    threshold, scores = best_threshold([answerable, removed], model)
    assert 0.31 <= threshold <= 0.88  # above the removed question's 0.31, below the answer's 0.88
    assert scores["contains_gold"] == 1.0 and scores["abstained_gold_removed"] == 1.0


def test_the_threshold_is_the_lowest_not_measurably_worse_than_the_best():
    model = _one_feature_selector(verifier_weight=1.0, verifier_bias=0.0)

    def asked(p: float) -> dict:  # a question whose one candidate holds the gold, picked with probability p
        return {"removed": False, "rows": [[_logit(p)]], "labels": [1], "documents": ["a"],
                "windows": [{"rows": [[1.0]], "labels": [1]}]}

    def removed(p: float) -> dict:
        return {"removed": True, "rows": [[_logit(p)]], "labels": [0], "documents": ["b"], "windows": [None]}

    # 0.38 and above is best by a hair (four removed questions at 0.37 abstained, three answers at 0.36 lost);
    # below 0.36 the three are answered and the four answered too: a difference within its standard error
    groups = [asked(0.7)] * 200 + [removed(0.1)] * 200 + [asked(0.36)] * 3 + [removed(0.37)] * 4
    threshold, scores = best_threshold(groups, model)
    assert 0.1 < threshold <= 0.36  # the lowest not measurably worse; not where the 200 at 0.1 are answered
    assert scores["contains_gold"] == 1.0 and scores["abstained_gold_removed"] == round(200 / 204, 4)


def test_the_threshold_cap_keeps_each_datasets_abstention_under_the_bound_less_the_sampling_margin():
    model = _one_feature_selector(verifier_weight=1.0, verifier_bias=0.0)

    def asked(p: float, dataset: str) -> dict:
        return {"removed": False, "rows": [[_logit(p)]], "labels": [1], "documents": ["a"],
                "windows": [{"rows": [[1.0]], "labels": [1]}], "dataset": dataset}

    # one dataset's 100 answers picked with probability 0.005, 0.015 … 0.995; the other's all sure
    groups = [asked((i + 0.5) / 100, "x") for i in range(100)] + [asked(0.99, "y")] * 100
    # the bound 0.15 less 1.645·√(0.15·0.85·(1/100 + 1/1000)) = 0.062: at most 8.8 % of x abstained on
    chosen = choices(groups, model)
    cap, abstained = abstention_cap(groups, chosen, Bound(0.15, 1000))
    assert cap == 0.08 and abstained(cap) == {"x": 0.08, "y": 0.0} and abstained(0.1) == {"x": 0.1, "y": 0.0}
    assert abstention_cap(groups, chosen, Bound(0.15, 100))[0] == 0.06  # a smaller judging sample: a wider margin
    assert abstention_cap(groups, chosen, Bound())[0] == 1.0  # no bound, no cap
    only_y = [g for g in groups if g["dataset"] == "y"]
    assert abstention_cap(only_y, choices(only_y, model), Bound(0.15, 1000))[0] == 1.0
    # the same questions drawn in pairs from 50 articles, each pair's outcomes alike: the sampling variance about
    # doubles (design effect 2.04), so does the margin's square, and the cap falls
    paired = [{**g, "article": i // 2} for i, g in enumerate(groups[:100])]
    assert abstention_cap(paired, choices(paired, model), Bound(0.15, 1000))[0] == 0.06
    assert design_effect(np.array([1.0, 1.0, 0.0, 0.0] * 5), [i // 2 for i in range(20)]) == pytest.approx(2 * 10 / 9)
    # each question its own article: no wider than drawn alone, but for the k/(k−1) of a variance estimate
    assert design_effect(np.array([1.0, 0.0] * 10), list(range(20))) == pytest.approx(20 / 19)
    assert design_effect(np.array([1.0, 0.0, 0.0, 1.0] * 5), [i // 2 for i in range(20)]) == 1.0  # pairs differ


def test_a_pick_the_checks_refuse_is_an_abstention_and_not_the_verifiers_to_learn():
    model = _one_feature_selector(verifier_weight=4.0, verifier_bias=-2.0)
    answerable = {"removed": False, "rows": [[0.0], [0.6]], "labels": [0, 1], "documents": ["a", "a"],
                  "windows": [None, {"rows": [[0.0], [1.0]], "labels": [0, 1]}]}
    # a near miss whose pick (p 0.88) the engine's checks refuse: the engine abstains on it at any threshold
    near_miss = {"removed": True, "rows": [[1.0]], "labels": [0], "documents": ["b"], "windows": [None],
                 "refused": [1]}
    threshold, scores = best_threshold([answerable, near_miss], model)
    assert threshold <= 0.6  # not pushed above the near miss's 0.88: the answer's 0.6 is kept
    assert scores["contains_gold"] == 1.0 and scores["abstained_gold_removed"] == 1.0
    kept = best_threshold([answerable, {**near_miss, "refused": [0]}], model)[1]
    assert kept["contains_gold"] + kept["abstained_gold_removed"] == 1.0  # left to the verifier, one must fail


def test_collected_rows_mark_the_candidates_the_checks_refuse(engine):
    from eval.fit_selector import candidate_rows

    def refused_where(question: str, text: str) -> list[int]:
        """The refusal flags of the question's candidates that hold `text` (labelled so by the rows' `holds`)."""
        rows = candidate_rows(engine, question, None, lambda sentence: text in sentence, region_named=True)
        found = [refused for label, refused in zip(rows["labels"], rows["refused"]) if label]
        assert found, f"no candidate of {question} holds {text}"
        return found

    status = "技术状元506名"
    assert all(refused_where("昆明的技术状元里女工有几名", status))  # a part of the group asked: its count does not answer
    assert not any(refused_where("昆明的技术状元有几名", status))


def test_the_verifier_reads_the_picks_share_among_its_own_documents_candidates_only():
    ranker = selector.SelectorModel(("a",), np.array([1.0]), 0.0)
    model = selector.Selector(ranker, ranker, ranker)
    rows = [[2.0], [2.0 - np.log(3.0)]]
    alone = model.pick(rows, ["ours", "ours"])
    # a candidate of another document, however strong, does not change the pick's share within its own
    joined = model.pick(rows + [[1.9]], ["ours", "ours", "added"])
    assert alone == joined == (0, [2.0, 2.0, pytest.approx(0.75)])


def test_a_pick_among_some_candidates_takes_its_share_against_all_its_documents_rivals():
    ranker = selector.SelectorModel(("a",), np.array([1.0]), 0.0)
    model = selector.Selector(ranker, ranker, ranker)
    rows = [[2.0 + np.log(3.0)], [2.0], [1.0]]  # the first is strongest but may not be given
    restricted = model.pick(rows, ["ours"] * 3, among=[1, 2])
    assert restricted == (1, [2.0, 2.0, pytest.approx(1 / (1 + np.exp(-1.0)))])  # alone among the two allowed
    against_all = model.pick(rows, ["ours"] * 3, among=[1, 2], rivals=[0, 1, 2])
    assert against_all == (1, [2.0, 2.0, pytest.approx(1 / (4 + np.exp(-1.0)))])  # the strongest still counts


def test_rows_collected_again_replace_only_the_same_datasets_split_and_kind(tmp_path):
    names = ["drcd-fit-asked-aaaaaaaaaaaa.json", "drcd-fit-asked-bbbbbbbbbbbb.json", "drcd-fit-year-cccccccccccc.json",
             "drcd-judge-asked-dddddddddddd.json", "cmrc2018-fit-asked-eeeeeeeeeeee.json",
             "drcd-0123456789ab.json", "cmrc2018-0123456789ab.json"]
    for name in names:
        (tmp_path / name).write_text("[]", encoding="utf-8")
    stale = stale_rows(tmp_path / "drcd-fit-asked-bbbbbbbbbbbb.json")
    assert [p.name for p in stale] == ["drcd-0123456789ab.json", "drcd-fit-asked-aaaaaaaaaaaa.json"]


def test_rows_collected_under_other_candidate_or_chunk_settings_are_not_reused():
    from core.config import Settings

    code = [selector.FEATURES, "digest"]
    name = rows_file_name("drcd", 1500, "fit", False, Settings(), code)
    assert name.startswith("drcd-fit-asked-") and name == rows_file_name("drcd", 1500, "fit", False, Settings(), code)
    others = [rows_file_name("drcd", 1500, "fit", False, Settings(candidate_chunks=10), code),
              rows_file_name("drcd", 1500, "fit", False, Settings(chunk_size=300), code),
              rows_file_name("drcd", 1500, "fit", False, Settings(dense_weight=1.0), code),
              rows_file_name("drcd", 1500, "fit", True, Settings(), code),
              rows_file_name("drcd", 1500, "fit", False, Settings(), [selector.FEATURES, "other code"])]
    assert len({name, *others}) == 6


def test_split_is_stable_and_keeps_an_article_together():
    titles = [f"条目{i}" for i in range(200)]
    halves = [split_of(t) for t in titles]
    assert halves == [split_of(t) for t in titles] and {"fit", "judge"} == set(halves)


def test_the_fitted_threshold_decides_unless_the_setting_overrides(engine):
    from qa.engine import Engine

    assert engine.threshold == selector.load_selector().threshold
    unanswerable = "昆明产业工人平均年龄是多少"
    assert engine.ask(unanswerable).abstained
    lenient = Engine(replace(engine.settings, abstain_threshold=0.0), engine.index, engine.retriever.encoder)
    answered = lenient.ask(unanswerable)
    assert not answered.abstained and answered.support < engine.threshold
    strict = Engine(replace(engine.settings, abstain_threshold=1.0), engine.index, engine.retriever.encoder)
    assert strict.ask("黑龙江高技能人才多少").abstained
    assert "82.7" in engine.ask("黑龙江高技能人才多少").answer


def test_threshold_setting_is_optional_and_validated():
    from core.config import Settings, SettingsError

    assert Settings.from_env({}).abstain_threshold is None
    assert Settings.from_env({"REFORMQA_ABSTAIN_THRESHOLD": "0.4"}).abstain_threshold == 0.4
    with pytest.raises(SettingsError, match="must be from 0.0 to 1.0"):
        Settings.from_env({"REFORMQA_ABSTAIN_THRESHOLD": "1.5"})


def test_colloquial_sha_is_read_as_shenme():
    assert selector.question_view("山东那篇产改综述啥时候发布的").asks_date
    colloquial, formal = (selector.question_view(q) for q in ("山西的产改啥时候开始搞的", "山西的产改什么时候开始搞的"))
    assert replace(colloquial, matching="") == replace(formal, matching="")  # all but the question's own text


def test_a_weight_that_rounds_to_zero_is_written_without_a_sign():
    """Refits differ by float noise around zero; -0.0 against 0.0 would make qa/selector.json differ by a byte."""
    import json

    import numpy as np

    model = selector.SelectorModel(("a", "b", "c"), np.array([-1e-9, 2e-9, -0.5]), 0.0)
    assert json.dumps(model.to_dict()["weights"]) == "[0.0, 0.0, -0.5]"
