// Reading fonts/fonts.xml and matching (family, weight, slant) to a file.
#include "text/font_table.hpp"

#include "core/diagnostic.hpp"
#include "core/resources.hpp"

#include <tinyxml2.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace quire::text {

const char* slant_name(Slant slant) { return slant == Slant::Italic ? "italic" : "upright"; }

const FontFamily* FontTable::find(std::string_view family) const {
    for (const auto& f : families_)
        if (f.name == family) return &f;
    return nullptr;
}

namespace {

// CSS Fonts 4 §5.2 step 4 (font-weight matching): rank a candidate weight for a desired one;
// lower rank wins.
int weight_rank(int desired, int candidate) {
    if (candidate == desired) return 0;
    if (desired >= 400 && desired <= 500) {
        if (candidate > desired && candidate <= 500) return candidate - desired;      // up to 500 first
        if (candidate < desired) return 1000 + (desired - candidate);                // then lighter
        return 2000 + (candidate - desired);                                          // then heavier
    }
    if (desired > 500) {
        if (candidate > desired) return candidate - desired;                          // heavier first
        return 1000 + (desired - candidate);
    }
    if (candidate < desired) return desired - candidate;                               // lighter first
    return 1000 + (candidate - desired);
}

}  // namespace

const FontFace& FontTable::resolve_face(std::string_view family, int weight, Slant slant) const {
    const FontFamily* f = find(family);
    if (!f || f->faces.empty())
        throw QuireError(SourceSpan{}, "unknown font family '" + std::string(family) + "'");
    const FontFace* best = nullptr;
    int best_rank = 0;
    for (const auto& face : f->faces) {
        // A face of the wanted slant always beats one of the other slant (CSS Fonts 4 §5.2 step 4b:
        // font-style is matched before font-weight).
        const int rank = weight_rank(weight, face.weight) + (face.slant == slant ? 0 : 100000);
        if (!best || rank < best_rank) {
            best = &face;
            best_rank = rank;
        }
    }
    return *best;
}

std::string FontTable::fallback_family(std::string_view family, std::string_view script) const {
    if (const FontFamily* f = find(family))
        for (const auto& fb : f->fallbacks)
            if (fb.script == script) return fb.family;
    return {};
}

std::vector<std::string> FontTable::fallback_families(std::string_view family) const {
    std::vector<std::string> out;
    if (const FontFamily* f = find(family))
        for (const auto& fb : f->fallbacks)
            if (std::find(out.begin(), out.end(), fb.family) == out.end()) out.push_back(fb.family);
    return out;
}

FontFamily& FontTable::add_family(FontFamily family) {
    for (auto& f : families_)
        if (f.name == family.name) {
            f = std::move(family);
            return f;
        }
    families_.push_back(std::move(family));
    return families_.back();
}

FontTable load_font_table(const std::filesystem::path& fonts_xml) {
    const std::string file = fonts_xml.string();
    tinyxml2::XMLDocument doc;
    if (doc.LoadFile(file.c_str()) != tinyxml2::XML_SUCCESS)
        throw QuireError(SourceSpan{file, doc.ErrorLineNum(), 0},
                         std::string("cannot read font table: ") + doc.ErrorStr());
    const auto here = [&](const tinyxml2::XMLElement* e) { return SourceSpan{file, e->GetLineNum(), 0}; };
    const tinyxml2::XMLElement* root = doc.RootElement();
    if (!root || std::strcmp(root->Name(), "fonts") != 0)
        throw QuireError(SourceSpan{file, root ? root->GetLineNum() : 1, 0}, "expected <fonts> as the root element");
    const std::filesystem::path dir = fonts_xml.parent_path();

    FontTable table;
    for (auto* fam = root->FirstChildElement(); fam; fam = fam->NextSiblingElement()) {
        if (std::strcmp(fam->Name(), "family") != 0)
            throw QuireError(here(fam), std::string("unknown element <") + fam->Name() + ">; expected <family>");
        FontFamily family;
        const char* name = fam->Attribute("name");
        if (!name || !*name) throw QuireError(here(fam), "<family> needs a name attribute");
        family.name = name;
        if (const char* lic = fam->Attribute("licence")) family.licence = lic;
        for (auto* e = fam->FirstChildElement(); e; e = e->NextSiblingElement()) {
            if (std::strcmp(e->Name(), "face") == 0) {
                FontFace face;
                face.weight = e->IntAttribute("weight", 400);
                if (face.weight < 1 || face.weight > 1000)
                    throw QuireError(here(e), "weight must be between 1 and 1000");
                const char* slant = e->Attribute("slant");
                if (!slant || std::strcmp(slant, "upright") == 0) face.slant = Slant::Upright;
                else if (std::strcmp(slant, "italic") == 0) face.slant = Slant::Italic;
                else throw QuireError(here(e), std::string("unknown slant '") + slant + "'; expected upright or italic");
                const char* f = e->Attribute("file");
                if (!f || !*f) throw QuireError(here(e), "<face> needs a file attribute");
                face.file = std::filesystem::path(f).is_absolute() ? std::filesystem::path(f) : dir / f;
                face.face_index = e->IntAttribute("index", 0);
                if (!std::filesystem::exists(face.file))
                    throw QuireError(here(e), "font file not found: " + face.file.string());
                family.faces.push_back(std::move(face));
            } else if (std::strcmp(e->Name(), "fallback") == 0) {
                const char* script = e->Attribute("script");
                const char* fb = e->Attribute("family");
                if (!script || std::strlen(script) != 4 || !fb)
                    throw QuireError(here(e), "<fallback> needs script (ISO 15924, 4 letters) and family");
                family.fallbacks.push_back({script, fb});
            } else {
                throw QuireError(here(e), std::string("unknown element <") + e->Name() + ">; expected <face> or <fallback>");
            }
        }
        if (family.faces.empty()) throw QuireError(here(fam), "family '" + family.name + "' has no <face>");
        table.add_family(std::move(family));
    }
    // Every fallback must name a family of the table.
    for (auto* fam = root->FirstChildElement("family"); fam; fam = fam->NextSiblingElement("family"))
        for (auto* e = fam->FirstChildElement("fallback"); e; e = e->NextSiblingElement("fallback"))
            if (!table.find(e->Attribute("family")))
                throw QuireError(here(e), std::string("fallback family '") + e->Attribute("family") + "' is not in the table");
    return table;
}

const FontTable& default_font_table() {
    static const FontTable table = load_font_table(fonts_dir() / "fonts.xml");
    return table;
}

FontTable single_file_font_table(const std::filesystem::path& file, const std::string& family,
                                 const FontTable* base, std::string_view fallbacks_from) {
    FontTable table;
    if (base) table = *base;
    FontFamily fam;
    fam.name = family;
    fam.faces.push_back(FontFace{400, Slant::Upright, std::filesystem::absolute(file), 0});
    if (base && !fallbacks_from.empty())
        if (const FontFamily* from = base->find(fallbacks_from)) fam.fallbacks = from->fallbacks;
    table.add_family(std::move(fam));
    return table;
}

}  // namespace quire::text
