#!/usr/bin/env python3
"""Makes the encoded image fixtures the CLI and SkiaSharp tests decode, from the public-domain photos in assets/images
(their sources and licences: assets/images/NOTICE.md). Every file here is derived from those photos by this script.

  formats/   one file per format and variant the CLI must read: JPEG baseline, progressive, CMYK and grey; PNG with
             16-bit colour, 16-bit grey, palette, grey + alpha, RGBA, Adam7 interlacing; WebP lossy and lossless;
             an animated GIF (its first frame has the face); BMP 24-bit and 16-bit 565.
             All are Grace Hopper's portrait at half size (256x300) except the grey ones (the cameraman, 256x256).
  exif/      orientation-N.jpg for N = 1..8: the portrait stored turned or mirrored, with EXIF orientation N saying how
             to show it, so each displays exactly as upright.png (the same portrait, lossless).
  fuzz/      small seeds (80x64) the fuzz tests mutate: JPEG baseline and progressive, PNG RGB, palette and 16-bit
             interlaced, WebP lossy and lossless.

Run with Debian's python3, python3-pil and python3-numpy:  /usr/bin/python3 make_image_fixtures.py
Pillow writes no timestamps into these formats, so the output is reproducible with the same Pillow and libjpeg.
"""
import os
import struct
import zlib

import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))


def photo(name):
    return Image.open(os.path.join(REPO, "assets", "images", name))


def out(folder, name):
    os.makedirs(os.path.join(HERE, folder), exist_ok=True)
    return os.path.join(HERE, folder, name)


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def write_png16(path, samples, interlaced):
    """A 16-bit PNG (grey or RGB) written by hand: Pillow cannot write 16-bit colour or interlaced PNGs."""
    height, width = samples.shape[:2]
    channels = 1 if samples.ndim == 2 else samples.shape[2]
    color_type = 0 if channels == 1 else 2
    big_endian = samples.astype(">u2")
    raw = bytearray()
    passes = ADAM7 if interlaced else [(0, 0, 1, 1)]
    for x0, y0, dx, dy in passes:
        sub = big_endian[y0::dy, x0::dx]
        if sub.size == 0:
            continue
        for row in sub:
            raw += b"\x00" + row.tobytes()  # filter type None
    ihdr = struct.pack(">IIBBBBB", width, height, 16, color_type, 0, 0, 1 if interlaced else 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + png_chunk(b"IEND", b""))


def write_bmp565(path, rgb):
    """A 16-bit BMP with BI_BITFIELDS masks for 5-6-5, bottom-up rows padded to four bytes (Pillow cannot write one)."""
    a = np.asarray(rgb).astype(np.uint16)
    height, width = a.shape[:2]
    values = ((a[:, :, 0] >> 3) << 11) | ((a[:, :, 1] >> 2) << 5) | (a[:, :, 2] >> 3)
    row_bytes = (width * 2 + 3) & ~3
    pixels = bytearray()
    for row in values[::-1]:
        data = row.astype("<u2").tobytes()
        pixels += data + b"\x00" * (row_bytes - len(data))
    header_size = 14 + 40 + 12
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 16, 3, len(pixels), 2835, 2835, 0, 0)
    masks = struct.pack("<III", 0xF800, 0x07E0, 0x001F)
    with open(path, "wb") as f:
        f.write(b"BM" + struct.pack("<IHHI", header_size + len(pixels), 0, 0, header_size) + info + masks + pixels)


def formats():
    portrait = photo("grace_hopper.png").convert("RGB").resize((256, 300), Image.LANCZOS)
    grey = photo("cameraman.png").convert("L").resize((256, 256), Image.LANCZOS)
    coffee = photo("no_face_coffee.png").convert("RGB").resize((256, 300), Image.LANCZOS)

    portrait.save(out("formats", "jpeg-baseline.jpg"), quality=90)
    portrait.save(out("formats", "jpeg-progressive.jpg"), quality=90, progressive=True)
    portrait.convert("CMYK").save(out("formats", "jpeg-cmyk.jpg"), quality=95)
    grey.save(out("formats", "jpeg-grey.jpg"), quality=90)

    wide = np.asarray(portrait).astype(np.uint16) * 257  # 8-bit to 16-bit: v * 257 maps 255 to 65535
    write_png16(out("formats", "png-rgb16.png"), wide, interlaced=False)
    write_png16(out("formats", "png-rgb16-interlaced.png"), wide, interlaced=True)
    write_png16(out("formats", "png-grey16.png"), np.asarray(grey).astype(np.uint16) * 257, interlaced=False)
    portrait.quantize(256, method=Image.MEDIANCUT).save(out("formats", "png-palette.png"), optimize=True)
    grey_alpha = grey.convert("LA")
    grey_alpha.putalpha(Image.new("L", grey.size, 255))
    grey_alpha.save(out("formats", "png-grey-alpha.png"))
    rgba = portrait.convert("RGBA")
    alpha = np.full((300, 256), 255, np.uint8)
    alpha[:, :24] = 96  # a translucent band on the left, away from the face
    rgba.putalpha(Image.fromarray(alpha))
    rgba.save(out("formats", "png-rgba.png"))

    portrait.save(out("formats", "webp-lossy.webp"), quality=85, method=6)
    portrait.save(out("formats", "webp-lossless.webp"), lossless=True, method=6)

    # First frame: the portrait; second frame: a coffee cup. The CLI reads the first frame only.
    portrait.save(out("formats", "gif-animated.gif"), save_all=True, append_images=[coffee], duration=500, loop=0)

    portrait.save(out("formats", "bmp-24.bmp"))
    write_bmp565(out("formats", "bmp-565.bmp"), portrait)


# How to store the upright picture so that EXIF orientation N displays it upright again: the inverse of the
# transform a viewer applies for N (Pillow's ImageOps.exif_transpose table).
STORE_FOR_ORIENTATION = {
    1: None,
    2: Image.FLIP_LEFT_RIGHT,
    3: Image.ROTATE_180,
    4: Image.FLIP_TOP_BOTTOM,
    5: Image.TRANSPOSE,
    6: Image.ROTATE_90,   # a viewer turns 6 by ROTATE_270, so store it turned the other way
    7: Image.TRANSVERSE,
    8: Image.ROTATE_270,
}


def exif():
    upright = photo("grace_hopper.png").convert("RGB").resize((256, 300), Image.LANCZOS)
    upright.save(out("exif", "upright.png"))
    for orientation, transpose in STORE_FOR_ORIENTATION.items():
        stored = upright if transpose is None else upright.transpose(transpose)
        tags = Image.Exif()
        tags[0x0112] = orientation
        stored.save(out("exif", "orientation-%d.jpg" % orientation), quality=95, exif=tags.tobytes())


def fuzz():
    face = photo("astronaut.png").convert("RGB").crop((130, 40, 330, 200)).resize((80, 64), Image.LANCZOS)
    face.save(out("fuzz", "seed-baseline.jpg"), quality=80)
    face.save(out("fuzz", "seed-progressive.jpg"), quality=80, progressive=True)
    face.save(out("fuzz", "seed-rgb.png"))
    face.quantize(64, method=Image.MEDIANCUT).save(out("fuzz", "seed-palette.png"))
    write_png16(out("fuzz", "seed-rgb16-interlaced.png"), np.asarray(face).astype(np.uint16) * 257, interlaced=True)
    face.save(out("fuzz", "seed-lossy.webp"), quality=80)
    face.save(out("fuzz", "seed-lossless.webp"), lossless=True)


formats()
exif()
fuzz()
for folder in ("formats", "exif", "fuzz"):
    for name in sorted(os.listdir(os.path.join(HERE, folder))):
        print(folder + "/" + name, os.path.getsize(os.path.join(HERE, folder, name)))
