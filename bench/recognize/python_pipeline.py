#!/usr/bin/env python3
"""The plain Python digit pipeline a user would otherwise write, for `recognize-bench`.

Pillow opens and converts to grayscale; NumPy thresholds, crops the ink's bounding box,
Pillow resizes the longer side to 20 px (aspect kept), NumPy places it in 28x28 with the
centre of mass at the centre, and a linear model (784x10 weights + bias) predicts.
One process, one image at a time, as such a script is usually written.

Usage: python_pipeline.py [--weights FILE] DIR...
  --weights FILE  785 rows of 10 numbers (784 weight rows, then the bias), as numpy.loadtxt
                  reads; without it, fixed random weights (the throughput is the same).
Prints `path,digit` per image (digit empty when no ink was found), in sorted order per DIR.
"""
import os
import sys

import numpy as np
from PIL import Image


def load_weights(path):
    if path is None:
        rng = np.random.default_rng(0)
        return rng.normal(size=(784, 10)).astype(np.float32), np.zeros(10, np.float32)
    matrix = np.loadtxt(path, dtype=np.float32)
    return matrix[:784], matrix[784]


def to_mnist(path):
    """28x28 float32, ink = 1, or None when the picture has no ink."""
    gray = np.asarray(Image.open(path).convert("L"), dtype=np.float32) / 255.0
    ink = 1.0 - gray if gray.mean() > 0.5 else gray  # dark ink on light paper -> bright ink
    mask = ink > 0.5
    if not mask.any():
        return None
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    crop = ink[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    h, w = crop.shape
    scale = 20.0 / max(h, w)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    small = np.asarray(Image.fromarray((crop * 255).astype(np.uint8)).resize(size, Image.BILINEAR),
                       dtype=np.float32) / 255.0
    out = np.zeros((28, 28), np.float32)
    sh, sw = small.shape
    top, left = (28 - sh) // 2, (28 - sw) // 2
    out[top:top + sh, left:left + sw] = small
    total = out.sum()
    if total > 0:
        ys, xs = np.indices(out.shape)
        cy, cx = (ys * out).sum() / total, (xs * out).sum() / total
        out = np.roll(out, (int(round(13.5 - cy)), int(round(13.5 - cx))), axis=(0, 1))
    return out


def main(argv):
    weights_path = None
    if len(argv) >= 2 and argv[0] == "--weights":
        weights_path, argv = argv[1], argv[2:]
    weights, bias = load_weights(weights_path)
    out = []
    for directory in argv:
        for name in sorted(os.listdir(directory)):
            path = os.path.join(directory, name)
            image = to_mnist(path)
            digit = "" if image is None else str(int(np.argmax(image.reshape(784) @ weights + bias)))
            out.append(f"{path},{digit}\n")
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main(sys.argv[1:])
