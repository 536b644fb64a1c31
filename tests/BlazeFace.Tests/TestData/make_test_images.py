#!/usr/bin/env python3
"""Builds assets/images/ from photos shipped in Debian packages (dev tool, not run by CI).

Usage (Debian bookworm, run with /usr/bin/python3 which has python3-pil + python3-numpy):
    mkdir -p /tmp/pk && cd /tmp/pk
    apt-get download python3-skimage python-matplotlib-data python3-scipy
    for f in *.deb; do dpkg -x "$f" /tmp/pk/x; done
    /usr/bin/python3 make_test_images.py --root /tmp/pk/x --out /work/main/assets/images

See assets/images/NOTICE.md for the source, author and licence of every file.
Deterministic: the same package versions give byte-identical PNGs (PIL, no randomness).
"""
import argparse
import os
import pickle

import numpy as np
from PIL import Image

SK = "usr/lib/python3/dist-packages/skimage/data"
MPL = "usr/share/matplotlib/mpl-data/sample_data"
SCIPY = "usr/lib/python3/dist-packages/scipy/misc"


def load(root, rel):
    return Image.open(os.path.join(root, rel)).convert("RGB")


def fit(im, size):
    """Resize (bicubic) so the image fits in size x size, keeping aspect ratio."""
    s = min(size / im.width, size / im.height)
    return im.resize((round(im.width * s), round(im.height * s)), Image.BICUBIC)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True, help="folder the .deb files were dpkg -x'ed into")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)

    def save(im, name, mode="RGB"):
        im.convert(mode).save(os.path.join(a.out, name), optimize=True)

    astronaut = load(a.root, f"{SK}/astronaut.png")            # 512x512 RGB
    camera = Image.open(os.path.join(a.root, f"{SK}/camera.png"))  # 512x512 L
    coffee = load(a.root, f"{SK}/coffee.png")                  # 600x400 RGB
    chelsea = load(a.root, f"{SK}/chelsea.png")                # 451x300 RGB
    rocket = load(a.root, f"{SK}/rocket.jpg")                  # 640x427 RGB
    hopper = load(a.root, f"{MPL}/grace_hopper.jpg")           # 512x600 RGB
    with open(os.path.join(a.root, f"{SCIPY}/ascent.dat"), "rb") as f:
        ascent = Image.fromarray(np.array(pickle.load(f)).astype(np.uint8))  # 512x512 L

    # 1. Unmodified photos (format conversion only).
    save(astronaut, "astronaut.png")
    save(camera, "cameraman.png", "L")          # grayscale PNG on purpose (tests the L -> RGB path)
    save(hopper, "grace_hopper.png")
    save(coffee, "no_face_coffee.png")
    save(ascent, "no_face_stairs.png", "L")     # people seen from behind: no visible face

    # 2. Group: 2x2 mosaic of 256x256 head-and-shoulders tiles (three faces + a cat), 512x512.
    tiles = [astronaut.crop((96, 0, 352, 256)),
             hopper.crop((64, 44, 448, 428)).resize((256, 256), Image.BICUBIC),
             camera.convert("RGB").crop((120, 60, 320, 260)).resize((256, 256), Image.BICUBIC),
             chelsea.crop((75, 0, 375, 300)).resize((256, 256), Image.BICUBIC)]
    group = Image.new("RGB", (512, 512))
    for k, t in enumerate(tiles):
        group.paste(t, ((k % 2) * 256, (k // 2) * 256))
    save(group, "group_mosaic.png")

    # 3. Small / far face: the astronaut's head and shoulders (crop 120,0-330,210 -> 96x96)
    #    pasted into the sky of the 640x427 rocket photo at (420, 40).
    small = rocket.copy()
    small.paste(astronaut.crop((120, 0, 330, 210)).resize((96, 96), Image.BICUBIC), (420, 40))
    save(small, "small_face_rocket.png")

    # 4. Tilted face: astronaut rotated 30 degrees counter-clockwise about the centre,
    #    bicubic, black fill, then the central 400x400 kept.
    tilted = astronaut.rotate(30, resample=Image.BICUBIC, fillcolor=(0, 0, 0)).crop((56, 0, 456, 400))
    save(tilted, "tilted_face_astronaut.png")


if __name__ == "__main__":
    main()
