#!/usr/bin/env python3
"""Regenerates the face-landmark (face mesh) golden files (dev tool; CI does not run it).

An independent numpy float64 re-implementation of MediaPipe's face-landmark pipeline for one image, one face at a
time. It uses none of the C# code. For each case it writes, under goldens/landmark/:

  {name}.input.f32       the 1x192x192x3 crop tensor, NHWC float32 LE, RGB in [0, 1] (spec in README.md)
  {name}.landmarks.f32   real TFLite output `conv2d_21`: 1404 floats = 468 x (x, y, z) in tensor pixels
  {name}.presence.f32    real TFLite output `conv2d_31`: 1 float, the face-presence logit
  {name}.mesh.json       the ROI, the presence score, the 468 landmarks in image pixels, the next-frame ROI
  manifest.json          every file with its sha256, the model sha256s, the commands

Cases: every face the committed short-range detector goldens (goldens/short/*.detections.json) find in the photos of
assets/images/; the astronaut photo rolled by -45, -30, +30 and +45 degrees (the rolled photos are written as
fixtures, ../photos/astronaut_roll_{m45,m30,p30,p45}.ppm.gz, and the short-range detector is run on them here with
make_goldens.py's own pre- and post-processing); and `synthetic_sin`, a fixed pattern for tensor parity only.

    cp -r shared/tools/tflite-reference /tmp/tflite-reference && (cd /tmp/tflite-reference && npm ci)
    /usr/bin/python3 tests/BlazeFace.Tests/TestData/goldens/make_landmark_goldens.py \
        --runner /tmp/tflite-reference/run.js [--model assets/models/face_landmark.tflite]

The facts behind every step (graphs and calculators of MediaPipe) are listed in README.md, "Face landmark goldens".
"""
import argparse
import datetime
import gzip
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile

import numpy as np
from PIL import Image

import make_goldens as mg  # detector pre/post-processing: reused, not copied

HERE = mg.HERE
REPO = mg.REPO
PHOTOS = os.path.abspath(os.path.join(HERE, "..", "photos"))

MODEL_SHA256 = "c603fa6149219a3e9487dc9abd7a0c24474c77263273d24868378cdf40aa26d1"
TENSOR = 192                     # ImageToTensorCalculator output_tensor_width/height (face_landmark_cpu.pbtxt)
NUM_LANDMARKS = 468
LANDMARKS_OUTPUT = "conv2d_21"   # 1x1x1x1404
PRESENCE_OUTPUT = "conv2d_31"    # 1x1x1x1, logit
PRESENCE_THRESHOLD = 0.5         # ThresholdingCalculator: present iff sigmoid(logit) > 0.5 (strictly)
ROI_SCALE = 1.5                  # RectTransformationCalculator scale_x = scale_y = 1.5, square_long
DETECTION_ROTATION_KEYPOINTS = (0, 1)     # detector keypoints: 0 = right eye, 1 = left eye (subject's)
LANDMARK_ROTATION_KEYPOINTS = (33, 263)   # mesh: outer corners of the subject's right and left eye
ROLLS = [(-45, "m45"), (-30, "m30"), (30, "p30"), (45, "p45")]
ROLL_SOURCE = "astronaut.png"
SYNTHETIC_NAME = "synthetic_sin"


# --------------------------------------------------------------------------- geometry
def normalize_radians(angle):
    """Wraps into [-pi, pi), as MediaPipe's NormalizeRadians does."""
    return angle - 2.0 * math.pi * math.floor((angle + math.pi) / (2.0 * math.pi))


def rect_from_box(xmin, ymin, xmax, ymax, start, end):
    """DetectionsToRectsCalculator + RectTransformationCalculator(scale 1.5, square_long), in image pixels.

    The rect is the box's centre; its rotation makes the start->end keypoint vector horizontal (target angle 0):
    rotation = NormalizeRadians(0 - atan2(-(y1 - y0), x1 - x0)). square_long takes the longer side in pixels."""
    angle = normalize_radians(-math.atan2(-(end[1] - start[1]), end[0] - start[0]))
    side = max(xmax - xmin, ymax - ymin) * ROI_SCALE
    return {"center": [(xmin + xmax) / 2.0, (ymin + ymax) / 2.0], "size": side, "rotation": angle,
            "rotation_degrees": math.degrees(angle)}


def roi_to_image(roi, lx, ly):
    """Maps ROI-local coordinates (lx, ly in [-0.5, 0.5], x right, y down, before rotation) to image pixels."""
    c, s = math.cos(roi["rotation"]), math.sin(roi["rotation"])
    size = roi["size"]
    x = roi["center"][0] + size * (lx * c - ly * s)
    y = roi["center"][1] + size * (lx * s + ly * c)
    return x, y


def crop_tensor(pixels, roi):
    """The 192x192 crop as ImageToTensorCalculator samples it, in exact float64 (spec in README.md).

    Pixel centres sit at +0.5 in both the image and the tensor; bilinear; outside the image the edge pixel is
    repeated (BORDER_REPLICATE, the default border of face_landmark_cpu.pbtxt's ImageToTensorCalculator)."""
    p = pixels.astype(np.float64)
    t = (np.arange(TENSOR, dtype=np.float64) + 0.5) / TENSOR - 0.5
    ly, lx = np.meshgrid(t, t, indexing="ij")            # [row j, column i]
    x, y = roi_to_image(roi, lx, ly)
    value = bilinear(p, x - 0.5, y - 0.5)
    return (value / 255.0).astype(np.float32).reshape(1, TENSOR, TENSOR, 3)


def bilinear(p, u, v):
    """The detector spec's bilinear rule, vectorised: u, v are pixel indices (centre of pixel 0 at 0), clamped to
    the image, so a point outside takes the nearest edge pixel. p: HxWx3 float64."""
    h, w, _ = p.shape
    u = np.clip(u, 0.0, w - 1.0)
    v = np.clip(v, 0.0, h - 1.0)
    x0 = np.floor(u).astype(np.int64)
    y0 = np.floor(v).astype(np.int64)
    x1 = np.minimum(x0 + 1, w - 1)
    y1 = np.minimum(y0 + 1, h - 1)
    fx = (u - x0)[..., None]
    fy = (v - y0)[..., None]
    return ((1.0 - fy) * ((1.0 - fx) * p[y0, x0] + fx * p[y0, x1])
            + fy * ((1.0 - fx) * p[y1, x0] + fx * p[y1, x1]))


def project_landmarks(raw, roi):
    """TensorsToLandmarksCalculator (x/192, y/192, z/192) then LandmarkProjectionCalculator, in image pixels.

    z is scaled like x: z_image = z_tensor / 192 * roi size."""
    pts = raw.astype(np.float64).reshape(NUM_LANDMARKS, 3)
    lx = pts[:, 0] / TENSOR - 0.5
    ly = pts[:, 1] / TENSOR - 0.5
    x, y = roi_to_image(roi, lx, ly)
    z = pts[:, 2] / TENSOR * roi["size"]
    return np.stack([x, y, z], axis=1)


def next_roi(landmarks):
    """face_landmark_landmarks_to_roi: LandmarksToDetection (box around all 468 x, y), rotation from 33 -> 263."""
    xs, ys = landmarks[:, 0], landmarks[:, 1]
    a, b = LANDMARK_ROTATION_KEYPOINTS
    roi = rect_from_box(xs.min(), ys.min(), xs.max(), ys.max(), landmarks[a, :2], landmarks[b, :2])
    roi["rotation_keypoints"] = [a, b]
    return roi


def sigmoid(x):
    return 1.0 / (1.0 + math.exp(-x))


# --------------------------------------------------------------------------- inputs
def load_rgb(path):
    return np.asarray(Image.open(path).convert("RGB"), dtype=np.uint8)


def roll_image(pixels, degrees, cx, cy):
    """Rolls the picture by `degrees` (positive = counter-clockwise on screen) about (cx, cy), same size.

    For output pixel (i, j) with centre (i + 0.5, j + 0.5): d = centre - (cx, cy); the source point is
    (cx + dx cos a - dy sin a, cy + dx sin a + dy cos a) with a = radians(degrees); then the README's bilinear
    rule (u = x - 0.5, v = y - 0.5, black outside [-0.5, W - 0.5] x [-0.5, H - 0.5], clamped inside); rounded
    half up to uint8."""
    h, w, _ = pixels.shape
    a = math.radians(degrees)
    jj, ii = np.meshgrid(np.arange(h, dtype=np.float64), np.arange(w, dtype=np.float64), indexing="ij")
    dx, dy = ii + 0.5 - cx, jj + 0.5 - cy
    sx = cx + dx * math.cos(a) - dy * math.sin(a)
    sy = cy + dx * math.sin(a) + dy * math.cos(a)
    u, v = sx - 0.5, sy - 0.5
    outside = (u < -0.5) | (u > w - 0.5) | (v < -0.5) | (v > h - 0.5)
    value = bilinear(pixels.astype(np.float64), u, v)
    value[outside] = 0.0
    return np.clip(np.floor(value + 0.5), 0, 255).astype(np.uint8)


def write_ppm_gz(pixels, path):
    """Same fixture format as ../photos/make_photos.py: binary PPM (P6), gzip with mtime 0 and no name."""
    h, w, _ = pixels.shape
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as out:
            out.write(b"P6\n%d %d\n255\n" % (w, h) + pixels.tobytes())


def read_ppm_gz(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    parts = data.split(b"\n", 3)
    w, h = map(int, parts[1].split())
    return np.frombuffer(parts[3], dtype=np.uint8).reshape(h, w, 3)


def detect_short(pixels, node, runner, tmp):
    """The short-range detector exactly as make_goldens.py runs it (letterbox, TFLite, decode, weighted NMS)."""
    cfg = mg.MODELS["short"]
    s = cfg["size"]
    h, w, _ = pixels.shape
    tensor = mg.preprocess(pixels, s, "letterbox")
    in_path = os.path.join(tmp, "det_input.f32")
    tensor.astype("<f4").tofile(in_path)
    out_dir = os.path.join(tmp, "det_out")
    os.makedirs(out_dir, exist_ok=True)
    mg.run_tflite(node, runner, os.path.join(REPO, cfg["file"]), in_path, out_dir)
    raw_boxes = np.fromfile(os.path.join(out_dir, cfg["regressors"] + ".f32"), dtype="<f4")
    raw_scores = np.fromfile(os.path.join(out_dir, cfg["classificators"] + ".f32"), dtype="<f4")
    anchors = mg.generate_anchors(s, **cfg["anchors"])
    cands = mg.decode(raw_boxes, raw_scores, anchors, s, cfg["min_score"])
    sx, sy, px, py = mg.geometry(w, h, s, "letterbox")
    return {"width": w, "height": h, "model": "short", "resize": "letterbox", "tensor_size": s,
            "scale_x": sx, "scale_y": sy, "pad_x": px, "pad_y": py, "min_score": cfg["min_score"],
            "min_suppression_threshold": mg.MIN_SUPPRESSION_THRESHOLD, "num_candidates": len(cands),
            "nms": "weighted", "faces": mg.project(mg.weighted_nms(cands), w, h, s, "letterbox")}


def unclipped_box(det, face):
    """The detection box in image pixels before the clip to the image (MediaPipe does not clip)."""
    nb = face["normalized_box"]
    s, sx, sy, px, py = det["tensor_size"], det["scale_x"], det["scale_y"], det["pad_x"], det["pad_y"]
    return ((nb["xmin"] * s - px) / sx, (nb["ymin"] * s - py) / sy,
            (nb["xmax"] * s - px) / sx, (nb["ymax"] * s - py) / sy)


# --------------------------------------------------------------------------- main
def run_model(node, runner, model, tensor, odir, name):
    in_path = os.path.join(odir, f"{name}.input.f32")
    tensor.astype("<f4").tofile(in_path)
    with tempfile.TemporaryDirectory() as tmp:
        cmd, _ = mg.run_tflite(node, runner, model, in_path, tmp)
        lm_path = os.path.join(odir, f"{name}.landmarks.f32")
        pr_path = os.path.join(odir, f"{name}.presence.f32")
        shutil.copyfile(os.path.join(tmp, LANDMARKS_OUTPUT + ".f32"), lm_path)
        shutil.copyfile(os.path.join(tmp, PRESENCE_OUTPUT + ".f32"), pr_path)
    raw = np.fromfile(lm_path, dtype="<f4")
    logit = np.fromfile(pr_path, dtype="<f4")
    assert raw.size == NUM_LANDMARKS * 3 and logit.size == 1, (raw.size, logit.size)
    return raw, float(logit[0]), {"input": in_path, "landmarks": lm_path, "presence": pr_path}


def inside_fraction(landmarks, box):
    x0, y0, x1, y1 = box
    inside = ((landmarks[:, 0] >= x0) & (landmarks[:, 0] <= x1) & (landmarks[:, 1] >= y0) & (landmarks[:, 1] <= y1))
    return float(inside.mean())


def roi_fraction(landmarks, roi):
    """Share of landmarks inside the (rotated) ROI square."""
    c, s = math.cos(roi["rotation"]), math.sin(roi["rotation"])
    dx = landmarks[:, 0] - roi["center"][0]
    dy = landmarks[:, 1] - roi["center"][1]
    lx = (dx * c + dy * s) / roi["size"]
    ly = (-dx * s + dy * c) / roi["size"]
    return float(((np.abs(lx) <= 0.5) & (np.abs(ly) <= 0.5)).mean())


def eye_error(landmarks, keypoints):
    """Distance from each detector eye keypoint to the mesh eye centre (mean of the two corners: 33/133 for the
    subject's right eye, 362/263 for the left), over the mesh's inter-ocular distance."""
    right = landmarks[[33, 133], :2].mean(axis=0)
    left = landmarks[[362, 263], :2].mean(axis=0)
    iod = float(np.linalg.norm(left - right))
    return max(float(np.linalg.norm(right - keypoints[0])), float(np.linalg.norm(left - keypoints[1]))) / iod


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runner", required=True, help="path to tflite-reference/run.js (after npm ci)")
    ap.add_argument("--node", default="node")
    ap.add_argument("--model", default=os.path.join(REPO, "assets", "models", "face_landmark.tflite"))
    ap.add_argument("--out", default=os.path.join(HERE, "landmark"))
    ap.add_argument("--draw", help="folder for PNGs with the landmarks drawn (visual check; not committed)")
    args = ap.parse_args()

    model_sha = mg.sha256(args.model)
    if model_sha != MODEL_SHA256:
        sys.exit(f"{args.model}: sha256 {model_sha}, expected {MODEL_SHA256}")
    os.makedirs(args.out, exist_ok=True)
    manifest = {
        "generator": "tests/BlazeFace.Tests/TestData/goldens/make_landmark_goldens.py",
        "generated_utc": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "python": sys.version.split()[0], "numpy": np.__version__, "pillow": Image.__version__,
        "platform": platform.platform(),
        "node": subprocess.run([args.node, "--version"], stdout=subprocess.PIPE, text=True).stdout.strip(),
        "runner": "shared/tools/tflite-reference/run.js (tfjs-tflite WASM TFLite interpreter, XNNPACK)",
        "command": "/usr/bin/python3 tests/BlazeFace.Tests/TestData/goldens/make_landmark_goldens.py "
                   "--runner /tmp/tflite-reference/run.js",
        "model": {"file": "assets/models/face_landmark.tflite", "sha256": model_sha,
                  "source": "npm @mediapipe/face_mesh@0.4.1657299874, face_mesh_solution_packed_assets.data "
                            "bytes [2495952, 3737848)",
                  "input": "input_1 [1,192,192,3]", "landmarks": LANDMARKS_OUTPUT + " [1,1,1,1404]",
                  "presence": PRESENCE_OUTPUT + " [1,1,1,1]"},
        "detector": {"file": mg.MODELS["short"]["file"], "sha256": mg.sha256(os.path.join(REPO, mg.MODELS["short"]["file"]))},
        "goldens": [],
    }
    jobs = []  # (name, image label, pixels, detection doc, face index, detection source)
    for img in sorted(f for f in os.listdir(os.path.join(REPO, "assets", "images")) if f.endswith(".png")):
        stem = os.path.splitext(img)[0]
        with open(os.path.join(HERE, "short", f"{stem}.detections.json")) as f:
            det = json.load(f)
        pixels = load_rgb(os.path.join(REPO, "assets", "images", img))
        for k in range(len(det["faces"])):
            name = stem if len(det["faces"]) == 1 else f"{stem}.face{k}"
            jobs.append((name, f"assets/images/{img}", pixels, det, k, f"goldens/short/{stem}.detections.json"))

    # The rolls turn the astronaut's face about its own centre (the detection box's), so it stays in frame.
    with open(os.path.join(HERE, "short", os.path.splitext(ROLL_SOURCE)[0] + ".detections.json")) as f:
        base = json.load(f)
    bx0, by0, bx1, by1 = unclipped_box(base, base["faces"][0])
    cx, cy = (bx0 + bx1) / 2.0, (by0 + by1) / 2.0
    source = load_rgb(os.path.join(REPO, "assets", "images", ROLL_SOURCE))
    rolls = {}
    with tempfile.TemporaryDirectory() as tmp:
        for degrees, tag in ROLLS:
            name = f"astronaut_roll_{tag}"
            rolled = roll_image(source, degrees, cx, cy)
            photo = os.path.join(PHOTOS, f"{name}.ppm.gz")
            write_ppm_gz(rolled, photo)
            assert np.array_equal(read_ppm_gz(photo), rolled)
            det = detect_short(rolled, args.node, args.runner, tmp)
            det["image"] = f"tests/BlazeFace.Tests/TestData/photos/{name}.ppm.gz"
            det["roll"] = {"source": f"assets/images/{ROLL_SOURCE}", "degrees": degrees, "center": [cx, cy]}
            det_path = os.path.join(args.out, f"{name}.detections.json")
            with open(det_path, "w") as f:
                json.dump(det, f, indent=1)
                f.write("\n")
            rolls[name] = (photo, det_path)
            for k in range(len(det["faces"])):
                fname = name if len(det["faces"]) == 1 else f"{name}.face{k}"
                jobs.append((fname, det["image"], rolled, det, k, os.path.relpath(det_path, os.path.join(HERE, ".."))))

    for name, label, pixels, det, k, det_source in jobs:
        face = det["faces"][k]
        box = unclipped_box(det, face)
        kps = face["keypoints"]
        roi = rect_from_box(*box, kps[DETECTION_ROTATION_KEYPOINTS[0]], kps[DETECTION_ROTATION_KEYPOINTS[1]])
        tensor = crop_tensor(pixels, roi)
        raw, logit, files = run_model(args.node, args.runner, args.model, tensor, args.out, name)
        presence = sigmoid(logit)
        lms = project_landmarks(raw, roi)
        nxt = next_roi(lms)
        frac = inside_fraction(lms, box)
        in_roi = roi_fraction(lms, roi)
        eye = eye_error(lms, np.array(kps, dtype=np.float64))
        h, w, _ = pixels.shape
        doc = {
            "image": label, "width": w, "height": h,
            "detection": {"source": det_source, "face_index": k, "score": face["score"],
                          "box_unclipped": {"xmin": box[0], "ymin": box[1], "xmax": box[2], "ymax": box[3]},
                          "keypoints": kps},
            "roi": dict(roi, rotation_keypoints=list(DETECTION_ROTATION_KEYPOINTS)),
            "tensor": {"width": TENSOR, "height": TENSOR, "layout": "NHWC", "channels": "RGB", "range": [0.0, 1.0],
                       "border": "replicate"},
            "presence_logit": logit, "presence": presence, "presence_threshold": PRESENCE_THRESHOLD,
            "face_present": presence > PRESENCE_THRESHOLD,
            "landmarks": lms.tolist(),
            "next_roi": nxt,
            "sanity": {"fraction_in_detection_box": frac, "fraction_in_roi": in_roi,
                       "eye_keypoint_error_over_interocular": eye},
        }
        mesh_path = os.path.join(args.out, f"{name}.mesh.json")
        with open(mesh_path, "w") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
        files["mesh"] = mesh_path
        if name in rolls:
            files["photo"], files["detections"] = rolls[name]
        manifest["goldens"].append({"name": name, "image": label,
                                    "files": {kk: {"path": os.path.relpath(v, REPO), "sha256": mg.sha256(v)}
                                              for kk, v in files.items()}})
        print(f"{name:28s} det={face['score']:.3f} presence={presence:.4f} in_box={frac:.3f} in_roi={in_roi:.3f} "
              f"eye_err={eye:.3f} "
              f"roi=({roi['center'][0]:.1f},{roi['center'][1]:.1f}) size={roi['size']:.1f} "
              f"rot={roi['rotation_degrees']:+.1f}  next rot={nxt['rotation_degrees']:+.1f} size={nxt['size']:.1f}")
        if args.draw:
            draw(pixels, lms, roi, nxt, os.path.join(args.draw, f"{name}.png"))

    # Tensor parity only: a fixed pattern in the model's input range, ROI = the tensor itself.
    i = np.arange(TENSOR * TENSOR * 3, dtype=np.float64)
    tensor = (0.5 + 0.45 * np.sin(0.37 * i)).astype(np.float32).reshape(1, TENSOR, TENSOR, 3)
    raw, logit, files = run_model(args.node, args.runner, args.model, tensor, args.out, SYNTHETIC_NAME)
    roi = {"center": [TENSOR / 2.0, TENSOR / 2.0], "size": float(TENSOR), "rotation": 0.0, "rotation_degrees": 0.0}
    doc = {"image": None, "width": TENSOR, "height": TENSOR, "resize": "none",
           "input": "float32(0.5 + 0.45*sin(0.37*i)) over the flat NHWC index i",
           "roi": roi, "presence_logit": logit, "presence": sigmoid(logit), "presence_threshold": PRESENCE_THRESHOLD,
           "face_present": sigmoid(logit) > PRESENCE_THRESHOLD,
           "landmarks": project_landmarks(raw, roi).tolist()}
    mesh_path = os.path.join(args.out, f"{SYNTHETIC_NAME}.mesh.json")
    with open(mesh_path, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    files["mesh"] = mesh_path
    manifest["goldens"].append({"name": SYNTHETIC_NAME, "image": None,
                                "files": {k: {"path": os.path.relpath(v, REPO), "sha256": mg.sha256(v)}
                                          for k, v in files.items()}})
    print(f"{SYNTHETIC_NAME:28s} presence={sigmoid(logit):.4f}")
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")


def draw(pixels, lms, roi, nxt, path):
    """Debug picture: landmarks (green), the ROI (red), the next ROI (blue); 33, 263 and 1 circled. Not a golden."""
    from PIL import ImageDraw
    im = Image.fromarray(pixels).convert("RGB")
    scale = max(1, int(round(800 / max(im.size))))
    im = im.resize((im.size[0] * scale, im.size[1] * scale), Image.NEAREST)
    d = ImageDraw.Draw(im)
    for r, colour in ((roi, (255, 0, 0)), (nxt, (0, 128, 255))):
        corners = [roi_to_image(r, a, b) for a, b in ((-.5, -.5), (.5, -.5), (.5, .5), (-.5, .5), (-.5, -.5))]
        d.line([(x * scale, y * scale) for x, y in corners], fill=colour, width=2)
    for x, y, _ in lms:
        d.ellipse([x * scale - 1.5, y * scale - 1.5, x * scale + 1.5, y * scale + 1.5], fill=(0, 255, 0))
    for idx, colour in ((33, (255, 255, 0)), (263, (255, 0, 255)), (1, (0, 255, 255))):
        x, y = lms[idx, 0] * scale, lms[idx, 1] * scale
        d.ellipse([x - 4, y - 4, x + 4, y + 4], outline=colour, width=2)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    im.save(path)


if __name__ == "__main__":
    main()
