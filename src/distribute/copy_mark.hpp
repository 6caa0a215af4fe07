// The keyed identifier a subscriber's copy carries invisibly (docs/distribution.md, "The mark"):
// 32 hex digits, the first 8 the key's fingerprint (HMAC-SHA-256(secret, "quire key")), the other 24
// HMAC-SHA-256(secret, "quire copy:" + subscriber id) truncated to 96 bits. It holds neither name nor
// email: only the holder of the secret, with the subscriber list, can tell whose copy it is (GDPR
// art. 4(5), pseudonymisation). HMAC and SHA-256 are nettle's (already linked, CMakeLists.txt).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace quire::distribute {

struct Secret {
    std::string bytes;
};

// Reads the publisher's secret: the file's bytes, trailing line breaks and spaces removed (a key
// written with `echo` or an editor). Throws QuireError if it cannot be read or is empty.
Secret read_secret(const std::filesystem::path& path);

std::string sha256_hex(std::string_view bytes);
std::string hmac_sha256_hex(const Secret& secret, std::string_view message);

inline constexpr std::size_t kMarkLength = 32;   // hex digits
inline constexpr std::size_t kKeyIdLength = 8;   // hex digits of it that fingerprint the key

// The 8-hex-digit fingerprint of the key.
std::string key_fingerprint(const Secret& secret);
// The mark for `subscriber_id` under `secret`.
std::string copy_mark(const Secret& secret, std::string_view subscriber_id);
// The copy's identifier in the OPF and the manifest: a UUID derived from the mark alone.
std::string copy_identifier(std::string_view mark);

// Which of `shards` slices (0-based) a subscriber belongs to: SHA-256 of the id, its first 8 bytes
// as a big-endian number, modulo the count. Depends on the id alone, so that adding or removing a
// subscriber moves no one else, on every machine and in every run.
std::uint32_t shard_of(std::string_view subscriber_id, std::uint32_t shards);

}  // namespace quire::distribute
