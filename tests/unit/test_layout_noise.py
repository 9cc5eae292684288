"""Layout noise (issue 9, perturbation benchmark `BENCH_CORPUS_PERTURB`): another copy of the same page — web
boilerplate around stories, other blank-line and indentation habits, full-width digits, hard wraps, subtitles,
source lines above titles — is read like the original. Each rule is tested on sentences of our own."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.normalise import clean_line
from bot.services.ingest.readers import RawDocument, RawLine


def parse_text(text: str, **kw: object) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc, **kw)  # type: ignore[arg-type]


def titles(text: str) -> list[str]:
    return [a.title for a in parse_text(text).articles]


def test_full_width_digits_and_percent_read_as_ascii() -> None:
    assert clean_line("前三季度，本市快递量达到３２．７亿件，增长１４．２％。") == "前三季度，本市快递量达到32.7亿件，增长14.2%。"
    assert clean_line("３．２０２５年二手车线上交易活跃") == "3．2025年二手车线上交易活跃"  # an item number stays one
    line = clean_line("２０２５年１—９月，全市快递业务量完成３２．７亿件，同比增长１４．２％。")
    got = [(f.metric, f.value, f.growth_pct) for f in extract_figures(line, date(2025, 10, 20))]
    assert ("快递业务量", 32.7, 14.2) in got


def test_a_source_line_of_a_web_page_under_a_title_is_meta() -> None:
    text = (
        "滨江日报\n2025年3月2日　星期日　第04版\n\n"
        "临港跨境包裹量创新高\n本文来源：东方日报\n"
        "本报讯（记者　李明）海关统计显示，今年前十个月，临港新片区跨境电商包裹进出境量累计一千余万件，较上年明显增加。\n"
        "区内企业表示，海外仓布局进一步提速。\n\n"
        "县域直播带货渐成气候\n本文来源：东方日报\n"
        "本报讯（记者　王芳）今年以来，县里组织农户参加直播培训，带动一批土特产走出大山。\n"
    )
    assert titles(text) == ["临港跨境包裹量创新高", "县域直播带货渐成气候"]


def test_a_title_and_its_subtitle_over_a_source_line_open_one_article_at_the_title() -> None:
    text = (
        "滨江日报\n2025年3月2日　星期日　第04版　要闻\n\n"
        "城东冷链仓储项目签约\n本文来源：东方日报\n\n"
        "　　3月1日，记者从市商务局获悉，城东冷链仓储项目日前签约，建成后将服务周边多个县区。\n"
        "　　据介绍，园区还将配套建设分拣中心和配送站点，预计明年投用。\n\n"
        "城西商圈获评“夜间经济示范街区”\n全省首个获此称号的县级商圈\n本文来源：东方日报\n\n"
        "　　今年2月，城西商圈被省商务厅评为“夜间经济示范街区”，成为全省首个获此称号的县级商圈。\n"
        "　　发展历程\n"
        "　　近年来，城西商圈延长营业时间，餐饮门店和夜市摊位生意红火。\n"
        "　　商户反映，外地游客占比明显提高。\n"
    )
    assert titles(text) == ["城东冷链仓储项目签约", "城西商圈获评“夜间经济示范街区”"]


def test_a_dashed_subtitle_under_a_title_of_wrapped_text_is_no_part_of_it() -> None:
    text = (
        "第八期《全省网络消费与寄递物流监测报告》正式发布\n"
        "——线上服务消费增势明显\n"
        "省商务厅　　2025年6月18日\n\n"
        "　　6月18日，省商务厅发布第八期《全省网络消费监测\n"
        "报告》。报告显示，今年前五个月，全省线上服务消费持续\n"
        "升温，餐饮外卖、在线文旅等领域订单量明显增加，带动\n"
        "相关行业回暖。\n"
        "　　报告还指出，农村地区网络消费潜力正在释放，县域快\n"
        "递网点覆盖面进一步扩大。\n"
    )
    parsed = parse_text(text)
    assert [a.title for a in parsed.articles] == ["第八期《全省网络消费与寄递物流监测报告》正式发布"]
    assert parsed.articles[0].published == date(2025, 6, 18)


def test_web_page_controls_between_stories_read_as_blank_lines() -> None:
    text = (
        "商务快讯\n2025年5月9日\n\n"
        "跨境电商综试区再扩容\n"
        "本报讯（记者　赵亮）记者从市商务局获悉，本市又有两个区获批跨境电商综试区，外贸新业态布局进一步完善。\n"
        "（完）\n"
        "【纠错】　分享到：\n"
        "打印本页　关闭窗口\n"
        "二手商品线上交易走俏\n"
        "本报讯（记者　孙悦）近期，二手数码产品和图书在各大平台成交活跃，年轻消费者占比持续提高。\n"
        "点击查看大图\n"
        "平台方表示，将进一步完善验货和售后服务。\n"
    )
    got = parse_text(text).articles
    assert [a.title for a in got] == ["跨境电商综试区再扩容", "二手商品线上交易走俏"]
    assert not any("分享" in a.body or "大图" in a.body or "窗口" in a.body for a in got)


def test_a_kicker_after_an_editor_line_closing_the_story_before_goes_over_the_next_title() -> None:
    text = (
        "城乡周报\n2025年4月6日　星期日　第03版：消费\n\n"
        "较上年提前一个月\n"
        "本市网购订单量突破一亿单\n"
        "本报讯（记者　周平）记者从市商务局获悉，今年本市网购订单量已突破一亿单，较上年提前一个月。\n"
        "业内人士认为，即时配送网络的完善是订单增长的重要原因。\n"
        "编辑：李某　审核：赵某\n\n"
        "电商助农\n"
        "山货搭上直播快车\n"
        "——县域电商带动农民增收\n"
        "近年来，县里鼓励返乡青年开设网店，山货通过直播走向全国。\n"
        "当地干部表示，物流网点已覆盖全部行政村。\n"
    )
    assert titles(text) == ["本市网购订单量突破一亿单", "山货搭上直播快车"]


def test_an_item_ordinal_with_an_ascii_bar_is_no_table_row() -> None:
    text = (
        "区域消费数据摘编\n(第2辑 2025年3月10日编)\n\n"
        "NO.1|今年前两个月全市快递业务量增长两成\n"
        "时间:2025-03-05 出处:市邮政管理局\n"
        "今年前两个月,全市快递业务量同比增长两成,业务收入同步提高.\n\n"
        "NO.2|县域网络零售额稳步提升\n"
        "时间:2025-03-08 出处:省商务厅\n"
        "今年以来,各县网络零售额稳步提升,农产品线上销售表现突出.\n"
    )
    assert titles(text) == ["今年前两个月全市快递业务量增长两成", "县域网络零售额稳步提升"]


def test_a_title_block_right_under_the_masthead_without_blank_lines_opens_at_its_headline() -> None:
    text = (
        "江城商报\n"
        "2025年5月20日　星期二　第05版：经济\n"
        "数字消费成新引擎\n"
        "我市网上零售额增幅居全省首位\n"
        "前四个月实物商品网上零售额增长一成以上\n"
        "本报讯（记者　陈晨）记者从市商务局获悉，今年前四个月，我市网上零售额增幅居全省首位。\n"
        "其中，实物商品网上零售额增长一成以上，吃类商品增势最快。\n"
        "二季度快递网点再扩容\n"
        "本报讯（记者　林立）记者从市邮政管理局获悉，二季度全市将新增一批快递服务站点。\n"
    )
    assert titles(text) == ["我市网上零售额增幅居全省首位", "二季度快递网点再扩容"]


def test_a_byline_naming_a_broadcaster_or_paper_is_no_title() -> None:
    text = (
        "来源：东方新闻客户端　2025-04-12\n"
        "县域商业体系建设取得新进展\n\n"
        "东方电视台记者　刘洋　陈静\n"
        "在今天举行的新闻发布会上，省商务厅有关负责人介绍，县域商业体系建设取得新进展，乡镇商贸中心加快布局。\n"
        "据介绍，下一步将继续完善县乡村三级物流配送体系。\n"
    )
    assert titles(text) == ["县域商业体系建设取得新进展"]
