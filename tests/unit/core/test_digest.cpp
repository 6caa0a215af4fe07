// core/digest.hpp: digest_128 is MurmurHash3_x64_128, checked with SMHasher's verification value.
#include "core/digest.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace quire;

TEST_CASE("digest_128 is MurmurHash3_x64_128 (SMHasher's verification value)") {
    // SMHasher's VerificationTest: keys {}, {0}, {0,1}, … {0..254} with seeds 256 − length, their
    // digests (h1 then h2, little-endian) concatenated and digested with seed 0; the first four
    // bytes, little-endian, are 0x6384BA69 for Murmur3F.
    std::string key, digests;
    for (int i = 0; i < 256; ++i) {
        key.resize(static_cast<std::size_t>(i));
        if (i > 0) key[static_cast<std::size_t>(i - 1)] = static_cast<char>(i - 1);
        const Digest128 d = digest_128(key, static_cast<std::uint32_t>(256 - i));
        for (std::uint64_t h : {d.h1, d.h2})
            for (int b = 0; b < 8; ++b) digests += static_cast<char>((h >> (8 * b)) & 0xff);
    }
    CHECK((digest_128(digests).h1 & 0xffffffffULL) == 0x6384BA69ULL);
}

TEST_CASE("digest_128 sees every byte, the length and the seed") {
    CHECK(digest_128("") == Digest128{0, 0});  // MurmurHash3 of nothing from seed 0
    std::string bytes(1000, 'x');
    const Digest128 base = digest_128(bytes);
    CHECK(base.hex().size() == 32);
    for (std::size_t at : {0u, 7u, 8u, 15u, 16u, 500u, 991u, 999u}) {
        std::string changed = bytes;
        changed[at] = 'y';
        CHECK(digest_128(changed) != base);
    }
    CHECK(digest_128(std::string(999, 'x')) != base);
    CHECK(digest_128(bytes + std::string(1, '\0')) != base);
    CHECK(digest_128(bytes, 1) != base);
    CHECK(digest_128(bytes) == base);
}
