"""Rules found in the session-15m wire documents, each on an invented sentence."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.ingest.normalise import clean_line


def test_unnamed_province_is_the_one_province_the_article_names() -> None:
    # `全省` with no dateline or title place: the only province the article names
    text = "安徽电商发展势头良好。\n今年前三季度，全省实现网络零售额1850亿元，同比增长12%。"
    figs = extract_figures(text, date(2021, 11, 2))
    assert [(f.region, f.metric, f.value) for f in figs] == [("安徽", "网络零售额", 1850.0)]
    # two provinces named: which one 全省 is stays unknown
    two = "安徽、江西电商发展势头良好。\n今年前三季度，全省实现网络零售额1850亿元，同比增长12%。"
    assert [f.region for f in extract_figures(two, date(2021, 11, 2))] == ["全省"]


def test_a_province_only_measured_against_is_not_a_second_scope() -> None:
    # `仅次于江苏`: a rival the province is ranked against, not what `全省` stands for
    text = "湖北快递发展提速。\n去年全省完成快递业务量30亿件，仅次于江苏，居中部第一。"
    assert [f.region for f in extract_figures(text, date(2022, 2, 1))] == ["湖北"]
    both = "湖北、江苏快递发展提速。\n去年全省完成快递业务量30亿件，居中部第一。"
    assert [f.region for f in extract_figures(both, date(2022, 2, 1))] == ["全省"]


def test_listed_measures_share_the_subject_split_by_the_verb() -> None:
    # `软件产业完成营业收入…、利润…`: the later items are the same subject's
    figs = extract_figures("2020年，全国软件产业完成营业收入8000亿元、利润总额900亿元、出口额120亿元。", date(2021, 3, 1))
    assert [f.metric for f in figs] == ["软件产业营业收入", "软件产业利润总额", "软件产业出口额"]
    # each item named whole before its number: nothing carried
    figs = extract_figures("2020年，全国网络零售额8000亿元、快递业务量90亿件。", date(2021, 3, 1))
    assert [f.metric for f in figs] == ["网络零售额", "快递业务量"]


def test_day_first_dotted_date_line_reads_year_first() -> None:
    assert clean_line("05.03.2019  08:15") == "2019-03-05 08:15"
    assert clean_line("28.12.2020") == "2020-12-28"
    assert clean_line("增长3.5.2019年") == "增长3.5.2019年"  # not a date line


def test_a_city_outlets_story_about_the_whole_province() -> None:
    # printed by a city's site, the story speaks only of `全省` and names one province: the province's figure
    text = "湖北快递发展提速。\n去年全省完成快递业务量30亿件，仅次于江苏，居中部第一。"
    assert [f.region for f in extract_figures(text, date(2022, 2, 1), home="宜昌")] == ["湖北"]
    # the same outlet's story about its own city keeps the city
    city = "湖北快递发展提速。\n去年全市完成快递业务量3亿件。"
    assert [f.region for f in extract_figures(city, date(2022, 2, 1), home="宜昌")] == ["宜昌"]


def test_a_rate_held_above_a_floor_is_no_figure() -> None:
    # `保持在…以上` over several months: a floor, not one period's growth
    text = "今年以来，我市跨境电商进出口增速一直保持在25%以上，居全省前列。"
    assert extract_figures(text, date(2022, 9, 1)) == []
    # `保持…以上的增长`: the growth itself, still read
    kept = "今年一季度，全省网络零售额保持20%以上的增长。"
    assert [f.growth_pct for f in extract_figures(kept, date(2022, 4, 20))] == [20.0]


def test_a_county_the_title_names_bare() -> None:
    # the title's `青田` over the body's `青田县…`: a county the gazetteer lacks, the figure's region
    text = "1～6月，青田县网络零售额为8.5亿元，同比增长21.3%。"
    figs = extract_figures(text, date(2022, 7, 20), title="青田网络零售上半年增长两成")
    assert [(f.region, f.metric, f.value) for f in figs] == [("青田", "网络零售额", 8.5)]
    # `…个县，建设县级服务中心`: a word before 县级 is no county, whatever the title says
    other = "2022年，资金支持600个县，建设县级物流中心，全国农村网络零售额2.1万亿元。"
    figs = extract_figures(other, date(2023, 3, 1), title="农村物流建设提速")
    assert [f.region for f in figs if f.metric == "农村网络零售额"] == ["全国"]
