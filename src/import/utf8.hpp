// Small UTF-8 helpers the import rules share (decoding one code point, counting, cutting).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace quire::import::utf8 {

constexpr char32_t invalid = 0xFFFFFFFF;

// Decodes the code point at text[pos] and advances pos; returns `invalid` (and advances one byte)
// on a malformed or overlong sequence.
char32_t next(std::string_view text, std::size_t& pos);

void append(std::string& out, char32_t cp);

bool valid(std::string_view text, std::size_t* bad_offset = nullptr);

std::size_t length(std::string_view text);  // in code points

// The first `count` code points of text, with "…" appended when it was cut.
std::string truncate(std::string_view text, std::size_t count);

// Unicode space separators (Zs), tab and the line/paragraph separators: what normalisation collapses.
bool is_space(char32_t cp);

}  // namespace quire::import::utf8
