#!/bin/sh
# Turns WORK/debian/digit (what `make install DESTDIR=WORK/debian/digit PREFIX=/usr` installed)
# into a Debian package in WORK: compresses the man pages, adds /usr/share/doc/digit (copyright,
# changelog), writes DEBIAN/control with Depends found by dpkg-shlibdeps (checked to name
# libpng, libjpeg and zlib) and DEBIAN/md5sums, then runs dpkg-deb --build. Prints the
# package's path.
#   packaging/make-deb.sh WORK
# DEB_MAINTAINER overrides the Maintainer field (default: the repository's first author).
set -eu
work=$(cd "$1" && pwd)
root=$work/debian/digit
here=$(cd "$(dirname "$0")" && pwd)
fail() { echo "make-deb.sh: $*" >&2; exit 1; }

[ -x "$root/usr/bin/digit" ] || fail "no executable $root/usr/bin/digit"
version=$("$root/usr/bin/digit" --version) || fail "$root/usr/bin/digit --version failed"
architecture=$(dpkg --print-architecture)
maintainer=${DEB_MAINTAINER:-$(git -C "$here" log --reverse --format='%an <%ae>' 2>/dev/null | head -n 1)}
[ -n "$maintainer" ] || fail "no maintainer: set DEB_MAINTAINER='Name <email>'"
# The changelog's date: the last commit's (reproducible), or now outside a git checkout.
date=$(git -C "$here" log -1 --format=%cD 2>/dev/null || date -R)

# Files Debian expects beside the program.
gzip -9nf "$root"/usr/share/man/man1/*.1
doc="$root/usr/share/doc/digit"
install -d "$doc"
install -m 644 "$here/deb/copyright" "$doc/copyright"
printf 'digit (%s) unstable; urgency=medium\n\n  * Packaged from the digit repository by make deb.\n\n -- %s  %s\n' \
    "$version" "$maintainer" "$date" | gzip -9n > "$doc/changelog.gz"
chmod 644 "$doc/changelog.gz"

# The shared libraries the binary links, as package dependencies (dpkg-shlibdeps reads
# debian/control, and expects the files in debian/digit/ beside its DEBIAN/).
install -d "$root/DEBIAN"
printf 'Source: digit\n\nPackage: digit\nArchitecture: any\n' > "$work/debian/control"
depends=$(cd "$work" && dpkg-shlibdeps -O -edebian/digit/usr/bin/digit | sed -n 's/^shlibs:Depends=//p')
rm "$work/debian/control"
[ -n "$depends" ] || fail "dpkg-shlibdeps found no dependencies for $root/usr/bin/digit"
for library in libpng libjpeg zlib1g; do
    case ", $depends" in
        *", $library"*) ;;
        *) fail "Depends lacks $library: $depends" ;;
    esac
done

installed_size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCHITECTURE@/$architecture/" -e "s/@MAINTAINER@/$maintainer/" \
    -e "s/@INSTALLED_SIZE@/$installed_size/" -e "s/@DEPENDS@/$depends/" \
    "$here/deb/control.in" > "$root/DEBIAN/control"
(cd "$root" && find usr -type f | LC_ALL=C sort | xargs md5sum) > "$root/DEBIAN/md5sums"
chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

package="$work/digit_${version}_${architecture}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$package" >/dev/null
echo "$package"
