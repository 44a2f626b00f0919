#!/usr/bin/env bash
# Tests what `make install` and `make deb` produce, never installing into this machine: installs
# into a temporary DESTDIR, builds the package and extracts it into a temporary root, and checks
# in each that the binary reads a fixture, every man page renders (one per subcommand that
# `digit --experimental-dump-help` lists), and the completions load and complete. Then
# uninstalls, and runs lintian on the package when it is installed. Any failure: status 1.
# Run by `make check-install` (after `make`), and by CI through .ci/check-install.
set -euo pipefail
cd "$(dirname "$0")/.."
repository=$(pwd)
fixture=$repository/fixtures/digits/seven.jpg
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
fail() { echo "check-install: FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "check-install: ok: $*"; }
export LC_ALL=C.UTF-8
unset LD_LIBRARY_PATH

# The commands the binary has, from its own description (not a list kept here).
commands_of() {
    "$1" --experimental-dump-help | python3 -c '
import json, sys
def walk(command, prefix):
    name = prefix + [command["commandName"]]
    yield "-".join(name)
    for sub in command.get("subcommands", []):
        yield from walk(sub, name)
print("\n".join(walk(json.load(sys.stdin)["command"], [])))'
}

# Every non-ASCII character of the help text the pages show (×, λ, …), which they must show too.
non_ascii_of() {
    "$1" --experimental-dump-help | python3 -c '
import json, sys
sys.dont_write_bytecode = True
sys.path.insert(0, "packaging")
finish = __import__("finish-man-pages")
text = "".join(finish.shown_help_strings(json.load(sys.stdin)))
print("".join(sorted(set(ch for ch in text if ord(ch) > 127))))'
}

# check_tree ROOT MAN_SUFFIX ZSH_DIR: the files under ROOT/usr work, with no help from the build.
check_tree() {
    local root=$1 suffix=$2 zsh_dir=$3 what=$4
    local digit=$root/usr/bin/digit

    # The binary: runs from an unrelated folder and reads the fixture.
    local answer
    answer=$(cd "$scratch" && "$digit" recognize --format csv "$fixture" | sed -n 2p | cut -d, -f2) || true
    [ "$answer" = 7 ] && pass "$what: usr/bin/digit reads seven.jpg as 7" \
        || fail "$what: usr/bin/digit read seven.jpg as '$answer', expected 7"
    if readelf -d "$digit" | grep -q 'libswift'; then
        fail "$what: usr/bin/digit needs the Swift runtime's shared libraries"
    fi
    readelf -d "$digit" | grep -q 'RUNPATH\|RPATH' && fail "$what: usr/bin/digit has an RPATH/RUNPATH"

    # Man pages: one per command, found by `man NAME` and rendered without warnings.
    local mandir=$root/usr/share/man
    local command page rendered all_rendered=""
    for command in $(commands_of "$digit"); do
        page=$mandir/man1/$command.1$suffix
        if [ ! -f "$page" ]; then fail "$what: no man page $page"; continue; fi
        [ "$(MANPATH=$mandir man -w "$command")" = "$page" ] || fail "$what: man $command does not find $page"
        if ! rendered=$(MANWIDTH=80 man --warnings -l "$page" 2>"$scratch/man-warnings"); then
            fail "$what: man -l $page failed"
        fi
        [ -s "$scratch/man-warnings" ] && fail "$what: man -l $page warns: $(head -n 3 "$scratch/man-warnings")"
        grep -q "^ *$command — " <<<"$rendered" && grep -q "^ *${command//-/ } " <<<"$rendered" \
            || fail "$what: man -l $page shows no NAME '$command' or SYNOPSIS '${command//-/ }'"
        all_rendered+=$rendered
    done
    local ch missing=""
    while IFS= read -r -n 1 ch; do
        [ -n "$ch" ] && [[ $all_rendered != *"$ch"* ]] && missing+=$ch
    done <<<"$(non_ascii_of "$digit")"
    [ -z "$missing" ] || fail "$what: the man pages lose the help text's characters '$missing'"
    pass "$what: man pages for $(commands_of "$digit" | tr '\n' ' ')"

    # Completions: bash loads and completes a subcommand and --format's values; zsh and fish
    # parse (and fish completes) when those shells are installed.
    local bash_completion=$root/usr/share/bash-completion/completions/digit
    local registered offered
    registered=$(bash -c 'source "$1" && complete -p digit' _ "$bash_completion" 2>&1) || true
    [[ $registered == *" digit" ]] || fail "$what: bash completion not registered: $registered"
    offered=$(bash -c 'source "$1"; COMP_WORDS=(digit rec); COMP_CWORD=1; COMP_LINE="digit rec"
        COMP_POINT=${#COMP_LINE}; _digit digit rec digit; echo "${COMPREPLY[*]}"' _ "$bash_completion" 2>&1) || true
    [ "$offered" = recognize ] || fail "$what: bash completes 'digit rec' as '$offered'"
    offered=$(bash -c 'source "$1"; COMP_WORDS=(digit recognize --format ""); COMP_CWORD=3
        COMP_LINE="digit recognize --format "; COMP_POINT=${#COMP_LINE}
        _digit digit "" --format; echo "${COMPREPLY[*]}"' _ "$bash_completion" 2>&1) || true
    [ "$offered" = "text jsonl csv" ] || fail "$what: bash completes --format as '$offered'"
    pass "$what: bash completion ($registered)"
    local zsh_completion=$root$zsh_dir/_digit fish_completion=$root/usr/share/fish/vendor_completions.d/digit.fish
    [ -s "$zsh_completion" ] || fail "$what: no zsh completion at $zsh_completion"
    [ -s "$fish_completion" ] || fail "$what: no fish completion at $fish_completion"
    if command -v zsh >/dev/null; then
        zsh -n "$zsh_completion" && pass "$what: zsh completion parses" || fail "$what: zsh -n $zsh_completion"
    fi
    if command -v fish >/dev/null; then
        offered=$(fish -c "source '$fish_completion'; complete -C 'digit rec'" 2>&1 | cut -f1) || true
        [ "$offered" = recognize ] && pass "$what: fish completion" \
            || fail "$what: fish completes 'digit rec' as '$offered'"
    fi
}

# 1. make install into a staging folder, then make uninstall.
stage=$scratch/stage
make --no-print-directory install DESTDIR="$stage" PREFIX=/usr >/dev/null
echo "check-install: make install DESTDIR=$stage PREFIX=/usr installed:"
(cd "$stage" && find . -type f | LC_ALL=C sort | sed 's/^\./  /')
check_tree "$stage" "" /usr/share/zsh/site-functions "make install"
make --no-print-directory uninstall DESTDIR="$stage" PREFIX=/usr >/dev/null
left=$(find "$stage" -type f)
[ -z "$left" ] && pass "make uninstall removed every file" || fail "make uninstall left: $left"

# 2. make deb, then the package extracted into a temporary root (never installed here).
package=$(make --no-print-directory deb | tail -n 1)
[ -f "$package" ] || { fail "make deb made no package (last line: $package)"; exit 1; }
echo "check-install: $package ($(du -h "$package" | cut -f1))"
depends=$(dpkg-deb -f "$package" Depends)
echo "check-install: Depends: $depends"
root=$scratch/root
dpkg-deb -x "$package" "$root"
# Depends is complete: every shared library the binary loads belongs to a package it names.
for library in $(ldd "$root/usr/bin/digit" | awk '/=> \//{print $3} /^\t\//{print $1}'); do
    owner=$({ dpkg -S "$library" 2>/dev/null || dpkg -S "/usr$library" 2>/dev/null; } | head -n 1 | cut -d: -f1)
    [[ -n $owner && ( ", $depends," == *", $owner "* || ", $depends," == *", $owner,"* ) ]] \
        || fail "the binary loads $library (package '${owner:-none}'), which Depends does not name"
done
check_tree "$root" .gz /usr/share/zsh/vendor-completions "package"
for file in usr/share/doc/digit/copyright usr/share/doc/digit/changelog.gz; do
    [ -f "$root/$file" ] || fail "package has no /$file"
done

# 3. lintian, when it is installed: no errors.
if command -v lintian >/dev/null; then
    if lintian --fail-on error --tag-display-limit 0 "$package" >"$scratch/lintian" 2>&1; then
        pass "lintian: no errors"
    else
        fail "lintian reports errors"
    fi
    sed 's/^/  lintian: /' "$scratch/lintian"
else
    echo "check-install: lintian not installed; skipped"
fi

if [ "$failures" -gt 0 ]; then
    echo "check-install: $failures failure(s)" >&2
    exit 1
fi
echo "check-install: all passed"
