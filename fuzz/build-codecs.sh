#!/bin/sh
# Builds libpng and libjpeg-turbo from Debian's own sources (the versions the system
# libraries come from) with libFuzzer coverage and AddressSanitizer, as static libraries
# in fuzz/.build/codecs/prefix. run.sh links them when they are there, so coverage
# guides the fuzzer through the codecs too, not only through our code.
# Needs: apt (deb.debian.org reachable), make, and cmake (e.g. `pip install cmake`).
# Nothing outside fuzz/.build/codecs is changed: apt uses a private sources list.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work="$here/.build/codecs"
prefix="$work/prefix"
cc=$(dirname "$(command -v swift)")/clang
flags="-O1 -g -fsanitize=fuzzer-no-link,address"
mkdir -p "$work/lists/partial"
cd "$work"
cat > sources.list <<LIST
deb-src http://deb.debian.org/debian bookworm main
deb-src http://deb.debian.org/debian-security bookworm-security main
LIST
apt="-o Dir::Etc::SourceList=$work/sources.list -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists=$work/lists"
apt-get $apt update
apt-get $apt source libpng1.6=1.6.39-2+deb12u5 libjpeg-turbo=1:2.1.5-2

cd "$work/libpng1.6-1.6.39"
CC="$cc" CFLAGS="$flags" ./configure --disable-shared --prefix="$prefix"
make -j1 && make install

mkdir -p "$work/libjpeg-turbo-2.1.5/build" && cd "$work/libjpeg-turbo-2.1.5/build"
CC="$cc" CFLAGS="$flags" cmake .. -DCMAKE_POLICY_VERSION_MINIMUM=3.5 -DENABLE_SHARED=0 -DWITH_SIMD=0 \
    -DWITH_TURBOJPEG=0 -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_INSTALL_LIBDIR=lib
make -j1 jpeg-static
cp libjpeg.a "$prefix/lib/"
echo "instrumented codecs in $prefix/lib"
