#include "distribute/copy_mark.hpp"

#include "core/diagnostic.hpp"
#include "core/output_file.hpp"
#include "epub/identifier.hpp"

#include <nettle/hmac.h>
#include <nettle/sha2.h>

namespace quire::distribute {

namespace {

std::string hex(const std::uint8_t* data, std::size_t n) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 15];
    }
    return out;
}

const std::uint8_t* bytes_of(std::string_view s) { return reinterpret_cast<const std::uint8_t*>(s.data()); }

}  // namespace

Secret read_secret(const std::filesystem::path& path) {
    const auto bytes = try_read_file(path);
    if (!bytes) throw QuireError(SourceSpan{path.string()}, "cannot read the secret key file");
    Secret secret{*bytes};
    while (!secret.bytes.empty() && (secret.bytes.back() == '\n' || secret.bytes.back() == '\r' ||
                                     secret.bytes.back() == ' ' || secret.bytes.back() == '\t'))
        secret.bytes.pop_back();
    if (secret.bytes.empty()) throw QuireError(SourceSpan{path.string()}, "the secret key file is empty");
    return secret;
}

std::string sha256_hex(std::string_view bytes) {
    sha256_ctx ctx;
    sha256_init(&ctx);
    sha256_update(&ctx, bytes.size(), bytes_of(bytes));
    std::uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, sizeof digest, digest);
    return hex(digest, sizeof digest);
}

std::string hmac_sha256_hex(const Secret& secret, std::string_view message) {
    hmac_sha256_ctx ctx;
    hmac_sha256_set_key(&ctx, secret.bytes.size(), bytes_of(secret.bytes));
    hmac_sha256_update(&ctx, message.size(), bytes_of(message));
    std::uint8_t digest[SHA256_DIGEST_SIZE];
    hmac_sha256_digest(&ctx, sizeof digest, digest);
    return hex(digest, sizeof digest);
}

std::string key_fingerprint(const Secret& secret) {
    return hmac_sha256_hex(secret, "quire key").substr(0, kKeyIdLength);
}

std::string copy_mark(const Secret& secret, std::string_view subscriber_id) {
    return key_fingerprint(secret) +
           hmac_sha256_hex(secret, "quire copy:" + std::string(subscriber_id)).substr(0, kMarkLength - kKeyIdLength);
}

std::string copy_identifier(std::string_view mark) { return epub::uuid_v5_urn("quire-copy:" + std::string(mark)); }

std::uint32_t shard_of(std::string_view subscriber_id, std::uint32_t shards) {
    sha256_ctx ctx;
    sha256_init(&ctx);
    sha256_update(&ctx, subscriber_id.size(), bytes_of(subscriber_id));
    std::uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, sizeof digest, digest);
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v = (v << 8) | digest[i];
    return static_cast<std::uint32_t>(v % (shards ? shards : 1));
}

}  // namespace quire::distribute
