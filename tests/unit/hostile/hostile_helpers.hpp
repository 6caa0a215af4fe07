// Hostile inputs made on the spot (issue 18): no large file is committed; each test writes what it needs
// into a fresh temporary folder.
#pragma once

#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <vector>

#include <jpeglib.h>
#include <png.h>

namespace hostile {

namespace fs = std::filesystem;

// A fresh folder under the system's temporary folder, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "quire-hostile-XXXXXX").string();
        path = ::mkdtemp(tmpl.data());
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    fs::path operator/(const std::string& name) const { return path / name; }
};

inline void write_text(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

inline std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// A PNG of w × h RGB pixels (a horizontal gradient), written row by row.
inline void write_png(const fs::path& p, unsigned w, unsigned h, int interlace = PNG_INTERLACE_NONE) {
    fs::create_directories(p.parent_path());
    FILE* f = std::fopen(p.c_str(), "wb");
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png))) { png_destroy_write_struct(&png, &info); std::fclose(f); return; }
    png_init_io(png, f);
    png_set_IHDR(png, info, w, h, 8, PNG_COLOR_TYPE_RGB, interlace, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    std::vector<unsigned char> row(std::size_t(w) * 3);
    for (unsigned x = 0; x < w; ++x) { row[x * 3] = static_cast<unsigned char>(x * 255 / (w > 1 ? w - 1 : 1)); row[x * 3 + 1] = 128; row[x * 3 + 2] = 40; }
    const int passes = png_set_interlace_handling(png);
    for (int pass = 0; pass < passes; ++pass)
        for (unsigned y = 0; y < h; ++y) png_write_row(png, row.data());
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    std::fclose(f);
}

// Big-endian 32-bit, for PNG chunks.
inline void put32(std::string& s, unsigned long v) {
    for (int k = 3; k >= 0; --k) s += static_cast<char>((v >> (8 * k)) & 0xFF);
}

// A PNG whose header declares w × h but whose data is a few bytes: a decompression bomb's header
// (what a reader must refuse before it allocates anything). CRCs computed with zlib's crc32.
std::string bomb_png_bytes(unsigned long w, unsigned long h);

// A baseline JPEG of w × h: the left half red, the right half blue; with an EXIF APP1 segment holding
// Orientation `orientation` when it is not 0.
void write_jpeg(const fs::path& p, unsigned w, unsigned h, int orientation = 0);
std::string jpeg_bytes(unsigned w, unsigned h, int orientation = 0);

// A small article whose lead figure is `src`.
inline std::string article_xml(const std::string& src, const std::string& body = "<p>Text of the article.</p>") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<article id=\"hostile\" xml:lang=\"en\">\n"
           "  <meta><title>Hostile input</title><section>Tests</section><date>2022-01-17</date>\n"
           "    <author id=\"a1\"><name>A. Tester</name></author></meta>\n" +
           (src.empty() ? std::string() : "  <figure role=\"lead\" src=\"" + src + "\"><alt>A test image</alt></figure>\n") +
           "  <body>" + body + "</body>\n</article>\n";
}

struct RunResult {
    int status = -1;
    std::string output;  // stdout and stderr
};

// Runs the built `quire` with `args` (a shell fragment), under `timeout` so that a hang fails the test.
RunResult run_quire(const std::string& args, int timeout_seconds = 60);

}  // namespace hostile
