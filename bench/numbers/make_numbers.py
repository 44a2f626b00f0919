#!/usr/bin/env python3
"""Renders the numbers benchmark's images at run time (nothing here is committed but code).

    python3 make_numbers.py OUT_DIR [--mnist DIR] [--scale N] [--seed S]

Writes OUT_DIR/<set>/<index>.<ext> and OUT_DIR/labels.tsv (set, file, number, digits, touching,
lines). Numbers are composed from MNIST test digits (2-10 digits, gaps as people leave them,
some pairs touching or overlapping, slant, baseline wander, one or two lines) and rendered as
phone photos (1600x1200 JPEG: paper tint, uneven light, blur, noise) and as scans (white paper,
300-dpi-like, some in comb fields); plus numbers typed in handwriting-style fonts (Debian
packages fonts-dkg-handwriting, fonts-humor-sans, fonts-breip), rendered with Pillow.

Sets:
  photo4   4-digit numbers, no touching pair, phone photos
  photo    2-10 digits, touching pairs allowed, one or two lines, phone photos
  scan     2-10 digits, touching pairs allowed, half of them in comb fields, scans
  font     2-10 digits in handwriting fonts, photos and scans
"""
import gzip, math, os, sys, glob
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_GLOBS = ["/usr/share/fonts/**/dkg*handwriting*.ttf", "/usr/share/fonts/**/*[Hh]umor*[Ss]ans*.ttf",
              "/usr/share/fonts/**/[Bb]reip*.ttf"]


def load_mnist(directory):
    with gzip.open(os.path.join(directory, "t10k-images-idx3-ubyte.gz")) as f:
        images = np.frombuffer(f.read()[16:], np.uint8).reshape(-1, 28, 28)
    with gzip.open(os.path.join(directory, "t10k-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read()[8:], np.uint8)
    return images, labels


def crop(digit):
    rows = np.where(digit.max(1) > 30)[0]
    cols = np.where(digit.max(0) > 30)[0]
    return digit[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]


def touches(a, b):
    """Whether two ink layers (same shape) share or neighbour an inked pixel."""
    ia, ib = a > 0.25, b > 0.25
    grown = ib.copy()
    grown[1:, :] |= ib[:-1, :]; grown[:-1, :] |= ib[1:, :]
    grown[:, 1:] |= grown[:, :-1].copy(); grown[:, :-1] |= grown[:, 1:].copy()
    return bool((ia & grown).any())


def compose_mnist(rng, images, labels, count, touching_allowed, lines):
    """A number as an ink image (0..1, MNIST scale: digits about 20 px tall), its text and whether
    any neighbours touch."""
    idx = rng.integers(0, len(images), count)
    split = count if lines == 1 else int(rng.integers(1, count))
    rows_of_digits = [idx[:split], idx[split:]] if lines == 2 else [idx]
    line_images, touching_any, texts = [], False, []
    for row in rows_of_digits:
        height = 20 + 12
        width = sum(crop(images[i]).shape[1] for i in row) + 12 * len(row) + 20
        canvas = np.zeros((height, width), np.float32)
        x = 4
        layers = []
        touching_pair = touching_allowed and len(row) >= 2 and rng.random() < 0.5
        pair_at = int(rng.integers(0, len(row) - 1)) if touching_pair else -1
        for n, i in enumerate(row):
            d = crop(images[i]).astype(np.float32) / 255
            h, w = d.shape
            top = 6 + (20 - h) + int(round(rng.normal(0, 1.0)))  # bottom-aligned, baseline wander
            top = max(0, min(height - h, top))
            layer = np.zeros_like(canvas)
            layer[top:top + h, x:x + w] = d
            layers.append(layer)
            if n + 1 < len(row):
                if n == pair_at:
                    gap = int(rng.integers(-4, 0))
                else:
                    gap = int(rng.integers(2, 8)) if touching_allowed else int(rng.integers(3, 8))
                x += w + gap
            else:
                x += w
        for n in range(len(layers) - 1):
            if touches(layers[n], layers[n + 1]):
                touching_any = True
        canvas = np.maximum.reduce(layers)
        canvas = canvas[:, :x + 4]
        line_images.append(canvas)
        texts.append("".join(str(labels[i]) for i in row))
    width = max(l.shape[1] for l in line_images)
    gap = int(rng.integers(6, 14))
    ink = np.zeros((sum(l.shape[0] for l in line_images) + gap * (len(line_images) - 1), width), np.float32)
    y = 0
    for l in line_images:
        offset = int(rng.integers(0, width - l.shape[1] + 1))
        ink[y:y + l.shape[0], offset:offset + l.shape[1]] = l
        y += l.shape[0] + gap
    return ink, " ".join(texts), touching_any


def compose_font(rng, font_path, count, lines):
    digits = "".join(str(int(d)) for d in rng.integers(0, 10, count))
    split = count if lines == 1 else int(rng.integers(1, count))
    texts = [digits[:split], digits[split:]] if lines == 2 else [digits]
    font = ImageFont.truetype(font_path, 40)
    line_images = []
    for text in texts:
        box = font.getbbox(text)
        img = Image.new("L", (box[2] - box[0] + 16, box[3] - box[1] + 16), 0)
        ImageDraw.Draw(img).text((8 - box[0], 8 - box[1]), text, fill=255, font=font)
        line_images.append(np.asarray(img, np.float32) / 255)
    width = max(l.shape[1] for l in line_images)
    ink = np.zeros((sum(l.shape[0] for l in line_images) + 10 * (len(line_images) - 1), width), np.float32)
    y = 0
    for l in line_images:
        ink[y:y + l.shape[0], :l.shape[1]] = l
        y += l.shape[0] + 10
    # font digits are about 28 px tall at size 40; scale to MNIST's 20 px
    return ink, " ".join(texts), 28 / 20


def slanted(ink, rng):
    """Shear by up to ±8° (handwriting slant) and rotate by up to ±3°."""
    img = Image.fromarray((ink * 255).astype(np.uint8))
    shear = math.tan(math.radians(rng.uniform(-8, 8)))
    pad = int(abs(shear) * img.height) + 2
    img = img.transform((img.width + pad, img.height), Image.AFFINE,
                        (1, shear, -pad if shear > 0 else 0, 0, 1, 0), Image.BILINEAR)
    img = img.rotate(rng.uniform(-3, 3), Image.BILINEAR, expand=True)
    return np.asarray(img, np.float32) / 255


def place(ink, canvas_w, canvas_h, digit_height, unit, rng):
    """Scales the ink so a 20-`unit` digit is `digit_height` px and places it on a canvas."""
    s = digit_height / (20 * unit)
    w, h = max(1, int(ink.shape[1] * s)), max(1, int(ink.shape[0] * s))
    if w > canvas_w * 0.92:
        s *= canvas_w * 0.92 / w
        w, h = int(ink.shape[1] * s), int(ink.shape[0] * s)
    img = Image.fromarray((np.clip(ink, 0, 1) * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC)
    layer = np.zeros((canvas_h, canvas_w), np.float32)
    x = int(rng.integers(int(canvas_w * 0.04), max(int(canvas_w * 0.04) + 1, canvas_w - w - int(canvas_w * 0.04))))
    y = int(rng.integers(int(canvas_h * 0.1), max(int(canvas_h * 0.1) + 1, canvas_h - h - int(canvas_h * 0.1))))
    layer[y:y + h, x:x + w] = np.asarray(img, np.float32) / 255
    return layer, s


def photo(layer, rng):
    """Phone photo: tinted paper, a lighting gradient and vignette, soft focus, sensor noise."""
    h, w = layer.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    angle = rng.uniform(0, 2 * math.pi)
    gradient = 1 + rng.uniform(0.1, 0.35) * ((xx / w - 0.5) * math.cos(angle) + (yy / h - 0.5) * math.sin(angle))
    vignette = 1 - 0.25 * (((xx / w - 0.5) ** 2 + (yy / h - 0.5) ** 2) * 2)
    paper = rng.uniform(170, 225) * gradient * vignette
    ink_level = rng.uniform(0.15, 0.4)
    img = paper * (1 - layer * (1 - ink_level))
    img = np.asarray(Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).filter(
        ImageFilter.GaussianBlur(rng.uniform(0.8, 2.0))), np.float32)
    img += rng.normal(0, rng.uniform(2, 6), img.shape)
    return Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))


def comb_field(layer, digit_boxes_x, top, bottom, rng):
    """Printed comb field: a base line under the digits and short teeth between the cells."""
    out = layer.copy()
    thickness = int(rng.integers(2, 4))
    pitch_lines = digit_boxes_x
    base = min(out.shape[0] - thickness - 1, bottom + int((bottom - top) * 0.12))
    x0, x1 = pitch_lines[0], pitch_lines[-1]
    out[base:base + thickness, x0:x1 + thickness] = np.maximum(out[base:base + thickness, x0:x1 + thickness], 0.8)
    tooth = int((bottom - top) * rng.uniform(0.3, 0.5))
    for x in pitch_lines:
        out[base - tooth:base, x:x + thickness] = np.maximum(out[base - tooth:base, x:x + thickness], 0.8)
    return out


def scan(layer, rng):
    img = 245 - layer * rng.uniform(180, 230)
    img = np.asarray(Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).filter(
        ImageFilter.GaussianBlur(0.6)), np.float32)
    img += rng.normal(0, 2, img.shape)
    return Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))


def compose_comb(rng, images, labels, count):
    """A number written one digit per cell of a comb field; returns the ink and the cell edges."""
    idx = rng.integers(0, len(images), count)
    pitch = 30
    ink = np.zeros((40, pitch * count + 8), np.float32)
    for n, i in enumerate(idx):
        d = crop(images[i]).astype(np.float32) / 255
        h, w = d.shape
        x = 4 + n * pitch + (pitch - w) // 2 + int(rng.integers(-2, 3))
        y = 8 + (20 - h) + int(rng.integers(-1, 2))
        ink[y:y + h, x:x + w] = np.maximum(ink[y:y + h, x:x + w], d)
    edges = [4 + n * pitch for n in range(count + 1)]
    return ink, "".join(str(labels[i]) for i in idx), edges


def main():
    args = sys.argv[1:]
    out = args[0]
    mnist = os.environ.get("DIGIT_MNIST_DIR") or os.path.join(os.path.dirname(__file__), "../../../shared/mnist")
    scale, seed = 1.0, 12
    if "--mnist" in args: mnist = args[args.index("--mnist") + 1]
    if "--scale" in args: scale = float(args[args.index("--scale") + 1])
    if "--seed" in args: seed = int(args[args.index("--seed") + 1])
    images, labels = load_mnist(mnist)
    rng = np.random.default_rng(seed)
    fonts = sorted({p for g in FONT_GLOBS for p in glob.glob(g, recursive=True)})
    rows = []
    counts = {"photo4": int(200 * scale), "photo": int(300 * scale), "scan": int(200 * scale),
              "font": int(150 * scale) if fonts else 0}
    if not fonts:
        print("no handwriting font found (apt-get install fonts-dkg-handwriting fonts-humor-sans fonts-breip): "
              "the font set is skipped", file=sys.stderr)
    for name, n in counts.items():
        os.makedirs(os.path.join(out, name), exist_ok=True)
        for k in range(n):
            lines = 1
            if name == "photo4":
                ink, text, touching = compose_mnist(rng, images, labels, 4, False, 1)
                unit = 1
            elif name in ("photo", "scan"):
                count = int(rng.integers(2, 11))
                lines = 2 if count >= 4 and rng.random() < 0.25 else 1
                comb = name == "scan" and rng.random() < 0.5
                if comb:
                    lines = 1
                    ink, text, edges = compose_comb(rng, images, labels, count)
                    touching = False
                else:
                    ink, text, touching = compose_mnist(rng, images, labels, count, True, lines)
                unit = 1
            else:
                count = int(rng.integers(2, 11))
                lines = 2 if count >= 4 and rng.random() < 0.25 else 1
                ink, text, unit = compose_font(rng, fonts[k % len(fonts)], count, lines)
                touching = False
                comb = False
            if name != "scan" or not comb:
                ink = slanted(ink, rng)
            if name in ("photo4", "photo") or (name == "font" and k % 2 == 0):
                w, h = 1600, 1200
                digit_height = rng.uniform(110, 260) if lines == 1 else rng.uniform(100, 200)
                layer, s = place(ink, w, h, digit_height, unit, rng)
                img, ext = photo(layer, rng), "jpg"
            else:
                w, h = 1400, 500 if lines == 1 else 800
                digit_height = rng.uniform(60, 110)
                layer, s = place(ink, w, h, digit_height, unit, rng)
                if name == "scan" and comb:
                    ys, xs = np.nonzero(layer > 0.2)
                    # cell edges in canvas pixels: the ink's first inked column landed at placed_x
                    placed_x = int(np.argmax(layer.max(0) > 0))
                    first_ink = int(np.argmax(ink.max(0) > 0))
                    shift = placed_x - first_ink * s
                    cells = [int(shift + e * s) for e in edges]
                    top, bottom = int(ys.min()), int(ys.max())
                    layer = comb_field(layer, cells, top, bottom, rng)
                img, ext = scan(layer, rng), ("png" if k % 2 == 0 else "jpg")
            path = os.path.join(name, f"{k:04d}.{ext}")
            if ext == "jpg":
                img.save(os.path.join(out, path), quality=int(rng.integers(80, 93)))
            else:
                img.save(os.path.join(out, path))
            rows.append((name, path, text, len(text.replace(" ", "")), int(touching), lines))
    with open(os.path.join(out, "labels.tsv"), "w") as f:
        f.write("set\tfile\tnumber\tdigits\ttouching\tlines\n")
        for r in rows:
            f.write("\t".join(str(v) for v in r) + "\n")


if __name__ == "__main__":
    main()
