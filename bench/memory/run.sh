#!/bin/sh
# Peak memory (max RSS, /usr/bin/time -v) of `digit recognize` on large but legal images, one by
# one and as one batch (default jobs, and -j 8). The images are generated here, into a temporary
# folder, by make-hostile.py (about 8 MB in all); nothing is committed.
#   sh bench/memory/run.sh [PATH-TO-DIGIT]     # default: .build/release/digit (build it first)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
digit=${1:-$here/../../.build/release/digit}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/images"
python3 "$here/make-hostile.py" "$work/images"

# Prints "peak-MB wall CPU-s exit-status | digit,error" for one run of digit recognize.
measure() {
    status=0
    /usr/bin/time -v "$digit" recognize --format csv "$@" > "$work/out" 2> "$work/time" || status=$?
    kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time")
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$work/time")
    answer=$(tail -n +2 "$work/out" | cut -d, -f2,14 | tr '\n' ' ')
    printf '%6d MB  %8s  %6s s CPU  exit %d  | %s\n' $((kb / 1000)) "$wall" "$cpu" "$status" "$answer"
}

echo "digit: $digit"
for file in "$work/images"/*; do
    printf '%-40s ' "$(basename "$file") ($(($(stat -c %s "$file") / 1000)) kB)"
    measure "$file"
done
printf '%-40s ' "batch of all $(ls "$work/images" | wc -l), default -j"
measure "$work/images" | cut -d'|' -f1
printf '%-40s ' "batch of all, -j 8"
measure -j 8 "$work/images" | cut -d'|' -f1
