#!/usr/bin/env python3
"""Typed digits for bench/realworld's `fonts` category, rendered with Pillow's FreeType fonts.

Usage: render_fonts.py OUT_DIR COUNT SEED
Writes COUNT images `fonts-NNNNN-D.png|jpg` (D: the digit) into OUT_DIR and prints one line per
image: `file name,digit,font file`. Every installed TrueType/OpenType font with the ten digits is
used (symbol and maths fonts left out), e.g. DejaVu, Liberation, URW base 35 (incl. the
handwriting-like Z003), Comic Neue, FreeFont. Each image: one digit 10-160 px tall, any ink and
paper colour, rotated up to 6 degrees, off-centre, sometimes bold by stroke, blurred or noisy;
PNG or JPEG. Exits 3 (and prints nothing) when no usable font is found.
"""
import glob
import os
import random
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

SKIP = ("symbol", "dingbat", "math", "d050000l", "standardsymbols", "opensymbol")


def has_digits(font):
    """Digits must have real glyphs: distinct shapes for 1 and 8."""
    return font.getmask("1").getbbox() and font.getmask("8").getbbox() != font.getmask("1").getbbox()


def fonts(usable=has_digits):
    """The TrueType/OpenType font files under /usr/share/fonts (symbol and maths fonts left out)
    whose glyphs pass `usable`."""
    found = []
    for path in sorted(glob.glob("/usr/share/fonts/**/*", recursive=True)):
        if not path.lower().endswith((".ttf", ".otf")) or any(s in path.lower() for s in SKIP):
            continue
        try:
            if usable(ImageFont.truetype(path, 40)):
                found.append(path)
        except OSError:
            pass
    return found


def save(image, out_dir, name, jpeg, quality):
    """Writes `image` as OUT_DIR/NAME, a JPEG at `quality` when `jpeg`, else a PNG."""
    if jpeg:
        image.save(os.path.join(out_dir, name), quality=quality)
    else:
        image.save(os.path.join(out_dir, name))


def render(rng, path, digit):
    height = rng.uniform(10, 160)  # wanted ink height, px
    font = ImageFont.truetype(path, max(6, int(height / 0.72)))
    stroke = rng.choice([0, 0, 0, 1, 2]) if height > 40 else 0
    left, top, right, bottom = font.getbbox(str(digit), stroke_width=stroke)
    w, h = right - left, bottom - top
    canvas_w = int(max(w, h * 0.6) * rng.uniform(1.3, 3.0)) + 4
    canvas_h = int(h * rng.uniform(1.3, 2.6)) + 4
    paper = tuple(int(v) for v in np.clip(np.array([1, 1, 1]) * rng.uniform(200, 255) + [rng.uniform(-10, 5) for _ in range(3)], 0, 255))
    ink_gray = rng.uniform(0, 90)
    ink = rng.choice([(ink_gray,) * 3, (20, 30, 140), (150, 20, 20), (ink_gray, ink_gray, ink_gray + 40)])
    ink = tuple(int(v) for v in ink)
    layer = Image.new("L", (canvas_w, canvas_h), 0)
    draw = ImageDraw.Draw(layer)
    x = (canvas_w - w) / 2 + rng.uniform(-0.25, 0.25) * (canvas_w - w) - left
    y = (canvas_h - h) / 2 + rng.uniform(-0.25, 0.25) * (canvas_h - h) - top
    draw.text((x, y), str(digit), font=font, fill=255, stroke_width=stroke, stroke_fill=255)
    layer = layer.rotate(rng.uniform(-6, 6), resample=Image.BICUBIC, fillcolor=0)
    image = Image.composite(Image.new("RGB", layer.size, ink), Image.new("RGB", layer.size, paper), layer)
    if rng.random() < 0.3:
        image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.5)))
    pixels = np.asarray(image, dtype=np.float32)
    if rng.random() < 0.5:
        pixels = pixels + np.random.default_rng(rng.randrange(1 << 30)).normal(0, rng.uniform(2, 12), pixels.shape[:2])[..., None]
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    if rng.random() < 0.4:
        image = image.convert("L")
    return image


def main(argv):
    out_dir, count, seed = argv[0], int(argv[1]), int(argv[2])
    paths = fonts()
    if not paths:
        sys.exit(3)
    lines = []
    for i in range(count):
        rng = random.Random(seed * 1_000_003 + i)
        digit = i % 10
        path = rng.choice(paths)
        image = render(rng, path, digit)
        jpeg = rng.random() < 0.4
        name = f"fonts-{i:05d}-{digit}.{'jpg' if jpeg else 'png'}"
        save(image, out_dir, name, jpeg, rng.randrange(70, 96) if jpeg else None)
        lines.append(f"{name},{digit},{os.path.basename(path)}\n")
    sys.stdout.write("".join(lines))


if __name__ == "__main__":
    main(sys.argv[1:])
