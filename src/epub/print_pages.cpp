#include "epub/print_pages.hpp"

#include "core/resources.hpp"
#include "epub/book_parts.hpp"
#include "style/color_profile.hpp"
#include "style/layout.hpp"
#include "text/font_table.hpp"
#include "text/hyphenator.hpp"

#include <cstdio>
#include <string_view>

namespace quire::epub {

namespace fs = std::filesystem;

namespace {

void add_figures(const std::vector<model::Block>& blocks, std::vector<const model::Figure*>& out) {
    for (const auto& b : blocks) {
        if (b.kind == model::BlockKind::FigureBlock) out.push_back(&b.figure);
        add_figures(b.children, out);
    }
}

// The images the layout reads (their pixel size places them): the lead figure, the body's and the
// back matter's notices' figures.
std::vector<const model::Figure*> laid_out_figures(const model::LoadedArticle& loaded) {
    std::vector<const model::Figure*> figures;
    if (loaded.article.lead_figure) figures.push_back(&*loaded.article.lead_figure);
    add_figures(loaded.article.body, figures);
    for (const auto& item : loaded.article.back_matter)
        if (item.kind == model::BackMatterKind::Notice) add_figures(loaded.notice_content(item.notice), figures);
    return figures;
}

// Strings in the value: their length in decimal, a colon, the bytes.
void put(std::string& out, std::string_view s) {
    out += std::to_string(s.size());
    out += ':';
    out += s;
}

struct Reader {
    std::string_view rest;
    bool ok = true;

    std::optional<std::string> string() {
        std::size_t size = 0, digits = 0;
        while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9' && digits < 12)
            size = size * 10 + static_cast<std::size_t>(rest[digits++] - '0');
        if (digits == 0 || digits >= rest.size() || rest[digits] != ':' || rest.size() - digits - 1 < size) {
            ok = false;
            return std::nullopt;
        }
        std::string s(rest.substr(digits + 1, size));
        rest.remove_prefix(digits + 1 + size);
        return s;
    }
    std::optional<long> number() {
        const auto s = string();
        if (!s || s->empty() || s->size() > 12) {
            ok = false;
            return std::nullopt;
        }
        long n = 0;
        bool negative = false;
        for (std::size_t i = 0; i < s->size(); ++i) {
            const char c = (*s)[i];
            if (i == 0 && c == '-') negative = true;
            else if (c >= '0' && c <= '9') n = n * 10 + (c - '0');
            else {
                ok = false;
                return std::nullopt;
            }
        }
        return negative ? -n : n;
    }
};

constexpr std::string_view kValueVersion = "print-pages 1\n";

}  // namespace

std::string print_pages_key(const model::LoadedArticle& loaded, const std::string& layout_name) {
    const std::string resolved = loaded.layout_name(layout_name);
    std::string key = artefact_key_base() + "print page starts v1\n";
    key += "layout " + layout_name + " = " + resolved + " " + file_identity(style::layout_file(resolved)) + "\n";
    key += "article " + loaded.article.source_file + " " + file_identity(loaded.article.source_file) + "\n";
    if (loaded.publication)
        key += "publication " + loaded.publication->source_file + " " + file_identity(loaded.publication->source_file) + "\n";
    key += "folder " + loaded.folder.string() + "\n";
    for (const model::Figure* f : laid_out_figures(loaded)) key += "image " + f->src + " " + file_identity(loaded.resolve(f->src)) + "\n";
    key += "fonts " + file_identity(fonts_dir() / "fonts.xml") + "\n";
    for (const auto& family : text::default_font_table().families())
        for (const auto& face : family.faces) key += "font " + file_identity(face.file) + "\n";
    for (const fs::path& file : text::hyphenation_pattern_files()) key += "hyphenation " + file_identity(file) + "\n";
    // The layout's CMYK colours are read through it (style/color_profile.hpp).
    key += "cmyk " + file_identity(style::kDefaultCmykProfile) + "\n";
    return key;
}

std::string pack_print_pages(const std::vector<PrintPageStart>& pages, const std::vector<Diagnostic>& diagnostics) {
    std::string out(kValueVersion);
    put(out, std::to_string(pages.size()));
    for (const auto& p : pages) {
        put(out, p.folio);
        put(out, p.opening ? "1" : "0");
        put(out, p.first_words);
        put(out, p.style);
    }
    put(out, std::to_string(diagnostics.size()));
    for (const auto& d : diagnostics) {
        put(out, std::to_string(static_cast<int>(d.severity)));
        put(out, d.where.file);
        put(out, std::to_string(d.where.line));
        put(out, std::to_string(d.where.column));
        put(out, d.message);
    }
    return out;
}

std::optional<PrintPages> unpack_print_pages(const std::string& value) {
    if (value.compare(0, kValueVersion.size(), kValueVersion) != 0) return std::nullopt;
    Reader r{std::string_view(value).substr(kValueVersion.size())};
    PrintPages out;
    const auto pages = r.number();
    if (!pages || *pages < 0) return std::nullopt;
    for (long i = 0; i < *pages && r.ok; ++i) {
        PrintPageStart p;
        p.folio = r.string().value_or("");
        p.opening = r.string().value_or("") == "1";
        p.first_words = r.string().value_or("");
        p.style = r.string().value_or("");
        out.pages.push_back(std::move(p));
    }
    const auto count = r.number();
    if (!count || *count < 0) return std::nullopt;
    for (long i = 0; i < *count && r.ok; ++i) {
        Diagnostic d;
        const long severity = r.number().value_or(-1);
        if (severity < 0 || severity > static_cast<long>(Severity::Error)) return std::nullopt;
        d.severity = static_cast<Severity>(severity);
        d.where.file = r.string().value_or("");
        d.where.line = static_cast<int>(r.number().value_or(0));
        d.where.column = static_cast<int>(r.number().value_or(0));
        d.message = r.string().value_or("");
        out.diagnostics.push_back(std::move(d));
    }
    if (!r.ok || !r.rest.empty()) return std::nullopt;
    return out;
}

std::vector<PrintPageStart> print_pages(const model::LoadedArticle& loaded, const std::string& layout_name,
                                        const ArtefactCache& cache, Diagnostics& diagnostics,
                                        const std::function<page::PageDocument(Diagnostics&)>& lay_out) {
    const std::string key = cache.enabled() ? print_pages_key(loaded, layout_name) : std::string();
    if (cache.enabled())
        if (const auto hit = cache.get("print-pages", key))
            if (auto cached = unpack_print_pages(*hit)) {
                for (auto& d : cached->diagnostics) diagnostics.add(d.severity, std::move(d.where), std::move(d.message));
                return std::move(cached->pages);
            }
    Diagnostics own;
    std::optional<page::PageDocument> print;
    try {
        print = lay_out(own);
    } catch (...) {
        diagnostics.append(own);
        throw;
    }
    diagnostics.append(own);
    std::vector<PrintPageStart> pages = print_page_starts(*print);
    cache.put("print-pages", key, pack_print_pages(pages, own.all()));
    return pages;
}

}  // namespace quire::epub
