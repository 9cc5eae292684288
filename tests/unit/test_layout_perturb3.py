"""Layout noise, round 3 (issue 9, `BENCH_CORPUS_PERTURB`): a picture's source line, sub-heads spaced like the
headlines of a page with `——` subtitles, a reporter's signature closing a hard-wrapped paragraph. Own sentences."""

from __future__ import annotations

from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.layout.evidence import is_photo_source
from bot.services.ingest.readers import RawDocument, RawLine


def parse_text(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


def titles(text: str) -> list[str]:
    return [a.title for a in parse_text(text).articles]


def test_a_pictures_source_line_is_never_a_title() -> None:
    for line in ("图自某市商务局网站", "图片来源：网络", "图源：视觉中国", "（资料图）", "李华供图"):
        assert is_photo_source(line), line
    for line in ("图书电商销量回升", "图解上半年外贸数据", "供图企业超过三百家，同比增长。"):
        assert not is_photo_source(line), line
    text = (
        "南湖区上半年网络零售额增长一成\n2025-07-20 来源：南湖新闻网\n\n"
        "据区商务局统计，上半年南湖区网络零售额达到86.4亿元，同比增长10.2%，增速高于全市平均水平。\n"
        "点击查看大图\n图为直播基地里的主播在介绍本地茶叶。（记者 赵一 摄）\n\n"
        "图自南湖区商务局网站\n\n"
        "其中，农产品网络零售额完成12.3亿元，同比增长15.6%。\n\n（完）\n"
    )
    parsed = parse_text(text)
    assert [a.title for a in parsed.articles] == ["南湖区上半年网络零售额增长一成"]
    assert "12.3亿元" in parsed.articles[0].body


def test_subheads_spaced_like_headlines_stay_in_their_story_where_headlines_carry_dashed_subtitles() -> None:
    text = (
        "江城商贸报\n2025年5月6日　星期二　第02版\n\n\n"
        "春季消费持续升温\n江城一季度网络零售额突破百亿元\n——线上线下融合带动消费增长\n"
        "本报讯　记者从市商务局获悉，一季度全市网络零售额达到101.5亿元，同比增长9.8%，规模首次突破百亿元。\n\n\n"
        "直播带货贡献明显\n\n\n"
        "一季度，全市开展电商直播两万余场，带动销售额18.2亿元，同比增长三成以上。\n\n\n"
        "家居品类增势突出\n\n\n"
        "家居家装类商品网络零售额增长21.4%，成为增长最快的品类之一。\n\n\n"
        "江城三个乡镇入选省级电商示范镇名单\n——示范镇将获得专项资金支持\n"
        "省商务厅日前公布了今年的电商示范镇名单，江城共有三个乡镇入选，入选数量在全省各市中排名靠前。\n\n\n"
        "农产品上行渠道拓宽\n\n\n"
        "相关负责人表示，示范镇建设将进一步畅通农产品上行渠道，预计带动农户增收。\n"
    )
    assert titles(text) == ["江城一季度网络零售额突破百亿元", "江城三个乡镇入选省级电商示范镇名单"]


def _wrapped(paragraphs: list[str], width: int = 34) -> list[str]:
    out = []
    for p in paragraphs:
        p = "　　" + p
        out += [p[k : k + width] for k in range(0, len(p), width)]
    return out


def test_a_reporters_signature_closes_a_hard_wrapped_paragraph_before_a_headline() -> None:
    first = [
        "近日，省邮政管理局发布了前8个月全省邮政行业运行情况。从发布的数据看，今年1-8月，全省快递业务量累计完成15.6"
        "亿件，同比增长10.4%。",
        "1-8月，全省同城快递业务量累计完成2.35亿件，同比增长6.1%；异地快递业务量累计完成12.9亿件，同比增长11.8%；"
        "快递业务收入累计完成120.8亿元，同比增长8.1%。",
        "单看8月份，全省快递业务量完成2.1亿件，同比增长12.5%；快递业务收入完成16.4亿元，同比增长9.3%。",
        "下一步，全省将继续推进快递进村工程，补齐农村寄递网点短板，力争年底前实现建制村快递服务全覆盖。　记者　周明远",
    ]
    second = [
        "本报综合消息　国家邮政局数据显示，1-8月，全国快递业务量累计完成1020.3亿件，同比增长18.2%；快递业务收入"
        "累计完成9012.6亿元，同比增长11.4%。",
    ]
    lines = ["东海商报", "2025年9月3日　星期三　A05　经济", "前8月本省快递业务量同比增长一成", *_wrapped(first),
             "全国前8月快递业务量超过一千亿件", *_wrapped(second)]
    parsed = parse_text("\n".join(lines) + "\n")
    assert [a.title for a in parsed.articles] == ["前8月本省快递业务量同比增长一成", "全国前8月快递业务量超过一千亿件"]
    assert "1020.3亿件" not in parsed.articles[0].body.replace("\n", "")


def test_a_subhead_under_a_photo_caption_stays_in_the_one_story_of_a_page_without_blank_lines() -> None:
    text = (
        "滨海经济日报\n2025年4月9日　星期三　第3版　综合新闻\n"
        "一季度全市网络零售额同比增长12.4%\n——3月份增幅创年内新高\n"
        "　　本报滨海4月8日讯记者从市商务局获悉，一季度全市网络零售额完成56.2亿元，同比增长12.4%。\n"
        "点击查看大图\n"
        "图为电商产业园内的员工正在打包发货。（记者 孙二 摄）\n"
        "跨境业务增长较快\n"
        "　　一季度，全市跨境电商进出口额完成8.7亿元，同比增长23.5%。\n"
        "农村电商稳步发展\n"
        "　　一季度，全市农村网络零售额完成9.3亿元，同比增长10.8%。\n"
        "（完）\n责任编辑：吴某\n【纠错】　分享到：\n"
    )
    parsed = parse_text(text)
    assert [a.title for a in parsed.articles] == ["一季度全市网络零售额同比增长12.4%"]
    assert "8.7亿元" in parsed.articles[0].body
