#!/usr/bin/python3
"""Regenerates the JPEG decoder fixtures in this folder.

Encoders are independent of the decoder under test: Pillow (libjpeg-turbo) for most files and
libjpeg-turbo's cjpeg for options Pillow 9 lacks (restart intervals, 4:1:1 and mixed sampling,
RGB/Adobe, SOF1 with 16-bit quantization tables, arithmetic coding). Next to every decodable
NAME.jpg the script writes NAME.rgb: Pillow's decoded pixels as raw RGB24, row-major, which the
tests use as the reference.

Requirements (Debian): apt-get install -y python3-pil python3-numpy libjpeg-turbo-progs
Run with the system interpreter: /usr/bin/python3 make_fixtures.py
The output is deterministic for a given Pillow/libjpeg-turbo version.
"""
import io
import os
import subprocess
import tempfile

import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))


def synthetic(width, height, seed):
    """Smooth colour gradients, a few hard edges and mild noise: stresses DC, AC and chroma."""
    rng = np.random.RandomState(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float64)
    r = 128 + 100 * np.sin(x / 4.0 + seed)
    g = 128 + 90 * np.cos(y / 3.0 - x / 7.0)
    b = 255.0 * x / max(width - 1, 1)
    img = np.stack([r, g, b], axis=-1)
    # A saturated rectangle and a diagonal edge.
    img[height // 4: height // 2 + 1, width // 3: width // 3 + max(width // 4, 1)] = (250, 20, 40)
    img[(x + y) > (width + height) * 0.75] = (20, 200, 60)
    img += rng.normal(0, 6, img.shape)
    return Image.fromarray(np.clip(img, 0, 255).astype(np.uint8), "RGB")


def write_reference(name):
    with Image.open(os.path.join(HERE, name + ".jpg")) as im:
        rgb = im.convert("RGB")
        assert rgb.size == im.size
        with open(os.path.join(HERE, name + ".rgb"), "wb") as f:
            f.write(rgb.tobytes())


def save_pil(name, image, **options):
    image.save(os.path.join(HERE, name + ".jpg"), "JPEG", **options)
    write_reference(name)


def save_cjpeg(name, image, args, reference=True, scan_script=None):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "in.ppm" if image.mode == "RGB" else "in.pgm")
        image.save(src)
        if scan_script is not None:
            script = os.path.join(tmp, "scans.txt")
            with open(script, "w") as f:
                f.write(scan_script)
            args = [*args, "-scans", script]
        out = os.path.join(HERE, name + ".jpg")
        subprocess.run(["cjpeg", *args, "-outfile", out, src], check=True)
    if reference:
        write_reference(name)


def main():
    for old in os.listdir(HERE):
        if old.endswith((".jpg", ".rgb")):
            os.remove(os.path.join(HERE, old))

    small = synthetic(33, 17, 1)
    large = synthetic(65, 40, 2)

    # Pillow / libjpeg-turbo, baseline unless stated.
    save_pil("gray_33x17_q75", small.convert("L"), quality=75)
    save_pil("gray_8x8_q90", synthetic(8, 8, 3).convert("L"), quality=90)
    save_pil("ycc444_33x17_q95", small, quality=95, subsampling=0)
    save_pil("ycc444_65x40_q50", large, quality=50, subsampling=0)
    save_pil("ycc422_33x17_q75", small, quality=75, subsampling=1)
    save_pil("ycc420_65x40_q50", large, quality=50, subsampling=2)
    save_pil("ycc420_65x40_q95", large, quality=95, subsampling=2)
    save_pil("ycc420_1x1_q75", synthetic(1, 1, 4), quality=75, subsampling=2)
    save_pil("ycc420_65x40_optimized", large, quality=80, subsampling=2, optimize=True)
    save_pil("progressive_ycc420_65x40_q75", large, quality=75, subsampling=2, progressive=True)
    save_pil("progressive_ycc444_33x17_q95", small, quality=95, subsampling=0, progressive=True)
    save_pil("progressive_gray_33x17_q90", small.convert("L"), quality=90, progressive=True)

    # cjpeg (libjpeg-turbo) for what Pillow 9 cannot ask for.
    save_cjpeg("restart_ycc420_65x40", large, ["-quality", "75", "-sample", "2x2,1x1,1x1", "-restart", "1B"])
    save_cjpeg("restart_progressive_ycc420_65x40", large,
               ["-quality", "75", "-sample", "2x2,1x1,1x1", "-progressive", "-restart", "1B"])
    save_cjpeg("ycc411_65x40_q75", large, ["-quality", "75", "-sample", "4x1,1x1,1x1"])
    save_cjpeg("ycc440_33x17_q75", small, ["-quality", "75", "-sample", "1x2,1x1,1x1"])
    save_cjpeg("mixed_21_12_11_33x17", small, ["-quality", "85", "-sample", "2x1,1x2,1x1"])
    save_cjpeg("rgb_adobe_33x17_q90", small, ["-quality", "90", "-rgb"])
    # Sequential, one non-interleaved scan per component (Ss=0, Se=63, Ah=Al=0).
    save_cjpeg("multiscan_ycc420_65x40", large, ["-quality", "75", "-sample", "2x2,1x1,1x1"],
               scan_script="0: 0 63 0 0;\n1: 0 63 0 0;\n2: 0 63 0 0;\n")
    save_cjpeg("sof1_ycc420_33x17_q5", small, ["-quality", "5", "-sample", "2x2,1x1,1x1"])

    # Files that the decoder must reject (no reference pixels).
    save_cjpeg("arithmetic_8x8", synthetic(8, 8, 5), ["-arithmetic"], reference=False)
    synthetic(8, 8, 6).convert("CMYK").save(os.path.join(HERE, "cmyk_8x8.jpg"), "JPEG", quality=90)

    total = sum(os.path.getsize(os.path.join(HERE, f)) for f in os.listdir(HERE))
    print(f"fixtures written, {total} bytes in total")


if __name__ == "__main__":
    main()
