// zlib's default level, for the libraries that ask for it, in quire's executables (issue 17).
//
// cairo 1.16 deflates every PDF stream it writes (page contents, font subsets, images) with
// deflateInit(..., Z_DEFAULT_COMPRESSION), which zlib takes as level 6 (deflate_slow), and has no
// setting for it: a tenth of the example's `quire pdf` went to that deflate, and in the press PDF
// the post pass inflates the page contents and deflates them again anyway. Level 1 is lossless all
// the same (pages render pixel-identical with Poppler) and costs a fraction of a per cent of file
// size here, the trade the post pass already makes for qpdf (render/post_pass.cpp: use_fast_deflate).
// A caller that names a level (qpdf's Pl_Flate, libpng and libzip through deflateInit2_) gets it.
//
// `quire`, linked with the static archives, wraps zlib's deflateInit_ (ld --wrap=deflateInit_,
// CMakeLists.txt). `quire-proof` (build, issue), linked with the shared libraries, defines
// deflateInit_ itself: the executable's definition comes first in ELF symbol lookup, so cairo's call
// lands here, and the real one is found next (dlsym RTLD_NEXT). Tests link neither and keep zlib's
// default.
#include <zlib.h>

#if !defined(QUIRE_DEFLATE_BY_WRAP)
#include <dlfcn.h>
#endif

namespace {

int chosen_level(int level) { return level == Z_DEFAULT_COMPRESSION ? Z_BEST_SPEED : level; }

}  // namespace

extern "C" {

#if defined(QUIRE_DEFLATE_BY_WRAP)

int __real_deflateInit_(z_streamp stream, int level, const char* version, int stream_size);

int __wrap_deflateInit_(z_streamp stream, int level, const char* version, int stream_size) {
    return __real_deflateInit_(stream, chosen_level(level), version, stream_size);
}

#else

int deflateInit_(z_streamp stream, int level, const char* version, int stream_size) {
    using DeflateInit = int (*)(z_streamp, int, const char*, int);
    static const DeflateInit real = reinterpret_cast<DeflateInit>(dlsym(RTLD_NEXT, "deflateInit_"));
    if (!real) return Z_VERSION_ERROR;  // no zlib loaded after us: the caller reports a failed deflate
    return real(stream, chosen_level(level), version, stream_size);
}

#endif

}  // extern "C"
