#!/usr/bin/env bash
# Re-derives the detector models and the face-landmark model from the npm packages they are published in and checks
# their sha256; the back-camera model (from MediaPipe's git history, in no package) is checked against its recorded
# sha256 only.
#   assets/models/fetch-models.sh           # download, compare with the committed files, fail on any difference
#   assets/models/fetch-models.sh --write   # download and (over)write the committed files
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
package="@mediapipe/face_detection@0.4.1657300184"
mesh_package="@mediapipe/face_mesh@0.4.1657299874"
short_sha=3bc182eb9f33925d9e58b5c8d59308a760f4adea8f282370e428c51212c26633
full_sha=99bf9494d84f50acc6617d89873f71bf6635a841ea699c17cb3377f9507cfec3
sparse_sha=671dd2f9ed11a78436fc21cc42357a803dfc6f73e9fb86541be942d5716c2dce
back_sha=e376cf6b168d5ece8a3cedb94acc4eb168a136aede125ccc3d903ef38f5beda8
landmark_sha=c603fa6149219a3e9487dc9abd7a0c24474c77263273d24868378cdf40aa26d1
# face_landmark.tflite is packed, with three other files, in the face-mesh package's
# face_mesh_solution_packed_assets.data; these byte offsets are the ones its ..._loader.js lists.
landmark_start=2495952
landmark_end=3737848

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && mkdir detection mesh \
  && (cd detection && npm pack --silent "$package" >/dev/null && tar xzf ./*.tgz) \
  && (cd mesh && npm pack --silent "$mesh_package" >/dev/null && tar xzf ./*.tgz))
det="$work/detection/package"
mesh="$work/mesh/package"

check() { # file expected-sha
  local actual
  actual=$(sha256sum "$1" | cut -d' ' -f1)
  [ "$actual" = "$2" ] || { echo "sha256 mismatch for $1: $actual, expected $2" >&2; exit 1; }
}

# The loader must still list face_landmark.tflite at the pinned offsets, or the package changed under the pins.
entry="\"filename\": \"/third_party/mediapipe/modules/face_landmark/face_landmark.tflite\", \"start\": $landmark_start, \"end\": $landmark_end}"
grep -qF "$entry" "$mesh/face_mesh_solution_packed_assets_loader.js" \
  || { echo "face_mesh_solution_packed_assets_loader.js does not list face_landmark.tflite at $landmark_start-$landmark_end" >&2; exit 1; }
dd if="$mesh/face_mesh_solution_packed_assets.data" of="$work/face_landmark.tflite" bs=65536 status=none \
  iflag=skip_bytes,count_bytes skip="$landmark_start" count=$((landmark_end - landmark_start))

check "$det/face_detection_short_range.tflite" "$short_sha"
check "$det/face_detection_full_range.tflite" "$full_sha"
check "$det/face_detection_full_range_sparse.tflite" "$sparse_sha"
check "$work/face_landmark.tflite" "$landmark_sha"

if [ "${1:-}" = "--write" ]; then
  cp "$det/face_detection_short_range.tflite" "$here/face_detection_front.tflite"
  cp "$det/face_detection_full_range.tflite" "$here/face_detection_full_range.tflite"
  cp "$det/face_detection_full_range_sparse.tflite" "$here/face_detection_full_range_sparse.tflite"
  cp "$work/face_landmark.tflite" "$here/face_landmark.tflite"
fi
cmp "$det/face_detection_short_range.tflite" "$here/face_detection_front.tflite"
cmp "$det/face_detection_full_range.tflite" "$here/face_detection_full_range.tflite"
cmp "$det/face_detection_full_range_sparse.tflite" "$here/face_detection_full_range_sparse.tflite"
cmp "$work/face_landmark.tflite" "$here/face_landmark.tflite"
check "$here/face_detection_front.tflite" "$short_sha"
check "$here/face_detection_full_range.tflite" "$full_sha"
check "$here/face_detection_full_range_sparse.tflite" "$sparse_sha"
check "$here/face_landmark.tflite" "$landmark_sha"
check "$here/face_detection_back.tflite" "$back_sha"
echo "models match $package and $mesh_package (sha256 verified); face_detection_back.tflite matches its recorded sha256"
