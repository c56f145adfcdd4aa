"""Cleaning on each seed: named junk is gone, named content survives, the script is kept."""
import pytest

from ingest.cleaning import clean_text, load_rules
from ingest.loader import read_corpus_file
from ingest.metadata import load_metadata
from tests.conftest import CORPUS

CASES = {
    "shanxi-five-years-excellent-rating.txt": (
        ["服务粉丝", "当前位置:首页", "相关阅读", "热门文章", "最新文章", "中小城市吸引年轻人", "甘肃漳县",
         "新冠疫苗", "免税与旅游零售大会", "交口县", "来源:山西日报客户端", "收集编辑"],
        ["全省技能人才总量达546万人,高技能人才总量达163万人", "我省产改工作于2017年9月启动",
         "五年产改 山西获全国考核“优秀”等次", "此次全国评价考核是对我省5年来产改工作的盘点"],
    ),
    "shanxi-soe-implementation-opinions.txt": (
        ["版权声明", "上一篇", "下一篇", "相关推荐", "哈工程力学复试", "色色的APP", "科研百科", "信息系统项目管理"],
        ["职代会中的一线职工代表比例不低于50%", "按职工工资总额的8%足额提取职工教育经费",
         "为国有企业深化产业工人队伍建设改革、充分发挥示范带动作用提供了政策依据和工作指导。"],
    ),
    "kunming-five-years-of-reform.txt": (
        ["旧改", "下面我们就来说一说", "我们一起去了解并探讨一下这个问题吧", "责编", "编审", "终审",
         "免责声明", "anhduc.ph@yahoo.com", "来源:昆明工会"],
        ["技能人才总量达到137.76万人", "高技能人才达到47.39万人", "是党和国家一项具有战略性、全局性的重大决策部署。自2018年",
         "全市“两新”组织建会率、入会率分别达到60.32%和64.5%。"],
    ),
    "shandong-reform-review-2023.txt": (
        ["1.png", "2.png", "3.png", "发布日期", "拟稿人", "核稿人"],
        ["山东2次入选全国产改试点", "▲2023年4月19日", "全省现有“大国工匠”7名",
         "规模宏大的产业工人大军。"],
    ),
    "heilongjiang-press-conference-2024.txt": (
        ["(chǎn)", "(yè)", "jǐn)", "版權及免責聲明", "延伸閱讀", "轉自", "010-65363056"],
        ["截至目前,黑龍江省技能人才264.3萬人、高技能人才82.7萬人", "11月5日,由中共黑龍江省委宣傳部",
         "產業工人隊伍建設改革", "(記者龐淼)"],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_seed_cleaning(name):
    junk, content = CASES[name]
    meta = load_metadata(CORPUS)[name]
    text = clean_text(read_corpus_file(CORPUS / name).text, load_rules(), meta.drop_lines).text
    for line in junk:
        assert line not in text, f"junk kept: {line}"
    for sentence in content:
        assert sentence in text, f"content lost: {sentence}"


def test_traditional_stays_traditional():
    text = clean_text(read_corpus_file(CORPUS / "heilongjiang-press-conference-2024.txt").text, load_rules()).text
    assert "黑龍江" in text and "黑龙江" not in text


def test_duplicate_paragraph_keeps_the_better_copy():
    raw = "产业工人队伍建设改革是重大决策部署自2018年启动以来取得成效,\n正文\n产业工人队伍建设改革是重大决策部署。自2018年启动以来取得成效。"
    text = clean_text(raw, load_rules()).text
    assert text == "正文\n\n产业工人队伍建设改革是重大决策部署。自2018年启动以来取得成效。"


def test_tail_marker_in_traditional_script_cuts_the_tail():
    text = clean_text("正文一句。\n延伸閱讀\n無關的文章標題", load_rules()).text
    assert text == "正文一句。"


def test_short_heading_lines_are_kept():
    raw = "强化组织领导\n一是构建工作格局。\n强化组织领导"
    assert clean_text(raw, load_rules()).text.startswith("强化组织领导")
