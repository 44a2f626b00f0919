#!/usr/bin/env python3
"""Finishes the pages swift-argument-parser's generate-manual wrote, for installing.

    packaging/finish-man-pages.py FROM TO DUMP_HELP_JSON

FROM holds digit.1, digit.recognize.1, … (generate-manual --multi-page); TO gets them as
digit.1, digit-recognize.1, … (git's style, so `man digit-recognize` finds the page) with:
- the titles (.Dt), names (.Nm in NAME) and cross-references (.Xr) renamed to match;
- blank lines written as paragraph breaks (.Pp), which groff otherwise warns about;
- the non-ASCII characters of the help text put back (the pages are UTF-8, which man-db reads):
  generate-manual 1.8.2 drops every non-ASCII character (28×28 would read 2828). They are
  restored from DUMP_HELP_JSON (`digit --experimental-dump-help`, what generate-manual reads), by
  escaping each help text with and without them exactly as generate-manual does.
Fails (status 1) when a help text with non-ASCII characters is not found in any page.
"""
import json
import os
import re
import sys


def escaped_text_line(text):
    """generate-manual's String.escapedTextLine(), keeping non-ASCII characters."""
    out, at_beginning = [], True
    for ch in text:
        if ch == "\\":
            out.append("\\e")
            at_beginning = False
        elif ch in ".'" and at_beginning:
            out.append("\\&" + ch)
            at_beginning = False
        elif ch == " " and at_beginning:
            out.append("\\& ")
        else:
            out.append(ch)
            at_beginning = False
    return "".join(out)


def escaped_macro_argument(text):
    """generate-manual's String.escapedMacroArgument(), keeping non-ASCII characters."""
    out, blank = [], False
    for ch in text:
        if ch == " ":
            out.append(ch)
            blank = True
        elif ch == "\\":
            out.append("\\e")
        elif ch == '"':
            out.append("\\(dq")
        elif ch in "\n\r":
            out.append(" ")
            blank = True
        else:
            out.append(ch)
    escaped = "".join(out)
    return '"' + escaped + '"' if blank or not escaped else escaped


def ascii_only(text):
    return "".join(ch for ch in text if ord(ch) < 128)


# The dump-help fields generate-manual writes as text of their own (abstracts, discussions, the
# descriptions of an option's values); any other field is not shown, or only inside a macro.
SHOWN_FIELDS = {"abstract", "discussion", "allValueDescriptions"}


def shown_help_strings(node, shown=False):
    """The strings of the dump-help JSON that the pages show as text."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from shown_help_strings(value, shown or key in SHOWN_FIELDS)
    elif isinstance(node, list):
        for value in node:
            yield from shown_help_strings(value, shown)
    elif isinstance(node, str) and shown:
        yield node


def restore_non_ascii(pages, dump):
    """Puts the non-ASCII characters back into `pages` (name → text); returns strings not found."""
    missing = []
    for text in sorted(set(s for s in shown_help_strings(dump) if ascii_only(s) != s), key=len, reverse=True):
        forms = [
            # A text line: the whole string, between line breaks.
            (re.compile("(?m)^" + re.escape(escaped_text_line(ascii_only(text))) + "$"),
             escaped_text_line(text)),
            # A macro argument (.Nd "…"): at the end of its line.
            (re.compile("(?m)(?<= )" + re.escape(escaped_macro_argument(ascii_only(text))) + "$"),
             escaped_macro_argument(text)),
        ]
        found = False
        for name, page in pages.items():
            for pattern, replacement in forms:
                page, count = pattern.subn(lambda _: replacement, page)
                found = found or count > 0
            pages[name] = page
        if not found:
            missing.append(text)
    return missing


def renamed(text, page_name):
    """Titles, names and cross-references in git's style; blank lines as .Pp.

    A subcommand's NAME is digit-recognize (so whatis and apropos can read it: a name holds no
    space), while its SYNOPSIS and EXIT STATUS still say `digit recognize`, the command typed.
    """
    lines = []
    command = None
    for line in text.split("\n"):
        if line.startswith(".Dt ") or line.startswith(".Xr "):
            macro, _, rest = line.partition(" ")
            name, space, tail = rest.partition(" ")
            line = macro + " " + name.replace(".", "-") + space + tail
        elif line.startswith(".Nm ") and command is None:
            command = line[len(".Nm "):]
            line = ".Nm " + page_name
        elif line == ".Nm" and command is not None:
            line = ".Nm " + command
        elif line == ".Ex -std" and command is not None:
            line = ".Ex -std " + command
        elif line.startswith('.Nd "') and line.endswith('"') and not MDOC_MACRO.search(line[4:]):
            line = ".Nd " + line[5:-1]  # unquoted, so whatis shows no quotes
        elif line == "":
            line = ".Pp"
        lines.append(line)
    # The file's last newline stays a newline, not a paragraph.
    if lines and lines[-1] == ".Pp" and text.endswith("\n"):
        lines[-1] = ""
    return "\n".join(lines)


# A word that mdoc would call as a macro in an unquoted .Nd line (Ar, Op, Xr, …).
MDOC_MACRO = re.compile(r"(?<![^ \"])[A-Z][a-z]{1,2}(?![^ \"])")


def main(source, destination, dump_path):
    with open(dump_path, encoding="utf-8") as file:
        dump = json.load(file)
    pages = {}
    for entry in sorted(os.listdir(source)):
        if entry.startswith("digit") and entry.endswith(".1"):
            with open(os.path.join(source, entry), encoding="utf-8") as file:
                pages[entry[:-2].replace(".", "-") + ".1"] = file.read()
    if "digit.1" not in pages:
        sys.exit(f"finish-man-pages.py: no digit.1 in {source}")
    missing = restore_non_ascii(pages, dump)
    if missing:
        for text in missing:
            print(f"finish-man-pages.py: help text not found in the pages: {text[:70]!r}", file=sys.stderr)
        sys.exit(1)
    os.makedirs(destination, exist_ok=True)
    for name, text in pages.items():
        with open(os.path.join(destination, name), "w", encoding="utf-8") as file:
            file.write(renamed(text, name[:-2]))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: finish-man-pages.py FROM TO DUMP_HELP_JSON")
    main(*sys.argv[1:])
