// The bundled models' bytes, compiled into the binary so that `digit` finds its models from any
// directory and from a copy installed elsewhere. C23's #embed (clang ≥ 19) reads each .dgw at
// compile time and lists it in the dependency file, so rebuilding after `digit train` picks up
// the new weights; it compiles an 800 kB file in milliseconds, where SwiftPM's embedInCode
// (a Swift array literal) takes far longer (BENCHMARKS.md, section Training).
#pragma clang diagnostic ignored "-Wc23-extensions"
#include "BundledWeights.h"

// Each array ends with one extra 0 byte, so an empty file still gives a valid array.
static const unsigned char linear_weights[] = {
#embed "mnist-softmax.dgw" suffix(,)
    0
};

static const unsigned char mlp_weights[] = {
#embed "mnist-mlp.dgw" suffix(,)
    0
};

const unsigned char *digit_bundled_linear_weights(unsigned long *count) {
    *count = sizeof linear_weights - 1;
    return linear_weights;
}

const unsigned char *digit_bundled_mlp_weights(unsigned long *count) {
    *count = sizeof mlp_weights - 1;
    return mlp_weights;
}
