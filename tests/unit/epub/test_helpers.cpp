#include "test_helpers.hpp"

namespace quire::epub::testing {

using namespace model;

LoadedArticle sample_article() {
    LoadedArticle loaded;
    loaded.folder = std::string(QUIRE_TEST_DATA) + "/epub";
    Article& a = loaded.article;
    a.id = "sample";
    a.lang = "en";
    a.meta.title = "A sample & its <title>";
    a.meta.section = "Articles and Commentary";
    a.meta.date = "2022-01-17";
    a.meta.standfirst = plain_inlines("The deck.");
    Author author;
    author.id = "a1";
    author.name = "Ann Author";
    author.bio = plain_inlines("Ann Author writes.");
    a.meta.authors.push_back(author);
    Figure lead;
    lead.role = FigureRole::Lead;
    lead.src = "images/kleiber.jpg";
    lead.alt = "A bird on a tree.";
    lead.caption = plain_inlines("A woodpecker.");
    lead.credit = "Lukas Baubkus";
    lead.where = SourceSpan{"sample.xml", 12, 3};
    a.lead_figure = lead;
    a.body.push_back(Block::paragraph({Inline::plain("First "),
                                       Inline::wrap(InlineKind::Emphasis, {Inline::plain("paragraph")}),
                                       Inline::plain(".")}));
    a.body.push_back(Block::heading(3, plain_inlines("A heading that skips a level")));
    Inline span = Inline::wrap(InlineKind::Span, {Inline::plain("Հայաստան")});
    span.lang = "hy";
    a.body.push_back(Block::paragraph({Inline::wrap(InlineKind::Speaker, {Inline::plain("Q:")}), Inline::plain(" Second, "), span}));
    BackMatterItem bio;
    bio.kind = BackMatterKind::Bio;
    bio.author_id = "a1";
    a.back_matter.push_back(bio);
    BackMatterItem notice;
    notice.kind = BackMatterKind::Notice;
    notice.notice.kind = "donation";
    a.back_matter.push_back(notice);

    Publication p;
    p.id = "test-quarterly";
    p.name = "Test Quarterly";
    p.publisher = "Test Quarterly Foundation";
    p.issn_print = "2083-7372";
    p.copyright = "© Test Quarterly";
    Notice donation;
    donation.kind = "donation";
    donation.content.push_back(Block::paragraph(plain_inlines("Please donate.")));
    p.notices.push_back(donation);
    loaded.publication = p;
    return loaded;
}

namespace {
std::uint32_t le(const std::string& s, std::size_t at, int bytes) {
    std::uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[at + static_cast<std::size_t>(i)]);
    return v;
}
}  // namespace

std::vector<ZipEntry> zip_entries(const std::string& zip) {
    // End of central directory (APPNOTE 4.3.16): signature 0x06054b50, at most 64 KiB from the end.
    std::size_t eocd = zip.rfind(std::string("PK\x05\x06", 4));
    std::vector<ZipEntry> out;
    if (eocd == std::string::npos) return out;
    const std::uint32_t count = le(zip, eocd + 10, 2);
    std::size_t at = le(zip, eocd + 16, 4);
    for (std::uint32_t i = 0; i < count; ++i) {
        ZipEntry e;
        e.method = static_cast<int>(le(zip, at + 10, 2));
        const std::uint32_t name_length = le(zip, at + 28, 2), extra = le(zip, at + 30, 2), comment = le(zip, at + 32, 2);
        e.local_offset = le(zip, at + 42, 4);
        e.name = zip.substr(at + 46, name_length);
        e.local_extra_length = static_cast<int>(le(zip, e.local_offset + 28, 2));
        out.push_back(e);
        at += 46 + name_length + extra + comment;
    }
    return out;
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace quire::epub::testing
