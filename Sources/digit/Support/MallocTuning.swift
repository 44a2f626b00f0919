#if canImport(Glibc)
import CMalloc
#endif

/// Tells glibc's allocator to keep freed memory for reuse instead of returning it to the kernel
/// after every image. Each photo allocates a few buffers of ~0.5 MB (400×300 floats); with
/// glibc's defaults these are mapped and unmapped (or trimmed with `madvise`) per image, and the
/// page faults that follow cost about a tenth of recognize's time on photos (BENCHMARKS.md).
/// Memory stays bounded: what a worker keeps is at most its largest image's buffers under 64 MB
/// (larger ones are still mapped and unmapped); 100,000 paths peak at 23 MB as before.
func keepFreedMemoryForReuse() {
    #if canImport(Glibc)
    _ = mallopt(M_MMAP_THRESHOLD, 64 << 20)   // buffers below 64 MB come from the heap
    _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)  // keep up to 256 MB of free heap before trimming
    #endif
}
