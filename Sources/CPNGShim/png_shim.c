#include "png_shim.h"

#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where a libpng error goes: its message, then a longjmp back to `digit_png_read_reduced`. */
typedef struct {
    jmp_buf escape;
    char *message;
    const unsigned char *data;
    size_t length, offset;
} shim_state;

static void shim_error(png_structp png, png_const_charp text) {
    shim_state *state = (shim_state *)png_get_error_ptr(png);
    snprintf(state->message, DIGIT_PNG_MESSAGE_LENGTH, "%s", text);
    longjmp(state->escape, 1);
}

/* Warnings (a bad CRC in an ancillary chunk, …) are ignored, as the simplified API does. */
static void shim_warning(png_structp png, png_const_charp text) { (void)png; (void)text; }

static void shim_read(png_structp png, png_bytep into, size_t count) {
    shim_state *state = (shim_state *)png_get_io_ptr(png);
    if (count > state->length - state->offset) png_error(png, "Read Error: the file ends too early");
    memcpy(into, state->data + state->offset, count);
    state->offset += count;
}

/* BT.601 luma of sRGB-encoded 8-bit R'G'B', as lumaFromRGB in Swift. */
static inline uint32_t luma_of(uint32_t r, uint32_t g, uint32_t b) {
    return (19595u * r + 38470u * g + 7471u * b + 32768u) >> 16;
}

/* One sample of a row as 8 bits (16-bit samples are big-endian, rounded to 8 bits). */
static inline uint32_t sample8(const unsigned char *p, int sixteen) {
    if (!sixteen) return p[0];
    return (((uint32_t)p[0] << 8 | p[1]) * 255u + 32767u) / 65535u;
}

/* One colour sample as 8 bits, a 16-bit one first shifted up `shift` bits (at most 65535). */
static inline uint32_t colour8(const unsigned char *p, int sixteen, int shift, uint32_t *brightest) {
    if (!sixteen) return p[0];
    uint32_t value = (uint32_t)p[0] << 8 | p[1];
    if (value > *brightest) *brightest = value;
    value <<= shift;
    if (value > 65535u) value = 65535u;
    return (value * 255u + 32767u) / 65535u;
}

int digit_png_read_reduced(const unsigned char *data, size_t length, uint32_t factor, int shift,
                           digit_png_reduced *out, char message[DIGIT_PNG_MESSAGE_LENGTH]) {
    shim_state state;
    png_structp png;
    png_infop info;
    /* volatile: these change between setjmp and a longjmp back to it. */
    unsigned char *volatile row = NULL;
    uint64_t *volatile luma_alpha = NULL;
    uint64_t *volatile alpha = NULL;

    memset(out, 0, sizeof(*out));
    message[0] = '\0';
    if (factor == 0) factor = 1;
    if (shift < 0 || shift > 15) shift = 0;
    state.message = message;
    state.data = data;
    state.length = length;
    state.offset = 0;
    png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &state, shim_error, shim_warning);
    if (png == NULL) {
        snprintf(message, DIGIT_PNG_MESSAGE_LENGTH, "out of memory");
        return -1;
    }
    /* Made before the setjmp (it does not jump), so the handler sees it unchanged. */
    info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_read_struct(&png, NULL, NULL);
        snprintf(message, DIGIT_PNG_MESSAGE_LENGTH, "out of memory");
        return -1;
    }
    if (setjmp(state.escape)) {
        png_destroy_read_struct(&png, &info, NULL);
        free(row);
        free(luma_alpha);
        free(alpha);
        memset(out, 0, sizeof(*out));
        if (message[0] == '\0') snprintf(message, DIGIT_PNG_MESSAGE_LENGTH, "unknown libpng error");
        return -1;
    }
    png_set_read_fn(png, &state, shim_read);
    png_read_info(png, info);

    uint32_t width = png_get_image_width(png, info), height = png_get_image_height(png, info);
    int interlaced = png_get_interlace_type(png, info) != PNG_INTERLACE_NONE;
    png_set_expand(png);   /* palette → RGB, gray < 8 bits → 8, tRNS → alpha */
    png_set_alpha_mode(png, PNG_ALPHA_PNG, PNG_DEFAULT_sRGB);   /* straight alpha, sRGB-encoded output */
    png_read_update_info(png, info);

    int channels = png_get_channels(png, info);
    int sixteen = png_get_bit_depth(png, info) == 16;
    int colour = (png_get_color_type(png, info) & PNG_COLOR_MASK_COLOR) != 0;
    int has_alpha = (png_get_color_type(png, info) & PNG_COLOR_MASK_ALPHA) != 0;
    size_t bytes_per_sample = sixteen ? 2 : 1;
    uint32_t brightest = 0;   /* only read after the last row: no longjmp can follow a change */

    out->width = width;
    out->height = height;
    out->out_width = width / factor > 0 ? width / factor : 1;
    out->out_height = height / factor > 0 ? height / factor : 1;
    out->block_width = factor < width ? factor : width;
    out->block_height = factor < height ? factor : height;
    out->has_alpha = has_alpha;
    size_t out_count = (size_t)out->out_width * out->out_height;
    row = malloc(png_get_rowbytes(png, info));
    luma_alpha = calloc(out_count, sizeof(uint64_t));
    alpha = calloc(out_count, sizeof(uint64_t));
    if (row == NULL || luma_alpha == NULL || alpha == NULL) png_error(png, "out of memory for the reduced image");

    /* Without png_set_interlace_handling, libpng hands out each Adam7 pass's own rows. */
    int passes = interlaced ? 7 : 1;
    for (int pass = 0; pass < passes; pass++) {
        uint32_t rows = interlaced ? PNG_PASS_ROWS(height, pass) : height;
        uint32_t columns = interlaced ? PNG_PASS_COLS(width, pass) : width;
        if (rows == 0 || columns == 0) continue;
        for (uint32_t r = 0; r < rows; r++) {
            png_read_row(png, row, NULL);
            uint32_t y = interlaced ? PNG_ROW_FROM_PASS_ROW(r, pass) : r;
            uint32_t out_y = y / factor;
            if (out_y >= out->out_height) continue;
            uint64_t *sums = luma_alpha + (size_t)out_y * out->out_width;
            uint64_t *alphas = alpha + (size_t)out_y * out->out_width;
            /* Along the row: pass columns are x0, x0 + dx, …; the block index steps up when x
             * reaches the next multiple of `factor` (no division per pixel). */
            uint32_t x0 = interlaced ? PNG_COL_FROM_PASS_COL(0, pass) : 0;
            uint32_t dx = interlaced ? PNG_COL_FROM_PASS_COL(1, pass) - x0 : 1;
            uint32_t out_x = x0 / factor, boundary = (out_x + 1) * factor, x = x0;
            size_t step = (size_t)channels * bytes_per_sample;
            const unsigned char *p = row;
            for (uint32_t c = 0; c < columns; c++, x += dx, p += step) {
                while (x >= boundary) { out_x++; boundary += factor; }
                if (out_x >= out->out_width) break;
                uint32_t luma = colour
                    ? luma_of(colour8(p, sixteen, shift, &brightest), colour8(p + bytes_per_sample, sixteen, shift, &brightest),
                              colour8(p + 2 * bytes_per_sample, sixteen, shift, &brightest))
                    : colour8(p, sixteen, shift, &brightest);
                uint32_t a = has_alpha ? sample8(p + (size_t)(channels - 1) * bytes_per_sample, sixteen) : 255u;
                sums[out_x] += (uint64_t)luma * a;
                alphas[out_x] += a;
            }
        }
    }
    png_read_end(png, NULL);
    png_destroy_read_struct(&png, &info, NULL);
    free(row);
    out->luma_alpha_sums = luma_alpha;
    out->alpha_sums = alpha;
    out->brightest_sample = brightest;
    return 0;
}

void digit_png_reduced_free(digit_png_reduced *image) {
    if (image == NULL) return;
    free(image->luma_alpha_sums);
    free(image->alpha_sums);
    memset(image, 0, sizeof(*image));
}
