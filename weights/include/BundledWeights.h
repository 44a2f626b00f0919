#ifndef DIGIT_BUNDLED_WEIGHTS_H
#define DIGIT_BUNDLED_WEIGHTS_H

/// The bytes of weights/mnist-softmax.dgw (the `linear` model); `*count` receives their number
/// (0 when the package was built before any model was trained).
const unsigned char *digit_bundled_linear_weights(unsigned long *count);

/// The bytes of weights/mnist-mlp.dgw (the `mlp` model); `*count` as above.
const unsigned char *digit_bundled_mlp_weights(unsigned long *count);

#endif
