// libzip, loaded when a command first needs it (issue 17). Debian's libzip.so.4 links libcrypto
// (for ZIP encryption, which quire never uses), and loading the two took 3.5 ms of every process's
// start-up, measured as a hello-world linked against each shared library of `quire` in turn: the
// largest single cost of `quire pdf`'s start, which reads and writes no ZIP. `quire` (the statically
// linked executable, CMakeLists.txt: dep_zip) is therefore not linked against libzip; these
// functions take the place of libzip's, with its names and signatures from <zip.h>, and each calls
// the real one, looked up once in libzip.so.4 opened with dlopen on the first call (the technique
// of Implib.so's trampolines). Only the functions quire calls are here: a new call to another one
// fails to link `quire`, which says to add it below. Tests and quire-proof link libzip as usual.
#include "core/diagnostic.hpp"

#include <dlfcn.h>
#include <zip.h>

#include <string>

namespace {

// libzip's SONAME in Debian 12 (package libzip4): the ABI <zip.h> describes.
constexpr const char* kLibzip = "libzip.so.4";

void* libzip() {
    static void* const handle = [] {
        void* h = dlopen(kLibzip, RTLD_NOW | RTLD_LOCAL);
        if (!h) {
            const char* why = dlerror();
            throw quire::QuireError(quire::SourceSpan{}, std::string("cannot load ") + kLibzip +
                                                             " (libzip, which reads and writes EPUB and Word files): " +
                                                             (why ? why : "unknown error") +
                                                             "; install the libzip4 package");
        }
        return h;
    }();
    return handle;
}

template <typename Function>
Function resolve(const char* name) {
    void* symbol = dlsym(libzip(), name);
    if (!symbol)
        throw quire::QuireError(quire::SourceSpan{}, std::string(kLibzip) + " has no function " + name);
    return reinterpret_cast<Function>(symbol);
}

}  // namespace

// One forwarding function: its parameters in parentheses, then the call's arguments.
#define QUIRE_FORWARD(result, name, parameters, arguments)                      \
    extern "C" result name parameters {                                        \
        static const auto real = resolve<decltype(&::name)>(#name);            \
        return real arguments;                                                 \
    }

QUIRE_FORWARD(int, zip_close, (zip_t* a), (a))
QUIRE_FORWARD(void, zip_discard, (zip_t* a), (a))
QUIRE_FORWARD(void, zip_error_fini, (zip_error_t* a), (a))
QUIRE_FORWARD(void, zip_error_init, (zip_error_t* a), (a))
QUIRE_FORWARD(void, zip_error_set, (zip_error_t* a, int b, int c), (a, b, c))
QUIRE_FORWARD(const char*, zip_error_strerror, (zip_error_t* a), (a))
QUIRE_FORWARD(zip_int64_t, zip_error_to_data, (const zip_error_t* a, void* b, zip_uint64_t c), (a, b, c))
QUIRE_FORWARD(int, zip_fclose, (zip_file_t* a), (a))
QUIRE_FORWARD(zip_int64_t, zip_file_add, (zip_t* a, const char* b, zip_source_t* c, zip_flags_t d), (a, b, c, d))
QUIRE_FORWARD(int, zip_file_set_dostime, (zip_t* a, zip_uint64_t b, zip_uint16_t c, zip_uint16_t d, zip_flags_t e),
              (a, b, c, d, e))
QUIRE_FORWARD(const char*, zip_file_strerror, (zip_file_t* a), (a))
QUIRE_FORWARD(zip_file_t*, zip_fopen_index, (zip_t* a, zip_uint64_t b, zip_flags_t c), (a, b, c))
QUIRE_FORWARD(zip_int64_t, zip_fread, (zip_file_t* a, void* b, zip_uint64_t c), (a, b, c))
QUIRE_FORWARD(zip_error_t*, zip_get_error, (zip_t* a), (a))
QUIRE_FORWARD(const char*, zip_get_name, (zip_t* a, zip_uint64_t b, zip_flags_t c), (a, b, c))
QUIRE_FORWARD(zip_int64_t, zip_get_num_entries, (zip_t* a, zip_flags_t b), (a, b))
QUIRE_FORWARD(zip_int64_t, zip_name_locate, (zip_t* a, const char* b, zip_flags_t c), (a, b, c))
QUIRE_FORWARD(zip_t*, zip_open_from_source, (zip_source_t* a, int b, zip_error_t* c), (a, b, c))
QUIRE_FORWARD(int, zip_set_file_compression, (zip_t* a, zip_uint64_t b, zip_int32_t c, zip_uint32_t d), (a, b, c, d))
QUIRE_FORWARD(zip_source_t*, zip_source_buffer, (zip_t* a, const void* b, zip_uint64_t c, int d), (a, b, c, d))
QUIRE_FORWARD(zip_source_t*, zip_source_buffer_create, (const void* a, zip_uint64_t b, int c, zip_error_t* d),
              (a, b, c, d))
QUIRE_FORWARD(int, zip_source_close, (zip_source_t* a), (a))
QUIRE_FORWARD(zip_error_t*, zip_source_error, (zip_source_t* a), (a))
QUIRE_FORWARD(void, zip_source_free, (zip_source_t* a), (a))
QUIRE_FORWARD(zip_source_t*, zip_source_function, (zip_t* a, zip_source_callback b, void* c), (a, b, c))
QUIRE_FORWARD(void, zip_source_keep, (zip_source_t* a), (a))
QUIRE_FORWARD(int, zip_source_open, (zip_source_t* a), (a))
QUIRE_FORWARD(zip_int64_t, zip_source_read, (zip_source_t* a, void* b, zip_uint64_t c), (a, b, c))
QUIRE_FORWARD(int, zip_source_stat, (zip_source_t* a, zip_stat_t* b), (a, b))
QUIRE_FORWARD(zip_source_t*, zip_source_zip,
              (zip_t* a, zip_t* b, zip_uint64_t c, zip_flags_t d, zip_uint64_t e, zip_int64_t f), (a, b, c, d, e, f))
QUIRE_FORWARD(int, zip_stat, (zip_t* a, const char* b, zip_flags_t c, zip_stat_t* d), (a, b, c, d))
QUIRE_FORWARD(int, zip_stat_index, (zip_t* a, zip_uint64_t b, zip_flags_t c, zip_stat_t* d), (a, b, c, d))
QUIRE_FORWARD(void, zip_stat_init, (zip_stat_t* a), (a))
QUIRE_FORWARD(const char*, zip_strerror, (zip_t* a), (a))
