#!/usr/bin/env python3
"""Forms with printed labels for bench/realworld's `labelled-forms` and `blank-labelled-forms`.

Usage: render_forms.py OUT_DIR COUNT SEED MNIST_DIR BLANK [NAME]
Writes COUNT images `NAME-NNNNN-D.png|jpg` (D: the digit, or `blank` when BLANK is 1) into OUT_DIR
and prints one line per image: `file name,digit or blank,font file`. NAME is `labelled-forms`
(`blank-labelled-forms` when BLANK), or `answer-lines` / `blank-answer-lines`. Each image is a
piece of a form in an installed font, 2-9% of the page tall; sometimes a title or a line of
instructions. labelled-forms: a box (1-4 px, grey or black, up to 3 degrees off) with a printed
label beside it ("Age:", "Class", "Room no." ...) left of, above or below the box, sometimes a
second, empty labelled box; a handwritten MNIST test digit (read from MNIST_DIR, never stored)
fills 45-85% of the box's height, unless BLANK. answer-lines: an answer line (1-3 px, 4-10 label
heights long) with its label before it, the label's foot on the line, sometimes a second, empty
labelled line below; the digit, 1.5-3 times the label's capitals, written on the line (its foot up
to a fifth of its height above the line, or a tenth below). Half are scans (grey PNG, a few
1-bit), half phone photos (turned, lit unevenly, blurred, noisy, colour JPEG).
Exits 3 (and prints nothing) when no usable font is found.
"""
import math
import os
import random
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from render_fonts import fonts, save

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "numbers"))
from make_numbers import load_mnist  # noqa: E402  (bench/numbers: the MNIST test set's idx files)

LABELS = ["Age:", "Class", "Room", "Grade:", "Score", "Quantity", "Shift", "Code:", "Day", "Seat",
          "Group", "Answer:", "Floor", "Level", "Size:", "Copies", "Rating", "Team", "Row:", "Table"]
LINES = ["APPLICATION FORM", "Please write clearly", "Use black ink", "For office use only",
         "Survey", "Order sheet", "Write one figure in the box", "Do not fold", "Section B"]


def has_letters(font):
    return font.getmask("A").getbbox() and font.getmask("g").getbbox()


def labelled_box(draw, rng, font, x, y, w, h, ink):
    """A box with its top left corner at (x, y) and a label beside it."""
    width = rng.choice([1, 2, 2, 3, 4])
    draw.rectangle([x, y, x + w, y + h], outline=ink, width=width)
    text = rng.choice(LABELS)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    where = rng.choice(["left", "left", "above", "below"])
    if where == "left":
        position = (x - (right - left) - rng.uniform(8, 30), y + h / 2 - (bottom + top) / 2)
    elif where == "above":
        position = (x, y - bottom - rng.uniform(4, 14))
    else:
        position = (x, y + h + rng.uniform(4, 14) - top)
    draw.text(position, text, font=font, fill=0)


def labelled_line(draw, rng, font, x, y, w, ink):
    """An answer line from (x, y), w long, with its label before it, the label's foot on the line."""
    draw.line([x, y, x + w, y], fill=ink, width=rng.choice([1, 1, 2, 2, 3]))
    text = rng.choice(LABELS)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    draw.text((x - (right - left) - rng.uniform(4, 20), y - bottom - rng.uniform(0, 3)), text, font=font, fill=0)


def digit_alpha(rng, image, height):
    """An MNIST digit (28x28, ink 255) scaled so that its 20-px box is `height` px, turned up to 8
    degrees: its ink as alpha (0-1), and its side."""
    side = max(8, int(28 * height / 20))
    alpha = np.asarray(Image.fromarray(image).resize((side, side), Image.BICUBIC), dtype=np.float32) / 255
    alpha = np.asarray(Image.fromarray((np.clip(alpha, 0, 1) * 255).astype(np.uint8))
                       .rotate(rng.uniform(-8, 8), resample=Image.BICUBIC), dtype=np.float32) / 255
    return alpha, side


def written(rng, image, images, labels, blank, height, place):
    """The page's pixels (0-255) and its digit (None when `blank`): an MNIST test digit drawn at
    random, `height()` px tall, written with its top left corner where `place(side, height)` says."""
    pixels = np.asarray(image, dtype=np.float32)
    if blank:
        return pixels, None
    n = rng.randrange(len(images))
    h = height()
    alpha, side = digit_alpha(rng, images[n], h)
    dx, dy = place(side, h)
    ink = rng.uniform(0, 70)
    region = pixels[dy:dy + side, dx:dx + side]
    a = alpha[:region.shape[0], :region.shape[1]]
    pixels[dy:dy + side, dx:dx + side] = region * (1 - a) + ink * a
    return pixels, int(labels[n])


def decorate(rng, draw, font_path, font, size, W, H):
    """Sometimes a title at the top, sometimes a line of instructions at the bottom."""
    if rng.random() < 0.5:
        title = ImageFont.truetype(font_path, max(8, int(size * rng.uniform(1.0, 1.5))))
        draw.text((W * rng.uniform(0.03, 0.1), H * rng.uniform(0.02, 0.08)), rng.choice(LINES), font=title, fill=0)
    if rng.random() < 0.4:
        draw.text((W * rng.uniform(0.03, 0.1), H * rng.uniform(0.85, 0.92)), rng.choice(LINES), font=font, fill=int(rng.uniform(0, 80)))


def line_page(rng, images, labels, font_path, blank):
    W, H = rng.choice([(900, 500), (1200, 700), (700, 450), (1000, 800), (640, 480)])
    image = Image.new("L", (W, H), int(rng.uniform(215, 255)))
    draw = ImageDraw.Draw(image)
    size = int(H * rng.uniform(0.02, 0.09) / 0.72)
    font = ImageFont.truetype(font_path, max(8, size))
    label_h = draw.textbbox((0, 0), "A", font=font)[3] - draw.textbbox((0, 0), "A", font=font)[1]
    line_w = min(W * 0.45, label_h * rng.uniform(4, 10))
    x = W * rng.uniform(0.3, 0.5)
    y = H * rng.uniform(0.4, 0.65)   # the label below a title
    line_ink = int(rng.uniform(0, 120))
    labelled_line(draw, rng, font, x, y, line_w, line_ink)
    if rng.random() < 0.3 and y + 4 * label_h < H * 0.85:  # a second, empty line below
        labelled_line(draw, rng, font, x, y + rng.uniform(2.5, 4) * label_h, line_w, line_ink)
    decorate(rng, draw, font_path, font, size, W, H)

    def place(side, height):
        foot = y - rng.uniform(-0.1, 0.2) * height   # the ink's foot: 4 px of MNIST's 28 below it
        dx = int(x + rng.uniform(0.1, 0.9) * max(1, line_w - side))
        return dx, max(0, int(foot - side * 24 / 28))
    # Handwriting is larger than print: 1.5-3 times the label's capitals; below a title.
    return written(rng, image, images, labels, blank, lambda: min(label_h * rng.uniform(1.5, 3.0), y - 0.3 * H), place)


def page(rng, images, labels, font_path, blank):
    W, H = rng.choice([(900, 500), (1200, 700), (700, 450), (1000, 800), (640, 480)])
    paper = rng.uniform(215, 255)
    image = Image.new("L", (W, H), int(paper))
    draw = ImageDraw.Draw(image)
    size = int(H * rng.uniform(0.02, 0.09) / 0.72)
    font = ImageFont.truetype(font_path, max(8, size))
    box_h = H * rng.uniform(0.2, 0.4)
    box_w = box_h * rng.uniform(0.75, 1.2)
    x = W * rng.uniform(0.35, 0.6)
    y = H * rng.uniform(0.25, 0.45)
    x, y = min(x, W - box_w - 10), min(y, H - box_h - 10)
    line_ink = int(rng.uniform(0, 120))
    labelled_box(draw, rng, font, x, y, box_w, box_h, line_ink)
    if rng.random() < 0.3:  # a second, empty box further right or below
        if x + 2.2 * box_w < W:
            labelled_box(draw, rng, font, x + 1.3 * box_w, y, box_w * 0.8, box_h * 0.8, line_ink)
        elif y + 2.2 * box_h < H:
            labelled_box(draw, rng, font, x, y + 1.4 * box_h, box_w * 0.8, box_h * 0.8, line_ink)
    decorate(rng, draw, font_path, font, size, W, H)

    def place(side, height):
        return (int(x + box_w / 2 - side / 2 + rng.uniform(-0.1, 0.1) * box_w),
                int(y + box_h / 2 - side / 2 + rng.uniform(-0.06, 0.06) * box_h))
    return written(rng, image, images, labels, blank, lambda: box_h * rng.uniform(0.45, 0.85), place)


def as_scan(rng, pixels):
    noise = np.random.default_rng(rng.randrange(1 << 30))
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    if rng.random() < 0.5:
        image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.9)))
    pixels = np.asarray(image, dtype=np.float32) + noise.normal(0, rng.uniform(0, 4), pixels.shape)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    if rng.random() < 0.15:
        image = image.point(lambda v: 255 if v > 150 else 0).convert("1")
    return image, False


def as_photo(rng, pixels):
    noise = np.random.default_rng(rng.randrange(1 << 30))
    H, W = pixels.shape
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    image = image.rotate(rng.uniform(-4, 4), resample=Image.BICUBIC, fillcolor=int(rng.uniform(40, 140)))
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.6)))
    b = np.asarray(image, dtype=np.float32)
    yy, xx = np.mgrid[0:H, 0:W]
    t = rng.uniform(0, 2 * math.pi)
    b = b * (1 + rng.uniform(0, 0.35) * ((xx - W / 2) * math.cos(t) + (yy - H / 2) * math.sin(t)) / W)
    b = b + noise.normal(0, rng.uniform(1, 5), b.shape)
    rgb = np.stack([b * rng.uniform(0.88, 1), b * rng.uniform(0.88, 1), b * rng.uniform(0.78, 1)], -1)
    return Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8)), True


def main(argv):
    out_dir, count, seed, mnist_dir, blank = argv[0], int(argv[1]), int(argv[2]), argv[3], argv[4] == "1"
    name = argv[5] if len(argv) > 5 else "blank-labelled-forms" if blank else "labelled-forms"
    lined = name.endswith("answer-lines")
    paths = fonts(has_letters)
    if not paths:
        sys.exit(3)
    images, labels = load_mnist(mnist_dir)
    lines = []
    for i in range(count):
        rng = random.Random(seed * 1_000_003 + i + (500_000 if blank else 0) + (250_000 if lined else 0))
        path = rng.choice(paths)
        pixels, digit = (line_page if lined else page)(rng, images, labels, path, blank)
        image, jpeg = as_photo(rng, pixels) if rng.random() < 0.5 else as_scan(rng, pixels)
        tag = "blank" if digit is None else str(digit)
        file = f"{name}-{i:05d}-{tag}.{'jpg' if jpeg else 'png'}"
        save(image, out_dir, file, jpeg, rng.randrange(70, 93) if jpeg else None)
        lines.append(f"{file},{tag},{os.path.basename(path)}\n")
    sys.stdout.write("".join(lines))


if __name__ == "__main__":
    main(sys.argv[1:])
