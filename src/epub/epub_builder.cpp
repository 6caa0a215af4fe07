#include "epub/epub_builder.hpp"

#include "core/artefact_cache.hpp"
#include "core/diagnostic.hpp"
#include "core/input_file.hpp"
#include "core/output_file.hpp"
#include "core/source_date.hpp"
#include "epub/content_documents.hpp"
#include "epub/cover_image.hpp"
#include "epub/font_plan.hpp"
#include "epub/identifier.hpp"
#include "epub/labels.hpp"
#include "epub/navigation.hpp"
#include "epub/ocf_container.hpp"
#include "epub/stylesheet.hpp"
#include "model/validate.hpp"

#include <hb.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <future>
#include <set>

namespace quire::epub {

namespace fs = std::filesystem;

std::string image_media_type(const std::string& b) {
    auto starts = [&](std::string_view magic) { return b.size() >= magic.size() && b.compare(0, magic.size(), magic) == 0; };
    if (starts("\xFF\xD8\xFF")) return "image/jpeg";
    if (starts("\x89PNG\r\n\x1A\n")) return "image/png";
    if (starts("GIF87a") || starts("GIF89a")) return "image/gif";
    const auto head = b.substr(0, 1024);
    if (head.find("<svg") != std::string::npos) return "image/svg+xml";
    return "";
}

std::string safe_file_name(const std::string& name) {
    std::string out;
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '_' || c == '-';
        out += ok ? c : '-';
    }
    if (out.empty() || out[0] == '.') out = "file" + out;
    return out;
}

namespace {

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

void collect_figures(const std::vector<model::Block>& blocks, std::vector<const model::Figure*>& out) {
    for (const auto& b : blocks) {
        if (b.kind == model::BlockKind::FigureBlock) out.push_back(&b.figure);
        collect_figures(b.children, out);
    }
}

struct ImageFile {
    std::string href, media_type, bytes;
};

// Reads each figure's image once, checks that it stays in the article's folder and is a core media
// type, and gives it a package path (images/NAME, made unique).
std::vector<ImageFile> read_images(const model::LoadedArticle& loaded, ImageHrefs& hrefs) {
    std::vector<const model::Figure*> figures;
    if (loaded.article.lead_figure) figures.push_back(&*loaded.article.lead_figure);
    collect_figures(loaded.article.body, figures);
    std::vector<ImageFile> images;
    std::set<std::string> names;
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
        image.href = "images/" + name;
        hrefs[f->src] = image.href;
        images.push_back(std::move(image));
    }
    return images;
}

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

// What every cached artefact depends on besides its own inputs: this build of quire (its
// executable's identity: a rebuild may draw or subset differently) and HarfBuzz's version.
std::string cache_key_base() {
    return "quire " + file_identity("/proc/self/exe") + "\nharfbuzz " + hb_version_string() + "\n";
}

std::string subset_cache_key(const PlannedFace& p, const std::vector<std::string>& features) {
    std::string key = cache_key_base() + "font " + file_identity(p.face->file) + " index " +
                      std::to_string(p.face->face_index) + "\nfeatures";
    for (const auto& f : features) key += " " + f;
    key += "\ncodepoints";
    for (char32_t cp : p.codepoints) key += " " + std::to_string(static_cast<std::uint32_t>(cp));
    return key;
}

std::string cover_cache_key(const CoverText& text, const style::Layout& layout, const text::FontTable& fonts) {
    std::string key = cache_key_base() + "cover\n" + text.magazine + "\n" + text.section + "\n" + text.title + "\n" +
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

Book assemble_book(const model::LoadedArticle& loaded, const EpubOptions& options) {
    const auto& article = loaded.article;
    const auto& meta = article.meta;
    const model::Publication empty_publication;
    const model::Publication& pub = loaded.publication ? *loaded.publication : empty_publication;
    const std::string lang = article.lang.empty() ? "en" : article.lang;

    Book book;
    auto& m = book.meta;
    m.identifier = book_identifier(pub.id.empty() ? "quire" : pub.id, article.id);
    m.title = meta.title;
    m.subtitle = meta.subtitle;
    for (const auto& a : meta.authors) m.creators.push_back({a.name, marc_role(a.role)});
    m.language = lang;
    m.date = meta.date;
    const std::time_t stamp = output_timestamp(meta.date);
    m.modified = iso8601_utc(stamp);
    m.publisher = !pub.publisher.empty() ? pub.publisher : pub.name;
    m.rights = pub.copyright;
    m.description = model::plain_text(meta.standfirst);
    if (!meta.section.empty()) m.subjects.push_back(meta.section);
    for (const auto& k : meta.keywords) m.subjects.push_back(k);
    m.collection = pub.name;
    for (const auto* issn : {&pub.issn_print, &pub.issn_online})
        if (!issn->empty()) m.issns.push_back(*issn);

    // Images first: a missing image stops the build before any work is spent.
    ImageHrefs image_hrefs;
    std::vector<ImageFile> images = read_images(loaded, image_hrefs);

    const style::Layout layout = style::load_layout_or_throw(loaded.layout_name(options.layout));
    const text::FontTable& fonts = text::default_font_table();

    // Documents.
    std::vector<ContentDocument> documents;
    std::vector<const model::Author*> bio_authors;
    for (const auto& item : article.back_matter)
        if (item.kind == model::BackMatterKind::Bio)
            if (const auto* a = article.find_author(item.author_id))
                if (!a->bio.empty() && std::find(bio_authors.begin(), bio_authors.end(), a) == bio_authors.end())
                    bio_authors.push_back(a);

    std::vector<std::string> names;
    for (const auto& a : meta.authors) names.push_back(a.name);
    const std::string author_line = names_list(names, lang);
    const std::string cover_alt = fill(fill(fill(label(Label::CoverAlt, lang), "title", meta.title), "author", author_line),
                                       "magazine", pub.name);
    std::string cover_href = "images/cover.png";
    std::string cover_media_type = "image/png";
    std::string cover_bytes;
    if (options.cover_image) {
        cover_bytes = read_file(*options.cover_image);
        cover_media_type = image_media_type(cover_bytes);
        if (cover_media_type != "image/jpeg" && cover_media_type != "image/png")
            throw QuireError(SourceSpan{options.cover_image->string()}, "the cover must be a JPEG or PNG image");
        cover_href = cover_media_type == "image/jpeg" ? "images/cover.jpg" : "images/cover.png";
    }
    documents.push_back(cover_document(loaded, cover_href, cover_alt));
    documents.push_back(article_document(loaded, image_hrefs));
    if (!bio_authors.empty()) documents.push_back(bio_document(loaded, bio_authors));
    std::set<std::string> notice_hrefs;
    for (const auto& item : article.back_matter) {
        if (item.kind != model::BackMatterKind::Notice || loaded.notice_content(item.notice).empty()) continue;
        std::string href = "notice-" + safe_file_name(item.notice.kind.empty() ? "notice" : item.notice.kind);
        std::string unique = href;
        for (int n = 2; notice_hrefs.count(unique); ++n) unique = href + "-" + std::to_string(n);
        notice_hrefs.insert(unique);
        documents.push_back(notice_document(loaded, item.notice, unique + ".xhtml"));
    }

    // Navigation data.
    const ContentDocument& main_doc = documents[1];
    book.toc.push_back({main_doc.title, main_doc.href, main_doc.headings});
    for (std::size_t i = 2; i < documents.size(); ++i) book.toc.push_back({documents[i].title, documents[i].href, {}});
    book.landmarks.push_back({"cover", label(Label::Cover, lang), documents[0].href});
    book.landmarks.push_back({"toc", label(Label::Contents, lang), "nav.xhtml#toc"});
    book.landmarks.push_back({"bodymatter", main_doc.title, main_doc.href});
    if (documents.size() > 2) book.landmarks.push_back({"backmatter", documents[2].title, documents[2].href});

    // Accessibility metadata (EPUB Accessibility 1.1; the text alone carries the content: every
    // image has a text alternative, the cover's included).
    m.access_modes = {"textual", "visual"};
    m.access_modes_sufficient = {"textual"};
    m.accessibility_features = {"alternativeText", "displayTransformability", "readingOrder",
                                "structuralNavigation", "tableOfContents"};
    m.accessibility_summary = fill(label(Label::A11ySummary, lang), "magazine", pub.name.empty() ? "quire" : pub.name);

    // Fonts: plan, then subset in parallel (the two largest costs of the build are independent).
    // Each face gets the characters of the styles that use it; the base style ("text": the contents
    // page, and anything a reading system sets in the body face) gets every document's characters.
    StyleUses uses = style_uses(loaded);
    for (const auto& d : documents) uses["text"].text += d.bytes;
    uses["subheading"].text += label(Label::Contents, lang);
    for (std::size_t i = 2; i < documents.size(); ++i) uses["subheading"].text += documents[i].title;
    if (uses.count("byline")) uses["byline"].text += author_line;
    if (uses.count("date")) uses["date"].text += display_date(meta.date, lang);
    if (uses.count("credit")) uses["credit"].text += label(Label::Photo, lang);
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
    // Both are pure functions of their inputs and the slowest parts of the build: kept between runs
    // (core/artefact_cache.hpp; the same bytes either way).
    const ArtefactCache& cache = options.cache ? *options.cache : ArtefactCache::shared();
    std::vector<std::future<FontFile>> subsets;
    for (const auto& p : planned)
        subsets.push_back(std::async(std::launch::async, [&p, &features, &cache] { return embedded_font(p, features, cache); }));
    if (!options.cover_image) {
        CoverText cover_text{pub.name, meta.section, meta.title, author_line, display_date(meta.date, lang), lang};
        cover_bytes = cache.get_or_make("cover", cover_cache_key(cover_text, layout, fonts),
                                        [&] { return render_cover_png(cover_text, layout, fonts); });
    }

    std::vector<Resource> others;
    std::vector<FontFaceRule> face_rules;
    GenericFamilies generics;
    std::set<fs::path> licences;
    for (std::size_t i = 0; i < planned.size(); ++i) {
        const auto& p = planned[i];
        const std::string file = safe_file_name(p.face->file.filename().string());
        const bool otf = p.face->file.extension() == ".otf";
        const std::string href = "fonts/" + file;
        FontFile font = subsets[i].get();
        others.push_back({href, "", otf ? "font/otf" : "font/ttf", "", SpinePlace::None, std::move(font.bytes)});
        book.deflated[href] = std::move(font.deflated);
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
        others.push_back({"fonts/" + name, "", "text/plain", "", SpinePlace::None, read_file(licence)});
    }
    for (auto& image : images) others.push_back({image.href, "", image.media_type, "", SpinePlace::None, std::move(image.bytes)});
    others.push_back({cover_href, "", cover_media_type, "cover-image", SpinePlace::None, std::move(cover_bytes)});
    std::sort(others.begin(), others.end(), [](const Resource& a, const Resource& b) { return a.href < b.href; });

    // Manifest order: the documents in reading order, the navigation, the stylesheet, then the rest
    // sorted by path.
    for (auto& d : documents)
        book.resources.push_back({d.href, "", "application/xhtml+xml", "", SpinePlace::Linear, std::move(d.bytes)});
    // The contents page is in the spine, out of the reading order: the landmarks link to it, and a
    // hyperlink may only reach spine items (epubcheck RSC-011).
    book.resources.push_back({"nav.xhtml", "", "application/xhtml+xml", "nav", SpinePlace::NonLinear, ""});
    book.resources.push_back({"toc.ncx", "", "application/x-dtbncx+xml", "", SpinePlace::None, ""});
    book.resources.push_back({kStylesheetHref, "", "text/css", "", SpinePlace::None, stylesheet(layout, face_rules, generics)});
    for (auto& r : others) book.resources.push_back(std::move(r));
    std::set<std::string> ids;
    for (auto& r : book.resources) r.id = r.href == "toc.ncx" ? manifest_id("ncx", ids) : manifest_id(r.href, ids);

    // The navigation documents last: they list what the book holds.
    for (auto& r : book.resources) {
        if (r.href == "nav.xhtml") r.bytes = nav_document(book);
        if (r.href == "toc.ncx") r.bytes = ncx_document(book);
    }
    return book;
}

void build_epub(const model::LoadedArticle& loaded, const EpubOptions& options, const fs::path& output) {
    const Book book = assemble_book(loaded, options);
    write_ocf_container(book, output_timestamp(loaded.article.meta.date), output);
}

}  // namespace quire::epub
