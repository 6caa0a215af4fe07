// The font registry: which file holds which family, weight and slant, and which family stands in
// for a script the family lacks (fonts/fonts.xml, documented in docs/text-engine.md).
//
//   quire::text::FontTable table = quire::text::load_font_table(quire::fonts_dir() / "fonts.xml");
//   std::filesystem::path file = table.resolve("Vollkorn", 700, quire::text::Slant::Italic);
//   // → fonts/vollkorn/Vollkorn-BoldItalic.ttf (nearest weight, CSS Fonts 4 §5.2 matching)
//   std::string armenian = table.fallback_family("Vollkorn", "Armn");  // "Noto Serif Armenian"
//   for (const auto& family : table.families()) for (const auto& face : family.faces) subset(face.file);
//
// Scripts are ISO 15924 codes ("Armn", "Geor", "Cyrl", "Latn"), as ICU's uscript_getShortName gives.
// Fallbacks are named explicitly per script because fontconfig ranks coverage above family
// (stack-notes): asking it for a serif with an Armenian letter can return DejaVu Sans.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace quire::text {

enum class Slant { Upright, Italic };

const char* slant_name(Slant slant);  // "upright", "italic"

// One font file of a family.
struct FontFace {
    int weight = 400;  // 100–900, as CSS and OpenType's usWeightClass
    Slant slant = Slant::Upright;
    std::filesystem::path file;  // absolute
    int face_index = 0;          // index inside a collection file (.ttc); 0 otherwise
};

// A script this family lacks, and the family that sets it instead.
struct ScriptFallback {
    std::string script;  // ISO 15924, e.g. "Armn"
    std::string family;  // e.g. "Noto Serif Armenian"
};

struct FontFamily {
    std::string name;                        // "Vollkorn"
    std::string licence;                     // path of the licence file, relative to fonts.xml's folder
    std::vector<FontFace> faces;             // in the order fonts.xml lists them
    std::vector<ScriptFallback> fallbacks;   // tried in order for a character the family lacks
};

class FontTable {
public:
    // The family of that name, or nullptr. Names compare exactly (case-sensitive).
    const FontFamily* find(std::string_view family) const;
    // The face that best matches: the family's faces of that slant (else the other slant), then the
    // nearest weight by CSS Fonts 4 §5.2 (for 400: 400, 500, then lighter, then heavier; above 500:
    // heavier first; below 400: lighter first). Throws QuireError if the family is unknown.
    const FontFace& resolve_face(std::string_view family, int weight, Slant slant) const;
    const std::filesystem::path& resolve(std::string_view family, int weight, Slant slant) const {
        return resolve_face(family, weight, slant).file;
    }
    // The family that sets `script` for `family`, or "" if fonts.xml names none.
    std::string fallback_family(std::string_view family, std::string_view script) const;
    // Families that some family names as a fallback for any script, in first-seen order.
    std::vector<std::string> fallback_families(std::string_view family) const;

    const std::vector<FontFamily>& families() const { return families_; }
    // Adds (or replaces) a family; used by load_font_table and by `quire lines --font FILE`.
    FontFamily& add_family(FontFamily family);

private:
    std::vector<FontFamily> families_;
};

// Reads fonts.xml. Relative file names are resolved against the file's folder. Throws QuireError
// naming file:line for a malformed table, an unknown attribute value or a missing font file.
FontTable load_font_table(const std::filesystem::path& fonts_xml);

// load_font_table(fonts_dir() / "fonts.xml"), loaded once per process.
const FontTable& default_font_table();

// A table holding one family named `family` whose only face is `file` (weight 400, upright), plus
// the fallbacks of `fallbacks_from` in `base` when given. For `quire lines --font FILE`.
FontTable single_file_font_table(const std::filesystem::path& file, const std::string& family,
                                 const FontTable* base = nullptr, std::string_view fallbacks_from = {});

}  // namespace quire::text
