"""Build bot/assets/fonts/DongtaiSansSC-Regular.otf: a subset of Noto Sans CJK SC Regular (SIL OFL 1.1) for charts.

Not run at install or run time (the subset is committed). To rebuild, on a Debian/Ubuntu machine:

    apt-get install fonts-noto-cjk
    .venv/bin/python tools/build_cjk_font.py [/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc]

Characters kept: ASCII and Latin-1, general and CJK punctuation, full-width forms, every hanzi of GB 2312
(6 763 characters: the simplified Chinese of bulletins, outlets and metric names) and every character of the seed
files. The family is renamed ("Dongtai Sans SC"): the OFL asks modified versions not to use the original's names.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bot" / "assets" / "fonts" / "DongtaiSansSC-Regular.otf"
FAMILY = "Dongtai Sans SC"
SC_INDEX = 2  # Noto Sans CJK SC inside the collection


def gb2312() -> set[int]:
    chars: set[int] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return chars


def codepoints() -> set[int]:
    cps = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    cps |= set(range(0x2000, 0x2070)) | set(range(0x2190, 0x2200)) | {0x20AC, 0x2103, 0x2116, 0x2122}
    cps |= set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
    cps |= gb2312()
    for path in (ROOT / "seeds").iterdir():
        if path.suffix in (".txt", ".toml"):
            cps |= {ord(ch) for ch in path.read_text(encoding="utf-8", errors="ignore") if ord(ch) >= 0x20}
    return cps


def main(source: str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc") -> None:
    font = TTCollection(source).fonts[SC_INDEX]
    options = subset.Options()
    options.layout_features = ["kern", "palt"]
    options.hinting = False
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 7, 13, 14]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints()))
    subsetter.subset(font)
    names = font["name"]
    for rec in list(names.names):
        text = rec.toUnicode()
        if rec.nameID in (1, 16):
            names.setName(FAMILY, rec.nameID, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID in (3, 4):
            names.setName(f"{FAMILY} Regular", rec.nameID, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID == 6:
            names.setName("DongtaiSansSC-Regular", rec.nameID, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID == 5:
            names.setName(text + "; subset of Noto Sans CJK SC", rec.nameID, rec.platformID, rec.platEncID,
                          rec.langID)
    if "CFF " in font:  # the CFF table carries its own font name
        cff = font["CFF "].cff
        cff.fontNames = ["DongtaiSansSC-Regular"]
        top = cff.topDictIndex[0]
        top.FullName, top.FamilyName = f"{FAMILY} Regular", FAMILY
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(OUT)
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size / 1e6:.2f} MB, {len(font.getGlyphOrder())} glyphs")


if __name__ == "__main__":
    main(*sys.argv[1:])
