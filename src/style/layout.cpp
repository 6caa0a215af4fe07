// Reading layouts/*.xml (format: docs/layouts.md). Styles inherit by `based-on`: the attributes are
// merged as text first and parsed afterwards, so that an "em" in an inherited indent follows the
// size of the style that uses it, as in CSS.
#include "style/layout.hpp"

#include "core/output_file.hpp"
#include "core/resources.hpp"

#include <tinyxml2.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <set>
#include <sstream>

namespace quire::style {

namespace fs = std::filesystem;

std::string Color::to_hex() const {
    auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0)); };
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(r), byte(g), byte(b));
    return buf;
}

Size PageGeometry::media() const {
    return {trim.width + (bleed + slug) * 2, trim.height + (bleed + slug) * 2};
}
Length PageGeometry::trim_offset() const { return bleed + slug; }
Length PageGeometry::text_width() const { return trim.width - margin_inside - margin_outside; }
Length PageGeometry::text_height() const { return trim.height - margin_top - margin_bottom; }
Length PageGeometry::column_width() const {
    return (text_width() - gutter * (columns - 1)) / columns;
}

const ParagraphStyle& Layout::style(const std::string& style_name) const {
    auto it = styles.find(style_name);
    if (it == styles.end())
        throw QuireError(SourceSpan{source_file, 0, 0},
                         "layout '" + name + "' has no style named '" + style_name + "'");
    return it->second;
}

const CharacterStyle* Layout::character_style(const std::string& style_name) const {
    auto it = character_styles.find(style_name);
    return it == character_styles.end() ? nullptr : &it->second;
}

const std::vector<std::string>& required_styles() {
    static const std::vector<std::string> names{
        "section-label", "title", "subtitle", "standfirst", "byline", "date", "caption", "credit",
        "body", "body-first", "subheading", "subheading-3", "blockquote", "pullquote", "list",
        "bio", "notice", "running-head", "folio"};
    return names;
}

const char* align_name(Align align) {
    switch (align) {
        case Align::Left: return "left";
        case Align::Right: return "right";
        case Align::Center: return "center";
        case Align::Justify: return "justify";
    }
    return "left";
}

std::optional<Length> parse_length(const std::string& text, Length em_size) {
    if (text == "0") return Length::pt(0);
    std::size_t used = 0;
    double value = 0;
    try {
        value = std::stod(text, &used);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    const std::string unit = text.substr(used);
    if (unit == "pt") return Length::pt(value);
    if (unit == "mm") return Length::mm(value);
    if (unit == "cm") return Length::mm(value * 10);
    if (unit == "in") return Length::inch(value);
    if (unit == "em") return em_size * value;
    return std::nullopt;
}

Color color_from_cmyk(const Cmyk& k) {
    Color c;
    c.cmyk = k;
    if (auto profile = CmykProfile::default_profile()) {
        const Rgb rgb = profile->to_rgb(k);
        c.r = rgb.r, c.g = rgb.g, c.b = rgb.b;
    } else {
        c.r = (1 - k.c) * (1 - k.k), c.g = (1 - k.m) * (1 - k.k), c.b = (1 - k.y) * (1 - k.k);
    }
    return c;
}

std::optional<Color> parse_color(const std::string& text) {
    if (text.rfind("cmyk(", 0) == 0) {
        if (text.back() != ')') return std::nullopt;
        std::string inner = text.substr(5, text.size() - 6);
        std::replace(inner.begin(), inner.end(), ',', ' ');
        std::istringstream in(inner);
        double v[4];
        for (double& x : v) {
            std::string word;
            if (!(in >> word)) return std::nullopt;
            if (!word.empty() && word.back() == '%') word.pop_back();
            std::size_t used = 0;
            try {
                x = std::stod(word, &used);
            } catch (const std::exception&) {
                return std::nullopt;
            }
            if (used != word.size() || x < 0 || x > 100) return std::nullopt;
        }
        std::string rest;
        if (in >> rest) return std::nullopt;
        return color_from_cmyk(Cmyk{v[0] / 100, v[1] / 100, v[2] / 100, v[3] / 100});
    }
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    if (text.size() != 7 && text.size() != 4) return std::nullopt;
    if (text[0] != '#') return std::nullopt;
    int v[6];
    const bool short_form = text.size() == 4;
    for (std::size_t i = 0; i < 6; ++i) {
        const char c = short_form ? text[1 + i / 2] : text[1 + i];
        v[i] = hex(c);
        if (v[i] < 0) return std::nullopt;
    }
    return Color{(v[0] * 16 + v[1]) / 255.0, (v[2] * 16 + v[3]) / 255.0, (v[4] * 16 + v[5]) / 255.0, std::nullopt};
}

namespace {

// UTF-8 to code points (a layout's attribute; tinyxml2 has checked it is well-formed XML).
std::u32string utf32(const std::string& t) {
    std::u32string out;
    for (std::size_t i = 0; i < t.size();) {
        const unsigned char c = static_cast<unsigned char>(t[i]);
        const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
        for (int k = 1; k < n && i + static_cast<std::size_t>(k) < t.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(t[i + static_cast<std::size_t>(k)]) & 0x3F);
        out += cp;
        i += static_cast<std::size_t>(n);
    }
    return out;
}

// An attribute as written, with its place, so that a bad value is reported where it stands.
struct RawAttr {
    std::string value;
    SourceSpan where;
};
using RawAttrs = std::map<std::string, RawAttr>;

struct RawStyle {
    RawAttrs attrs;
    SourceSpan where;
    bool character = false;
};

class Reader {
public:
    Reader(std::string file, std::string text, Diagnostics& diagnostics)
        : file_(std::move(file)), text_(std::move(text)), diags_(diagnostics) {
        std::size_t start = 0;
        while (start <= text_.size()) {
            const std::size_t end = text_.find('\n', start);
            lines_.push_back(text_.substr(start, end == std::string::npos ? std::string::npos : end - start));
            if (end == std::string::npos) break;
            start = end + 1;
        }
    }

    // tinyxml2 gives an element's line but no columns: find the column by looking for the element's
    // name (or an attribute's `name=`) on that line and the few after it.
    SourceSpan place(const tinyxml2::XMLElement* e, const std::string& attr = {}) const {
        const int line = e->GetLineNum();
        const std::string needle = attr.empty() ? "<" + std::string(e->Name()) : attr + "=";
        for (int l = line; l >= 1 && l <= static_cast<int>(lines_.size()) && l < line + 8; ++l) {
            const std::string& s = lines_[static_cast<std::size_t>(l - 1)];
            std::size_t pos = s.find(needle);
            // An attribute name must not be the tail of another ("size" in "drop-cap-size").
            while (pos != std::string::npos && !attr.empty() && pos > 0 &&
                   (std::isalnum(static_cast<unsigned char>(s[pos - 1])) || s[pos - 1] == '-'))
                pos = s.find(needle, pos + 1);
            if (pos != std::string::npos) return SourceSpan{file_, l, static_cast<int>(pos) + 1};
        }
        return SourceSpan{file_, line, 0};
    }

    void error(SourceSpan where, std::string message) { diags_.error(std::move(where), std::move(message)); }

    RawAttrs attrs(const tinyxml2::XMLElement* e, const std::set<std::string>& allowed) {
        RawAttrs out;
        for (const tinyxml2::XMLAttribute* a = e->FirstAttribute(); a; a = a->Next()) {
            const std::string name = a->Name();
            SourceSpan where = place(e, name);
            if (!allowed.count(name)) {
                error(where, "unknown attribute '" + name + "' on <" + e->Name() + ">");
                continue;
            }
            out[name] = RawAttr{a->Value(), where};
        }
        return out;
    }

    Length length(const RawAttrs& a, const std::string& key, Length fallback, Length em = Length::pt(10)) {
        auto it = a.find(key);
        if (it == a.end()) return fallback;
        auto v = parse_length(it->second.value, em);
        if (!v) {
            error(it->second.where, "bad length '" + it->second.value + "' for " + key +
                                        "; expected a number with pt, mm, cm, in or em");
            return fallback;
        }
        return *v;
    }

    int integer(const RawAttrs& a, const std::string& key, int fallback, int lo, int hi) {
        auto it = a.find(key);
        if (it == a.end()) return fallback;
        try {
            std::size_t used = 0;
            const int v = std::stoi(it->second.value, &used);
            if (used == it->second.value.size() && v >= lo && v <= hi) return v;
        } catch (const std::exception&) {
        }
        error(it->second.where, "bad value '" + it->second.value + "' for " + key + "; expected a whole number from " +
                                    std::to_string(lo) + " to " + std::to_string(hi));
        return fallback;
    }

    double number(const RawAttrs& a, const std::string& key, double fallback) {
        auto it = a.find(key);
        if (it == a.end()) return fallback;
        try {
            std::size_t used = 0;
            const double v = std::stod(it->second.value, &used);
            if (used == it->second.value.size()) return v;
        } catch (const std::exception&) {
        }
        error(it->second.where, "bad number '" + it->second.value + "' for " + key);
        return fallback;
    }

    // A share of a whole: a number above 0 and at most 1 ("0.82").
    double share(const RawAttrs& a, const std::string& key, double fallback) {
        const double v = number(a, key, fallback);
        if (v > 0 && v <= 1) return v;
        error(a.at(key).where, "bad share '" + a.at(key).value + "' for " + key + "; expected a number above 0 and at most 1");
        return fallback;
    }

    // A proportion of the paragraph's size, written in em ("0.3em"): the number of ems.
    double ems(const RawAttrs& a, const std::string& key, double fallback) {
        auto it = a.find(key);
        if (it == a.end()) return fallback;
        const std::string& text = it->second.value;
        if (text == "0") return 0;
        if (text.size() > 2 && text.ends_with("em"))
            if (auto v = parse_length(text, Length::pt(1))) return v->pt();
        error(it->second.where, "bad length '" + text + "' for " + key + "; expected a number of em (\"0.3em\")");
        return fallback;
    }

    template <typename E>
    E choice(const RawAttrs& a, const std::string& key, E fallback, const std::vector<std::pair<std::string, E>>& names) {
        auto it = a.find(key);
        if (it == a.end()) return fallback;
        std::string expected;
        for (const auto& [n, v] : names) {
            if (n == it->second.value) return v;
            expected += (expected.empty() ? "" : ", ") + n;
        }
        error(it->second.where, "bad value '" + it->second.value + "' for " + key + "; expected one of " + expected);
        return fallback;
    }

    Color color(const RawAttrs& a, const std::string& key, Color fallback) {
        auto it = a.find(key);
        if (it == a.end()) return fallback;
        if (auto c = parse_color(it->second.value)) return *c;
        error(it->second.where, "bad colour '" + it->second.value + "' for " + key + "; expected #rrggbb or cmyk(c m y k) in percent");
        return fallback;
    }

    static std::vector<std::string> list(const RawAttrs& a, const std::string& key) {
        std::vector<std::string> out;
        auto it = a.find(key);
        if (it == a.end()) return out;
        std::string item;
        for (char c : it->second.value + ",") {
            if (c == ',' || (c == ' ' && key == "features")) {
                while (!item.empty() && item.back() == ' ') item.pop_back();
                if (!item.empty()) out.push_back(item);
                item.clear();
            } else if (!(c == ' ' && item.empty())) {
                item += c;
            }
        }
        return out;
    }

    const std::string& file() const { return file_; }

private:
    std::string file_;
    std::string text_;
    std::vector<std::string> lines_;
    Diagnostics& diags_;
};

const std::set<std::string> kStyleAttrs{
    "name", "based-on", "font", "fallback", "weight", "slant", "size", "leading", "tracking", "features",
    "align", "first-indent", "left-indent", "right-indent", "space-before", "space-after", "hyphenate",
    "drop-cap", "drop-cap-font", "drop-cap-weight", "keep-with-next", "grid", "case", "color",
    "rule-above", "rule-above-length", "rule-above-offset", "rule-above-color",
    "rule-below", "rule-below-length", "rule-below-offset", "rule-below-color",
    "background", "padding", "orphans", "widows"};
const std::set<std::string> kCharAttrs{"name", "font", "weight", "slant", "features", "color", "case"};

const std::vector<std::pair<std::string, Slant>> kSlants{{"normal", Slant::Normal}, {"italic", Slant::Italic}};
const std::vector<std::pair<std::string, TextCase>> kCases{{"as-is", TextCase::AsIs}, {"upper", TextCase::Upper}};
template <typename E>
std::vector<std::pair<std::string, E>> yes_no() {
    return {{"no", E::No}, {"yes", E::Yes}};
}

ParagraphStyle parse_style(Reader& r, const std::string& name, const RawAttrs& a, SourceSpan where) {
    ParagraphStyle s;
    s.name = name;
    s.where = std::move(where);
    if (auto it = a.find("based-on"); it != a.end()) s.based_on = it->second.value;
    if (auto it = a.find("font"); it != a.end()) s.font_family = it->second.value;
    s.fallback_families = Reader::list(a, "fallback");
    s.weight = r.integer(a, "weight", s.weight, 100, 900);
    s.slant = r.choice(a, "slant", s.slant, kSlants);
    s.size = r.length(a, "size", s.size);
    if (s.size.pt() <= 0) r.error(s.where, "style '" + name + "' has a size of zero");
    // Lengths in em are relative to this style's size.
    const Length em = s.size;
    s.leading = r.length(a, "leading", s.size * 1.2, em);
    s.tracking = r.number(a, "tracking", 0);
    s.features = Reader::list(a, "features");
    s.align = r.choice(a, "align", s.align,
                       std::vector<std::pair<std::string, Align>>{{"left", Align::Left}, {"right", Align::Right},
                                                                  {"center", Align::Center}, {"justify", Align::Justify}});
    s.first_indent = r.length(a, "first-indent", {}, em);
    s.left_indent = r.length(a, "left-indent", {}, em);
    s.right_indent = r.length(a, "right-indent", {}, em);
    s.space_before = r.length(a, "space-before", {}, em);
    s.space_after = r.length(a, "space-after", {}, em);
    s.hyphenate = r.choice(a, "hyphenate", s.hyphenate, yes_no<Hyphenate>());
    s.drop_cap_lines = r.integer(a, "drop-cap", 0, 0, 6);
    if (auto it = a.find("drop-cap-font"); it != a.end()) s.drop_cap_family = it->second.value;
    s.drop_cap_weight = r.integer(a, "drop-cap-weight", 0, 0, 900);
    s.keep_with_next = r.choice(a, "keep-with-next", s.keep_with_next, yes_no<KeepWithNext>());
    s.grid = r.choice(a, "grid", s.grid, yes_no<GridSnap>());
    s.text_case = r.choice(a, "case", s.text_case, kCases);
    s.color = r.color(a, "color", s.color);
    auto rule = [&](const std::string& key) {
        Rule out;
        out.thickness = r.length(a, key, {}, em);
        out.length = r.length(a, key + "-length", {}, em);
        out.offset = r.length(a, key + "-offset", Length::pt(4), em);
        out.color = r.color(a, key + "-color", s.color);
        return out;
    };
    s.rule_above = rule("rule-above");
    s.rule_below = rule("rule-below");
    if (a.count("background")) s.background = r.color(a, "background", Color{1, 1, 1, std::nullopt});
    s.padding = r.length(a, "padding", {}, em);
    s.min_lines_before_break = r.integer(a, "orphans", 2, 1, 10);
    s.min_lines_after_break = r.integer(a, "widows", 2, 1, 10);
    return s;
}

// A name with a slash or ending in .xml is a path; anything else names a file in layouts/.
bool names_a_path(const std::string& name_or_path) {
    return name_or_path.find('/') != std::string::npos || (name_or_path.size() > 4 && name_or_path.ends_with(".xml"));
}

}  // namespace

fs::path layout_file(const std::string& name_or_path) {
    return names_a_path(name_or_path) ? fs::path(name_or_path) : layouts_dir() / (name_or_path + ".xml");
}

Layout load_layout(const std::string& name_or_path, Diagnostics& diagnostics) {
    Layout layout;
    const fs::path path = layout_file(name_or_path);
    if (!names_a_path(name_or_path)) {
        if (!fs::exists(path)) {
            std::string choices;
            std::vector<std::string> names;
            std::error_code ec;
            for (const auto& entry : fs::directory_iterator(layouts_dir(), ec))
                if (entry.path().extension() == ".xml") names.push_back(entry.path().stem().string());
            std::sort(names.begin(), names.end());
            for (const auto& n : names) choices += (choices.empty() ? "" : ", ") + n;
            diagnostics.error(SourceSpan{layouts_dir().string()},
                              "unknown layout '" + name_or_path + "'; the layouts are: " + choices);
            return layout;
        }
    }
    layout.source_file = path.string();
    std::string text;
    try {
        text = read_file(path);
    } catch (const QuireError& e) {
        diagnostics.add(Severity::Error, e.diagnostic().where, e.diagnostic().message);
        return layout;
    }

    tinyxml2::XMLDocument doc;
    if (doc.Parse(text.data(), text.size()) != tinyxml2::XML_SUCCESS) {
        diagnostics.error(SourceSpan{layout.source_file, doc.ErrorLineNum(), 0},
                          std::string("malformed XML: ") + doc.ErrorStr());
        return layout;
    }
    Reader r(layout.source_file, text, diagnostics);
    const tinyxml2::XMLElement* root = doc.RootElement();
    if (!root || std::string(root->Name()) != "layout") {
        diagnostics.error(root ? r.place(root) : SourceSpan{layout.source_file, 1, 1},
                          "the root element of a layout must be <layout>");
        return layout;
    }
    {
        RawAttrs a = r.attrs(root, {"name", "description"});
        layout.name = a.count("name") ? a["name"].value : path.stem().string();
        if (a.count("description")) layout.description = a["description"].value;
    }

    // Collect the styles as text, then resolve inheritance.
    std::map<std::string, RawStyle> raw;
    PageGeometry& g = layout.page;
    bool standfirst_width_given = false;
    for (const tinyxml2::XMLElement* e = root->FirstChildElement(); e; e = e->NextSiblingElement()) {
        const std::string el = e->Name();
        if (el == "page") {
            RawAttrs a = r.attrs(e, {"width", "height", "bleed", "slug", "facing"});
            g.trim.width = r.length(a, "width", g.trim.width);
            g.trim.height = r.length(a, "height", g.trim.height);
            g.bleed = r.length(a, "bleed", g.bleed);
            g.slug = r.length(a, "slug", g.slug);
            g.facing = r.choice(a, "facing", g.facing,
                                std::vector<std::pair<std::string, Facing>>{{"single", Facing::Single},
                                                                            {"spread", Facing::Spread}});
        } else if (el == "margins") {
            RawAttrs a = r.attrs(e, {"top", "bottom", "inside", "outside"});
            g.margin_top = r.length(a, "top", g.margin_top);
            g.margin_bottom = r.length(a, "bottom", g.margin_bottom);
            g.margin_inside = r.length(a, "inside", g.margin_inside);
            g.margin_outside = r.length(a, "outside", g.margin_outside);
        } else if (el == "columns") {
            RawAttrs a = r.attrs(e, {"count", "gutter"});
            g.columns = r.integer(a, "count", g.columns, 1, 6);
            g.gutter = r.length(a, "gutter", g.gutter);
        } else if (el == "grid") {
            RawAttrs a = r.attrs(e, {"baseline", "first-baseline"});
            g.baseline = r.length(a, "baseline", g.baseline);
            g.first_baseline = r.length(a, "first-baseline", g.first_baseline);
            if (g.baseline.pt() <= 0) r.error(r.place(e, "baseline"), "the baseline grid must be positive");
        } else if (el == "opening") {
            RawAttrs a = r.attrs(e, {"photo", "photo-height", "title-top", "photo-gap", "caption-gap",
                                     "standfirst-width", "rule", "rule-offset", "rule-after"});
            layout.opening.photo = r.choice(a, "photo", layout.opening.photo,
                std::vector<std::pair<std::string, PhotoFrame>>{{"none", PhotoFrame::None},
                                                                {"columns", PhotoFrame::Columns},
                                                                {"bleed", PhotoFrame::Bleed}});
            layout.opening.photo_height = r.length(a, "photo-height", layout.opening.photo_height);
            layout.opening.title_top = r.length(a, "title-top", layout.opening.title_top);
            Opening& o = layout.opening;
            o.photo_gap = r.length(a, "photo-gap", o.photo_gap);
            o.caption_gap = r.length(a, "caption-gap", o.caption_gap);
            o.standfirst_width = r.share(a, "standfirst-width", o.standfirst_width);
            standfirst_width_given = a.count("standfirst-width") != 0;
            o.rule = r.length(a, "rule", o.rule);
            o.rule_offset = r.length(a, "rule-offset", o.rule_offset);
            o.rule_after = r.length(a, "rule-after", o.rule_after);
        } else if (el == "body") {
            RawAttrs a = r.attrs(e, {"drop-cap-gap", "list-marker-gap", "lead-in-tracking", "notice-paragraph-gap",
                                     "bio-keep-lines", "notice-keep-lines", "pullquote-fit"});
            BodyMakeUp& b = layout.body;
            b.drop_cap_gap_em = r.ems(a, "drop-cap-gap", b.drop_cap_gap_em);
            b.list_marker_gap_em = r.ems(a, "list-marker-gap", b.list_marker_gap_em);
            b.lead_in_tracking_em = r.ems(a, "lead-in-tracking", b.lead_in_tracking_em);
            b.notice_paragraph_gap = r.number(a, "notice-paragraph-gap", b.notice_paragraph_gap);
            b.bio_keep_lines = r.integer(a, "bio-keep-lines", b.bio_keep_lines, 0, 100);
            b.notice_keep_lines = r.integer(a, "notice-keep-lines", b.notice_keep_lines, 0, 100);
            b.pullquote_fit = r.choice(a, "pullquote-fit", b.pullquote_fit,
                std::vector<std::pair<std::string, PullQuoteFit>>{{"keep", PullQuoteFit::Keep},
                                                                  {"save-page", PullQuoteFit::SavePage}});
        } else if (el == "protrude") {
            // Optical margin alignment: shares of a character's advance (microtype's thousandths / 1000).
            RawAttrs a = r.attrs(e, {"chars", "left", "right"});
            BodyMakeUp::Protrude pr;
            if (a.count("chars")) pr.chars = utf32(a["chars"].value);
            if (pr.chars.empty()) r.error(r.place(e), "<protrude> needs chars=\"…\"");
            pr.left = r.number(a, "left", 0.0);
            pr.right = r.number(a, "right", 0.0);
            if (pr.left < 0 || pr.left > 1 || pr.right < 0 || pr.right > 1)
                r.error(r.place(e), "<protrude> left and right are shares of the advance, from 0 to 1");
            layout.body.protrusion.push_back(std::move(pr));
        } else if (el == "figure") {
            RawAttrs a = r.attrs(e, {"max-height", "caption-gap", "space", "span"});
            FigureMakeUp& f = layout.figure;
            if (a.count("span")) {
                const std::string& v = a["span"].value;
                if (v == "allow") f.span = SpanRule::Allow;
                else if (v == "never") f.span = SpanRule::Never;
                else r.error(r.place(e), "<figure span=\"" + v + "\">: expected \"allow\" or \"never\"");
            }
            f.max_height = r.share(a, "max-height", f.max_height);
            f.caption_gap = r.length(a, "caption-gap", f.caption_gap);
            f.space = r.number(a, "space", f.space);
        } else if (el == "furniture") {
            RawAttrs a = r.attrs(e, {"running-head", "running-head-style", "folio-style", "head-offset",
                                     "folio-offset"});
            Furniture& f = layout.furniture;
            if (a.count("running-head")) f.running_head = a["running-head"].value;
            if (a.count("running-head-style")) f.running_head_style = a["running-head-style"].value;
            if (a.count("folio-style")) f.folio_style = a["folio-style"].value;
            f.head_offset = r.length(a, "head-offset", f.head_offset);
            f.folio_offset = r.length(a, "folio-offset", f.folio_offset);
        } else if (el == "issue") {
            RawAttrs a = r.attrs(e, {"section-start", "masthead-height", "cover-lines-height", "barcode-width",
                                     "barcode-height", "contents-entry-gap", "masthead-top", "masthead-bottom",
                                     "masthead-min-scale", "barcode-bottom", "cover-lines-bottom", "barcode-padding",
                                     "price-gap", "price-inset", "cover-lines-top", "cover-lines-gap",
                                     "contents-title-width", "contents-number-gap", "contents-leader-gap",
                                     "contents-leader-min", "contents-section-room", "contents-author-rise",
                                     "impressum-copyright-gap"});
            IssueMakeUp& m = layout.issue;
            m.section_start = r.choice(a, "section-start", m.section_start,
                std::vector<std::pair<std::string, SectionStart>>{{"any", SectionStart::AnyPage},
                                                                  {"right", SectionStart::RightPage}});
            m.masthead_height = r.length(a, "masthead-height", m.masthead_height);
            m.cover_lines_height = r.length(a, "cover-lines-height", m.cover_lines_height);
            m.barcode_width = r.length(a, "barcode-width", m.barcode_width);
            m.barcode_height = r.length(a, "barcode-height", m.barcode_height);
            m.contents_entry_gap = r.length(a, "contents-entry-gap", m.contents_entry_gap);
            m.masthead_top = r.number(a, "masthead-top", m.masthead_top);
            m.masthead_bottom = r.number(a, "masthead-bottom", m.masthead_bottom);
            m.masthead_min_scale = r.share(a, "masthead-min-scale", m.masthead_min_scale);
            m.barcode_bottom = r.number(a, "barcode-bottom", m.barcode_bottom);
            m.cover_lines_bottom = r.number(a, "cover-lines-bottom", m.cover_lines_bottom);
            m.barcode_padding = r.length(a, "barcode-padding", m.barcode_padding);
            m.price_gap = r.length(a, "price-gap", m.price_gap);
            m.price_inset = r.length(a, "price-inset", m.price_inset);
            m.cover_lines_top = r.length(a, "cover-lines-top", m.cover_lines_top);
            m.cover_lines_gap = r.length(a, "cover-lines-gap", m.cover_lines_gap);
            m.contents_title_width = r.share(a, "contents-title-width", m.contents_title_width);
            m.contents_number_gap = r.length(a, "contents-number-gap", m.contents_number_gap);
            m.contents_leader_gap = r.length(a, "contents-leader-gap", m.contents_leader_gap);
            m.contents_leader_min = r.integer(a, "contents-leader-min", m.contents_leader_min, 1, 100);
            m.contents_section_room = r.length(a, "contents-section-room", m.contents_section_room);
            m.contents_author_rise = r.length(a, "contents-author-rise", m.contents_author_rise);
            m.impressum_copyright_gap = r.length(a, "impressum-copyright-gap", m.impressum_copyright_gap);
        } else if (el == "style" || el == "character-style") {
            const bool character = el == "character-style";
            RawAttrs a = r.attrs(e, character ? kCharAttrs : kStyleAttrs);
            if (!a.count("name") || a["name"].value.empty()) {
                r.error(r.place(e), "<" + el + "> needs a name");
                continue;
            }
            const std::string name = a["name"].value;
            if (raw.count(name)) {
                r.error(r.place(e, "name"), "style '" + name + "' is defined twice (first at " +
                                                raw[name].where.to_string() + ")");
                continue;
            }
            raw[name] = RawStyle{std::move(a), r.place(e), character};
        } else {
            r.error(r.place(e), "unknown element <" + el +
                                    "> in a layout; expected page, margins, columns, grid, opening, furniture, body, figure, "
                                    "issue, style or character-style");
        }
    }
    if (g.text_width().pt() <= 0 || g.text_height().pt() <= 0 || g.column_width().pt() <= 0)
        r.error(SourceSpan{layout.source_file, root->GetLineNum(), 0},
                "the margins, columns and gutter leave no room for text on the page");
    if (g.first_baseline.pt() <= 0) g.first_baseline = g.baseline;
    // One column is the reading measure already: the standfirst takes it whole unless told otherwise.
    if (!standfirst_width_given && g.columns < 2) layout.opening.standfirst_width = 1.0;

    // Resolve `based-on` chains (detecting cycles), then parse.
    std::function<RawAttrs(const std::string&, std::vector<std::string>&)> resolve =
        [&](const std::string& name, std::vector<std::string>& chain) -> RawAttrs {
        const RawStyle& s = raw.at(name);
        auto parent = s.attrs.find("based-on");
        if (parent == s.attrs.end()) return s.attrs;
        const std::string& p = parent->second.value;
        if (!raw.count(p) || raw.at(p).character != s.character) {
            r.error(parent->second.where, "style '" + name + "' is based on an unknown style '" + p + "'");
            return s.attrs;
        }
        if (std::find(chain.begin(), chain.end(), p) != chain.end()) {
            r.error(parent->second.where, "style '" + name + "' inherits from itself through '" + p + "'");
            return s.attrs;
        }
        chain.push_back(p);
        RawAttrs merged = resolve(p, chain);
        merged.erase("name");
        for (const auto& [k, v] : s.attrs) merged[k] = v;
        return merged;
    };
    for (const auto& [name, rs] : raw) {
        std::vector<std::string> chain{name};
        RawAttrs a = resolve(name, chain);
        if (rs.character) {
            CharacterStyle c;
            c.name = name;
            c.where = rs.where;
            if (a.count("font")) c.font_family = a["font"].value;
            if (a.count("weight")) c.weight = r.integer(a, "weight", 400, 100, 900);
            if (a.count("slant")) c.slant = r.choice(a, "slant", Slant::Normal, kSlants);
            c.features = Reader::list(a, "features");
            if (a.count("color")) c.color = r.color(a, "color", Color{});
            if (a.count("case")) c.text_case = r.choice(a, "case", TextCase::AsIs, kCases);
            layout.character_styles[name] = std::move(c);
        } else {
            layout.styles[name] = parse_style(r, name, a, rs.where);
        }
    }
    for (const auto& name : required_styles())
        if (!layout.styles.count(name))
            r.error(SourceSpan{layout.source_file, root->GetLineNum(), 0},
                    "layout '" + layout.name + "' lacks the style '" + name + "'");
    for (const std::string& s : {layout.furniture.running_head_style, layout.furniture.folio_style})
        if (!layout.styles.count(s))
            r.error(SourceSpan{layout.source_file, root->GetLineNum(), 0},
                    "the furniture names an unknown style '" + s + "'");
    return layout;
}

Layout load_layout_or_throw(const std::string& name_or_path) {
    Diagnostics diagnostics;
    Layout layout = load_layout(name_or_path, diagnostics);
    diagnostics.throw_first_error();
    return layout;
}

std::string Layout::dump() const {
    std::ostringstream o;
    o.setf(std::ios::fixed);
    o.precision(2);
    const PageGeometry& g = page;
    o << "layout " << name << "\n";
    o << "page trim " << g.trim.width.mm() << "x" << g.trim.height.mm() << "mm bleed " << g.bleed.mm()
      << "mm slug " << g.slug.mm() << "mm " << (g.facing == Facing::Spread ? "spread" : "single") << "\n";
    o << "margins top " << g.margin_top.mm() << " bottom " << g.margin_bottom.mm() << " inside "
      << g.margin_inside.mm() << " outside " << g.margin_outside.mm() << " mm\n";
    o << "columns " << g.columns << " gutter " << g.gutter.mm() << "mm width " << g.column_width().mm() << "mm\n";
    o << "grid " << g.baseline.pt() << "pt first " << g.first_baseline.pt() << "pt\n";
    for (const auto& [n, s] : styles) {
        o << "style " << n << ": " << s.font_family << " " << s.weight
          << (s.slant == Slant::Italic ? " italic" : "") << " " << s.size.pt() << "/" << s.leading.pt() << "pt "
          << align_name(s.align) << " indent " << s.first_indent.pt() << " before " << s.space_before.pt()
          << " after " << s.space_after.pt() << " tracking " << s.tracking;
        for (const auto& f : s.features) o << " +" << f;
        if (s.drop_cap_lines) o << " drop-cap " << s.drop_cap_lines;
        if (s.hyphenate == Hyphenate::Yes) o << " hyphenate";
        if (s.keep_with_next == KeepWithNext::Yes) o << " keep";
        if (s.grid == GridSnap::Yes) o << " grid";
        if (s.text_case == TextCase::Upper) o << " upper";
        o << " " << s.color.to_hex() << "\n";
    }
    for (const auto& [n, c] : character_styles) {
        o << "character-style " << n << ":";
        if (c.font_family) o << " " << *c.font_family;
        if (c.weight) o << " " << *c.weight;
        if (c.slant) o << (*c.slant == Slant::Italic ? " italic" : " normal");
        for (const auto& f : c.features) o << " +" << f;
        o << "\n";
    }
    return o.str();
}

}  // namespace quire::style
