#!/usr/bin/env python3
"""Writes the large but legal images of the memory benchmark into a folder (never committed).

    python3 bench/memory/make-hostile.py OUTDIR

PNG: 10000×10000 (100 MP, the pixel limit) of every colour type and bit depth, one Adam7 16-bit
RGBA, and 100 MP strips (1000000×100, 100×1000000), written row by row with zlib (each file is
well under 1 MB). JPEG (Pillow): 100 MP progressive gray, 100 MP progressive 4:2:0 and 4:4:4 colour,
and a baseline 4:2:0 one. Every picture is light paper with a dark bar in the middle, so there is ink to find.
"""
import struct
import sys
import zlib
from pathlib import Path

ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def sample_bytes(value, bit_depth):
    return bytes([value]) if bit_depth == 8 else bytes([value, value])


def pixel(ink, colour_type, bit_depth):
    """One pixel: ink (dark, opaque) or paper (light; half transparent where there is alpha)."""
    if colour_type == 3:
        return bytes([1 if ink else 0])
    gray = 30 if ink else 225
    channels = {0: 1, 2: 3, 4: 1, 6: 3}[colour_type]
    out = sample_bytes(gray, bit_depth) * channels
    if colour_type in (4, 6):
        out += sample_bytes(255 if ink else 128, bit_depth)
    return out


def write_png(path, width, height, colour_type, bit_depth, interlaced=False):
    paper, ink = pixel(False, colour_type, bit_depth), pixel(True, colour_type, bit_depth)
    bar_x0, bar_x1 = width * 45 // 100, width * 55 // 100
    bar_y0, bar_y1 = height // 4, height * 3 // 4

    def row(y, xs):
        inside = bar_y0 <= y < bar_y1
        return b"\0" + b"".join(ink if inside and bar_x0 <= x < bar_x1 else paper for x in xs)

    compressor = zlib.compressobj(9)
    idat = bytearray()
    passes = ADAM7 if interlaced else [(0, 0, 1, 1)]
    for x0, y0, dx, dy in passes:
        xs = range(x0, width, dx)
        if not xs:
            continue
        # Rows are one of two kinds (through the bar or not): build each once.
        plain, barred = row(-1, xs), row(bar_y0, xs)
        for y in range(y0, height, dy):
            idat += compressor.compress(barred if bar_y0 <= y < bar_y1 else plain)
    idat += compressor.flush()
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0,
                                                               1 if interlaced else 0))
    if colour_type == 3:
        data += chunk(b"PLTE", bytes([225, 225, 225, 30, 30, 30])) + chunk(b"tRNS", bytes([128, 255]))
    data += chunk(b"IDAT", bytes(idat)) + chunk(b"IEND", b"")
    path.write_bytes(data)


def write_jpegs(folder):
    from PIL import Image, ImageDraw
    for name, mode, options in [
        ("jpeg-gray-progressive-100mp.jpg", "L", {"progressive": True}),
        ("jpeg-420-progressive-100mp.jpg", "RGB", {"progressive": True, "subsampling": 2}),
        ("jpeg-444-progressive-100mp.jpg", "RGB", {"progressive": True, "subsampling": 0}),
        ("jpeg-420-baseline-100mp.jpg", "RGB", {"subsampling": 2}),
    ]:
        image = Image.new(mode, (10000, 10000), 225 if mode == "L" else (225, 225, 225))
        ImageDraw.Draw(image).rectangle([4500, 2500, 5500, 7500], fill=30 if mode == "L" else (30, 30, 30))
        image.save(folder / name, quality=75, **options)
        del image


def main():
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    side = 10000
    for colour_type, bit_depth, name in [(0, 8, "gray-8"), (0, 16, "gray-16"), (4, 8, "gray-alpha-8"),
                                         (4, 16, "gray-alpha-16"), (2, 8, "rgb-8"), (2, 16, "rgb-16"),
                                         (6, 8, "rgba-8"), (6, 16, "rgba-16"), (3, 8, "palette-8-trns")]:
        write_png(folder / f"png-{name}-100mp.png", side, side, colour_type, bit_depth)
    write_png(folder / "png-rgba-16-adam7-100mp.png", side, side, 6, 16, interlaced=True)
    write_png(folder / "png-gray-8-strip-1000000x100.png", 1_000_000, 100, 0, 8)
    write_png(folder / "png-gray-8-strip-100x1000000.png", 100, 1_000_000, 0, 8)
    write_jpegs(folder)


if __name__ == "__main__":
    main()
