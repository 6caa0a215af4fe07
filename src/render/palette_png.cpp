#include "render/palette_png.hpp"

#include <zlib.h>

#include <array>
#include <cstring>

namespace quire::render {

namespace {

// Bits into bytes, least significant bit first (RFC 1951 §3.1.1).
class BitWriter {
public:
    explicit BitWriter(std::string& out) : out_(out) {}
    void bits(std::uint32_t value, int count) {
        buffer_ |= static_cast<std::uint64_t>(value) << filled_;
        filled_ += count;
        while (filled_ >= 8) {
            out_ += static_cast<char>(buffer_ & 0xFF);
            buffer_ >>= 8;
            filled_ -= 8;
        }
    }
    // A Huffman code is sent most significant bit first: reversed into the LSB-first stream.
    void code(std::uint32_t code, int length) {
        std::uint32_t reversed = 0;
        for (int i = 0; i < length; ++i) reversed |= ((code >> i) & 1u) << (length - 1 - i);
        bits(reversed, length);
    }
    void flush() {
        if (filled_ > 0) out_ += static_cast<char>(buffer_ & 0xFF);
        buffer_ = 0;
        filled_ = 0;
    }

private:
    std::string& out_;
    std::uint64_t buffer_ = 0;
    int filled_ = 0;
};

// The fixed literal/length code (RFC 1951 §3.2.6).
void fixed_code(BitWriter& w, int symbol) {
    if (symbol < 144) w.code(0x30u + static_cast<std::uint32_t>(symbol), 8);
    else if (symbol < 256) w.code(0x190u + static_cast<std::uint32_t>(symbol - 144), 9);
    else if (symbol < 280) w.code(static_cast<std::uint32_t>(symbol - 256), 7);
    else w.code(0xC0u + static_cast<std::uint32_t>(symbol - 280), 8);
}

// Lengths 3..258: length codes 257..285 with their extra bits (RFC 1951 §3.2.5).
constexpr std::array<int, 29> kLengthBase{3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                          31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<int, 29> kLengthExtra{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                           2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};

void copy_previous(BitWriter& w, int length) {  // distance 1: repeat the last byte `length` times
    int i = 28;
    while (kLengthBase[static_cast<std::size_t>(i)] > length) --i;
    fixed_code(w, 257 + i);
    const int extra = kLengthExtra[static_cast<std::size_t>(i)];
    if (extra > 0) w.bits(static_cast<std::uint32_t>(length - kLengthBase[static_cast<std::size_t>(i)]), extra);
    w.bits(0, 5);  // distance code 0 = distance 1, fixed 5-bit code 00000 (same either way round)
}

// Run-length deflate of a byte stream given in pieces: a byte, then copies of it.
class RunEncoder {
public:
    explicit RunEncoder(BitWriter& w) : w_(w) {}
    void add(const std::uint8_t* data, std::size_t size) {
        std::size_t i = 0;
        while (i < size) {
            const int b = data[i];
            if (b != last_) {
                end_run();
                fixed_code(w_, b);
                last_ = b;
                ++i;
                continue;
            }
            // The run goes on: measure it eight bytes at a time (blank paper is most of the image).
            std::size_t j = i;
            const std::uint64_t same = 0x0101010101010101ULL * static_cast<std::uint8_t>(b);
            while (j + 8 <= size) {
                std::uint64_t word;
                std::memcpy(&word, data + j, sizeof word);
                if (word != same) break;
                j += 8;
            }
            while (j < size && data[j] == b) ++j;
            std::size_t length = j - i + static_cast<std::size_t>(run_);
            while (length >= 258) {
                copy_previous(w_, 258);
                length -= 258;
            }
            run_ = static_cast<int>(length);
            i = j;
        }
    }
    void end_run() {
        if (run_ >= 3) copy_previous(w_, run_);
        else
            for (int k = 0; k < run_; ++k) fixed_code(w_, last_);
        run_ = 0;
    }

private:
    BitWriter& w_;
    int last_ = -1;  // none yet: a copy needs a byte before it
    int run_ = 0;
};

void put32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

void chunk(std::string& out, const char* type, const std::string& data) {
    put32(out, static_cast<std::uint32_t>(data.size()));
    const std::size_t start = out.size();
    out.append(type, 4);
    out += data;
    const auto* bytes = reinterpret_cast<const Bytef*>(out.data() + start);
    put32(out, static_cast<std::uint32_t>(crc32(0, bytes, static_cast<uInt>(out.size() - start))));
}

}  // namespace

std::string encode_palette_png(const PaletteImage& image) {
    std::string zlib_stream{"\x78\x01", 2};  // deflate, 32 KB window; FCHECK makes 0x7801 % 31 == 0
    BitWriter w(zlib_stream);
    w.bits(1, 1);  // BFINAL: one block
    w.bits(1, 2);  // BTYPE 01: fixed Huffman codes
    RunEncoder runs(w);
    // Each row is filtered with PNG's Up filter (type 2: the byte minus the one above it): a glyph's
    // rows repeat the row above where its strokes run down, so they become long runs of zeros too.
    // A row given by the same pointer as the row above filters to zeros; a run of such rows reuses
    // one checksum (adler32_combine) instead of summing each again.
    uLong adler = adler32(0, nullptr, 0);
    const std::uint8_t filter_up = 2;
    const std::vector<std::uint8_t> zeros(static_cast<std::size_t>(image.width), 0);
    std::vector<std::uint8_t> filtered(static_cast<std::size_t>(image.width));
    const std::uint8_t* above = zeros.data();
    bool previous_was_zeros = false;
    uLong row_adler = 0;
    const auto row_length = static_cast<z_off_t>(image.width + 1);
    for (int y = 0; y < image.height; ++y) {
        const std::uint8_t* row = image.row(y);
        const std::uint8_t* bytes = zeros.data();
        if (row != above) {
            for (std::size_t x = 0; x < filtered.size(); ++x) filtered[x] = static_cast<std::uint8_t>(row[x] - above[x]);
            bytes = filtered.data();
        }
        runs.add(&filter_up, 1);
        runs.add(bytes, filtered.size());
        const bool zeros_row = bytes == zeros.data();
        if (!zeros_row || !previous_was_zeros)
            row_adler = adler32(adler32(adler32(0, nullptr, 0), &filter_up, 1), bytes, static_cast<uInt>(image.width));
        previous_was_zeros = zeros_row;
        adler = adler32_combine(adler, row_adler, row_length);
        above = row;
    }
    runs.end_run();
    fixed_code(w, 256);  // end of block
    w.flush();
    put32(zlib_stream, static_cast<std::uint32_t>(adler));

    std::string png("\x89PNG\r\n\x1A\n", 8);
    std::string header;
    put32(header, static_cast<std::uint32_t>(image.width));
    put32(header, static_cast<std::uint32_t>(image.height));
    header += std::string("\x08\x03\x00\x00\x00", 5);  // 8 bits, palette, deflate, filter method 0, no interlace
    chunk(png, "IHDR", header);
    chunk(png, "PLTE", std::string(image.palette_rgb.begin(), image.palette_rgb.end()));
    chunk(png, "IDAT", zlib_stream);
    chunk(png, "IEND", "");
    return png;
}

}  // namespace quire::render
