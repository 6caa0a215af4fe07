#include "epub/font_plan.hpp"

#include "core/diagnostic.hpp"
#include "core/resources.hpp"

#include <algorithm>
#include <tuple>

namespace quire::epub {

using model::Block;
using model::BlockKind;
using model::InlineKind;

namespace {

void inline_kinds(const model::InlineText& content, StyleUse& into) {
    for (const auto& i : content) {
        if (i.kind == InlineKind::Text) into.text += i.text;
        else if (i.kind != InlineKind::LineBreak) into.kinds.insert(i.kind);
        inline_kinds(i.children, into);
    }
}

void add_text(StyleUse& use, const std::string& text) { use.text += text; }

void block_uses(const Block& b, StyleUses& uses, bool& first_paragraph) {
    switch (b.kind) {
        case BlockKind::Paragraph:
        case BlockKind::ListItem:
            inline_kinds(b.content, uses[first_paragraph ? "body-first" : "body"]);
            if (first_paragraph) uses["body"];
            first_paragraph = false;
            break;
        case BlockKind::Heading:
            inline_kinds(b.content, uses[b.level <= 2 ? "subheading" : "subheading-3"]);
            break;
        case BlockKind::BlockQuote:
            for (const auto& c : b.children) inline_kinds(c.content, uses["blockquote"]);
            add_text(uses["blockquote"], b.attribution);
            break;
        case BlockKind::PullQuote:
            inline_kinds(b.content, uses["pullquote"]);
            add_text(uses["pullquote"], b.attribution);
            break;
        case BlockKind::List:
            for (const auto& item : b.children) {
                inline_kinds(item.content, uses["list"]);
                for (const auto& nested : item.children) block_uses(nested, uses, first_paragraph);
            }
            break;
        case BlockKind::FigureBlock:
            if (!b.figure.caption.empty()) inline_kinds(b.figure.caption, uses["caption"]);
            if (!b.figure.credit.empty() || !b.figure.licence.empty())
                add_text(uses["credit"], b.figure.credit + " " + b.figure.licence);
            break;
    }
}

struct Wanted {
    std::string family;
    int weight;
    style::Slant slant;
    bool operator<(const Wanted& o) const {
        return std::tie(family, weight, slant) < std::tie(o.family, o.weight, o.slant);
    }
};

text::Slant text_slant(style::Slant s) { return s == style::Slant::Italic ? text::Slant::Italic : text::Slant::Upright; }

}  // namespace

StyleUses style_uses(const model::LoadedArticle& loaded) {
    const auto& article = loaded.article;
    const auto& meta = article.meta;
    StyleUses uses;
    uses["text"];
    add_text(uses["title"], meta.title);
    uses["subheading"];  // the contents page's heading (nav.xhtml) and the back matter's
    if (!meta.section.empty()) add_text(uses["section-label"], meta.section);
    if (!meta.subtitle.empty()) add_text(uses["subtitle"], meta.subtitle);
    if (!meta.standfirst.empty()) inline_kinds(meta.standfirst, uses["standfirst"]);
    if (!meta.authors.empty()) uses["byline"];
    if (!meta.date.empty()) uses["date"];
    if (article.lead_figure) {
        const auto& f = *article.lead_figure;
        if (!f.caption.empty()) inline_kinds(f.caption, uses["caption"]);
        if (!f.credit.empty() || !f.licence.empty()) add_text(uses["credit"], f.credit + " " + f.licence);
    }
    bool first = true;
    for (const auto& b : article.body) block_uses(b, uses, first);
    for (const auto& item : article.back_matter) {
        if (item.kind == model::BackMatterKind::Bio) {
            if (const auto* author = article.find_author(item.author_id)) inline_kinds(author->bio, uses["bio"]);
        } else {
            for (const auto& b : loaded.notice_content(item.notice)) inline_kinds(b.content, uses["notice"]);
        }
    }
    return uses;
}

std::vector<PlannedFace> plan_faces(const StyleUses& uses, const style::Layout& layout, const text::FontTable& fonts) {
    static const std::map<InlineKind, std::string> kCharacterStyle{
        {InlineKind::Emphasis, "emphasis"}, {InlineKind::Strong, "strong"},
        {InlineKind::Speaker, "speaker"},   {InlineKind::Link, "link"}};

    // Each wanted (family, weight, slant) with the characters it must set.
    std::map<Wanted, Codepoints> wanted;
    std::map<std::filesystem::path, FaceCoverage> cmap_cache;
    auto cmap = [&](const text::FontFace& f) -> const FaceCoverage& {
        auto it = cmap_cache.find(f.file);
        if (it == cmap_cache.end()) it = cmap_cache.emplace(f.file, FaceCoverage(f.file, f.face_index)).first;
        return it->second;
    };
    for (const auto& [name, use] : uses) {
        if (!layout.has_style(name)) continue;
        const auto& s = layout.style(name);
        Codepoints text;
        collect_codepoints(use.text, text);
        std::vector<Wanted> variants{{s.font_family, s.weight, s.slant}};
        if (s.drop_cap_lines > 1)
            variants.push_back({s.drop_cap_family.empty() ? s.font_family : s.drop_cap_family,
                                s.drop_cap_weight > 0 ? s.drop_cap_weight : s.weight, s.slant});
        for (InlineKind k : use.kinds) {
            const auto cs = kCharacterStyle.find(k);
            if (cs == kCharacterStyle.end()) continue;
            if (const style::CharacterStyle* c = layout.character_style(cs->second))
                variants.push_back({c->font_family.value_or(s.font_family), c->weight.value_or(s.weight),
                                    c->slant.value_or(s.slant)});
        }
        for (const auto& v : variants) wanted[v].insert(text.begin(), text.end());

        // Fallbacks: the characters of this style's text its family lacks, set by the first fallback
        // family that has them, in each of the style's variants.
        Codepoints missing;
        for (char32_t cp : text)
            if (cp > 0x7F && !cmap(fonts.resolve_face(s.font_family, s.weight, text_slant(s.slant))).has(cp))
                missing.insert(cp);
        for (const auto& family : s.fallback_families) {
            if (missing.empty() || !fonts.find(family)) continue;
            const FaceCoverage& fb = cmap(fonts.resolve_face(family, s.weight, text_slant(s.slant)));
            Codepoints covered;
            for (char32_t cp : missing)
                if (fb.has(cp)) covered.insert(cp);
            if (covered.empty()) continue;
            for (const auto& v : variants)
                if (v.family == s.font_family) wanted[{family, v.weight, v.slant}].insert(covered.begin(), covered.end());
            for (char32_t cp : covered) missing.erase(cp);
        }
    }

    const auto fonts_xml_dir = fonts_dir();
    std::vector<PlannedFace> out;
    std::map<std::filesystem::path, std::size_t> by_file;
    for (const auto& [w, text] : wanted) {
        const text::FontFace& face = fonts.resolve_face(w.family, w.weight, text_slant(w.slant));
        if (auto it = by_file.find(face.file); it != by_file.end()) {
            out[it->second].codepoints.insert(text.begin(), text.end());
            continue;
        }
        by_file[face.file] = out.size();
        const text::FontFamily* family = fonts.find(w.family);
        out.push_back({w.family, &face, family && !family->licence.empty() ? fonts_xml_dir / family->licence : "", text});
    }
    return out;
}

}  // namespace quire::epub
