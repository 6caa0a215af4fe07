// Diagnostics: every problem quire reports names its place as `file:line:col`, so that an editor
// can jump to it, and a run collects all of them rather than stopping at the first.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <set>
#include <string>
#include <vector>

namespace quire {

// A place in an input file. line and column count from 1; 0 means "not known".
struct SourceSpan {
    std::string file;
    int line = 0;
    int column = 0;

    std::string to_string() const;  // "file:line:col", "file:line" or "file"
};

enum class Severity { Note, Warning, Error };

const char* severity_name(Severity severity);

struct Diagnostic {
    Severity severity = Severity::Error;
    SourceSpan where;
    std::string message;

    std::string to_string() const;  // "file:line:col: error: message"
};

// Collects diagnostics in the order they were found, each once: the same message at the same place
// again (a paragraph set several times while the layout copyfits, a missing glyph met in every word
// of a long passage) is not added a second time.
class Diagnostics {
public:
    void add(Severity severity, SourceSpan where, std::string message);
    void error(SourceSpan where, std::string message) { add(Severity::Error, std::move(where), std::move(message)); }
    void warning(SourceSpan where, std::string message) { add(Severity::Warning, std::move(where), std::move(message)); }
    void note(SourceSpan where, std::string message) { add(Severity::Note, std::move(where), std::move(message)); }
    void append(const Diagnostics& other);

    const std::vector<Diagnostic>& all() const { return items_; }
    bool has_errors() const;
    std::size_t count(Severity severity) const;
    bool empty() const { return items_.empty(); }
    // Throws the first error as a QuireError (for a stage that cannot go on); does nothing without one.
    void throw_first_error() const;

    // One diagnostic a line, in the order found.
    std::string to_string() const;

private:
    std::vector<Diagnostic> items_;
    std::set<std::string> said_;  // to_string() of each item
};

// Thrown where a stage cannot go on; carries the place. The command prints it and exits non-zero.
class QuireError : public std::runtime_error {
public:
    explicit QuireError(Diagnostic diagnostic);
    QuireError(SourceSpan where, const std::string& message);
    const Diagnostic& diagnostic() const { return diagnostic_; }

private:
    Diagnostic diagnostic_;
};

}  // namespace quire
