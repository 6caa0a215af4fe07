#include "epub/font_plan.hpp"
#include "epub/font_subset.hpp"
#include "test_helpers.hpp"

#include "core/resources.hpp"

#include <hb-ot.h>
#include <hb.h>

#include <doctest/doctest.h>

using namespace quire;
using namespace quire::epub;

namespace {
bool has_gsub_feature(const std::string& font, const char* tag) {
    hb_blob_t* blob = hb_blob_create(font.data(), static_cast<unsigned>(font.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, 0);
    unsigned index = 0;
    bool found = false;
    const hb_tag_t t = hb_tag_from_string(tag, -1);
    const unsigned count = hb_ot_layout_table_get_feature_tags(face, HB_OT_TAG_GSUB, 0, nullptr, nullptr);
    std::vector<hb_tag_t> tags(count);
    unsigned n = count;
    hb_ot_layout_table_get_feature_tags(face, HB_OT_TAG_GSUB, 0, &n, tags.data());
    for (auto x : tags) found = found || x == t;
    (void)index;
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return found;
}
}  // namespace

TEST_CASE("subsets keep the OpenType features the styles use and shrink the font") {
    const auto file = fonts_dir() / "vollkorn" / "Vollkorn-Regular.ttf";
    Codepoints cps;
    collect_codepoints("Armenia as a mere pawn 2022", cps);
    const std::string subset = subset_font(file, 0, cps);
    CHECK(subset.size() < 0.5 * static_cast<double>(std::filesystem::file_size(file)));
    CHECK(has_gsub_feature(subset, "smcp"));
    CHECK(has_gsub_feature(subset, "onum"));
    CHECK(has_gsub_feature(subset, "c2sc"));
    // Defaults plus the listed ones: smcp and the figure features kept, one not listed (c2sc) dropped.
    const std::string listed =
        subset_font(file, 0, cps, KeepFeatures::DefaultAndListed, {"kern", "smcp", "onum", "lnum", "pnum", "tnum"});
    CHECK(listed.size() < subset.size());
    CHECK(has_gsub_feature(listed, "smcp"));
    CHECK(has_gsub_feature(listed, "onum"));
    CHECK_FALSE(has_gsub_feature(listed, "c2sc"));
    // onum alone would be dropped by hb-subset: the check falls back to keeping every feature.
    const std::string onum_only = subset_font(file, 0, cps, KeepFeatures::DefaultAndListed, {"onum"});
    CHECK(has_gsub_feature(onum_only, "onum"));
    const Codepoints kept = [&] {
        const auto tmp = std::filesystem::temp_directory_path() / "quire-epub-subset-test.ttf";
        FILE* f = std::fopen(tmp.c_str(), "wb");
        std::fwrite(subset.data(), 1, subset.size(), f);
        std::fclose(f);
        auto k = face_codepoints(tmp);
        std::filesystem::remove(tmp);
        return k;
    }();
    CHECK(kept.count(U'A'));
    CHECK(kept.count(U'2'));
    CHECK_FALSE(kept.count(U'Z'));
}

TEST_CASE("utf-8 decoding of the book's text") {
    Codepoints cps;
    collect_codepoints("aż\xD5\x80\xFF", cps);  // a, ż, Armenian Հ, then an invalid byte
    CHECK(cps == Codepoints{U'a', U'ż', U'Հ'});
}

TEST_CASE("generic families come from the fonts' OS/2 data or their fallbacks") {
    const auto& fonts = text::default_font_table();
    CHECK(generic_family(fonts, "Vollkorn") == "serif");
    CHECK(generic_family(fonts, "Inter") == "sans-serif");
    CHECK(generic_family(fonts, "Inter Display") == "sans-serif");
}

TEST_CASE("only the faces the article uses are embedded, fallbacks only for the styles whose text needs them") {
    const style::Layout layout = style::load_layout_or_throw("magazine");
    const auto& fonts = text::default_font_table();
    auto loaded = testing::sample_article();
    StyleUses uses = style_uses(loaded);
    REQUIRE(uses.count("body-first"));
    CHECK(uses.at("body-first").kinds.count(model::InlineKind::Emphasis));
    CHECK_FALSE(uses.count("pullquote"));

    auto plan = [&](const StyleUses& u) {
        std::map<std::string, Codepoints> out;
        for (const auto& p : plan_faces(u, layout, fonts)) {
            out[p.face->file.filename().string()] = p.codepoints;
            CHECK(std::filesystem::exists(p.licence));
        }
        return out;
    };
    // The sample's second paragraph has an Armenian span: Noto Serif Armenian joins, for body text only.
    auto faces = plan(uses);
    REQUIRE(faces.count("NotoSerifArmenian-Regular.ttf"));
    CHECK(faces.at("NotoSerifArmenian-Regular.ttf").count(U'Հ'));
    CHECK_FALSE(faces.at("NotoSerifArmenian-Regular.ttf").count(U'F'));
    CHECK_FALSE(faces.count("NotoSansArmenian-Regular.ttf"));  // no Armenian in sans styles
    CHECK_FALSE(faces.count("NotoSerifGeorgian-Regular.ttf"));
    // The title face sets the title's characters, not the body's.
    REQUIRE(faces.count("InterDisplay-Bold.otf"));
    CHECK(faces.at("InterDisplay-Bold.otf").count(U'<'));
    CHECK_FALSE(faces.at("InterDisplay-Bold.otf").count(U'Հ'));
    // Emphasis in the first paragraph ("First paragraph.") brings its text into the italic.
    REQUIRE(faces.count("Vollkorn-Italic.ttf"));
    CHECK(faces.at("Vollkorn-Italic.ttf").count(U'F'));

    loaded.article.body.resize(1);
    loaded.article.body[0] = model::Block::paragraph(model::plain_inlines("plain latin text"));
    faces = plan(style_uses(loaded));
    CHECK_FALSE(faces.count("NotoSerifArmenian-Regular.ttf"));
    // Still italic for the standfirst and bio ("The deck.", "Ann Author writes."), without the F.
    REQUIRE(faces.count("Vollkorn-Italic.ttf"));
    CHECK_FALSE(faces.at("Vollkorn-Italic.ttf").count(U'F'));
}
