#include "jpeg_shim.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>
#include <jerror.h>

/* An error manager whose error_exit longjmps back to the caller of the shim
 * and whose warnings about damaged data become errors too. `failure` records
 * which DIGIT_JPEG_* code the escape stands for. */
typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf escape;
    char *message;
    int failure;
} shim_error_mgr;

static int failure_for_code(int code) {
    switch (code) {
    case JWRN_JPEG_EOF:
    case JERR_INPUT_EOF:
    case JERR_INPUT_EMPTY:
        return DIGIT_JPEG_TRUNCATED;
    case JERR_OUT_OF_MEMORY:
        return DIGIT_JPEG_OUT_OF_MEMORY;
    default:
        return DIGIT_JPEG_CORRUPT;
    }
}

static void shim_error_exit(j_common_ptr cinfo) {
    shim_error_mgr *err = (shim_error_mgr *)cinfo->err;
    (*cinfo->err->format_message)(cinfo, err->message);
    err->failure = failure_for_code(cinfo->err->msg_code);
    longjmp(err->escape, 1);
}

/* Leaves through the escape with our own message instead of libjpeg's. */
static void shim_fail(j_common_ptr cinfo, int failure, const char *text) {
    shim_error_mgr *err = (shim_error_mgr *)cinfo->err;
    snprintf(err->message, DIGIT_JPEG_MESSAGE_LENGTH, "%s", text);
    err->failure = failure;
    longjmp(err->escape, 1);
}

/* Warnings that mean the pixels are damaged: a truncated file, a corrupt
 * entropy-coded segment. libjpeg would fill the rest with grey and go on. */
static int is_damage_warning(int code) {
    switch (code) {
    case JWRN_JPEG_EOF:
    case JWRN_HIT_MARKER:
    case JWRN_MUST_RESYNC:
    case JWRN_NOT_SEQUENTIAL:
    case JWRN_BOGUS_PROGRESSION:
    case JWRN_HUFF_BAD_CODE:
    case JWRN_ARITH_BAD_CODE:
        return 1;
    default:
        return 0;
    }
}

static void shim_emit_message(j_common_ptr cinfo, int level) {
    if (level < 0 && is_damage_warning(cinfo->err->msg_code)) {
        shim_error_exit(cinfo);
    }
    /* Other warnings and trace messages are ignored: never print from a library. */
}

static void shim_output_message(j_common_ptr cinfo) { (void)cinfo; }

/* Called by libjpeg while it reads; refuses files with an absurd number of scans. */
static void shim_progress_monitor(j_common_ptr cinfo) {
    if (cinfo->is_decompressor &&
        ((j_decompress_ptr)cinfo)->input_scan_number > DIGIT_JPEG_MAX_SCANS) {
        shim_fail(cinfo, DIGIT_JPEG_CORRUPT, "more than 500 progressive scans (a file built to be slow)");
    }
}

static void install_error_manager(shim_error_mgr *err, char *message) {
    jpeg_std_error(&err->base);
    err->base.error_exit = shim_error_exit;
    err->base.emit_message = shim_emit_message;
    err->base.output_message = shim_output_message;
    err->message = message;
    err->failure = DIGIT_JPEG_CORRUPT;
    message[0] = '\0';
}

static void set_message(char *message, const char *text) {
    snprintf(message, DIGIT_JPEG_MESSAGE_LENGTH, "%s", text);
}

/* The DCT scale: the coarsest of 1/1, 1/2, 1/4, 1/8 keeping the short side at least
 * `min_short_side` (0: full size), then coarser still while the output would have more than
 * `max_output_pixels` pixels (0: no such bound). */
static int choose_scale_denom(unsigned int width, unsigned int height, int min_short_side,
                              uint64_t max_output_pixels) {
    unsigned int short_side = width < height ? width : height;
    int denom = 1;
    if (min_short_side > 0) {
        while (denom < 8 && short_side / (unsigned int)(denom * 2) >= (unsigned int)min_short_side) {
            denom *= 2;
        }
    }
    while (max_output_pixels > 0 && denom < 8 &&
           (uint64_t)((width + denom - 1) / denom) * (uint64_t)((height + denom - 1) / denom) > max_output_pixels) {
        denom *= 2;
    }
    return denom;
}

/* The bytes of the whole-image coefficient arrays libjpeg's coefficient controller allocates
 * when the file has several scans (jdcoefct.c: per component, its blocks rounded up to whole
 * MCUs, 64 coefficients of 2 bytes each); 0 for a single-scan file. Valid after jpeg_read_header. */
static uint64_t coefficient_buffer_bytes(struct jpeg_decompress_struct *cinfo) {
    uint64_t bytes = 0;
    int ci;
    if (!jpeg_has_multiple_scans(cinfo)) return 0;
    for (ci = 0; ci < cinfo->num_components; ci++) {
        jpeg_component_info *c = &cinfo->comp_info[ci];
        uint64_t across = ((uint64_t)c->width_in_blocks + c->h_samp_factor - 1) / c->h_samp_factor * c->h_samp_factor;
        uint64_t down = ((uint64_t)c->height_in_blocks + c->v_samp_factor - 1) / c->v_samp_factor * c->v_samp_factor;
        bytes += across * down * (uint64_t)sizeof(JBLOCK);
    }
    return bytes;
}

/* Output colour space: CMYK for CMYK/YCCK files (made luma in Swift), gray otherwise. */
static void choose_output(struct jpeg_decompress_struct *cinfo, int scale_denom) {
    if (cinfo->jpeg_color_space == JCS_CMYK || cinfo->jpeg_color_space == JCS_YCCK) {
        cinfo->out_color_space = JCS_CMYK;
    } else {
        cinfo->out_color_space = JCS_GRAYSCALE;
    }
    cinfo->scale_num = 1;
    cinfo->scale_denom = (unsigned int)scale_denom;
    cinfo->dct_method = JDCT_ISLOW;
}

int digit_jpeg_read_header(const unsigned char *data, size_t length,
                           int min_short_side, uint64_t max_output_pixels,
                           digit_jpeg_header *out,
                           char message[DIGIT_JPEG_MESSAGE_LENGTH]) {
    struct jpeg_decompress_struct cinfo;
    shim_error_mgr err;
    memset(out, 0, sizeof(*out));
    install_error_manager(&err, message);
    cinfo.err = &err.base;
    if (setjmp(err.escape)) {
        jpeg_destroy_decompress(&cinfo);
        return err.failure;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)length);
    jpeg_read_header(&cinfo, TRUE);
    out->declared_width = (int)cinfo.image_width;
    out->declared_height = (int)cinfo.image_height;
    out->coefficient_bytes = coefficient_buffer_bytes(&cinfo);
    out->scale_denom = choose_scale_denom(cinfo.image_width, cinfo.image_height, min_short_side, max_output_pixels);
    choose_output(&cinfo, out->scale_denom);
    jpeg_calc_output_dimensions(&cinfo);
    out->width = (int)cinfo.output_width;
    out->height = (int)cinfo.output_height;
    out->components = cinfo.output_components;
    jpeg_destroy_decompress(&cinfo);
    return 0;
}

static void copy_exif(struct jpeg_decompress_struct *cinfo, digit_jpeg_image *out) {
    jpeg_saved_marker_ptr marker;
    for (marker = cinfo->marker_list; marker != NULL; marker = marker->next) {
        if (marker->marker == JPEG_APP0 + 1 && marker->data_length >= 6 &&
            memcmp(marker->data, "Exif\0\0", 6) == 0) {
            out->exif = malloc(marker->data_length);
            if (out->exif != NULL) {
                memcpy(out->exif, marker->data, marker->data_length);
                out->exif_length = marker->data_length;
            }
            return;
        }
    }
}

int digit_jpeg_decode(const unsigned char *data, size_t length,
                      int min_short_side, uint64_t max_output_pixels,
                      uint64_t max_pixels, uint64_t max_coefficient_bytes,
                      digit_jpeg_image *out,
                      char message[DIGIT_JPEG_MESSAGE_LENGTH]) {
    struct jpeg_decompress_struct cinfo;
    struct jpeg_progress_mgr progress;
    shim_error_mgr err;
    /* volatile: these change between setjmp and a longjmp back to it. */
    unsigned char *volatile pixels = NULL;
    volatile size_t row_bytes = 0;

    memset(out, 0, sizeof(*out));
    install_error_manager(&err, message);
    cinfo.err = &err.base;
    if (setjmp(err.escape)) {
        int declared_width = out->declared_width, declared_height = out->declared_height;
        uint64_t coefficient_bytes = out->coefficient_bytes;
        jpeg_destroy_decompress(&cinfo);
        free(pixels);
        free(out->exif);
        memset(out, 0, sizeof(*out));
        out->declared_width = declared_width;
        out->declared_height = declared_height;
        out->coefficient_bytes = coefficient_bytes;
        return err.failure;
    }
    jpeg_create_decompress(&cinfo);
    progress.progress_monitor = shim_progress_monitor;
    cinfo.progress = &progress;
    jpeg_mem_src(&cinfo, data, (unsigned long)length);
    jpeg_save_markers(&cinfo, JPEG_APP0 + 1, 0xFFFF);
    jpeg_read_header(&cinfo, TRUE);

    out->declared_width = (int)cinfo.image_width;
    out->declared_height = (int)cinfo.image_height;
    if ((uint64_t)cinfo.image_width * (uint64_t)cinfo.image_height > max_pixels) {
        char text[DIGIT_JPEG_MESSAGE_LENGTH];
        snprintf(text, sizeof text, "image is %ux%u pixels, above the limit of %llu pixels",
                 cinfo.image_width, cinfo.image_height, (unsigned long long)max_pixels);
        shim_fail((j_common_ptr)&cinfo, DIGIT_JPEG_TOO_LARGE, text);
    }
    out->coefficient_bytes = coefficient_buffer_bytes(&cinfo);
    if (out->coefficient_bytes > max_coefficient_bytes) {
        shim_fail((j_common_ptr)&cinfo, DIGIT_JPEG_TOO_MUCH_MEMORY,
                  "progressive file whose coefficient buffers exceed the memory limit");
    }
    /* libjpeg's memory manager (no backing store) fails cleanly past this, whatever else asks. */
    cinfo.mem->max_memory_to_use = (long)(max_coefficient_bytes + 64u * 1024u * 1024u);
    copy_exif(&cinfo, out);
    out->saw_adobe_marker = cinfo.saw_Adobe_marker ? 1 : 0;

    out->scale_denom = choose_scale_denom(cinfo.image_width, cinfo.image_height, min_short_side, max_output_pixels);
    choose_output(&cinfo, out->scale_denom);

    jpeg_start_decompress(&cinfo);
    out->width = (int)cinfo.output_width;
    out->height = (int)cinfo.output_height;
    out->components = cinfo.output_components;
    row_bytes = (size_t)cinfo.output_width * (size_t)cinfo.output_components;
    pixels = malloc(row_bytes * cinfo.output_height);
    if (pixels == NULL) {
        shim_fail((j_common_ptr)&cinfo, DIGIT_JPEG_OUT_OF_MEMORY, "out of memory for the decoded pixels");
    }
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = pixels + (size_t)cinfo.output_scanline * row_bytes;
        jpeg_read_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    out->pixels = pixels;
    return 0;
}

void digit_jpeg_image_free(digit_jpeg_image *image) {
    if (image == NULL) return;
    free(image->pixels);
    free(image->exif);
    memset(image, 0, sizeof(*image));
}

int digit_jpeg_encode(const unsigned char *pixels, int width, int height, int components,
                      int quality, int progressive,
                      unsigned char **out, size_t *out_length,
                      char message[DIGIT_JPEG_MESSAGE_LENGTH]) {
    struct jpeg_compress_struct cinfo;
    shim_error_mgr err;
    unsigned char *volatile buffer = NULL;
    unsigned long buffer_length = 0;

    *out = NULL;
    *out_length = 0;
    if (width <= 0 || height <= 0 || (components != 1 && components != 3)) {
        set_message(message, "cannot encode: width and height must be positive, components 1 or 3");
        return -1;
    }
    install_error_manager(&err, message);
    cinfo.err = &err.base;
    if (setjmp(err.escape)) {
        jpeg_destroy_compress(&cinfo);
        free(buffer);
        return -1;
    }
    jpeg_create_compress(&cinfo);
    jpeg_mem_dest(&cinfo, (unsigned char **)&buffer, &buffer_length);
    cinfo.image_width = (JDIMENSION)width;
    cinfo.image_height = (JDIMENSION)height;
    cinfo.input_components = components;
    cinfo.in_color_space = components == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality, TRUE);
    if (progressive) jpeg_simple_progression(&cinfo);
    jpeg_start_compress(&cinfo, TRUE);
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW row = (JSAMPROW)(pixels + (size_t)cinfo.next_scanline * (size_t)width * (size_t)components);
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    *out = buffer;
    *out_length = (size_t)buffer_length;
    return 0;
}

void digit_jpeg_buffer_free(unsigned char *buffer) { free(buffer); }
