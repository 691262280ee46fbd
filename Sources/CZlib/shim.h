// zlib, from Debian's zlib1g-dev (installed by .ci/run).
#include <zlib.h>

// inflateInit2/deflateInit2 are macros; Swift cannot call macros.
static inline int czlib_inflate_init(z_stream *s) { return inflateInit2(s, 15 + 16); }
static inline int czlib_deflate_init(z_stream *s, int level) {
    return deflateInit2(s, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
