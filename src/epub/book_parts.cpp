#include "epub/book_parts.hpp"

#include "core/diagnostic.hpp"
#include "core/huge_pages.hpp"
#include "core/input_file.hpp"
#include "core/output_file.hpp"
#include "epub/epub_builder.hpp"
#include "epub/navigation.hpp"
#include "epub/ocf_container.hpp"
#include "epub/labels.hpp"
#include "epub/stylesheet.hpp"
#include "model/validate.hpp"
#include "render/render_png.hpp"
#include "text/font_collection.hpp"

#include <hb.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>
#include <future>
#include <optional>

namespace quire::epub {

namespace fs = std::filesystem;

std::string marc_role(const std::string& role) {
    // MARC relator codes (id.loc.gov/vocabulary/relators).
    if (role == "interviewer") return "ivr";
    if (role == "translator") return "trl";
    if (role == "photographer") return "pht";
    if (role == "editor") return "edt";
    return "aut";
}

std::string manifest_id(const std::string& href, std::set<std::string>& taken) {
    std::string id;
    for (char c : href) id += ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ? c : '-';
    if (id.empty() || !((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z'))) id = "r-" + id;
    std::string unique = id;
    for (int n = 2; !taken.insert(unique).second; ++n) unique = id + "-" + std::to_string(n);
    return unique;
}

namespace {

void collect_figures(const std::vector<model::Block>& blocks, std::vector<const model::Figure*>& out) {
    for (const auto& b : blocks) {
        if (b.kind == model::BlockKind::FigureBlock) out.push_back(&b.figure);
        collect_figures(b.children, out);
    }
}


// Reads each figure's image once, checks that it stays in the article's folder and is a core media
// type, and gives it a package path (images/NAME, made unique).
}  // namespace

std::vector<ImageFile> read_images(const model::LoadedArticle& loaded, ImageHrefs& hrefs, std::set<std::string>& names,
                                   const std::string& folder) {
    std::vector<const model::Figure*> figures;
    if (loaded.article.lead_figure) figures.push_back(&*loaded.article.lead_figure);
    collect_figures(loaded.article.body, figures);
    std::vector<ImageFile> images;
    for (const model::Figure* f : figures) {
        if (hrefs.count(f->src)) continue;
        if (f->src.empty()) throw QuireError(f->where, "figure has no image (src is empty)");
        if (!model::stays_inside_folder(f->src))
            throw QuireError(f->where, "image path \"" + f->src + "\" leaves the article's folder; refused");
        // Followed through symlinks, it must stay in the folder; only a regular file is read (issue 18).
        const fs::path path = resolve_inside(loaded.folder, f->src, f->where);
        if (std::error_code ec; !fs::exists(path, ec)) throw QuireError(f->where, "image not found: " + path.string());
        ImageFile image;
        image.bytes = read_input_file(path, input_limit::kImage, "image", f->where);
        image.media_type = image_media_type(image.bytes);
        if (image.media_type.empty())
            throw QuireError(f->where, "image \"" + f->src + "\" is not JPEG, PNG, GIF or SVG (EPUB core media types)");
        std::string name = safe_file_name(fs::path(f->src).filename().string());
        const std::string stem = fs::path(name).stem().string(), ext = fs::path(name).extension().string();
        for (int n = 2; names.count(name) || name == "cover.png"; ++n) name = stem + "-" + std::to_string(n) + ext;
        names.insert(name);
        image.href = folder + name;
        hrefs[f->src] = image.href;
        images.push_back(std::move(image));
    }
    return images;
}

namespace {

// A face's characters plus printable ASCII and the marks reading systems or the stylesheet may add
// (list numbers, bullets, quotation marks, dashes, soft hyphens), and the upper-case forms for
// text-transform: uppercase.
Codepoints with_basics(Codepoints cps) {
    for (char32_t c = 0x20; c < 0x7F; ++c) cps.insert(c);
    for (char32_t c : {U'\u00A0', U'\u2022', U'\u2013', U'\u2014', U'\u2018', U'\u2019', U'\u201C', U'\u201D',
                       U'\u2026', U'\u00B7', U'\u00AD', U'\u2010'})
        cps.insert(c);
    Codepoints upper;
    for (char32_t c : cps) upper.insert(static_cast<char32_t>(u_toupper(static_cast<UChar32>(c))));
    cps.insert(upper.begin(), upper.end());
    return cps;
}

std::string subset_cache_key(const PlannedFace& p, const std::vector<std::string>& features) {
    std::string key = artefact_key_base() + "font " + file_identity(p.face->file) + " index " +
                      std::to_string(p.face->face_index) + "\nfeatures";
    for (const auto& f : features) key += " " + f;
    key += "\ncodepoints";
    for (char32_t cp : p.codepoints) key += " " + std::to_string(static_cast<std::uint32_t>(cp));
    return key;
}

std::string cover_cache_key(const CoverText& text, const style::Layout& layout, const text::FontTable& fonts) {
    std::string key = artefact_key_base() + "cover\n" + text.magazine + "\n" + text.section + "\n" + text.title + "\n" +
                      text.author + "\n" + text.date + "\n" + text.lang + "\n" + layout.dump();
    for (const auto& family : fonts.families())
        for (const auto& face : family.faces) key += "\n" + file_identity(face.file);
    return key;
}

// An embedded font: its subset and the subset deflated for the container. They travel together
// through the artefact cache as a 20-digit size, the CRC in 8 hex digits, the subset, the deflated
// bytes.
struct FontFile {
    std::string bytes;
    Deflated deflated;
};

std::string pack_font(const FontFile& f) {
    char head[32];
    std::snprintf(head, sizeof head, "%020zu%08x", f.bytes.size(), static_cast<unsigned>(f.deflated.crc32));
    return std::string(head) + f.bytes + f.deflated.data;
}

std::optional<FontFile> unpack_font(const std::string& v) {  // nullopt: a damaged entry
    if (v.size() < 28) return std::nullopt;
    std::size_t size = 0;
    std::uint32_t crc = 0;
    for (std::size_t k = 0; k < 20; ++k) {
        if (v[k] < '0' || v[k] > '9') return std::nullopt;
        size = size * 10 + static_cast<std::size_t>(v[k] - '0');
    }
    for (std::size_t k = 20; k < 28; ++k) {
        const char c = v[k];
        const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (digit < 0) return std::nullopt;
        crc = crc << 4 | static_cast<std::uint32_t>(digit);
    }
    if (size == 0 || v.size() <= 28 + size) return std::nullopt;
    FontFile f;
    f.bytes = v.substr(28, size);
    f.deflated.data = v.substr(28 + size);
    f.deflated.crc32 = crc;
    return f;
}

// The planned face subset and deflated, from the cache when it holds them.
FontFile embedded_font(const PlannedFace& p, const std::vector<std::string>& features, const ArtefactCache& cache) {
    const std::string key = subset_cache_key(p, features);
    if (const auto hit = cache.get("font-subset", key))
        if (auto f = unpack_font(*hit)) return std::move(*f);
    FontFile made;
    made.bytes = subset_font(p.face->file, p.face->face_index, p.codepoints, KeepFeatures::DefaultAndListed, features);
    made.deflated = deflate_for_container(made.bytes);
    cache.put("font-subset", key, pack_font(made));
    return made;
}

}  // namespace

std::string artefact_key_base() {
    return "quire " + file_identity("/proc/self/exe") + "\nharfbuzz " + hb_version_string() + "\n";
}

std::string file_as(const std::string& name) {
    const std::size_t last = name.find_last_of(' ');
    if (last == std::string::npos || last + 1 >= name.size()) return name;
    return name.substr(last + 1) + ", " + name.substr(0, last);
}

void add_people(BookMetadata& meta, const model::Article& article) {
    for (const auto& a : article.meta.authors) {
        Creator c{a.name, marc_role(a.role), file_as(a.name)};
        if (is_creator_role(a.role)) meta.creators.push_back(std::move(c));
        else meta.contributors.push_back(std::move(c));
    }
}

std::string cover_png(const CoverText& text, const style::Layout& layout, const text::FontTable& fonts,
                      const ArtefactCache& cache) {
    return cache.get_or_make("cover", cover_cache_key(text, layout, fonts), [&] {
        // A collection of its own: this runs beside the font subsetting (another thread), and a
        // FontCollection is for one thread. Characters no font has are the article's to report
        // (`quire pdf`, `quire check`): the cover sets them as .notdef, as print would.
        auto collection = std::make_shared<text::FontCollection>(fonts);
        Diagnostics ignored;
        const page::PageDocument cover = page::lay_out_epub_cover(text, layout, collection, {}, ignored);
        return render::render_page_png(cover, 0, 1.0);
    });
}

void add_generated_words(StyleUses& uses, const std::vector<ContentDocument>& documents, const model::Article& article) {
    // Each face gets the characters of the styles that use it; the base style ("text": the contents
    // page, and anything a reading system sets in the body face) gets every document's characters.
    const std::string& lang = article.lang;
    for (const auto& d : documents) uses["text"].text += d.bytes;
    for (Label l : {Label::Contents, Label::AboutTheAuthor, Label::AboutTheAuthors, Label::PageList, Label::Impressum})
        uses["subheading"].text += label(l, lang);
    for (const auto& d : documents)
        for (const auto& b : d.back_matter) uses["subheading"].text += b.label;
    if (uses.count("byline"))
        for (const auto& line : byline_lines(article)) uses["byline"].text += line;
    if (uses.count("date")) uses["date"].text += display_date(article.meta.date, lang);
    if (uses.count("credit")) uses["credit"].text += label(Label::Photo, lang);
    uses["notice"].text += label(Label::DonateLink, lang);
}

EmbeddedStyle embed_fonts_and_style(const StyleUses& uses, const style::Layout& layout, const text::FontTable& fonts,
                                    const ArtefactCache& cache, const std::function<void()>& meanwhile) {
    std::vector<PlannedFace> planned = plan_faces(uses, layout, fonts);
    for (auto& p : planned) p.codepoints = with_basics(std::move(p.codepoints));
    // Keep hb-subset's default features plus every feature a style of the layout names (the EPUB's
    // CSS can only ask for those).
    std::set<std::string> feature_set;
    for (const auto& [name, s] : layout.styles) feature_set.insert(s.features.begin(), s.features.end());
    for (const auto& [name, c] : layout.character_styles) feature_set.insert(c.features.begin(), c.features.end());
    // The figure features are one family: fonts often implement onum as a substitution from the
    // lnum/pnum/tnum forms, and hb-subset keeps it only with them (Vollkorn). Keep the four together.
    static const std::set<std::string> kFigures{"lnum", "onum", "pnum", "tnum"};
    if (std::any_of(feature_set.begin(), feature_set.end(), [](const std::string& f) { return kFigures.count(f) != 0; }))
        feature_set.insert(kFigures.begin(), kFigures.end());
    const std::vector<std::string> features(feature_set.begin(), feature_set.end());
    // Subsetting is a pure function of its inputs and the slowest part of the build: in parallel,
    // and kept between runs (core/artefact_cache.hpp; the same bytes either way).
    std::vector<std::future<FontFile>> subsets;
    for (const auto& p : planned)
        subsets.push_back(std::async(std::launch::async, [&p, &features, &cache] {
            core::back_thread_heap_with_huge_pages();
            return embedded_font(p, features, cache);
        }));
    if (meanwhile) meanwhile();

    EmbeddedStyle out;
    std::vector<FontFaceRule> face_rules;
    GenericFamilies generics;
    std::set<fs::path> licences;
    for (std::size_t i = 0; i < planned.size(); ++i) {
        const auto& p = planned[i];
        const std::string file = safe_file_name(p.face->file.filename().string());
        const bool otf = p.face->file.extension() == ".otf";
        const std::string href = "fonts/" + file;
        FontFile font = subsets[i].get();
        out.files.push_back({href, "", otf ? "font/otf" : "font/ttf", "", SpinePlace::None, std::move(font.bytes)});
        out.deflated[href] = std::move(font.deflated);
        face_rules.push_back({p.family, p.face->weight, p.face->slant == text::Slant::Italic, href});
        if (!generics.count(p.family)) generics[p.family] = generic_family(fonts, p.family);
        if (!p.licence.empty()) licences.insert(p.licence);
    }
    // Families named in styles but not embedded still need a generic family at the end of the stack.
    for (const auto& [name, s] : layout.styles)
        if (!generics.count(s.font_family)) generics[s.font_family] = generic_family(fonts, s.font_family);
    for (const auto& licence : licences) {
        // The OFL travels with the fonts (OFL §2): fonts/<folder>-OFL.txt.
        const std::string name = safe_file_name(licence.parent_path().filename().string() + "-" + licence.filename().string());
        out.files.push_back({"fonts/" + name, "", "text/plain", "", SpinePlace::None, read_file(licence)});
    }
    out.css = stylesheet(layout, face_rules, generics);
    return out;
}

void finish_book(Book& book, std::vector<ContentDocument>& documents, std::vector<Resource> others, std::string css) {
    std::sort(others.begin(), others.end(), [](const Resource& a, const Resource& b) { return a.href < b.href; });
    // Manifest order: the documents in reading order, the navigation, the stylesheet, then the rest
    // sorted by path.
    for (auto& d : documents)
        book.resources.push_back({d.href, "", "application/xhtml+xml", "", SpinePlace::Linear, std::move(d.bytes)});
    // The contents page is in the spine, out of the reading order: the landmarks link to it, and a
    // hyperlink may only reach spine items (epubcheck RSC-011).
    book.resources.push_back({"nav.xhtml", "", "application/xhtml+xml", "nav", SpinePlace::NonLinear, ""});
    book.resources.push_back({"toc.ncx", "", "application/x-dtbncx+xml", "", SpinePlace::None, ""});
    book.resources.push_back({kStylesheetHref, "", "text/css", "", SpinePlace::None, std::move(css)});
    for (auto& r : others) book.resources.push_back(std::move(r));
    std::set<std::string> ids;
    for (auto& r : book.resources) r.id = r.href == "toc.ncx" ? manifest_id("ncx", ids) : manifest_id(r.href, ids);
    // The navigation documents last: they list what the book holds.
    for (auto& r : book.resources) {
        if (r.href == "nav.xhtml") r.bytes = nav_document(book);
        if (r.href == "toc.ncx") r.bytes = ncx_document(book);
    }
}

}  // namespace quire::epub
