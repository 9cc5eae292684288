"""Normalisation: joining lines broken inside words, paragraph ends, folding, furniture."""

from __future__ import annotations

import pytest

from bot.services.ingest.normalise import (
    ends_paragraph,
    fold,
    is_address,
    is_footer,
    is_toc_line,
    join_lines,
    strip_quotes,
    toc_title,
    width,
)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["农村网络零售", "额1.12万亿元"], "农村网络零售额1.12万亿元"),
        (
            ["上半年，全国农村网络零售", "", "额1.12万亿元，同比增长12.5%。"],
            "上半年，全国农村网络零售额1.12万亿元，同比增长12.5%。",
        ),
        (
            ["Inside intelligence 预测，另外，Inside ", "intelligence 预计"],
            "Inside intelligence 预测，另外，Inside intelligence 预计",
        ),
        (
            ["支付宝小程序数量已经超过了 400 万，2022 ", "年在平台产生交易"],
            "支付宝小程序数量已经超过了 400 万，2022 年在平台产生交易",
        ),
        (["  5 月 30—31 日，全国跨", "境电商综试区 "], "5 月 30—31 日，全国跨境电商综试区"),
    ],
)
def test_join_lines(lines: list[str], expected: str) -> None:
    assert join_lines(lines) == expected


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("到海外，将迎来新发展机遇。", True),
        ("预计下半年香港 IPO活动有望回升。”", True),
        ("亿元。 （唐洪波）", True),
        ("（来源：中国专利代理（香港）", False),
        ("“直播带", False),
        ("在中国市场积累的经验也具备可复", False),
        ("平台庞大的用户流量基础，“直播带货”", False),
    ],
)
def test_ends_paragraph(line: str, ends: bool) -> None:
    assert ends_paragraph(line) is ends


def test_fold_ignores_width_space_and_punctuation() -> None:
    assert fold("国务院: 促进数字技术, 2023 年") == fold("国务院：促进数字技术，２０２３年")
    assert fold("ＡＢＣ　ｄｅｆ") == "abcdef"


def test_width_counts_cjk_double() -> None:
    assert width("abc") == 3
    assert width("电子商务") == 8
    assert width("5G 网络") == 7


def test_furniture() -> None:
    assert is_footer("- 20 -") and is_footer("— 3 —") and is_footer("12") and is_footer("第 3 页")
    assert not is_footer("2023 年第 17 期")
    assert is_address("编辑部地址:中山南路 1088 号南浦大厦四楼 邮政编码: 200011")
    assert is_address("上海市电子商务和消费促进中心内 电话: 021-63685517")
    assert is_toc_line("\t>\t商务部:将从五方面推动电子商务创新发展\t2")
    assert is_toc_line("▶ 2023 上半年直播电商交易规模约为 19916 亿元......15")
    assert toc_title("\t>\t商务部:将从五方面推动电子商务创新发展\t2") == "商务部:将从五方面推动电子商务创新发展"
    assert not is_toc_line("商务部:将从五方面推动电子商务创新发展")


def test_strip_quotes() -> None:
    assert strip_quotes("《文汇报》") == "文汇报"
    assert strip_quotes('"财政部官网"') == "财政部官网"
    assert strip_quotes("“新华网”") == "新华网"


def test_fold_is_nfkc_lower_without_punctuation() -> None:
    """Narrowing full-width forms before NFKC changes nothing, also next to combining marks and jamo."""
    import random
    import re
    import unicodedata

    def reference(text: str) -> str:
        return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).lower())

    alphabet = [chr(c) for c in range(0xFF01, 0xFF61)] + list("\u3000\u0301\u0308\u0338\u3099\u309a\u1100\u1161")
    alphabet += list("\u11a8가e=A中。…①㎡ﬁ かｶﾞ")
    rnd = random.Random(11)
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(8)))
        assert fold(text) == reference(text), repr(text)
