#!/usr/bin/env python3
"""Makes DejaVuSansDigits.ttf, the font the CLI draws score labels with: DejaVu Sans cut down to the digits and the
decimal point (a few KB instead of 700 KB), renamed as the Bitstream Vera licence asks of modified fonts.

Why embedded: the CLI ships Skia's Linux native assets without dependencies (no fontconfig), which see no system
fonts, so without a font of its own it would draw no score text there.
Needs Debian's fonts-dejavu-core and python3-fonttools:  /usr/bin/python3 make_label_font.py
"""
import os

from fontTools import subset
from fontTools.ttLib import TTFont

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
TARGET = os.path.join(HERE, "DejaVuSansDigits.ttf")

options = subset.Options()
options.name_IDs = ["*"]
options.notdef_outline = True
options.hinting = False
options.desubroutinize = True
font = TTFont(SOURCE)
subsetter = subset.Subsetter(options)
subsetter.populate(text="0123456789.")
subsetter.subset(font)

# Names 1, 3, 4, 6 identify the font; the copyright and licence names (0, 13, 14) stay as they are.
for record in font["name"].names:
    if record.nameID in (1, 16):
        record.string = "DejaVu Sans Digits"
    elif record.nameID == 3:
        record.string = "DejaVu Sans Digits (subset of DejaVu Sans 2.37)"
    elif record.nameID == 4:
        record.string = "DejaVu Sans Digits"
    elif record.nameID == 6:
        record.string = "DejaVuSansDigits"
font["head"].created = font["head"].modified = 0
font.save(TARGET, reorderTables=True)
print(TARGET, os.path.getsize(TARGET), "bytes")
