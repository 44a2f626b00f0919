#!/bin/sh
# Builds the libFuzzer harnesses with AddressSanitizer and fuzzes one decoder.
#   fuzz/run.sh png  [SECONDS]        # default 600
#   fuzz/run.sh jpeg [SECONDS]
#   fuzz/run.sh png  --repro FILE     # re-run one input (e.g. a crash-* artifact)
#   fuzz/run.sh png-read [SECONDS]    # the whole path (readDigit → classify) on PNG input
#   fuzz/run.sh jpeg-read [SECONDS]   # the same on JPEG input
# The working corpus lives in fuzz/corpus-<format>/ (seeded from fixtures/, not committed);
# crashes are written as fuzz/crash-<format>-<hash>.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
format=${1:?usage: run.sh png|jpeg|png-read|jpeg-read [SECONDS | --repro FILE]}
mode=${2:-600}
case $format in
    png|png-read) pattern='*.png'; dict=png ;;
    jpeg|jpeg-read) pattern='*.jpg'; dict=jpeg ;;
    *) echo "run.sh: format must be png, jpeg, png-read or jpeg-read" >&2; exit 2 ;;
esac

# Codecs: the instrumented static libpng/libjpeg that build-codecs.sh makes, when present
# (or those in $DIGIT_FUZZ_CODECS/lib), so coverage guides the fuzzer through the codecs too.
# Otherwise the system libraries: coverage then sees only our code (ASan/LSan still see
# every allocation the codecs make).
codecs=${DIGIT_FUZZ_CODECS:-$here/.build/codecs/prefix}
if [ -f "$codecs/lib/libpng16.a" ] && [ -f "$codecs/lib/libjpeg.a" ]; then
    echo "run.sh: linking instrumented codecs from $codecs/lib" >&2
    # Whole archives by path: `-lpng16` would find the system .so first (pkg-config puts its
    # folder first), and definitions in the executable win over the .so's.
    link_codecs="-Xlinker --whole-archive -Xlinker $codecs/lib/libpng16.a -Xlinker $codecs/lib/libjpeg.a -Xlinker --no-whole-archive"
    scratch="$here/.build/instrumented"
else
    echo "run.sh: linking the system libpng/libjpeg (run build-codecs.sh for instrumented ones)" >&2
    link_codecs=""
    scratch="$here/.build/system"
fi

# -sanitize=fuzzer instruments our Swift code, -Xcc flags the C shim; lld links
# (gold crashes on the sanitizer runtime here).
cd "$here"
rm -f "$scratch/release/fuzz-$format"  # SwiftPM does not relink when only linker flags change
# shellcheck disable=SC2086
swift build -c release --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
    -Xcc -fsanitize=fuzzer-no-link,address -Xswiftc -use-ld=lld $link_codecs \
    --product "fuzz-$format" >&2
binary="$scratch/release/fuzz-$format"

if [ "$mode" = "--repro" ]; then
    exec "$binary" "${3:?--repro needs a file}"
fi
corpus="$here/corpus-$format"
mkdir -p "$corpus"
find "$here/../fixtures" -name "$pattern" -size -64k -exec cp {} "$corpus/" \;
exec "$binary" "$corpus" \
    -dict="$here/$dict.dict" \
    -max_total_time="$mode" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$here/crash-$format-" \
    -print_final_stats=1
