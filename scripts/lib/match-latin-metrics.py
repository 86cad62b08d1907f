#!/usr/bin/env python3
"""Gives font files the vertical metrics (hhea and OS/2 ascent, descent, line gap) of a reference
face, so a renderer that sizes faces by ascent - descent (Dear ImGui) draws them all at one em and
one baseline. Files that already match are left untouched.

    match-latin-metrics.py REFERENCE.ttf FONT.ttf...
"""
import sys

from fontTools.ttLib import TTFont


def metrics(font):
    hhea, os2 = font["hhea"], font["OS/2"]
    return (hhea.ascent, hhea.descent, hhea.lineGap, os2.sTypoAscender, os2.sTypoDescender,
            os2.sTypoLineGap, os2.usWinAscent, os2.usWinDescent)


def main():
    reference = TTFont(sys.argv[1])
    wanted = metrics(reference)
    for path in sys.argv[2:]:
        font = TTFont(path)
        if font["head"].unitsPerEm != reference["head"].unitsPerEm:
            sys.exit(f"{path}: units per em differ from {sys.argv[1]}")
        if metrics(font) == wanted:
            continue
        hhea, os2 = font["hhea"], font["OS/2"]
        (hhea.ascent, hhea.descent, hhea.lineGap, os2.sTypoAscender, os2.sTypoDescender,
         os2.sTypoLineGap, os2.usWinAscent, os2.usWinDescent) = wanted
        font.save(path)


if __name__ == "__main__":
    main()
