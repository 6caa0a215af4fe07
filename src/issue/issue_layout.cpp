#include "issue/issue_layout.hpp"

#include "core/huge_pages.hpp"
#include "core/input_file.hpp"
#include "core/output_file.hpp"
#include "import/import_page.hpp"
#include "issue/front_matter.hpp"
#include "model/validate.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

namespace quire::issue {

namespace fs = std::filesystem;

const char* page_kind_name(PageKind kind) {
    switch (kind) {
        case PageKind::Cover: return "cover";
        case PageKind::Contents: return "contents";
        case PageKind::Impressum: return "impressum";
        case PageKind::Article: return "article";
        case PageKind::Ad: return "ad";
        case PageKind::Filler: return "filler";
    }
    return "article";
}

namespace {

// Runs f(i) for i in [0, n) on `threads` threads; the first exception is rethrown after all finish.
template <typename F>
void parallel_for(std::size_t n, unsigned threads, F&& f) {
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto work = [&](unsigned worker) {
        core::back_thread_heap_with_huge_pages();
        for (std::size_t i; (i = next++) < n;) {
            try {
                f(i, worker);
            } catch (...) {
                std::lock_guard<std::mutex> lock(failure_mutex);
                if (!failure) failure = std::current_exception();
            }
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
}

// An article of the manifest, loaded: an article file with the issue's profile, or a scraped page
// imported on the fly (its warnings kept, its place the manifest's entry).
std::optional<model::LoadedArticle> load_entry(const model::IssueEntry& entry, const model::Issue& issue,
                                               const model::Publication& publication, Diagnostics& d) {
    if (entry.path.empty()) return std::nullopt;  // reported by the manifest reader
    try {
        if (entry.path.extension() == ".xml") {
            Diagnostics own;
            model::LoadedArticle loaded = model::load_article(entry.path, own, issue.publication_path);
            d.append(own);
            return loaded;
        }
        import::ImportOptions options;
        options.notice = import::NoticePlacement::Publication;
        import::ImportResult result = import::import_page(read_input_file(entry.path, input_limit::kText, "page", entry.where), entry.path.string(), options);
        d.append(result.analysis.diagnostics);
        model::LoadedArticle loaded;
        loaded.article = std::move(result.article);
        loaded.publication = publication;
        loaded.folder = entry.path.parent_path();
        // A page names its photo (caption, credit) but a scrape has no image file: as when the article
        // is read from XML, the figure is left out with a warning rather than refused.
        if (loaded.article.lead_figure && loaded.article.lead_figure->src.empty()) {
            d.warning(entry.where, "the page's lead photo has no image file; it is left out (import the page and add "
                                   "src=\"…\" to its <figure> to print it)");
            loaded.article.lead_figure.reset();
        }
        Diagnostics own;
        model::validate_article(loaded.article, loaded.folder, own);
        d.append(own);
        if (own.has_errors()) return std::nullopt;
        return loaded;
    } catch (const QuireError& e) {
        // load_article leaves its diagnostics in `own`, appended above only on success.
        d.add(e.diagnostic().severity, e.diagnostic().where, e.diagnostic().message);
        return std::nullopt;
    }
}

// The donation notice, once: in the last article's back matter (End), or on the impressum.
void place_donation_notice(std::vector<model::LoadedArticle>& articles, const model::Issue& issue) {
    if (issue.donation != model::NoticePlace::End || articles.empty()) return;
    model::Article& last = articles.back().article;
    for (const auto& item : last.back_matter)
        if (item.kind == model::BackMatterKind::Notice && item.notice.kind == "donation") return;
    model::BackMatterItem item;
    item.kind = model::BackMatterKind::Notice;
    item.notice.kind = "donation";
    last.back_matter.push_back(std::move(item));
}

bool is_front(PageKind kind) { return kind == PageKind::Cover || kind == PageKind::Contents || kind == PageKind::Impressum; }

}  // namespace

page::PageDocument IssueLayout::document() const { return document_of(pages.size(), nullptr); }

page::PageDocument IssueLayout::first_pages(std::size_t count) const {
    return document_of(std::min(count, pages.size()), nullptr);
}

page::PageDocument IssueLayout::document(const std::vector<std::shared_ptr<const std::string>>& article_pdfs) const {
    return document_of(pages.size(), &article_pdfs);
}

IssueLayout::PageSource IssueLayout::page_source(std::size_t i) const {
    const IssuePage& ip = pages.at(i);
    PageSource out;
    if (ip.kind == PageKind::Article) {
        const IssueArticle& a = articles.at(static_cast<std::size_t>(ip.article));
        out.page = &a.typeset.pages.pages.at(static_cast<std::size_t>(ip.article_page));
        out.placed_pdf = out.page->placed_pdf;
    } else if (is_front(ip.kind)) {
        // The front pages are kept in page order: this one's place among them.
        std::size_t front = 0;
        for (std::size_t k = 0; k < i; ++k) front += is_front(pages[k].kind);
        out.page = &front_pages.at(front);
        out.placed_pdf = out.page->placed_pdf;
    } else {
        out.placed_pdf = ip.pdf;
    }
    return out;
}

page::PageDocument IssueLayout::document_of(std::size_t count,
                                            const std::vector<std::shared_ptr<const std::string>>* article_pdfs) const {
    page::PageDocument doc;
    doc.geometry = layout.page;
    if (!fonts.empty()) doc.fonts = fonts.front();
    for (std::size_t i = 1; i < fonts.size(); ++i) doc.more_fonts.push_back(fonts[i]);
    doc.info.title = publication.name + " " + issue.number;
    doc.info.author = publication.name;
    doc.info.subject = publication.name + ", " + issue.number;
    doc.info.lang = issue.lang;
    doc.info.date = issue.date;
    std::size_t front = 0;
    std::string section;
    for (std::size_t i = 0; i < count; ++i) {
        const IssuePage& ip = pages[i];
        page::Page p;
        if (ip.kind == PageKind::Article) {
            const auto article = static_cast<std::size_t>(ip.article);
            const IssueArticle& a = articles[article];
            const page::Page& own = a.typeset.pages.pages[static_cast<std::size_t>(ip.article_page)];
            if (article_pdfs && article < article_pdfs->size() && (*article_pdfs)[article]) {
                // Placed from the article's own press PDF: the page without its items (not copied
                // only to be cleared: a 56-page issue's glyphs).
                p.placed_pdf = own.placed_pdf;
                p.made_page = page::Page::MadePage{(*article_pdfs)[article], ip.article_page};
            } else {
                p = own;
            }
            if (ip.article_page == 0) {
                if (a.section != section) {
                    doc.outline.push_back(page::OutlineEntry{1, a.section, static_cast<int>(i), 0});
                    section = a.section;
                }
                doc.outline.push_back(page::OutlineEntry{2, a.typeset.loaded.article.meta.title, static_cast<int>(i), 0});
            }
            // The article's line records, moved to the issue's page numbers (the proof reads them).
            for (page::LineRecord r : a.typeset.pages.lines)
                if (r.page == ip.article_page) {
                    r.page = static_cast<int>(i);
                    doc.lines.push_back(std::move(r));
                }
        } else if (is_front(ip.kind)) {
            p = front_pages.at(front++);
        } else {
            p.placed_pdf = ip.pdf;  // an ad or a supplied filler; empty: a blank page
        }
        p.number = static_cast<int>(i) + 1;
        p.label = std::to_string(p.number);
        p.side = layout.page.facing == style::Facing::Spread && p.number % 2 == 0 ? page::PageSide::Left : page::PageSide::Right;
        doc.pages.push_back(std::move(p));
    }
    return doc;
}

IssueLayout lay_out_issue(const model::Issue& manifest, const IssueOptions& options, Diagnostics& diagnostics) {
    IssueLayout out;
    out.issue = manifest;
    if (manifest.publication_path.empty()) diagnostics.throw_first_error();
    {
        Diagnostics own;
        out.publication = model::read_publication_file(manifest.publication_path, own);
        model::validate_publication(out.publication, own);
        diagnostics.append(own);
    }
    {
        Diagnostics own;
        const std::string name = !options.layout.empty() ? options.layout
                                 : !out.publication.default_layout.empty() ? out.publication.default_layout
                                                                           : "magazine";
        out.layout = style::load_layout(name, own);
        diagnostics.append(own);
    }
    // Every article, loaded; all problems reported before stopping.
    std::vector<const model::IssueEntry*> article_entries;
    for (const auto& e : manifest.entries)
        if (e.kind == model::IssueEntryKind::Article) article_entries.push_back(&e);
    std::vector<model::LoadedArticle> loaded;
    for (const auto* e : article_entries) {
        auto a = load_entry(*e, manifest, out.publication, diagnostics);
        if (a) loaded.push_back(std::move(*a));
    }
    diagnostics.throw_first_error();
    {
        std::map<std::string, SourceSpan> ids;
        for (std::size_t i = 0; i < loaded.size(); ++i) {
            auto [it, fresh] = ids.emplace(loaded[i].article.id, article_entries[i]->where);
            if (!fresh)
                diagnostics.error(article_entries[i]->where, "article id \"" + loaded[i].article.id +
                                                                 "\" is already used by the article at " + it->second.to_string() +
                                                                 "; ids name the articles' own files (articles/ID.pdf)");
        }
    }
    diagnostics.throw_first_error();
    place_donation_notice(loaded, manifest);

    const unsigned threads = std::max(1u, options.threads ? options.threads : std::min(4u, std::thread::hardware_concurrency()));
    for (unsigned t = 0; t < threads; ++t) out.fonts.push_back(std::make_shared<text::FontCollection>());

    // 1. Every article laid out in parallel as if it opened on a right-hand page, without running
    //    heads and folios: its page count does not depend on the side, and most openings are rectos.
    const int guess = 1;
    out.articles.resize(loaded.size());
    parallel_for(loaded.size(), threads, [&](std::size_t i, unsigned worker) {
        page::ArticlePlacement placement;
        placement.first_folio = guess;
        placement.section = article_entries[i]->section;
        placement.furniture = page::Furniture::Skip;
        // The issue prints the donation notice once (place_donation_notice).
        placement.donation = i + 1 == loaded.size() && manifest.donation == model::NoticePlace::End
                                 ? page::DonationNotice::AsWritten : page::DonationNotice::Omit;
        IssueArticle& a = out.articles[i];
        a.section = article_entries[i]->section;
        a.where = article_entries[i]->where;
        a.typeset = typeset_article(std::move(loaded[i]), out.layout, placement, out.fonts[worker]);
    });
    for (const auto& a : out.articles) diagnostics.append(a.typeset.diagnostics);

    // 2. The make-up: cover, inside front cover, contents, impressum, the manifest's order, padding.
    std::vector<ContentsEntry> contents;
    for (const auto& a : out.articles)
        contents.push_back({a.section, a.typeset.loaded.article.meta.title, model::joined_author_names(a.typeset.loaded.article, model::NameSpaces::NoBreak), 0});
    FrontMatterContext context{out.issue, out.publication, out.layout, *out.fonts.front(), diagnostics};
    const int contents_pages = static_cast<int>(lay_out_contents(context, contents).size());

    const model::IssueEntry* fixed[4] = {};
    for (const auto& e : manifest.entries)
        if (e.kind == model::IssueEntryKind::Ad && e.place != model::AdPlace::Here)
            fixed[static_cast<int>(e.place)] = &e;
    auto ad_page = [](const model::IssueEntry& e) { return IssuePage{PageKind::Ad, -1, 0, e.path, e.where}; };
    auto& pages = out.pages;
    pages.push_back({PageKind::Cover, -1, 0, {}, manifest.cover.where});
    if (fixed[static_cast<int>(model::AdPlace::InsideFrontCover)])
        pages.push_back(ad_page(*fixed[static_cast<int>(model::AdPlace::InsideFrontCover)]));
    for (int i = 0; i < contents_pages; ++i) pages.push_back({PageKind::Contents, -1, 0, {}, {}});
    pages.push_back({PageKind::Impressum, -1, 0, {}, {}});
    const IssuePage filler{PageKind::Filler, -1, 0, manifest.filler_path, manifest.filler_where};
    std::string section;
    std::size_t next_article = 0;
    for (const auto& e : manifest.entries) {
        if (e.kind == model::IssueEntryKind::Ad) {
            if (e.place == model::AdPlace::Here) pages.push_back(ad_page(e));
            continue;
        }
        if (e.path.empty()) continue;
        IssueArticle& a = out.articles[next_article];
        const bool opens_section = a.section != section;
        section = a.section;
        // A section opens on a right-hand page (odd position) when the layout says so.
        if (opens_section && out.layout.issue.section_start == style::SectionStart::RightPage && pages.size() % 2 == 1) {
            pages.push_back(filler);
            out.added_pages.push_back(static_cast<int>(pages.size()));
        }
        a.first_page = static_cast<int>(pages.size()) + 1;
        for (int p = 0; p < a.typeset.page_count(); ++p)
            pages.push_back({PageKind::Article, static_cast<int>(next_article), p, {}, e.where});
        a.last_page = static_cast<int>(pages.size());
        ++next_article;
    }
    // Pad to the press sheet's multiple before the inside back and back covers.
    const int tail = (fixed[static_cast<int>(model::AdPlace::InsideBackCover)] ? 1 : 0) +
                     (fixed[static_cast<int>(model::AdPlace::BackCover)] ? 1 : 0);
    const int multiple = std::max(4, out.publication.signature_pages);
    while ((static_cast<int>(pages.size()) + tail) % multiple != 0) {
        pages.push_back(filler);
        out.added_pages.push_back(static_cast<int>(pages.size()));
    }
    if (fixed[static_cast<int>(model::AdPlace::InsideBackCover)])
        pages.push_back(ad_page(*fixed[static_cast<int>(model::AdPlace::InsideBackCover)]));
    if (fixed[static_cast<int>(model::AdPlace::BackCover)])
        pages.push_back(ad_page(*fixed[static_cast<int>(model::AdPlace::BackCover)]));

    // 3. Folios: an article whose opening kept its side only gets its running heads and folios; the
    //    others are laid out again for the other side (their inside margins are mirrored).
    std::vector<std::size_t> again;
    for (std::size_t i = 0; i < out.articles.size(); ++i) {
        IssueArticle& a = out.articles[i];
        page::ArticlePlacement placement = a.typeset.placement;
        placement.first_folio = a.first_page;
        placement.furniture = page::Furniture::Draw;
        if ((a.first_page - guess) % 2 == 0) {
            renumber(a.typeset, out.layout, placement);
        } else {
            again.push_back(i);
        }
    }
    out.relaid_articles = static_cast<int>(again.size());
    parallel_for(again.size(), threads, [&](std::size_t k, unsigned worker) {
        IssueArticle& a = out.articles[again[k]];
        page::ArticlePlacement placement = a.typeset.placement;
        placement.first_folio = a.first_page;
        placement.furniture = page::Furniture::Draw;
        const int before = a.typeset.page_count();
        a.typeset = typeset_article(std::move(a.typeset.loaded), out.layout, placement, out.fonts[worker]);
        if (a.typeset.page_count() != before)
            throw QuireError(a.where, "internal: the article took " + std::to_string(a.typeset.page_count()) +
                                          " pages on a left-hand opening and " + std::to_string(before) + " on a right-hand one");
    });

    // 4. The contents with the real page numbers, the cover and the impressum.
    for (std::size_t i = 0; i < out.articles.size(); ++i) contents[i].page = out.articles[i].first_page;
    out.front_pages.push_back(lay_out_cover(context));
    for (auto& p : lay_out_contents(context, contents)) out.front_pages.push_back(std::move(p));
    const std::vector<model::Block>* donation = nullptr;
    if (manifest.donation == model::NoticePlace::Impressum)
        if (const model::Notice* n = out.publication.find_notice("donation")) donation = &n->content;
    out.front_pages.push_back(lay_out_impressum(context, donation));
    diagnostics.throw_first_error();
    return out;
}

}  // namespace quire::issue
