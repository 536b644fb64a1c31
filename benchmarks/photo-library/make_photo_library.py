#!/usr/bin/python3
"""Makes a folder of 12-megapixel JPEGs (4000 x 3000, quality 90) from the bundled photos, for the photo-library
throughput benchmark (docs/photo-libraries.md).

Each photo is scaled up (bicubic) to fill 4000 x 3000 and given deterministic grain (Gaussian, sigma 6 levels): a
smooth upscale compresses to a fraction of a phone photo's size and decodes faster than one, and the grain brings
each file to about 2.6 MB, the entropy a phone's 12-megapixel JPEG has. Photos repeat, under numbered
names, until COUNT files exist. Needs Pillow and NumPy (Debian: python3-pil python3-numpy).

    /usr/bin/python3 benchmarks/photo-library/make_photo_library.py OUT_FOLDER [COUNT]
"""
import os
import sys

import numpy as np
from PIL import Image

WIDTH, HEIGHT = 4000, 3000
PHOTOS = ["astronaut.png", "cameraman.png", "grace_hopper.png", "group_mosaic.png", "no_face_coffee.png",
          "no_face_stairs.png", "small_face_rocket.png", "tilted_face_astronaut.png"]


def twelve_megapixels(photo, seed):
    """The photo scaled to cover 4000 x 3000 (centre crop), with grain."""
    scale = max(WIDTH / photo.width, HEIGHT / photo.height)
    scaled = photo.convert("RGB").resize((round(photo.width * scale), round(photo.height * scale)), Image.BICUBIC)
    left, top = (scaled.width - WIDTH) // 2, (scaled.height - HEIGHT) // 2
    pixels = np.asarray(scaled.crop((left, top, left + WIDTH, top + HEIGHT)), dtype=np.float32)
    grain = np.random.default_rng(seed).normal(0.0, 6.0, pixels.shape).astype(np.float32)
    return Image.fromarray(np.clip(pixels + grain, 0, 255).astype(np.uint8))


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    out, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) == 3 else len(PHOTOS)
    assets = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "assets", "images")
    os.makedirs(out, exist_ok=True)
    for i in range(count):
        name = PHOTOS[i % len(PHOTOS)]
        with Image.open(os.path.join(assets, name)) as photo:
            image = twelve_megapixels(photo, seed=i)
        image.save(os.path.join(out, f"{i:04d}_{os.path.splitext(name)[0]}.jpg"), quality=90)
    print(f"{count} JPEGs of {WIDTH}x{HEIGHT} in {out}")


if __name__ == "__main__":
    main()
