"""Issue 9, more constructions of wire stories and portal reposts (tests/corpus/dev/wire_s16w_*), each tested on
sentences of our own: a month range written with 份 on both months (`1月份至2月份`)."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures

PUB = date(2025, 3, 20)


def _got(text: str, pub: date | None = PUB) -> list[tuple[str, float | None, date | None, date | None]]:
    return [(f.metric, f.value, f.period_start, f.period_end) for f in extract_figures(text, pub)]


def test_a_month_range_with_fen_on_both_months_starts_at_the_first() -> None:
    got = _got("数据显示，1月份至2月份，全省网上零售额为812亿元，同比增长6.3%。")
    assert ("网上零售额", 812.0, date(2025, 1, 1), date(2025, 2, 28)) in got
    # the first month alone keeps its own month
    one = _got("数据显示，2月份全省网上零售额为412亿元。")
    assert ("网上零售额", 412.0, date(2025, 2, 1), date(2025, 2, 28)) in one


def test_qizhong_after_a_full_stop_names_kinds_of_the_population_just_stated() -> None:
    text = "商务部数据显示，一季度贫困县网络零售额达820亿元。其中，服务型网络零售额310亿元，实物型网络零售额510亿元。"
    pub = date(2025, 5, 20)
    got = _got(text, pub)
    q1 = (date(2025, 1, 1), date(2025, 3, 31))
    assert ("贫困县服务型网络零售额", 310.0, *q1) in got
    assert ("贫困县实物型网络零售额", 510.0, *q1) in got
    # a paragraph opening on 其中 goes on with the paragraph before it
    paras = _got("一季度农村网络零售额达4200亿元。\n其中，实物型网络零售额3600亿元。", pub)
    assert ("农村实物型网络零售额", 3600.0, *q1) in paras
    # without 其中 the kind keeps its own name: the sentence does not refer back
    plain = _got("一季度农村网络零售额达4200亿元。全国实物型网络零售额3.6万亿元。", pub)
    assert [m for m, *_ in plain] == ["农村网络零售额", "实物型网络零售额"]


def test_parcels_taken_in_and_delivered_together_are_the_lantou_volume() -> None:
    got = _got("五一假期（5月1日至5日），全国邮政快递业共揽收和投递快递包裹26.3亿件，同比增长9%。", date(2025, 5, 7))
    assert ("快递揽投量", 26.3, date(2025, 5, 1), date(2025, 5, 5)) in got
    assert [m for m, *_ in _got("假期期间，全市快递企业揽投快递包裹1200万件。")] == ["快递揽投量"]
    # each activity counted on its own keeps its own name
    apart = _got("假期期间，全国共揽收快递包裹18亿件，投递快递包裹17亿件。")
    assert [m for m, *_ in apart] == ["快递揽收量", "快递投递量"]


def test_a_bare_penetration_rate_after_the_netizens_is_the_internet_rate() -> None:
    got = _got("截至2024年12月，我国网民规模达11.08亿人，普及率为78.6%。")
    assert ("互联网普及率", 78.6, None, date(2024, 12, 31)) in got
    # a rate named with its own subject keeps it; a group's netizens keep the group's rate
    own = _got("截至2024年12月，我国网民规模达11.08亿人，移动支付普及率为86.2%。")
    assert [m for m, *_ in own] == ["网民规模", "移动支付普及率"]


def test_a_bare_amount_after_a_business_said_to_be_popular_is_that_business() -> None:
    got = _got("乡村民宿持续火热，上半年网络零售额88.6亿元，同比增长31%。", date(2025, 7, 20))
    assert ("乡村民宿网络零售额", 88.6, date(2025, 1, 1), date(2025, 6, 30)) in got
    # the whole market said to be popular, or a place named before the amount: the amount keeps its name
    market = _got("上半年网络零售市场持续火热，全国网上零售额7.16万亿元。", date(2025, 7, 20))
    assert [m for m, *_ in market] == ["网上零售额"]
    place = _got("假期消费火热，全省网上零售额200亿元。", date(2025, 7, 20))
    assert [m for m, *_ in place] == ["网上零售额"]


def test_users_said_to_stand_now_are_counted_as_of_the_publication_date() -> None:
    got = _got("某部门今日公布，目前全国移动支付用户规模已达9.4亿。")
    assert ("移动支付用户规模", 9.4, None, PUB) in got
    # 目前 before a count of things built (not of users) stays undated, as before
    built = _got("目前，全省已建成村级站点1.2万个。")
    assert [(s, e) for _, _, s, e in built] == [(None, None)]


def test_a_dateline_opening_the_sentence_is_no_part_of_the_metric() -> None:
    pub = date(2025, 3, 2)
    for lead in ("新华社福州3月1日电（记者李四）", "某某网长沙3月1日电 ", "本报成都3月1日讯（记者王五）", "财联社3月1日电，", "新华社电 "):
        got = _got(lead + "2024年全省快递业务量完成48.2亿件，同比增长18%。", pub)
        assert [m for m, *_ in got] == ["快递业务量"], lead
    placed = _got("某某网南宁3月1日电 2024年广西农村网络零售额达820亿元。", pub)
    assert [(f.metric, f.region) for f in extract_figures("某某网南宁3月1日电 2024年广西农村网络零售额达820亿元。", pub)] == [
        ("农村网络零售额", "广西")
    ]
    assert placed[0][1] == 820.0


def test_a_story_filed_in_december_and_reposted_in_january_reads_its_own_year() -> None:
    text = "某某社北京12月30日电（记者某某）记者从省商务厅获悉，今年全省网络零售额达5200亿元，同比增长9%。"
    (fig,) = extract_figures(text, date(2025, 1, 3))
    assert (fig.period_start, fig.period_end, fig.growth_pct) == (date(2024, 1, 1), date(2024, 12, 31), 9.0)
    # a dateline earlier in the same year changes nothing; nor does one far from the publication
    (same,) = extract_figures("某某社北京3月1日电 今年前2个月全省网络零售额达820亿元。", date(2025, 3, 3))
    assert (same.period_start, same.period_end) == (date(2025, 1, 1), date(2025, 2, 28))
    (far,) = extract_figures("某某社北京6月1日电 上半年全省网络零售额达2600亿元。", date(2025, 3, 3))
    assert far.period_end == date(2024, 6, 30)


def test_an_unnamed_province_in_a_story_filed_from_its_capital_is_that_province() -> None:
    pub = date(2025, 3, 5)
    got = extract_figures("某某社长沙2月20日电（记者某某）2024年，全省农产品网络零售额达560亿元，增长15%。", pub)
    assert [(f.metric, f.region) for f in got] == [("农产品网络零售额", "湖南")]
    # a dateline in Beijing names no province; an unnamed city stays unnamed
    assert [f.region for f in extract_figures("某某社北京2月20日电 2024年，全省快递业务量完成80亿件。", pub)] == ["全省"]
    assert [f.region for f in extract_figures("某某社长沙2月20日电 2024年，全市快递业务量完成20亿件。", pub)] == ["全市"]
    # a province the sentence names wins
    named = extract_figures("某某社长沙2月20日电 2024年，江西省快递业务量完成30亿件。", pub)
    assert [f.region for f in named] == ["江西"]


def test_the_whole_of_a_named_place_is_that_place() -> None:
    got = _got("2024年，湖北全省快递业务量完成52亿件，武汉全市网络零售额达3000亿元。")
    assert [(m, v) for m, v, *_ in got] == [("快递业务量", 52.0), ("网络零售额", 3000.0)]
    regions = [f.region for f in extract_figures("2024年，湖北全省快递业务量完成52亿件。", PUB)]
    assert regions == ["湖北"]
