#include "core/digest.hpp"

#include <bit>
#include <cstdio>
#include <cstring>

namespace quire {

namespace {

constexpr std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

constexpr std::uint64_t fmix(std::uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return k;
}

// Eight bytes as a little-endian number: one load (the reference reads native order; this is the
// same digest on a big-endian host too).
std::uint64_t load(const unsigned char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, sizeof v);
    if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
    return v;
}

// The last 1–8 bytes, as the reference's switch gathers them.
std::uint64_t load_tail(const unsigned char* p, std::size_t n) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v |= static_cast<std::uint64_t>(p[i]) << (8 * i);
    return v;
}

constexpr std::uint64_t c1 = 0x87c37b91114253d5ULL, c2 = 0x4cf5ad432745937fULL;

std::uint64_t mix_k1(std::uint64_t k) { return rotl(k * c1, 31) * c2; }
std::uint64_t mix_k2(std::uint64_t k) { return rotl(k * c2, 33) * c1; }

}  // namespace

std::string Digest128::hex() const {
    char out[33];
    std::snprintf(out, sizeof out, "%016llx%016llx", static_cast<unsigned long long>(h1), static_cast<unsigned long long>(h2));
    return out;
}

Digest128 digest_128(std::string_view bytes, std::uint32_t seed) {
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t len = bytes.size(), blocks = len / 16;
    std::uint64_t h1 = seed, h2 = seed;
    for (std::size_t i = 0; i < blocks; ++i) {
        h1 ^= mix_k1(load(data + 16 * i));
        h1 = rotl(h1, 27) + h2;
        h1 = h1 * 5 + 0x52dce729;
        h2 ^= mix_k2(load(data + 16 * i + 8));
        h2 = rotl(h2, 31) + h1;
        h2 = h2 * 5 + 0x38495ab5;
    }
    // The last 1–15 bytes: the first eight into k1, the rest into k2, as the reference's switch.
    const unsigned char* tail = data + 16 * blocks;
    const std::size_t rest = len & 15;
    if (rest > 8) h2 ^= mix_k2(load_tail(tail + 8, rest - 8));
    if (rest > 0) h1 ^= mix_k1(load_tail(tail, rest < 8 ? rest : 8));
    h1 ^= len;
    h2 ^= len;
    h1 += h2;
    h2 += h1;
    h1 = fmix(h1);
    h2 = fmix(h2);
    h1 += h2;
    h2 += h1;
    return Digest128{h1, h2};
}

}  // namespace quire
