// A 128-bit digest of bulk bytes in one pass, for artefact-cache keys (core/artefact_cache.hpp)
// that stand for megabytes of input, such as a photograph's bytes (render/press_image.cpp).
//
// MurmurHash3_x64_128 (Austin Appleby, public domain; SMHasher's "Murmur3F"): sixteen bytes a
// round, against one a round for FNV-1a; two FNV-1a passes with different seeds, for 128 bits, cost
// 3.2 M instructions per key of the example's 400 kB photo (issue 17). A content hash, not a
// defence against forged input (the cache is the user's own). The press PDF's XMP instance ID is
// derived from the digest of cairo's PDF, which hashing with FNV-1a cost 3.3 M instructions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace quire {

struct Digest128 {
    std::uint64_t h1 = 0, h2 = 0;
    bool operator==(const Digest128&) const = default;
    std::string hex() const;  // 32 lower-case hex digits, h1 first
};

// MurmurHash3_x64_128 of `bytes` from `seed`, the same on every host (bytes read little-endian).
Digest128 digest_128(std::string_view bytes, std::uint32_t seed = 0);

}  // namespace quire
