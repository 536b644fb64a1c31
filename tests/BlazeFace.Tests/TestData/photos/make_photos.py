#!/usr/bin/env python3
"""Turns every photo in assets/images into a raw-pixel fixture: photos/{stem}.ppm.gz (binary PPM, RGB24, gzip).

The library tests read these instead of decoding PNG, so that no codec (ours or a library's) stands between a photo
and the detector: a codec change can never look like a detector regression. PIL's convert('RGB') is also what the
golden generator (../goldens/make_goldens.py) feeds TFLite, so the pixels are exactly the goldens' source.
Run with Debian's python3 (apt-get install -y python3-pil):  /usr/bin/python3 make_photos.py
The gzip header carries no time or name (mtime=0), so the output is byte-for-byte reproducible.
"""
import glob
import gzip
import os

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))

for path in sorted(glob.glob(os.path.join(REPO, "assets", "images", "*.png"))):
    image = Image.open(path).convert("RGB")
    header = b"P6\n%d %d\n255\n" % image.size
    stem = os.path.splitext(os.path.basename(path))[0]
    with open(os.path.join(HERE, stem + ".ppm.gz"), "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as out:
            out.write(header + image.tobytes())
    print(stem, image.size)
