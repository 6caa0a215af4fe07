// The book's dc:identifier: stable across builds and machines, derived from the publication's and
// the article's ids, as a name-based UUID (RFC 4122 §4.3, version 5, SHA-1).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace quire::epub {

// SHA-1 (FIPS 180-4) of `bytes`.
std::array<std::uint8_t, 20> sha1(std::string_view bytes);

// "urn:uuid:xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx" for `name` in the RFC 4122 URL namespace.
std::string uuid_v5_urn(std::string_view name);

// The name hashed for a book: "quire:<publication id>/<article id>".
std::string book_identifier(const std::string& publication_id, const std::string& article_id);

}  // namespace quire::epub
