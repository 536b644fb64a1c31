#!/usr/bin/env python3
"""Regenerates the BlazeFace golden files (dev tool; CI does not run it).

For each model (short range 128x128, full range 192x192, sparse full range 192x192, back camera
256x256) and each photo in assets/images/ (plus one synthetic input per model) it writes, under
goldens/{short,full,full_sparse,back}/:

  {name}.input.f32               model input, float32 LE, NHWC 1xSxSx3 (exact pre-processing below)
  {name}.regressors.f32          real TFLite interpreter output (N x 16 floats)
  {name}.classificators.f32      real TFLite interpreter output (N x 1 floats)
  {name}.detections.json         reference detections, weighted NMS (MediaPipe semantics), float64
  {name}.hard_nms.detections.json  same with plain greedy (hard) NMS

All photos use letterbox resizing; grace_hopper.png (512x600, non-square) additionally gets
`grace_hopper.stretch.*`.
Finally goldens/manifest.json lists every file with its sha256 and the commands used.

The TFLite outputs come from the repo's runner (WASM build of the real TFLite interpreter,
tfjs-tflite):  cp -r shared/tools/tflite-reference /tmp/tflite-reference
               cd /tmp/tflite-reference && npm ci
Run with Debian's python (apt-get install -y python3-numpy python3-pil):
    /usr/bin/python3 tests/BlazeFace.Tests/TestData/goldens/make_goldens.py \
        --runner /tmp/tflite-reference/run.js

Everything here is independent of the C# code: pre-processing, anchors, decoding and NMS are
re-derived from the written spec and MediaPipe's calculators (ssd_anchors_calculator.cc,
tensors_to_detections_calculator.cc, non_max_suppression_calculator.cc).
"""
import argparse
import datetime
import hashlib
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

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))

MODELS = {
    "short": {
        "file": "assets/models/face_detection_front.tflite",
        "size": 128,
        "regressors": "regressors",
        "classificators": "classificators",
        "num_boxes": 896,
        "min_score": 0.5,
        # SsdAnchorsCalculatorOptions (face_detection_short_range.pbtxt + face_detection.pbtxt)
        "anchors": dict(num_layers=4, strides=[8, 16, 16, 16], aspect_ratios=[1.0],
                        interpolated_scale_aspect_ratio=1.0),
    },
    "full": {
        "file": "assets/models/face_detection_full_range.tflite",
        "size": 192,
        "regressors": "reshaped_regressor_face_4",
        "classificators": "reshaped_classifier_face_4",
        "num_boxes": 2304,
        "min_score": 0.6,
        "anchors": dict(num_layers=1, strides=[4], aspect_ratios=[1.0],
                        interpolated_scale_aspect_ratio=0.0),
    },
    # The sparse full-range model: the file MediaPipe's own full-range graphs load
    # (modules/face_detection/face_detection_full_range.pbtxt, _cpu, _gpu and _image all set model_path
    # face_detection_full_range_sparse.tflite) and that its JS (model: 'full') and Python (model_selection=1)
    # solutions run. Its post-processing is face_detection_full_range_common.pbtxt / face_detection_full_range.pbtxt:
    # the same anchors and thresholds as "full". Only the output names differ (Identity, Identity_1).
    "full_sparse": {
        "file": "assets/models/face_detection_full_range_sparse.tflite",
        "size": 192,
        "regressors": "Identity",
        "classificators": "Identity_1",
        "num_boxes": 2304,
        "min_score": 0.6,
        "anchors": dict(num_layers=1, strides=[4], aspect_ratios=[1.0],
                        interpolated_scale_aspect_ratio=0.0),
    },
    # MediaPipe's 2020 back-camera model. Settings from graphs/face_detection/
    # face_detection_back_desktop_live.pbtxt (same in face_detection_back_mobile_gpu.pbtxt before the
    # 2021 switch to the full-range model). interpolated_scale_aspect_ratio is not set there, so the
    # proto default 1.0 applies; min_scale differs from the others but fixed_anchor_size ignores it.
    "back": {
        "file": "assets/models/face_detection_back.tflite",
        "size": 256,
        "regressors": "regressors",
        "classificators": "classificators",
        "num_boxes": 896,
        "min_score": 0.65,
        "anchors": dict(num_layers=4, strides=[16, 32, 32, 32], aspect_ratios=[1.0],
                        interpolated_scale_aspect_ratio=1.0, min_scale=0.15625),
    },
}
NUM_COORDS = 16
NUM_KEYPOINTS = 6
MIN_SUPPRESSION_THRESHOLD = 0.3
SCORE_CLIP = 100.0
STRETCH_EXTRA = ["grace_hopper.png"]  # non-square, so stretch != letterbox
SYNTHETIC_NAME = "synthetic_sin"


# --------------------------------------------------------------------------- pre-processing
def geometry(w, h, s, mode):
    """Returns (scale_x, scale_y, pad_x, pad_y) in float64."""
    if mode == "letterbox":
        scale = min(s / w, s / h)
        return scale, scale, (s - w * scale) / 2.0, (s - h * scale) / 2.0
    if mode == "stretch":
        return s / w, s / h, 0.0, 0.0
    if mode == "none":  # synthetic input: tensor coordinates are the "image"
        return 1.0, 1.0, 0.0, 0.0
    raise ValueError(mode)


def preprocess(pixels, s, mode):
    """pixels: HxWx3 uint8 RGB -> 1xSxSx3 float32, exactly as specified in README.md."""
    h, w, _ = pixels.shape
    sx, sy, px, py = geometry(w, h, s, mode)
    p = pixels.astype(np.float64)
    out = np.empty((s, s, 3), dtype=np.float32)
    for j in range(s):
        v = (j + 0.5 - py) / sy - 0.5
        for i in range(s):
            u = (i + 0.5 - px) / sx - 0.5
            if u < -0.5 or u > w - 0.5 or v < -0.5 or v > h - 0.5:
                out[j, i, :] = -1.0
                continue
            uc = min(max(u, 0.0), w - 1.0)
            vc = min(max(v, 0.0), h - 1.0)
            x0 = int(math.floor(uc))
            y0 = int(math.floor(vc))
            x1 = min(x0 + 1, w - 1)
            y1 = min(y0 + 1, h - 1)
            fx = uc - x0
            fy = vc - y0
            for c in range(3):
                value = ((1.0 - fy) * ((1.0 - fx) * p[y0, x0, c] + fx * p[y0, x1, c])
                         + fy * ((1.0 - fx) * p[y1, x0, c] + fx * p[y1, x1, c]))
                out[j, i, c] = np.float32(value / 127.5 - 1.0)
    return out.reshape(1, s, s, 3)


def synthetic_input(s):
    i = np.arange(s * s * 3, dtype=np.float64)
    return (np.sin(0.37 * i) * 0.9).astype(np.float32).reshape(1, s, s, 3)


# --------------------------------------------------------------------------- anchors
def calculate_scale(min_scale, max_scale, stride_index, num_strides):
    if num_strides == 1:
        return (min_scale + max_scale) * 0.5
    return min_scale + (max_scale - min_scale) * stride_index / (num_strides - 1.0)


def generate_anchors(s, num_layers, strides, aspect_ratios, interpolated_scale_aspect_ratio,
                     min_scale=0.1484375, max_scale=0.75, anchor_offset=0.5,
                     fixed_anchor_size=True):
    """Port of SsdAnchorsCalculator::GenerateAnchors (non-multiscale path).
    Returns an (N, 4) float64 array of (x_center, y_center, w, h)."""
    anchors = []
    layer_id = 0
    while layer_id < num_layers:
        heights, widths, ratios, scales = [], [], [], []
        last = layer_id
        # Consecutive layers with the same stride share one feature map.
        while last < len(strides) and strides[last] == strides[layer_id]:
            scale = calculate_scale(min_scale, max_scale, last, len(strides))
            for ar in aspect_ratios:
                ratios.append(ar)
                scales.append(scale)
            if interpolated_scale_aspect_ratio > 0.0:
                scale_next = (1.0 if last == len(strides) - 1
                              else calculate_scale(min_scale, max_scale, last + 1, len(strides)))
                scales.append(math.sqrt(scale * scale_next))
                ratios.append(interpolated_scale_aspect_ratio)
            last += 1
        for k in range(len(ratios)):
            r = math.sqrt(ratios[k])
            heights.append(scales[k] / r)
            widths.append(scales[k] * r)
        stride = strides[layer_id]
        fh = int(math.ceil(s / stride))
        fw = int(math.ceil(s / stride))
        for y in range(fh):
            for x in range(fw):
                for k in range(len(heights)):
                    xc = (x + anchor_offset) / fw
                    yc = (y + anchor_offset) / fh
                    if fixed_anchor_size:
                        anchors.append((xc, yc, 1.0, 1.0))
                    else:
                        anchors.append((xc, yc, widths[k], heights[k]))
        layer_id = last
    return np.array(anchors, dtype=np.float64)


# --------------------------------------------------------------------------- decoding + NMS
def decode(raw_boxes, raw_scores, anchors, s, min_score):
    """TensorsToDetectionsCalculator (reverse_output_order: XYWH, scales = S), float64.
    Returns the list of candidates, in anchor order."""
    raw = raw_boxes.astype(np.float64).reshape(-1, NUM_COORDS)
    logits = raw_scores.astype(np.float64).reshape(-1)
    out = []
    for a in range(raw.shape[0]):
        ax, ay, aw, ah = anchors[a]
        logit = min(max(logits[a], -SCORE_CLIP), SCORE_CLIP)
        score = 1.0 / (1.0 + math.exp(-logit))
        if score < min_score:
            continue
        r = raw[a]
        xc = r[0] / s * aw + ax
        yc = r[1] / s * ah + ay
        w = r[2] / s * aw
        h = r[3] / s * ah
        # MediaPipe drops decoded boxes with negative (or NaN) width/height (b/171391719).
        if not (w >= 0.0 and h >= 0.0):
            continue
        kps = [(r[4 + 2 * k] / s * aw + ax, r[5 + 2 * k] / s * ah + ay)
               for k in range(NUM_KEYPOINTS)]
        out.append({"anchor": a, "score": score,
                    "xmin": xc - w / 2.0, "ymin": yc - h / 2.0,
                    "xmax": xc + w / 2.0, "ymax": yc + h / 2.0,
                    "keypoints": kps})
    return out


def iou(a, b):
    """NonMaxSuppressionCalculator OverlapSimilarity, INTERSECTION_OVER_UNION."""
    ix0, iy0 = max(a["xmin"], b["xmin"]), max(a["ymin"], b["ymin"])
    ix1, iy1 = min(a["xmax"], b["xmax"]), min(a["ymax"], b["ymax"])
    if ix1 < ix0 or iy1 < iy0:
        return 0.0
    inter = (ix1 - ix0) * (iy1 - iy0)
    area_a = (a["xmax"] - a["xmin"]) * (a["ymax"] - a["ymin"])
    area_b = (b["xmax"] - b["xmin"]) * (b["ymax"] - b["ymin"])
    norm = area_a + area_b - inter
    return inter / norm if norm > 0.0 else 0.0


def sort_candidates(cands):
    # Score descending; ties: lower anchor index first (MediaPipe's std::sort leaves ties unspecified).
    return sorted(cands, key=lambda c: (-c["score"], c["anchor"]))


def weighted_nms(cands, threshold=MIN_SUPPRESSION_THRESHOLD):
    remaining = sort_candidates(cands)
    out = []
    while remaining:
        top = remaining[0]
        cluster = [c for c in remaining if iou(c, top) > threshold]
        rest = [c for c in remaining if not iou(c, top) > threshold]
        det = dict(top)
        if cluster:
            total = sum(c["score"] for c in cluster)
            for key in ("xmin", "ymin", "xmax", "ymax"):
                det[key] = sum(c[key] * c["score"] for c in cluster) / total
            det["keypoints"] = [
                (sum(c["keypoints"][k][0] * c["score"] for c in cluster) / total,
                 sum(c["keypoints"][k][1] * c["score"] for c in cluster) / total)
                for k in range(NUM_KEYPOINTS)]
        det["cluster_size"] = len(cluster)
        out.append(det)
        if len(rest) == len(remaining):  # MediaPipe: stop when an iteration removes nothing
            break
        remaining = rest
    return out


def hard_nms(cands, threshold=MIN_SUPPRESSION_THRESHOLD):
    kept = []
    for c in sort_candidates(cands):
        if all(not iou(k, c) > threshold for k in kept):
            kept.append(dict(c))
    return kept


def project(dets, w, h, s, mode):
    sx, sy, px, py = geometry(w, h, s, mode)
    faces = []
    for d in dets:
        x = (d["xmin"] * s - px) / sx
        y = (d["ymin"] * s - py) / sy
        bw = (d["xmax"] - d["xmin"]) * s / sx
        bh = (d["ymax"] - d["ymin"]) * s / sy
        x0, y0 = max(0.0, x), max(0.0, y)
        x1, y1 = min(float(w), x + bw), min(float(h), y + bh)
        face = {
            "score": d["score"],
            "box": {"x": x0, "y": y0, "width": max(0.0, x1 - x0), "height": max(0.0, y1 - y0)},
            "keypoints": [[(kx * s - px) / sx, (ky * s - py) / sy] for kx, ky in d["keypoints"]],
            # Extra, for debugging: the normalised (tensor-space) box before projection.
            "normalized_box": {"xmin": d["xmin"], "ymin": d["ymin"],
                               "xmax": d["xmax"], "ymax": d["ymax"]},
            "anchor": d["anchor"],
        }
        if "cluster_size" in d:
            face["cluster_size"] = d["cluster_size"]
        faces.append(face)
    return faces


# --------------------------------------------------------------------------- I/O helpers
def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def run_tflite(node, runner, model_path, input_path, tmp):
    cmd = [node, runner, "run", model_path, input_path, tmp]
    subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    with open(os.path.join(tmp, "outputs.json")) as f:
        meta = json.load(f)
    return cmd, meta


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runner", required=True, help="path to tflite-reference/run.js (after npm ci)")
    ap.add_argument("--node", default="node")
    ap.add_argument("--images", default=os.path.join(REPO, "assets", "images"))
    ap.add_argument("--out", default=HERE)
    ap.add_argument("--only", help="comma-separated image names to (re)generate (default: all)")
    args = ap.parse_args()

    images = sorted(f for f in os.listdir(args.images) if f.lower().endswith(".png"))
    if args.only:
        images = [f for f in images if f in args.only.split(",")]
    manifest = {
        "generator": "tests/BlazeFace.Tests/TestData/goldens/make_goldens.py",
        "generated_utc": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "python": sys.version.split()[0], "numpy": np.__version__,
        "pillow": Image.__version__, "platform": platform.platform(),
        "node": subprocess.run([args.node, "--version"], stdout=subprocess.PIPE, text=True).stdout.strip(),
        "runner": "shared/tools/tflite-reference/run.js (tfjs-tflite WASM TFLite interpreter, XNNPACK)",
        "command": "/usr/bin/python3 tests/BlazeFace.Tests/TestData/goldens/make_goldens.py "
                   "--runner /tmp/tflite-reference/run.js",
        "models": {}, "goldens": [],
    }
    summary = []
    for model, cfg in MODELS.items():
        s = cfg["size"]
        model_path = os.path.join(REPO, cfg["file"])
        manifest["models"][model] = {"file": cfg["file"], "sha256": sha256(model_path), "input_size": s,
                                     "regressors": cfg["regressors"], "classificators": cfg["classificators"],
                                     "min_score": cfg["min_score"]}
        anchors = generate_anchors(s, **cfg["anchors"])
        assert anchors.shape[0] == cfg["num_boxes"], anchors.shape
        odir = os.path.join(args.out, model)
        os.makedirs(odir, exist_ok=True)

        jobs = [(SYNTHETIC_NAME, None, "none")]
        for img in images:
            jobs.append((os.path.splitext(img)[0], img, "letterbox"))
            if img in STRETCH_EXTRA:
                jobs.append((os.path.splitext(img)[0] + ".stretch", img, "stretch"))
        if args.only:
            jobs = jobs[1:]
        for name, img, mode in jobs:
            if img is None:
                tensor = synthetic_input(s)
                w = h = s
            else:
                pixels = np.asarray(Image.open(os.path.join(args.images, img)).convert("RGB"), dtype=np.uint8)
                h, w = pixels.shape[:2]
                tensor = preprocess(pixels, s, mode)
            in_path = os.path.join(odir, f"{name}.input.f32")
            tensor.astype("<f4").tofile(in_path)
            with tempfile.TemporaryDirectory() as tmp:
                cmd, meta = run_tflite(args.node, args.runner, model_path, in_path, tmp)
                reg_path = os.path.join(odir, f"{name}.regressors.f32")
                cls_path = os.path.join(odir, f"{name}.classificators.f32")
                shutil.copyfile(os.path.join(tmp, cfg["regressors"] + ".f32"), reg_path)
                shutil.copyfile(os.path.join(tmp, cfg["classificators"] + ".f32"), cls_path)
            raw_boxes = np.fromfile(reg_path, dtype="<f4")
            raw_scores = np.fromfile(cls_path, dtype="<f4")
            assert raw_boxes.size == cfg["num_boxes"] * NUM_COORDS and raw_scores.size == cfg["num_boxes"]
            cands = decode(raw_boxes, raw_scores, anchors, s, cfg["min_score"])
            sx, sy, px, py = geometry(w, h, s, mode)
            base = {"image": img, "width": w, "height": h, "model": model, "resize": mode,
                    "tensor_size": s, "scale_x": sx, "scale_y": sy, "pad_x": px, "pad_y": py,
                    "min_score": cfg["min_score"], "min_suppression_threshold": MIN_SUPPRESSION_THRESHOLD,
                    "num_candidates": len(cands)}
            files = {"input": in_path, "regressors": reg_path, "classificators": cls_path}
            for suffix, nms in (("detections", weighted_nms), ("hard_nms.detections", hard_nms)):
                doc = dict(base, nms="weighted" if nms is weighted_nms else "hard",
                           faces=project(nms(cands), w, h, s, mode))
                p = os.path.join(odir, f"{name}.{suffix}.json")
                with open(p, "w") as f:
                    json.dump(doc, f, indent=1)
                    f.write("\n")
                files[suffix] = p
                if nms is weighted_nms:
                    summary.append((model, name, len(cands), len(doc["faces"]),
                                    [round(fc["score"], 3) for fc in doc["faces"]]))
            manifest["goldens"].append({
                "model": model, "name": name, "image": img, "resize": mode,
                "tflite_command": " ".join(["node", "run.js", "run", cfg["file"],
                                            os.path.relpath(in_path, REPO), "OUTDIR"]),
                "files": {k: {"path": os.path.relpath(v, REPO), "sha256": sha256(v)} for k, v in files.items()},
            })
            print(f"{model:11s} {name:32s} candidates={len(cands):3d} faces={summary[-1][3]} {summary[-1][4]}")
    if not args.only:
        with open(os.path.join(args.out, "manifest.json"), "w") as f:
            json.dump(manifest, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
