#include "epub/font_subset.hpp"

#include "core/diagnostic.hpp"
#include "core/handle.hpp"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <set>
#include <vector>

namespace quire::epub {

namespace {
using HbBlob = Handle<hb_blob_t, hb_blob_destroy>;
using HbFace = Handle<hb_face_t, hb_face_destroy>;
using HbSet = Handle<hb_set_t, hb_set_destroy>;
using HbSubsetInput = Handle<hb_subset_input_t, hb_subset_input_destroy>;

HbFace open_face(const std::filesystem::path& file, int face_index) {
    HbBlob blob{hb_blob_create_from_file_or_fail(file.c_str())};
    if (!blob) throw QuireError(SourceSpan{file.string()}, "cannot read font file");
    HbFace face{hb_face_create(blob.get(), static_cast<unsigned>(face_index))};
    if (hb_face_get_glyph_count(face.get()) == 0) throw QuireError(SourceSpan{file.string()}, "not a usable font file");
    return face;
}
}  // namespace

void collect_codepoints(const std::string& s, Codepoints& into) {
    // UTF-8 (RFC 3629) decoding; malformed sequences are skipped byte by byte. A text repeats a few
    // hundred characters: a bit per BMP character already inserted keeps the set's insertions (a
    // tree search each) to one per distinct character (2 M instructions of a warm `quire epub` on
    // the example went to the tree, issue 17).
    std::vector<bool> seen(0x10000);
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + static_cast<std::size_t>(len) > n) { ++i; continue; }
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
        bool ok = true;
        for (int k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((cc & 0xC0) != 0x80) { ok = false; break; }
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        if (!ok) { ++i; continue; }
        i += static_cast<std::size_t>(len);
        if (cp < seen.size()) {
            if (seen[cp]) continue;
            seen[cp] = true;
        }
        into.insert(cp);
    }
}

Codepoints face_codepoints(const std::filesystem::path& file, int face_index) {
    HbFace face = open_face(file, face_index);
    HbSet set{hb_set_create()};
    hb_face_collect_unicodes(face.get(), set.get());
    Codepoints out;
    for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(set.get(), &cp);) out.insert(static_cast<char32_t>(cp));
    return out;
}

FaceCoverage::FaceCoverage(const std::filesystem::path& file, int face_index) {
    HbFace face = open_face(file, face_index);
    set_ = std::shared_ptr<hb_set_t>(hb_set_create(), hb_set_destroy);
    hb_face_collect_unicodes(face.get(), set_.get());
}

bool FaceCoverage::has(char32_t cp) const { return hb_set_has(set_.get(), cp); }

namespace {

std::set<hb_tag_t> layout_feature_tags(hb_face_t* face) {
    std::set<hb_tag_t> tags;
    for (hb_tag_t table : {HB_OT_TAG_GSUB, HB_OT_TAG_GPOS}) {
        unsigned count = hb_ot_layout_table_get_feature_tags(face, table, 0, nullptr, nullptr);
        std::vector<hb_tag_t> list(count);
        hb_ot_layout_table_get_feature_tags(face, table, 0, &count, list.data());
        tags.insert(list.begin(), list.begin() + count);
    }
    return tags;
}

std::string subset_once(hb_face_t* face, const std::filesystem::path& file, const Codepoints& codepoints,
                        KeepFeatures keep, const std::vector<std::string>& extra_features) {
    HbSubsetInput input{hb_subset_input_create_or_fail()};
    if (!input) throw QuireError(SourceSpan{file.string()}, "hb-subset: out of memory");
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    for (char32_t cp : codepoints) hb_set_add(unicodes, cp);
    // hb-subset's default feature list leaves out smcp, c2sc, onum… (stack-notes): keep every
    // feature, or add the ones the styles name to the defaults (the glyph closure, and so the time
    // and size, grows with every alternate kept).
    hb_set_t* features = hb_subset_input_set(input.get(), HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    if (keep == KeepFeatures::All) {
        hb_set_clear(features);
        hb_set_invert(features);
    } else {
        for (const auto& f : extra_features) {
            const std::string tag = !f.empty() && (f[0] == '-' || f[0] == '+') ? f.substr(1) : f;
            if (tag.size() == 4) hb_set_add(features, hb_tag_from_string(tag.c_str(), 4));
        }
    }
    // Keep the licence description and URL (name IDs 13, 14) with the copyright (ID 0, default):
    // the OFL asks that the notice travel with every copy.
    hb_set_t* names = hb_subset_input_set(input.get(), HB_SUBSET_SETS_NAME_ID);
    hb_set_add(names, 13);
    hb_set_add(names, 14);
    // Reading systems rasterise at screen resolution without TrueType hints.
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
    HbFace subset{hb_subset_or_fail(face, input.get())};
    if (!subset) throw QuireError(SourceSpan{file.string()}, "hb-subset failed for this font");
    HbBlob blob{hb_face_reference_blob(subset.get())};
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob.get(), &length);
    if (!data || length == 0) throw QuireError(SourceSpan{file.string()}, "hb-subset produced an empty font");
    return std::string(data, length);
}

hb_tag_t feature_tag(const std::string& f) {
    const std::string tag = !f.empty() && (f[0] == '-' || f[0] == '+') ? f.substr(1) : f;
    return tag.size() == 4 ? hb_tag_from_string(tag.c_str(), 4) : HB_TAG_NONE;
}

}  // namespace

std::string subset_font(const std::filesystem::path& file, int face_index, const Codepoints& codepoints,
                        KeepFeatures keep, const std::vector<std::string>& features) {
    HbFace face = open_face(file, face_index);
    std::string out = subset_once(face.get(), file, codepoints, keep, features);
    if (keep == KeepFeatures::All) return out;
    // hb-subset drops a listed feature whose lookups reach no kept glyph unless related features
    // come along (Vollkorn's onum alone is dropped; with lnum, pnum and tnum it is kept). Check that
    // every listed feature the font has survived; if one did not, keep them all.
    const std::set<hb_tag_t> original = layout_feature_tags(face.get());
    HbBlob blob{hb_blob_create(out.data(), static_cast<unsigned>(out.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr)};
    HbFace subset{hb_face_create(blob.get(), 0)};
    const std::set<hb_tag_t> kept = layout_feature_tags(subset.get());
    for (const auto& f : features) {
        const hb_tag_t tag = feature_tag(f);
        if (tag != HB_TAG_NONE && original.count(tag) && !kept.count(tag))
            return subset_once(face.get(), file, codepoints, KeepFeatures::All, features);
    }
    return out;
}

std::string generic_family(const std::filesystem::path& file, int face_index) {
    HbFace face = open_face(file, face_index);
    HbBlob os2{hb_face_reference_table(face.get(), HB_TAG('O', 'S', '/', '2'))};
    unsigned length = 0;
    const auto* data = reinterpret_cast<const unsigned char*>(hb_blob_get_data(os2.get(), &length));
    // OpenType OS/2: sFamilyClass at offset 30 (class in the high byte), PANOSE at 32 (bSerifStyle 33).
    if (data && length >= 42) {
        const int family_class = data[30];
        const int panose_family = data[32];
        const int serif_style = data[33];
        if (family_class == 8) return "sans-serif";
        if (family_class >= 1 && family_class <= 7) return "serif";
        if (panose_family == 2 && serif_style >= 11 && serif_style <= 13) return "sans-serif";
        if (panose_family == 2 && serif_style >= 2 && serif_style <= 10) return "serif";
    }
    return "";
}

std::string generic_family(const text::FontTable& fonts, const std::string& family) {
    const text::FontFamily* f = fonts.find(family);
    if (!f) return "serif";
    for (const auto& face : f->faces)
        if (auto g = generic_family(face.file, face.face_index); !g.empty()) return g;
    for (const auto& fallback : f->fallbacks)
        if (const text::FontFamily* fb = fonts.find(fallback.family))
            for (const auto& face : fb->faces)
                if (auto g = generic_family(face.file, face.face_index); !g.empty()) return g;
    return "serif";
}

}  // namespace quire::epub
