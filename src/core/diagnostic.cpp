#include "core/diagnostic.hpp"

#include <algorithm>

namespace quire {

std::string SourceSpan::to_string() const {
    std::string out = file.empty() ? std::string("<input>") : file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    return out;
}

const char* severity_name(Severity severity) {
    switch (severity) {
        case Severity::Note: return "note";
        case Severity::Warning: return "warning";
        case Severity::Error: return "error";
    }
    return "error";
}

std::string Diagnostic::to_string() const {
    return where.to_string() + ": " + severity_name(severity) + ": " + message;
}

void Diagnostics::add(Severity severity, SourceSpan where, std::string message) {
    Diagnostic d{severity, std::move(where), std::move(message)};
    if (!said_.insert(d.to_string()).second) return;
    items_.push_back(std::move(d));
}

void Diagnostics::append(const Diagnostics& other) {
    for (const Diagnostic& d : other.items_) add(d.severity, d.where, d.message);
}

bool Diagnostics::has_errors() const { return count(Severity::Error) > 0; }

std::size_t Diagnostics::count(Severity severity) const {
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
        [severity](const Diagnostic& d) { return d.severity == severity; }));
}

void Diagnostics::throw_first_error() const {
    for (const auto& d : items_)
        if (d.severity == Severity::Error) throw QuireError(d);
}

std::string Diagnostics::to_string() const {
    std::string out;
    for (const auto& d : items_) out += d.to_string() + '\n';
    return out;
}

QuireError::QuireError(Diagnostic diagnostic)
    : std::runtime_error(diagnostic.to_string()), diagnostic_(std::move(diagnostic)) {}

QuireError::QuireError(SourceSpan where, const std::string& message)
    : QuireError(Diagnostic{Severity::Error, std::move(where), message}) {}

}  // namespace quire
