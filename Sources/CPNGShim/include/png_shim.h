// Row-by-row PNG reading with libpng's classic API, for files too large to decode whole.
// libpng reports errors by longjmp; the setjmp is here, so no jump crosses into Swift.
#ifndef DIGIT_PNG_SHIM_H
#define DIGIT_PNG_SHIM_H

#include <stddef.h>
#include <stdint.h>

#define DIGIT_PNG_MESSAGE_LENGTH 200

/// A PNG box-averaged while it was decoded: for each output pixel, sums over its block of
/// source pixels (luma and alpha 0…255, luma BT.601 from sRGB-encoded 8-bit R′G′B′).
typedef struct digit_png_reduced {
    /// The size the file declares.
    uint32_t width, height;
    /// `max(1, width / factor)` × `max(1, height / factor)`.
    uint32_t out_width, out_height;
    /// Source pixels per block: `min(factor, width)` × `min(factor, height)`; columns and rows
    /// beyond `out_width * factor` (`out_height * factor`) are left out, as `toWorkingImage` does.
    uint32_t block_width, block_height;
    /// 1 when the file has an alpha channel or a tRNS chunk.
    int has_alpha;
    /// Per output pixel, row-major, malloc'd (free with `digit_png_reduced_free`):
    /// Σ luma·alpha and Σ alpha over its block (alpha 255 everywhere for an opaque file).
    uint64_t *luma_alpha_sums;
    uint64_t *alpha_sums;
    /// The largest 16-bit colour sample read, before any shift (0 for an 8-bit file).
    uint32_t brightest_sample;
} digit_png_reduced;

/// Decodes the PNG in `data` row by row (Adam7 files pass by pass), never holding more than one
/// row at full size, and sums `factor`×`factor` blocks into `out`. Palette, low bit depths and
/// tRNS are expanded, gAMA is honoured (output sRGB-encoded), 16-bit samples are rounded to 8 bits,
/// their colour samples first shifted up `shift` bits (saturating; 0: as stored) for data that
/// fills only the low part of the 16-bit range. Returns 0, or -1 with libpng's one-line reason in
/// `message` (and nothing to free).
int digit_png_read_reduced(const unsigned char *data, size_t length, uint32_t factor, int shift,
                           digit_png_reduced *out, char message[DIGIT_PNG_MESSAGE_LENGTH]);

void digit_png_reduced_free(digit_png_reduced *image);

#endif
