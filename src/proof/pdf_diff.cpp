#include "proof/pdf_diff.hpp"

#include "core/diagnostic.hpp"
#include "core/output_file.hpp"
#include "core/source_date.hpp"
#include "proof/preflight.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

namespace quire::proof {

namespace fs = std::filesystem;

const char* page_change_name(PageChange change) {
    switch (change) {
        case PageChange::Same: return "same";
        case PageChange::Changed: return "changed";
        case PageChange::Added: return "added";
        case PageChange::Removed: return "removed";
    }
    return "same";
}

namespace {

struct RasterPage {
    PageImage image;
    std::uint64_t hash = 0;
};

// FNV-1a over the pixels: equal hashes stand for equal pages when aligning the two documents.
std::uint64_t hash_image(const PageImage& image) {
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&](std::uint64_t v) { h = (h ^ v) * 1099511628211ull; };
    mix(static_cast<std::uint64_t>(image.width()));
    mix(static_cast<std::uint64_t>(image.height()));
    for (int y = 0; y < image.height(); ++y) {
        const std::uint32_t* row = image.row(y);
        for (int x = 0; x < image.width(); ++x) mix(row[x] & 0x00FFFFFFu);
    }
    return h;
}

// Paints the raster white outside `area` (points): marks there are not compared.
void blank_outside(PageImage& image, const Rect& area) {
    Cairo cr{cairo_create(image.surface())};
    cairo_rectangle(cr.get(), 0, 0, image.width(), image.height());
    const double k = image.scale();
    cairo_rectangle(cr.get(), area.x.pt() * k, area.y.pt() * k, area.width.pt() * k, area.height.pt() * k);
    cairo_set_fill_rule(cr.get(), CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_fill(cr.get());
    cr.reset();
    cairo_surface_flush(image.surface());
}

bool centre_inside(const Rect& box, const Rect& area) {
    const double cx = box.x.pt() + box.width.pt() / 2, cy = box.y.pt() + box.height.pt() / 2;
    return cx >= area.x.pt() && cx <= area.right().pt() && cy >= area.y.pt() && cy <= area.bottom().pt();
}

void read_document(const PdfDocument& doc, const PdfDiffOptions& options, std::vector<RasterPage>& pages,
                   std::vector<PdfWord>& words) {
    std::vector<PageBoxes> boxes;
    if (options.area == PdfDiffOptions::Area::Printed) boxes = read_page_boxes(doc.path());
    for (int i = 0; i < doc.page_count(); ++i) {
        auto page = doc.page(i);
        RasterPage r;
        r.image = rasterize_page(page.get(), options.dpi);
        std::optional<Rect> area;
        if (static_cast<std::size_t>(i) < boxes.size()) {
            const PageBoxes& b = boxes[static_cast<std::size_t>(i)];
            area = b.bleed ? b.bleed : b.trim;
        }
        if (area) blank_outside(r.image, *area);
        r.hash = hash_image(r.image);
        pages.push_back(std::move(r));
        for (auto& w : page_words(page.get(), i))
            if (!area || w.box.width.pt() <= 0 || centre_inside(w.box, *area)) words.push_back(std::move(w));
    }
}

// Longest common subsequence of identical pages: the anchors the alignment keeps fixed.
std::vector<std::pair<int, int>> identical_page_anchors(const std::vector<RasterPage>& a, const std::vector<RasterPage>& b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            lcs[i][j] = a[i].hash == b[j].hash ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::vector<std::pair<int, int>> anchors;
    std::size_t i = 0, j = 0;
    while (i < n && j < m) {
        if (a[i].hash == b[j].hash) { anchors.emplace_back(static_cast<int>(i), static_cast<int>(j)); ++i; ++j; }
        else if (lcs[i + 1][j] >= lcs[i][j + 1]) ++i;
        else ++j;
    }
    return anchors;
}

Rect whole_page(const PageImage& image) {
    return Rect{Length::pt(0), Length::pt(0), Length::pt(image.width() / image.scale()),
                Length::pt(image.height() / image.scale())};
}

std::string quote_words(const std::vector<std::string>& words, std::size_t limit) {
    std::string out = "\u201C";
    for (std::size_t k = 0; k < words.size() && k < limit; ++k) out += (k ? " " : "") + words[k];
    if (words.size() > limit) out += " … (" + std::to_string(words.size()) + " words)";
    return out + "\u201D";
}

std::string page_range(int first, int last) {
    return first == last ? "p. " + std::to_string(first) : "pp. " + std::to_string(first) + "–" + std::to_string(last);
}

}  // namespace

bool PdfDiff::identical() const { return changed_pages().empty() && words.edits.empty(); }

std::vector<const PagePair*> PdfDiff::changed_pages() const {
    std::vector<const PagePair*> out;
    for (const auto& p : pages) if (p.change != PageChange::Same) out.push_back(&p);
    return out;
}

PdfDiff diff_pdfs(const PdfDocument& old_doc, const PdfDocument& new_doc, const PdfDiffOptions& options) {
    PdfDiff diff;
    diff.old_file = old_doc.path().string();
    diff.new_file = new_doc.path().string();
    diff.old_pages = old_doc.page_count();
    diff.new_pages = new_doc.page_count();

    std::vector<RasterPage> a, b;
    std::vector<PdfWord> words_a, words_b;
    read_document(old_doc, options, a, words_a);
    read_document(new_doc, options, b, words_b);

    auto anchors = identical_page_anchors(a, b);
    anchors.emplace_back(static_cast<int>(a.size()), static_cast<int>(b.size()));  // sentinel: the end
    int i = 0, j = 0;
    for (const auto& [ai, bj] : anchors) {
        // The gap before this anchor: pages paired in order; the longer side's extra pages were
        // added (new) or removed (old).
        while (i < ai || j < bj) {
            PagePair pair;
            if (i < ai && j < bj) {
                pair.old_page = i + 1;
                pair.new_page = j + 1;
                ImageDiff d = diff_images(a[static_cast<std::size_t>(i)].image, b[static_cast<std::size_t>(j)].image, options.image);
                if (d.changed()) {
                    pair.change = PageChange::Changed;
                    pair.regions = std::move(d.regions);
                    pair.old_image = std::move(a[static_cast<std::size_t>(i)].image);
                    pair.new_image = std::move(b[static_cast<std::size_t>(j)].image);
                }
                ++i; ++j;
            } else if (j < bj) {
                pair.change = PageChange::Added;
                pair.new_page = j + 1;
                pair.new_image = std::move(b[static_cast<std::size_t>(j)].image);
                pair.regions.push_back(whole_page(pair.new_image));
                ++j;
            } else {
                pair.change = PageChange::Removed;
                pair.old_page = i + 1;
                pair.old_image = std::move(a[static_cast<std::size_t>(i)].image);
                pair.regions.push_back(whole_page(pair.old_image));
                ++i;
            }
            diff.pages.push_back(std::move(pair));
        }
        if (ai < static_cast<int>(a.size())) {
            PagePair same;
            same.old_page = ai + 1;
            same.new_page = bj + 1;
            diff.pages.push_back(std::move(same));
            ++i; ++j;
        }
    }
    diff.words = diff_words(words_a, words_b);
    return diff;
}

namespace {

// The changed pages of each article of the issue (new page numbers), in page order; pages that are
// no article's (cover, contents, ads) under "" .
std::vector<std::pair<std::string, std::vector<int>>> changes_by_article(const PdfDiff& diff) {
    std::vector<std::pair<std::string, std::vector<int>>> out;
    for (const PagePair* p : diff.changed_pages()) {
        if (p->new_page == 0) continue;  // a removed page has no place in the new issue's map
        const IssuePageMap::Article* a = diff.page_map->article_at(p->new_page);
        const std::string id = a ? a->id : "";
        auto it = std::find_if(out.begin(), out.end(), [&](const auto& e) { return e.first == id; });
        if (it == out.end()) it = out.insert(out.end(), {id, {}});
        it->second.push_back(p->new_page);
    }
    return out;
}

std::string page_list(const std::vector<int>& pages) {
    std::string out = pages.size() == 1 ? "p. " : "pp. ";
    for (std::size_t i = 0; i < pages.size(); ++i) out += (i ? ", " : "") + std::to_string(pages[i]);
    return out;
}

}  // namespace

std::string PdfDiff::to_text() const {
    std::string out = "quire diff\n  old: " + old_file + " (" + std::to_string(old_pages) + " pages)\n  new: " +
                      new_file + " (" + std::to_string(new_pages) + " pages)\n\n";
    if (identical()) return out + "No changes.\n";
    const auto changed = changed_pages();
    out += "Changed pages: " + std::to_string(changed.size()) + "\n";
    // " — ‘Title’ (id), section Reviews" after a new page's line, when the issue's page map is known.
    const auto where = [&](int new_page) {
        const std::string d = page_map ? page_map->describe(new_page) : std::string();
        return d.empty() ? std::string() : " \u2014 " + d;
    };
    for (const PagePair* p : changed) {
        switch (p->change) {
            case PageChange::Changed:
                out += "  p. " + std::to_string(p->new_page) +
                       (p->old_page != p->new_page ? " (old p. " + std::to_string(p->old_page) + ")" : "") + ": " +
                       std::to_string(p->regions.size()) + (p->regions.size() == 1 ? " region" : " regions") + " changed" +
                       where(p->new_page) + "\n";
                break;
            case PageChange::Added: out += "  p. " + std::to_string(p->new_page) + ": page added" + where(p->new_page) + "\n"; break;
            case PageChange::Removed: out += "  old p. " + std::to_string(p->old_page) + ": page removed\n"; break;
            case PageChange::Same: break;
        }
    }
    if (page_map) {
        const auto by_article = changes_by_article(*this);
        std::size_t articles = 0;
        for (const auto& [id, on_pages] : by_article) articles += !id.empty();
        out += "\nArticles changed: " + std::to_string(articles) + " of " + std::to_string(page_map->articles.size()) + "\n";
        for (const auto& [id, on_pages] : by_article) {
            const IssuePageMap::Article* a = page_map->article_at(on_pages.front());
            out += "  " + (a ? "\u2018" + a->title + "\u2019 (" + a->id + ")" + (a->section.empty() ? "" : ", section " + a->section)
                             : std::string("not an article (cover, contents, ads, fillers)")) +
                   ": " + page_list(on_pages) + "\n";
        }
    }
    out += "\nWords: " + std::to_string(words.words_removed()) + " removed, " + std::to_string(words.words_added()) +
           " added" + (words.approximate ? " (too many changes for an exact word diff: approximate)" : "") + "\n";
    const auto& e = words.edits;
    for (std::size_t k = 0; k < e.size(); ++k) {
        const bool replaced = e[k].kind == EditKind::Removed && k + 1 < e.size() && e[k + 1].kind == EditKind::Added &&
                              e[k + 1].old_position == e[k].old_position + static_cast<int>(e[k].words.size());
        if (replaced) {
            out += "  " + page_range(e[k + 1].page, e[k + 1].last_page) + ": " + quote_words(e[k].words, 12) + " → " +
                   quote_words(e[k + 1].words, 12) + where(e[k + 1].page) + "\n";
            ++k;
        } else if (e[k].kind == EditKind::Removed) {
            out += "  old " + page_range(e[k].page, e[k].last_page) + ": removed " + quote_words(e[k].words, 12) + "\n";
        } else {
            out += "  " + page_range(e[k].page, e[k].last_page) + ": added " + quote_words(e[k].words, 12) + where(e[k].page) + "\n";
        }
    }
    return out;
}

nlohmann::json PdfDiff::to_json() const {
    nlohmann::json j;
    j["old"] = {{"file", old_file}, {"pages", old_pages}};
    j["new"] = {{"file", new_file}, {"pages", new_pages}};
    j["identical"] = identical();
    auto pages_json = nlohmann::json::array();
    for (const PagePair* p : changed_pages()) {
        nlohmann::json item{{"change", page_change_name(p->change)}};
        if (p->old_page) item["old_page"] = p->old_page;
        if (p->new_page) item["new_page"] = p->new_page;
        auto regions = nlohmann::json::array();
        for (const Rect& r : p->regions)
            regions.push_back({std::round(r.x.pt() * 10) / 10, std::round(r.y.pt() * 10) / 10,
                               std::round(r.width.pt() * 10) / 10, std::round(r.height.pt() * 10) / 10});
        item["regions_pt"] = regions;
        if (page_map && p->new_page) {
            const auto& mp = page_map->pages;
            if (p->new_page <= static_cast<int>(mp.size())) item["kind"] = mp[static_cast<std::size_t>(p->new_page - 1)].kind;
            if (const IssuePageMap::Article* a = page_map->article_at(p->new_page))
                item["article"] = {{"id", a->id}, {"title", a->title}, {"section", a->section}};
        }
        pages_json.push_back(item);
    }
    j["changed_pages"] = pages_json;
    auto edits = nlohmann::json::array();
    for (const WordEdit& e : words.edits)
        edits.push_back({{"kind", e.kind == EditKind::Removed ? "removed" : "added"},
                         {"page", e.page},
                         {"last_page", e.last_page},
                         {"pages_are", e.kind == EditKind::Removed ? "old" : "new"},
                         {"words", e.words}});
    if (page_map) {
        // Per article: which articles changed, on which (new) pages; "other" for cover, contents, ads.
        auto articles = nlohmann::json::array();
        nlohmann::json other = nlohmann::json::array();
        for (const auto& [id, on_pages] : changes_by_article(*this)) {
            const IssuePageMap::Article* a = page_map->article_at(on_pages.front());
            if (!a) {
                other = on_pages;
                continue;
            }
            articles.push_back({{"id", a->id}, {"title", a->title}, {"section", a->section},
                                {"first_page", a->first_page}, {"last_page", a->last_page}, {"changed_pages", on_pages}});
        }
        j["articles_changed"] = articles;
        j["other_pages_changed"] = other;
    }
    j["words"] = {{"removed", words.words_removed()}, {"added", words.words_added()},
                  {"approximate", words.approximate}, {"edits", edits}};
    return j;
}

}  // namespace quire::proof
