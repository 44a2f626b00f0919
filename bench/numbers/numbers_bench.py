#!/usr/bin/env python3
"""`digit recognize --number` accuracy and speed, beside Tesseract on the same files in the same run.

    python3 bench/numbers/numbers_bench.py [--digit PATH] [--scale N] [--seed S] [--repeat N]
                                           [--keep DIR] [--no-tesseract]

Renders the sets of make_numbers.py into a temporary folder (MNIST test digits from
../shared/mnist or $DIGIT_MNIST_DIR; fonts from Debian packages), builds the release `digit` in
the repository root (unless --digit is given), and reads every image with
`digit recognize --number --format jsonl` and with
`tesseract IMG stdout --psm 7 -c tessedit_char_whitelist=0123456789` (Debian's tesseract-ocr,
installed with apt-get when missing and run as root; otherwise skipped with a message).
Whole-number accuracy: the digits read, spaces ignored, equal the number's. Digit accuracy:
1 - (edit distance / number of digits), at least 0, averaged over digits.
Speed: the photo sets (1600x1200 JPEGs) read by one `digit recognize` on all cores, best of --repeat.
"""
import json, os, resource, shutil, subprocess, sys, tempfile, time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def option(name, default=None):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def edit_distance(a, b):
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[len(b)]


def ensure_tesseract():
    if "--no-tesseract" in sys.argv:
        return None
    if shutil.which("tesseract") is None and os.geteuid() == 0:
        print("installing Debian's tesseract-ocr ...", file=sys.stderr)
        subprocess.run(["apt-get", "install", "-y", "-q", "tesseract-ocr"], stdout=subprocess.DEVNULL,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    if shutil.which("tesseract") is None:
        print("tesseract not found and not installable here (apt-get install tesseract-ocr as root): "
              "the comparison is skipped", file=sys.stderr)
        return None
    return shutil.which("tesseract")


def ensure_fonts():
    missing = [p for p in ("fonts-dkg-handwriting", "fonts-humor-sans", "fonts-breip")
               if subprocess.run(["dpkg", "-s", p], capture_output=True).returncode != 0]
    if missing and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-q"] + missing, stdout=subprocess.DEVNULL,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))


def tesseract_read(tesseract, path):
    run = subprocess.run([tesseract, path, "stdout", "--psm", "7", "-c", "tessedit_char_whitelist=0123456789"],
                         capture_output=True, text=True, env=dict(os.environ, OMP_THREAD_LIMIT="1"))
    return "".join(c for c in run.stdout if c.isdigit())


def main():
    digit = option("--digit")
    if digit is None:
        subprocess.run(["swift", "build", "-c", "release", "--product", "digit"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        digit = os.path.join(ROOT, ".build/release/digit")
    tesseract = ensure_tesseract()
    ensure_fonts()
    folder = option("--keep") or tempfile.mkdtemp(prefix="digit-numbers-")
    os.makedirs(folder, exist_ok=True)
    make = [sys.executable, os.path.join(HERE, "make_numbers.py"), folder,
            "--scale", option("--scale", "1"), "--seed", option("--seed", "12")]
    if option("--mnist"):
        make += ["--mnist", option("--mnist")]
    started = time.time()
    subprocess.run(make, check=True)
    print(f"rendered in {time.time() - started:.0f} s into {folder}", file=sys.stderr)
    with open(os.path.join(folder, "labels.tsv")) as f:
        header, *lines = f.read().splitlines()
    rows = [dict(zip(header.split("\t"), line.split("\t"))) for line in lines]
    sets = sorted({r["set"] for r in rows}, key=["photo4", "photo", "scan", "font"].index)

    ours = {}
    for name in sets:
        run = subprocess.run([digit, "recognize", "--number", "--format", "jsonl", os.path.join(folder, name)],
                             capture_output=True, text=True)
        for line in run.stdout.splitlines():
            record = json.loads(line)
            ours[os.path.relpath(record["file"], folder)] = (record["number"] or "").replace(" ", "")

    photo_dirs = [os.path.join(folder, s) for s in ("photo4", "photo") if s in sets]
    photo_count = sum(1 for r in rows if r["set"] in ("photo4", "photo"))
    best, best_cpu = None, None
    for _ in range(int(option("--repeat", "3"))):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([digit, "recognize", "--number", "--format", "jsonl"] + photo_dirs,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = elapsed if best is None else min(best, elapsed)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)

    theirs, tesseract_seconds = {}, None
    if tesseract:
        started = time.perf_counter()
        with ThreadPoolExecutor(os.cpu_count()) as pool:
            answers = pool.map(lambda r: tesseract_read(tesseract, os.path.join(folder, r["file"])), rows)
            theirs = {r["file"]: a for r, a in zip(rows, answers)}
        tesseract_seconds = time.perf_counter() - started

    def score(answers, subset):
        if not subset:
            return None
        whole = sum(answers.get(r["file"], "") == r["number"].replace(" ", "") for r in subset)
        digits = sum(int(r["digits"]) for r in subset)
        right = sum(max(0, int(r["digits"]) - edit_distance(answers.get(r["file"], ""), r["number"].replace(" ", "")))
                    for r in subset)
        return whole / len(subset), right / digits

    groups = [("4 digits, no touching pair (photos)", [r for r in rows if r["set"] == "photo4"])]
    labels = {"photo": "photos, 2-10 digits", "scan": "scans, 2-10 digits (half in comb fields)",
              "font": "handwriting fonts (photos and scans)"}
    groups += [(labels[s], [r for r in rows if r["set"] == s]) for s in sets if s != "photo4"]
    groups += [("  of which with a touching pair", [r for r in rows if r["touching"] == "1"]),
               ("  of which on two lines", [r for r in rows if r["lines"] == "2"]),
               ("everything", rows)]
    print(f"| set | numbers | digit: whole numbers | digit: digits | Tesseract: whole numbers | Tesseract: digits |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, subset in groups:
        ours_score, theirs_score = score(ours, subset), score(theirs, subset) if tesseract else None
        if ours_score is None:
            continue
        t = f"{theirs_score[0] * 100:.1f}% | {theirs_score[1] * 100:.1f}%" if theirs_score else "- | -"
        print(f"| {name} | {len(subset)} | {ours_score[0] * 100:.1f}% | {ours_score[1] * 100:.1f}% | {t} |")
    print()
    print(f"digit: {photo_count} number photos (1600x1200 JPEG) in {best:.2f} s (best of "
          f"{option('--repeat', '3')}): {photo_count / best:.0f} numbers/s on {os.cpu_count()} cores; "
          f"{best_cpu / photo_count * 1000:.1f} ms of CPU per photo "
          f"({photo_count / best_cpu * os.cpu_count():.0f} numbers/s if the cores were free)")
    if tesseract_seconds:
        print(f"tesseract: {len(rows)} images in {tesseract_seconds:.1f} s on {os.cpu_count()} processes: "
              f"{len(rows) / tesseract_seconds:.1f} numbers/s")
    if "--keep" not in sys.argv:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
