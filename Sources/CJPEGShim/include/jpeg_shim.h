// The only C code of `digit` that is not a system library: libjpeg reports
// errors by calling `error_exit`, whose default ends the process. This shim
// installs an error manager that `longjmp`s back here, so every failure
// becomes a return code and a message; no `setjmp` ever crosses into Swift.
#ifndef DIGIT_JPEG_SHIM_H
#define DIGIT_JPEG_SHIM_H

#include <stddef.h>
#include <stdint.h>

#define DIGIT_JPEG_MESSAGE_LENGTH 200

/// Why `digit_jpeg_decode` failed (its return value); 0 is success.
#define DIGIT_JPEG_CORRUPT (-1)      /* damaged or invalid data; `message` says what */
#define DIGIT_JPEG_TRUNCATED (-2)    /* the data ends before the image does */
#define DIGIT_JPEG_TOO_LARGE (-3)    /* declared size above `max_pixels`; `out->declared_*` are set */
#define DIGIT_JPEG_OUT_OF_MEMORY (-4)
#define DIGIT_JPEG_TOO_MUCH_MEMORY (-5) /* coefficient buffers above `max_coefficient_bytes`; `out->declared_*` and `out->coefficient_bytes` are set */

/// Progressive files with more scans than this are refused: each scan re-walks the
/// whole image, so a file of thousands of tiny scans is a cheap way to make a decoder hang.
#define DIGIT_JPEG_MAX_SCANS 500

/// A decoded JPEG, as libjpeg delivers it.
typedef struct digit_jpeg_image {
    /// `height` rows of `width * components` bytes, malloc'd; free with `digit_jpeg_image_free`.
    unsigned char *pixels;
    int width, height;
    /// 1 = luma (gray or YCbCr files), 4 = CMYK (CMYK and YCCK files).
    int components;
    /// 1 when an Adobe APP14 marker was present (Adobe CMYK is stored inverted: 255 = no ink).
    int saw_adobe_marker;
    /// The size the file declares, before DCT scaling.
    int declared_width, declared_height;
    /// The DCT scale used: output = declared * 1 / scale_denom (1, 2, 4 or 8).
    int scale_denom;
    /// The payload of the first APP1 "Exif" marker (starting at "Exif\0\0"), or NULL.
    unsigned char *exif;
    size_t exif_length;
    /// Bytes of the whole-image coefficient buffers libjpeg allocates for a progressive or
    /// multi-scan file (2 bytes per sample at full size, whatever the DCT scale); 0 for a
    /// single-scan (baseline) file, which is decoded a row of blocks at a time.
    uint64_t coefficient_bytes;
} digit_jpeg_image;

/// What decoding a JPEG will take, from its header only.
typedef struct digit_jpeg_header {
    int declared_width, declared_height;
    /// Output size and components (1 or 4) at the scale `digit_jpeg_decode` would choose.
    int width, height, components;
    int scale_denom;
    /// As `digit_jpeg_image.coefficient_bytes`.
    uint64_t coefficient_bytes;
} digit_jpeg_header;

/// Reads only the header (up to the first scan) and says what `digit_jpeg_decode` with the
/// same `min_short_side` and `max_output_pixels` would allocate. Returns 0, or a negative
/// DIGIT_JPEG_* code with a one-line reason in `message`.
int digit_jpeg_read_header(const unsigned char *data, size_t length,
                           int min_short_side, uint64_t max_output_pixels,
                           digit_jpeg_header *out,
                           char message[DIGIT_JPEG_MESSAGE_LENGTH]);

/// Decodes `data` to luma (or CMYK for CMYK/YCCK files).
/// - `min_short_side`: the largest DCT downscale (1/2, 1/4, 1/8) is used that keeps
///   the shorter side at least this many pixels; 0 decodes at full size.
/// - `max_output_pixels`: when the output at that scale would still have more pixels than
///   this, a coarser scale is taken (down to 1/8), so the output buffer stays bounded.
/// - `max_pixels`: files declaring more pixels than this are refused before any
///   pixel memory is allocated.
/// - `max_coefficient_bytes`: a progressive or multi-scan file whose coefficient buffers
///   (`coefficient_bytes`) would be larger is refused from its header (DIGIT_JPEG_TOO_MUCH_MEMORY);
///   libjpeg's own memory manager is capped a little above it (`max_memory_to_use`).
/// Returns 0, or one of the negative DIGIT_JPEG_* codes above with a one-line reason in
/// `message` (and nothing to free; only `declared_width`/`declared_height` may be set).
/// Corrupt or truncated data is an error, not a grey-filled image.
int digit_jpeg_decode(const unsigned char *data, size_t length,
                      int min_short_side, uint64_t max_output_pixels,
                      uint64_t max_pixels, uint64_t max_coefficient_bytes,
                      digit_jpeg_image *out,
                      char message[DIGIT_JPEG_MESSAGE_LENGTH]);

void digit_jpeg_image_free(digit_jpeg_image *image);

/// Encodes `height` rows of `width * components` bytes (components 1 = gray, 3 = RGB)
/// as a baseline JPEG of the given quality (1...100); `progressive` != 0 writes a
/// progressive file. On success `*out` is malloc'd (free with `digit_jpeg_buffer_free`).
/// Returns 0, or -1 with a reason in `message`.
int digit_jpeg_encode(const unsigned char *pixels, int width, int height, int components,
                      int quality, int progressive,
                      unsigned char **out, size_t *out_length,
                      char message[DIGIT_JPEG_MESSAGE_LENGTH]);

void digit_jpeg_buffer_free(unsigned char *buffer);

#endif
