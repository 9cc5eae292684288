"""Precision rules from round 6 of the audit of fresh pages (tests/corpus/AUDIT.md): each on an invented sentence."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures


def _rows(text: str) -> list[tuple[str, str, float, str, float | None]]:
    return [(f.metric, f.region, f.value, f.unit, f.growth_pct) for f in extract_figures(text, date(2024, 6, 20))]


def test_clauses_going_on_with_a_national_figure_are_national() -> None:
    rows = _rows(
        "1-5月，江西省快递业务量累计完成6.1亿件，同比增长11%。国家邮政局公布的数据显示，1-5月，全国快递业务量累计"
        "完成500亿件，同比增长18%；业务收入累计完成5200亿元，同比增长12%。其中，同城业务量累计完成60亿件，同比增长9%。"
    )
    assert [(r[0], r[1]) for r in rows] == [
        ("快递业务量", "江西"),
        ("快递业务量", "全国"),
        ("快递业务收入", "全国"),
        ("同城快递业务量", "全国"),
    ]


def test_a_local_clause_after_a_national_one_stays_local() -> None:
    rows = _rows("1-5月，全国快递业务量完成500亿件。江西快递业务量完成6.1亿件；业务收入完成61亿元。")
    assert [r[1] for r in rows] == ["全国", "江西", "江西"]


def test_story_amounts_tranches_and_bare_verbs_name_no_indicator() -> None:
    # a span told as a story, with its amounts in characters
    assert _rows("该市跨境电商从起步到年交易额突破10亿元，用了6年时间；从10亿元增至二十亿元，只用了一年。") == []
    # a tranche or the per-piece amount of what is handed out, the thing itself unnamed
    assert _rows("节前，该区发放了第二期300万元。") == []
    assert _rows("按每张20元额度发放5万张。") == []
    # a bare verb or a bare generic word as the whole name
    assert [r[0] for r in _rows("上半年，全省快递网点超过1.2万个，服务20亿人次。")] == ["快递网点"]
    assert [r[0] for r in _rows("全县组织86家企业开展促销。")] == []


def test_bare_revenue_after_a_volume_and_its_share_is_the_activitys() -> None:
    rows = _rows("去年，该市快递企业累计完成业务量3.1亿件，占全省总量的40.2%，同比增长30.5%；收入累计完成38.6亿元，同比增长25.1%。")
    assert [r[0] for r in rows] == ["快递企业业务量", "快递企业业务量占全省总量", "快递企业业务收入"]
    # a revenue of its own stays as named
    assert [r[0] for r in _rows("去年，该市快递企业累计完成业务量3.1亿件。居民人均可支配收入3.2万元。")] == [
        "快递企业业务量",
        "居民人均可支配收入",
    ]


def test_one_share_name_given_several_values_by_a_list_before_is_not_stored() -> None:
    text = "1-4月，同城、异地快递业务量分别占全部快递业务量的20.5%和79.5%；业务收入分别占全部快递收入的15.2%和70.3%。"
    assert [r for r in _rows(text) if r[0] == "业务收入占全部快递收入"] == []
    # one share per name stays
    assert [r[0] for r in _rows("1-4月，同城快递业务量占全部快递业务量的20.5%。")] == ["同城快递业务量占全部快递业务量"]


def test_cut_superlative_and_the_builders_left_over_are_no_part_of_the_name() -> None:
    text = "上半年，全省快递日处理能力最高超过2500万件。截至6月底，全省88个县（市、区）共建成县级物流配送中心70个。"
    assert [r[0] for r in _rows(text)] == ["快递日处理能力", "县级物流配送中心"]
