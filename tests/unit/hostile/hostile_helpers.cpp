#include "hostile_helpers.hpp"

#include <zlib.h>

#include <cstring>
#include <unistd.h>

namespace hostile {

std::string bomb_png_bytes(unsigned long w, unsigned long h) {
    std::string s("\x89PNG\r\n\x1a\n", 8);
    auto chunk = [&](const char* type, const std::string& data) {
        put32(s, data.size());
        std::string body = std::string(type, 4) + data;
        s += body;
        put32(s, crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size())));
    };
    std::string ihdr;
    put32(ihdr, w);
    put32(ihdr, h);
    ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, deflate, adaptive filter, no interlace
    chunk("IHDR", ihdr);
    // One row of zeros, compressed: the rest is missing, as in a bomb whose data would be repeated zeros.
    std::string raw(1 + 3 * std::min<unsigned long>(w, 1000), '\0');
    std::string z(compressBound(static_cast<uLong>(raw.size())), '\0');
    uLongf zlen = static_cast<uLongf>(z.size());
    compress(reinterpret_cast<Bytef*>(z.data()), &zlen, reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()));
    z.resize(zlen);
    chunk("IDAT", z);
    chunk("IEND", "");
    return s;
}

namespace {

std::string exif_app1(int orientation) {
    // "Exif\0\0", then TIFF little-endian: II 42 offset 8; IFD0 with one entry (0x0112 SHORT 1 value).
    std::string t("II\x2a\x00\x08\x00\x00\x00", 8);
    t += std::string("\x01\x00", 2);                               // one entry
    t += std::string("\x12\x01\x03\x00\x01\x00\x00\x00", 8);       // tag 0x0112, SHORT, count 1
    t += static_cast<char>(orientation);
    t += std::string("\x00\x00\x00", 3);
    t += std::string("\x00\x00\x00\x00", 4);                       // no next IFD
    return std::string("Exif\0\0", 6) + t;
}

}  // namespace

std::string jpeg_bytes(unsigned w, unsigned h, int orientation) {
    static const unsigned char red[3] = {220, 30, 30}, blue[3] = {30, 30, 220};
    jpeg_compress_struct c;
    jpeg_error_mgr err;
    c.err = jpeg_std_error(&err);
    jpeg_create_compress(&c);
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&c, &buffer, &size);
    c.image_width = w;
    c.image_height = h;
    c.input_components = 3;
    c.in_color_space = JCS_RGB;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, 85, TRUE);
    jpeg_start_compress(&c, TRUE);
    if (orientation) {
        const std::string app1 = exif_app1(orientation);
        jpeg_write_marker(&c, JPEG_APP0 + 1, reinterpret_cast<const JOCTET*>(app1.data()), static_cast<unsigned>(app1.size()));
    }
    std::vector<unsigned char> row(std::size_t(w) * 3);
    for (unsigned x = 0; x < w; ++x) std::memcpy(&row[x * 3], x < w / 2 ? red : blue, 3);
    while (c.next_scanline < h) {
        JSAMPROW r = row.data();
        jpeg_write_scanlines(&c, &r, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    std::string out(reinterpret_cast<char*>(buffer), size);
    std::free(buffer);
    return out;
}

void write_jpeg(const fs::path& p, unsigned w, unsigned h, int orientation) {
    write_text(p, jpeg_bytes(w, h, orientation));
}

RunResult run_quire(const std::string& args, int timeout_seconds) {
    const fs::path out = fs::temp_directory_path() / ("quire-hostile-run-" + std::to_string(::getpid()) + ".txt");
    const std::string command = "timeout " + std::to_string(timeout_seconds) + " " + QUIRE_BINARY + " " + args + " > " +
                                out.string() + " 2>&1";
    const int raw = std::system(command.c_str());
    RunResult r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.output = read_text(out);
    std::error_code ec;
    fs::remove(out, ec);
    return r;
}

}  // namespace hostile
