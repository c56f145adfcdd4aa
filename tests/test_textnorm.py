from core.textnorm import aligned_normalize, compact, normalize, strip_pinyin_glosses


def test_normalize_maps_traditional_and_full_width_to_one_form():
    assert normalize("黑龍江省技能人才２６４.３萬人，") == "黑龙江省技能人才264.3万人,"
    assert normalize("ＡＢＣ") == "abc"


def test_aligned_normalize_keeps_length_so_offsets_carry_over():
    text = "產業工人…達到82.7萬人，"
    matching = aligned_normalize(text)
    assert len(matching) == len(text)
    assert matching.index("达到") == text.index("達到")


def test_pinyin_glosses_removed_but_real_parentheses_kept():
    assert strip_pinyin_glosses("產(chǎn)業(yè)工人(記者龐淼)") == "產業工人(記者龐淼)"
    assert strip_pinyin_glosses("扶持?jǐn)數字") == "扶持數字"
    assert strip_pinyin_glosses("开发(度假)园区 (yes)") == "开发(度假)园区 (yes)"


def test_compact_removes_whitespace():
    assert compact(" 82.7 萬人\n") == "82.7万人"


def test_settings_from_environment_parse_by_type():
    from pathlib import Path

    import pytest

    from core.config import Settings

    s = Settings.from_env({"REFORMQA_CHUNK_SIZE": "150", "REFORMQA_REGION_ROUTING": "0",
                           "REFORMQA_LLM_BASE_URL": "http://127.0.0.1:11434/v1", "REFORMQA_MODEL_PATH": "/m",
                           "REFORMQA_LLM_TIMEOUT": "2.5", "UNRELATED": "x"})
    assert (s.chunk_size, s.region_routing, s.llm_base_url, s.model_path, s.llm_timeout) == (
        150, False, "http://127.0.0.1:11434/v1", Path("/m"), 2.5)
    with pytest.raises(ValueError, match="REFORMQA_TOP_K"):
        Settings.from_env({"REFORMQA_TOP_K": "many"})
