// Intel ISA-L (Debian's libisal-dev, installed by .ci/run): gzip level 1 at about 4x zlib's
// speed here (research/perf.md), for the output shards.
#include <isa-l/igzip_lib.h>
#include <stdlib.h>

// Compresses `in` into one complete gzip member in `out` (capacity `out_cap`); returns the
// compressed size, or 0 if `out` was too small or compression failed.
static inline size_t cisal_gzip_member(const unsigned char *in, size_t in_len, unsigned char *out, size_t out_cap) {
    struct isal_zstream stream;
    isal_deflate_stateless_init(&stream);
    unsigned char *level_buf = malloc(ISAL_DEF_LVL1_DEFAULT);
    if (!level_buf) return 0;
    stream.level = 1;
    stream.level_buf = level_buf;
    stream.level_buf_size = ISAL_DEF_LVL1_DEFAULT;
    stream.gzip_flag = IGZIP_GZIP;
    stream.end_of_stream = 1;
    stream.flush = NO_FLUSH;
    stream.next_in = (unsigned char *)in;
    stream.avail_in = (uint32_t)in_len;
    stream.next_out = out;
    stream.avail_out = (uint32_t)out_cap;
    int status = isal_deflate_stateless(&stream);
    free(level_buf);
    if (status != COMP_OK) return 0;
    return stream.total_out;
}
