#!/usr/bin/python3
"""Regenerates the image-codec test fixtures in this folder.

Run with Debian's interpreter, which has Pillow and NumPy
(apt-get install -y python3-pil python3-numpy):

    /usr/bin/python3 tests/BlazeFace.Tests/TestData/codecs/make_fixtures.py

Every image NAME.png / NAME.ppm / NAME.pgm is written next to NAME.rgb, the
pixels the C# decoders must produce: Width*Height*3 bytes, row-major RGB.

Two independent encoders make the PNGs:
  * png-*  : the small encoder below. Pillow cannot write interlaced PNGs, 2/4-bit
             grayscale or 16-bit colour, so this one covers every colour type, bit
             depth and Adam7 interlacing. It cycles through all five filter types,
             splits the zlib stream over several IDAT chunks and adds ancillary
             chunks the decoder must skip.
  * pil-*  : Pillow's own encoder, for the combinations it can write.
Every PNG is then read back with Pillow and compared with the expected pixels, so
a bug in the encoder below cannot silently become the decoder's specification.

The expected pixels follow the PNG rules the C# decoder documents: low-bit gray
is scaled to 0..255 (1 bit -> x255, 2 bits -> x85, 4 bits -> x17), 16-bit
samples keep their high byte, alpha and tRNS are dropped (not composited).
PNM samples are rescaled as round(v * 255 / maxval), halves rounding up.
"""

import pathlib
import struct
import zlib

import numpy as np
from PIL import Image

HERE = pathlib.Path(__file__).resolve().parent
SIZES = [(13, 7), (1, 1), (3, 2)]
# (colour type, short name, channels, allowed bit depths)
COLOUR_TYPES = [
    (0, "g", 1, [1, 2, 4, 8, 16]),
    (2, "rgb", 3, [8, 16]),
    (3, "p", 1, [1, 2, 4, 8]),
    (4, "ga", 2, [8, 16]),
    (6, "rgba", 4, [8, 16]),
]
ADAM7 = [  # x start, y start, x step, y step
    (0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4),
    (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2),
]


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def pack_row(samples, depth):
    """samples: 1-D sequence of ints; returns the packed scanline bytes."""
    if depth == 16:
        return b"".join(struct.pack(">H", int(s)) for s in samples)
    if depth == 8:
        return bytes(int(s) for s in samples)
    out, acc, used = bytearray(), 0, 0
    for s in samples:
        acc = (acc << depth) | int(s)
        used += depth
        if used == 8:
            out.append(acc)
            acc, used = 0, 0
    if used:
        out.append(acc << (8 - used))
    return bytes(out)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def filter_row(kind, row, prior, bpp):
    out = bytearray([kind])
    for i, x in enumerate(row):
        a = row[i - bpp] if i >= bpp else 0
        b = prior[i]
        c = prior[i - bpp] if i >= bpp else 0
        predictor = [0, a, b, (a + b) // 2, paeth(a, b, c)][kind]
        out.append((x - predictor) & 0xFF)
    return bytes(out)


def encode_png(samples, colour_type, depth, interlaced, palette=None, trns=None):
    """samples: int array (height, width, channels) of raw sample values."""
    height, width, channels = samples.shape
    bpp = max(1, channels * depth // 8)
    passes = ADAM7 if interlaced else [(0, 0, 1, 1)]
    raw, row_number = bytearray(), 0
    for x0, y0, dx, dy in passes:
        sub = samples[y0::dy, x0::dx, :]
        if sub.shape[0] == 0 or sub.shape[1] == 0:
            continue  # empty passes have no scanlines at all
        prior = bytes(len(pack_row(sub[0].reshape(-1), depth)))
        for line in sub:
            packed = pack_row(line.reshape(-1), depth)
            raw += filter_row(row_number % 5, packed, prior, bpp)
            prior, row_number = packed, row_number + 1
    compressed = zlib.compress(bytes(raw), 9)
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour_type, 0, 0, int(interlaced))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
    png += chunk(b"gAMA", struct.pack(">I", 45455))
    if palette is not None:
        png += chunk(b"PLTE", bytes(palette.reshape(-1).tolist()))
    if trns is not None:
        png += chunk(b"tRNS", trns)
    png += chunk(b"tEXt", b"Comment\0made by make_fixtures.py")
    for start in range(0, len(compressed), 40):  # several IDAT chunks on purpose
        png += chunk(b"IDAT", compressed[start:start + 40])
    png += chunk(b"prVt", b"private ancillary chunk after IDAT")
    return png + chunk(b"IEND", b"")


def random_samples(rng, width, height, channels, depth):
    return rng.integers(0, 1 << depth, size=(height, width, channels), dtype=np.int64)


def expected_rgb(samples, colour_type, depth, palette):
    """Output pixels the decoder must produce, as a (height, width, 3) uint8 array."""
    if colour_type == 3:
        return palette[samples[:, :, 0]].astype(np.uint8)
    if depth == 16:
        scaled = samples >> 8
    else:
        scaled = samples * 255 // ((1 << depth) - 1)
    if colour_type in (0, 4):
        return np.repeat(scaled[:, :, :1], 3, axis=2).astype(np.uint8)
    return scaled[:, :, :3].astype(np.uint8)


def pillow_rgb(path):
    """Pillow's reading of a file, reduced to RGB the way the C# decoder reduces it."""
    with Image.open(path) as image:
        image.load()
        if image.mode in ("I", "I;16", "I;16B"):  # Pillow keeps 16-bit gray unscaled
            gray = (np.asarray(image, dtype=np.int64) >> 8).astype(np.uint8)
            return np.repeat(gray[:, :, None], 3, axis=2)
        return np.asarray(image.convert("RGB"))


def save(name, payload, rgb, check_with_pillow=True):
    image_path = HERE / name
    image_path.write_bytes(payload)
    (HERE / (image_path.stem + ".rgb")).write_bytes(rgb.astype(np.uint8).tobytes())
    if check_with_pillow:
        seen = pillow_rgb(image_path)
        if not np.array_equal(seen, rgb):
            raise SystemExit(f"{name}: Pillow disagrees with the expected pixels")


def make_png_fixtures(rng):
    for colour_type, short, channels, depths in COLOUR_TYPES:
        for depth in depths:
            for width, height in SIZES:
                for interlaced in (False, True):
                    samples = random_samples(rng, width, height, channels, depth)
                    palette = None
                    if colour_type == 3:
                        palette = rng.integers(0, 256, size=(1 << depth, 3))
                    png = encode_png(samples, colour_type, depth, interlaced, palette)
                    rgb = expected_rgb(samples, colour_type, depth, palette)
                    lace = "i" if interlaced else "n"
                    save(f"png-{short}{depth}-{width}x{height}-{lace}.png", png, rgb)
    # A palette image whose tRNS chunk the decoder must ignore, with a PLTE shorter
    # than the bit depth allows (legal as long as every index is in range).
    samples = rng.integers(0, 5, size=(7, 13, 1))
    palette = rng.integers(0, 256, size=(5, 3))
    png = encode_png(samples, 3, 4, False, palette, trns=bytes([0, 128, 255]))
    save("png-p4-short-palette-trns.png", png, expected_rgb(samples, 3, 4, palette))


def make_pillow_png_fixtures(rng):
    """Non-interlaced PNGs written by Pillow's encoder (its own filter choices)."""
    height, width = 7, 13
    rgb = rng.integers(0, 256, size=(height, width, 3), dtype=np.uint8)
    alpha = rng.integers(0, 256, size=(height, width, 1), dtype=np.uint8)
    gray = rng.integers(0, 256, size=(height, width), dtype=np.uint8)
    gray16 = rng.integers(0, 65536, size=(height, width), dtype=np.uint16)
    cases = {
        "pil-rgb8": (Image.fromarray(rgb, "RGB"), rgb),
        "pil-rgba8": (Image.fromarray(np.concatenate([rgb, alpha], axis=2), "RGBA"), rgb),
        "pil-g8": (Image.fromarray(gray, "L"), np.repeat(gray[:, :, None], 3, axis=2)),
        "pil-ga8": (Image.fromarray(np.stack([gray, alpha[:, :, 0]], axis=2), "LA"),
                    np.repeat(gray[:, :, None], 3, axis=2)),
        "pil-g16": (Image.fromarray(gray16.astype(np.int32), "I"),
                    np.repeat((gray16 >> 8).astype(np.uint8)[:, :, None], 3, axis=2)),
    }
    bits = (gray >= 128)
    cases["pil-g1"] = (Image.fromarray(bits), np.repeat((bits * 255).astype(np.uint8)[:, :, None], 3, axis=2))
    for depth in (1, 2, 4, 8):
        indexes = rng.integers(0, 1 << depth, size=(height, width), dtype=np.uint8)
        palette = rng.integers(0, 256, size=(1 << depth, 3), dtype=np.uint8)
        image = Image.fromarray(indexes, "P")
        image.putpalette(palette.reshape(-1).tolist())
        cases[f"pil-p{depth}"] = (image, palette[indexes], {"bits": depth})
    for name, (image, expected, *options) in cases.items():
        path = HERE / f"{name}.png"
        image.save(path, **(options[0] if options else {}))
        (HERE / f"{name}.rgb").write_bytes(expected.astype(np.uint8).tobytes())
        if not np.array_equal(pillow_rgb(path), expected):
            raise SystemExit(f"{name}: Pillow does not read back what it wrote")


def pnm_header(magic, width, height, maxval):
    # Comments and irregular whitespace on purpose: the decoder must accept both.
    return (f"{magic}\n# written by make_fixtures.py\n{width} {height}\n"
            f"# maxval follows\n{maxval}\n").encode("ascii")


def scale(samples, maxval):
    return (samples * 255 + maxval // 2) // maxval


def make_pnm_fixtures(rng):
    width, height = 13, 7
    for maxval in (255, 65535, 1000, 15):
        for channels, binary_magic, ascii_magic, extension in ((3, "P6", "P3", "ppm"), (1, "P5", "P2", "pgm")):
            samples = rng.integers(0, maxval + 1, size=(height, width, channels), dtype=np.int64)
            expected = np.repeat(scale(samples, maxval), 3 // channels, axis=2)
            flat = samples.reshape(-1)
            if maxval > 255:
                data = b"".join(struct.pack(">H", int(v)) for v in flat)
            else:
                data = bytes(int(v) for v in flat)
            binary = pnm_header(binary_magic, width, height, maxval) + data
            lines = [" ".join(str(int(v)) for v in row.reshape(-1)) for row in samples]
            text = pnm_header(ascii_magic, width, height, maxval) + ("\n".join(lines) + "\n").encode("ascii")
            # Pillow checks the 8-bit binary files; it does not rescale other maxvals.
            save(f"{extension}-{binary_magic.lower()}-{maxval}.{extension}", binary, expected,
                 check_with_pillow=(maxval == 255))
            save(f"{extension}-{ascii_magic.lower()}-{maxval}.{extension}", text, expected,
                 check_with_pillow=False)


def main():
    for old in HERE.glob("*"):
        if old.suffix in (".png", ".rgb", ".ppm", ".pgm"):
            old.unlink()
    rng = np.random.default_rng(20240607)
    make_png_fixtures(rng)
    make_pillow_png_fixtures(rng)
    make_pnm_fixtures(rng)
    total = sum(p.stat().st_size for p in HERE.iterdir() if p.suffix != ".py")
    print(f"wrote {len(list(HERE.glob('*.rgb')))} fixtures, {total} bytes")


if __name__ == "__main__":
    main()
