#!/usr/bin/env bash
# Re-derives the short- and full-range models from the npm package they are published in and checks their sha256;
# the back-camera model (from MediaPipe's git history, in no package) is checked against its recorded sha256 only.
#   assets/models/fetch-models.sh           # download, compare with the committed files, fail on any difference
#   assets/models/fetch-models.sh --write   # download and (over)write the committed files
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
package="@mediapipe/face_detection@0.4.1657300184"
short_sha=3bc182eb9f33925d9e58b5c8d59308a760f4adea8f282370e428c51212c26633
full_sha=99bf9494d84f50acc6617d89873f71bf6635a841ea699c17cb3377f9507cfec3
back_sha=e376cf6b168d5ece8a3cedb94acc4eb168a136aede125ccc3d903ef38f5beda8

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null && tar xzf ./*.tgz)

check() { # file expected-sha
  local actual
  actual=$(sha256sum "$1" | cut -d' ' -f1)
  [ "$actual" = "$2" ] || { echo "sha256 mismatch for $1: $actual, expected $2" >&2; exit 1; }
}
check "$work/package/face_detection_short_range.tflite" "$short_sha"
check "$work/package/face_detection_full_range.tflite" "$full_sha"

if [ "${1:-}" = "--write" ]; then
  cp "$work/package/face_detection_short_range.tflite" "$here/face_detection_front.tflite"
  cp "$work/package/face_detection_full_range.tflite" "$here/face_detection_full_range.tflite"
fi
cmp "$work/package/face_detection_short_range.tflite" "$here/face_detection_front.tflite"
cmp "$work/package/face_detection_full_range.tflite" "$here/face_detection_full_range.tflite"
check "$here/face_detection_front.tflite" "$short_sha"
check "$here/face_detection_full_range.tflite" "$full_sha"
check "$here/face_detection_back.tflite" "$back_sha"
echo "models match $package (sha256 verified); face_detection_back.tflite matches its recorded sha256"
