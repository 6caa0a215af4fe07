#include "epub/epub_builder.hpp"

#include "core/artefact_cache.hpp"
#include "core/diagnostic.hpp"
#include "core/output_file.hpp"
#include "core/source_date.hpp"
#include "epub/book_parts.hpp"
#include "epub/content_documents.hpp"
#include "epub/identifier.hpp"
#include "epub/labels.hpp"
#include "epub/ocf_container.hpp"
#include "epub/page_breaks.hpp"

#include <algorithm>
#include <ctime>
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

std::time_t book_timestamp(const model::ArticleMeta& meta) {
    std::time_t t = output_timestamp(meta.date);
    std::tm tm{};
    if (meta.revised.size() == 10 && std::sscanf(meta.revised.c_str(), "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) == 3) {
        tm.tm_year -= 1900;
        tm.tm_mon -= 1;
        // A revision or correction is a new version: readers and stores re-deliver a book whose
        // identifier is known on a later dcterms:modified, whatever SOURCE_DATE_EPOCH says.
        t = std::max(t, timegm(&tm));
    }
    return t;
}

namespace {
std::string accessibility_summary(const std::string& lang, PageNumbers page_numbers) {
    std::string summary = label(Label::A11ySummary, lang);
    if (page_numbers == PageNumbers::Print) summary += label(Label::PageListSummary, lang);
    return summary;
}
}  // namespace

void set_accessibility(BookMetadata& m, const std::string& lang, PageNumbers page_numbers) {
    // EPUB Accessibility 1.1; the text alone carries the content: every image has a text
    // alternative, the cover's included.
    m.access_modes = {"textual", "visual"};
    m.access_modes_sufficient = {"textual"};
    m.accessibility_features = {"alternativeText", "displayTransformability", "readingOrder", "structuralNavigation",
                                "tableOfContents"};
    if (page_numbers == PageNumbers::Print) {
        m.accessibility_features.push_back("pageBreakMarkers");
        m.accessibility_features.push_back("pageNavigation");
    }
    std::sort(m.accessibility_features.begin(), m.accessibility_features.end());
    m.accessibility_summary = accessibility_summary(lang, page_numbers);
}

std::vector<const model::Author*> bio_authors(const model::Article& article) {
    std::vector<const model::Author*> authors;
    for (const auto& item : article.back_matter)
        if (item.kind == model::BackMatterKind::Bio)
            if (const auto* a = article.find_author(item.author_id))
                if (!a->bio.empty() && std::find(authors.begin(), authors.end(), a) == authors.end()) authors.push_back(a);
    return authors;
}

std::vector<const model::Notice*> back_matter_notices(const model::LoadedArticle& loaded) {
    std::vector<const model::Notice*> notices;
    for (const auto& item : loaded.article.back_matter)
        if (item.kind == model::BackMatterKind::Notice && !loaded.notice_content(item.notice).empty())
            notices.push_back(&item.notice);
    return notices;
}

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
    add_people(m, article);
    m.language = lang;
    m.date = meta.date;
    m.modified = iso8601_utc(book_timestamp(meta));
    m.publisher = !pub.publisher.empty() ? pub.publisher : pub.name;
    m.rights = pub.copyright;
    m.description = model::plain_text(meta.standfirst);
    if (!meta.section.empty()) m.subjects.push_back(meta.section);
    for (const auto& k : meta.keywords) m.subjects.push_back(k);
    if (!meta.source_url.empty()) m.sources.push_back(meta.source_url);
    m.collection = pub.name;
    for (const auto* issn : {&pub.issn_print, &pub.issn_online})
        if (!issn->empty()) m.issns.push_back(*issn);

    // Images first: a missing image stops the build before any work is spent.
    ImageHrefs image_hrefs;
    std::set<std::string> image_names{"cover.png", "cover.jpg"};
    std::vector<ImageFile> images = read_images(loaded, image_hrefs, image_names);

    const style::Layout layout = style::load_layout_or_throw(loaded.layout_name(options.layout));
    const text::FontTable& fonts = text::default_font_table();

    // Documents: the cover, then the article with its bio and notices at its end.
    std::vector<ContentDocument> documents;
    std::vector<std::string> names;
    for (const auto& a : meta.authors)
        if (is_creator_role(a.role) || a.role == "interviewer") names.push_back(a.name);
    const std::string author_line = names_list(names, lang);
    std::string cover_alt = label(Label::CoverAlt, lang);
    cover_alt = fill(fill(fill(cover_alt, "title", meta.title), "author", author_line), "magazine", pub.name);
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
    ArticleParts parts;
    parts.bio_authors = bio_authors(article);
    parts.notices = back_matter_notices(loaded);
    documents.push_back(article_document(loaded, image_hrefs, parts));

    // The print edition's page breaks, from its own layout (the same as `quire pdf`'s).
    const PageNumbers page_numbers = options.print || options.print_pages ? PageNumbers::Print : PageNumbers::None;
    if (page_numbers == PageNumbers::Print) {
        std::set<std::string> taken;
        book.page_list = insert_page_breaks({&documents[1]}, options.print ? print_page_starts(*options.print) : *options.print_pages, taken);
        // The print edition: its ISSN, else an identifier of its own derived as the book's is (Ace's
        // epub-pagesource wants the page breaks' source named).
        m.print_source = !pub.issn_print.empty() ? "urn:issn:" + pub.issn_print
                                                 : book_identifier(pub.id.empty() ? "quire" : pub.id, article.id + "/print");
    }

    // Navigation data.
    const ContentDocument& main_doc = documents[1];
    book.toc.push_back({main_doc.title, main_doc.href, main_doc.headings});
    for (const auto& b : main_doc.back_matter) book.toc.push_back(b);
    book.landmarks.push_back({"cover", label(Label::Cover, lang), documents[0].href});
    book.landmarks.push_back({"toc", label(Label::Contents, lang), "nav.xhtml#toc"});
    book.landmarks.push_back({"bodymatter", main_doc.title, main_doc.href});
    if (!main_doc.back_matter.empty())
        book.landmarks.push_back({"backmatter", main_doc.back_matter[0].label, main_doc.back_matter[0].href});
    set_accessibility(m, lang, page_numbers);

    // Fonts: plan, then subset in parallel, the cover drawn meanwhile (the two largest costs of the
    // build are independent).
    StyleUses uses = style_uses(loaded);
    add_generated_words(uses, documents, article);
    const ArtefactCache& cache = options.cache ? *options.cache : ArtefactCache::shared();
    EmbeddedStyle style = embed_fonts_and_style(uses, layout, fonts, cache, [&] {
        if (options.cover_image) return;
        CoverText cover_text{pub.name, meta.section, meta.title, author_line, display_date(meta.date, lang), lang};
        cover_bytes = cover_png(cover_text, layout, fonts, cache);
    });

    std::vector<Resource> others = std::move(style.files);
    book.deflated = std::move(style.deflated);
    for (auto& image : images) others.push_back({image.href, "", image.media_type, "", SpinePlace::None, std::move(image.bytes)});
    others.push_back({cover_href, "", cover_media_type, "cover-image", SpinePlace::None, std::move(cover_bytes)});
    finish_book(book, documents, std::move(others), std::move(style.css));
    return book;
}

void build_epub(const model::LoadedArticle& loaded, const EpubOptions& options, const fs::path& output) {
    const Book book = assemble_book(loaded, options);
    write_ocf_container(book, book_timestamp(loaded.article.meta), output);
}

}  // namespace quire::epub
