#!/usr/bin/env python3
"""Draws docs/preprocess-example.jpg (a photo-like handwritten 4 on ruled paper, made here by
code, nothing from MNIST) and docs/preprocess-steps.png (what `digit preprocess --steps` shows).

    pip install pillow
    swift build -c release
    python3 docs/make-preprocess-figure.py .build/release/digit
"""
import math
import os
import random
import subprocess
import sys
import tempfile

from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))


def photo():
    w, h = 480, 360
    rng = random.Random(4)
    img = Image.new("L", (w, h))
    px = img.load()
    for y in range(h):            # paper under a lamp: bright top left, dim bottom right
        for x in range(w):
            light = 1.0 - 0.45 * (0.6 * x / w + 0.4 * y / h)
            px[x, y] = int(235 * light)
    draw = ImageDraw.Draw(img)
    for i in range(-2, 14):       # ruled lines, slightly tilted like the page
        y0 = 30 + 28 * i
        draw.line([(0, y0), (w, y0 + 18)], fill=120, width=2)
    ink = Image.new("L", (w, h), 0)  # the digit, as ink coverage
    pen = ImageDraw.Draw(ink)
    stroke = [(262, 92), (214, 198), (300, 196)]
    pen.line(stroke, fill=255, width=11, joint="curve")
    pen.line([(282, 140), (276, 262)], fill=255, width=11)
    ink = ink.filter(ImageFilter.GaussianBlur(1.2))
    img = Image.composite(Image.new("L", (w, h), 25), img, ink)
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    noisy = img.load()
    for y in range(h):
        for x in range(w):
            noisy[x, y] = max(0, min(255, noisy[x, y] + int(rng.gauss(0, 5))))
    return img


def montage(step_dir, out):
    files = sorted(os.listdir(step_dir), key=lambda f: int(f.split("-")[0]))
    tile, pad, label = 150, 8, 18
    cols = 4
    rows = (len(files) + cols - 1) // cols
    sheet = Image.new("L", (cols * (tile + pad) + pad, rows * (tile + pad + label) + pad), 96)
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default()
    for i, name in enumerate(files):
        im = Image.open(os.path.join(step_dir, name)).convert("L")
        scale = tile / max(im.size)
        im = im.resize((max(1, round(im.size[0] * scale)), max(1, round(im.size[1] * scale))),
                       Image.NEAREST if max(im.size) <= 40 else Image.BILINEAR)
        x = pad + (i % cols) * (tile + pad)
        y = pad + (i // cols) * (tile + pad + label)
        sheet.paste(im, (x, y + label))
        draw.text((x, y + 3), name[:-4], fill=255, font=font)
    sheet.save(out)


def main():
    digit = sys.argv[1] if len(sys.argv) > 1 else "digit"
    example = os.path.join(HERE, "preprocess-example.jpg")
    photo().save(example, quality=88)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([digit, "preprocess", example, "-o", os.path.join(tmp, "seen.png"),
                        "--steps", os.path.join(tmp, "steps")], check=True)
        montage(os.path.join(tmp, "steps"), os.path.join(HERE, "preprocess-steps.png"))


if __name__ == "__main__":
    main()
