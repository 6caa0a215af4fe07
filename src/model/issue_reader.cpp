// Reads the issue manifest (docs/issue-format.md). Like the article reader it never stops at the first
// problem: `quire check issue.xml` lists them all, each with its place.
#include "model/issue.hpp"
#include "model/validate.hpp"
#include "model/xml_reading.hpp"

#include "core/input_file.hpp"
#include "core/output_file.hpp"

#include <fstream>
#include <set>
#include <system_error>

namespace quire::model {

namespace fs = std::filesystem;

const char* ad_place_name(AdPlace place) {
    switch (place) {
        case AdPlace::Here: return "here";
        case AdPlace::InsideFrontCover: return "inside-front-cover";
        case AdPlace::InsideBackCover: return "inside-back-cover";
        case AdPlace::BackCover: return "back-cover";
    }
    return "here";
}

bool is_issue_manifest(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec) || path.extension() != ".xml") return false;
    std::ifstream in(path, std::ios::binary);
    char head[4096];
    in.read(head, sizeof head);
    const std::string text(head, static_cast<std::size_t>(in.gcount()));
    // The first start tag that is not a declaration, comment or processing instruction.
    for (std::size_t i = 0; (i = text.find('<', i)) != std::string::npos; ++i) {
        if (text.compare(i, 2, "<?") == 0 || text.compare(i, 2, "<!") == 0) continue;
        return text.compare(i, 7, "<issue ") == 0 || text.compare(i, 7, "<issue>") == 0 || text.compare(i, 7, "<issue\n") == 0;
    }
    return false;
}

bool stays_inside(const fs::path& folder, const std::string& relative) {
    if (!stays_inside_folder(relative)) return false;
    // After resolving symbolic links (of the folder and of the file, where they exist): a link that
    // points out of the folder would let any readable file on the machine into the printed issue.
    std::error_code ec;
    const fs::path base = fs::weakly_canonical(folder.empty() ? fs::path(".") : folder, ec);
    if (ec) return false;
    const fs::path target = fs::weakly_canonical(base / relative, ec);
    if (ec) return false;
    auto b = base.begin(), t = target.begin();
    for (; b != base.end(); ++b, ++t)
        if (t == target.end() || *b != *t) return false;
    return true;
}

namespace {

class IssueReader {
public:
    IssueReader(const XmlSource& xml, Diagnostics& d, Issue& issue) : in_(xml, d), d_(d), issue_(issue) {}

    void read(const tinyxml2::XMLElement* root) {
        if (!in_.expect_name(root, "issue")) return;
        in_.check_attributes(root, {"publication", "number", "sequence", "date", "xml:lang", "notice"});
        issue_.publication = in_.attribute(root, "publication");
        issue_.number = in_.attribute(root, "number");
        issue_.sequence = in_.attribute(root, "sequence");
        issue_.date = in_.attribute(root, "date");
        issue_.lang = in_.attribute(root, "xml:lang", "en");
        if (issue_.number.empty()) in_.error(root, "<issue> needs a number attribute (as printed: \"1-2 2023\")");
        if (issue_.date.empty()) in_.error(root, "<issue> needs a date attribute (YYYY-MM-DD)");
        else if (!is_valid_iso_date(issue_.date))
            in_.error(root, "date \"" + issue_.date + "\" is not a valid date; expected YYYY-MM-DD");
        if (!issue_.sequence.empty() &&
            (issue_.sequence.size() > 5 || issue_.sequence.find_first_not_of("0123456789") != std::string::npos))
            in_.error(root, "sequence \"" + issue_.sequence + "\" must be the issue's running number (1 to 5 digits)");
        const std::string notice = in_.attribute(root, "notice", "end");
        if (notice == "end") issue_.donation = NoticePlace::End;
        else if (notice == "impressum") issue_.donation = NoticePlace::Impressum;
        else if (notice == "none") issue_.donation = NoticePlace::None;
        else in_.error(root, "unknown notice place \"" + notice + "\"; expected end, impressum or none");
        if (issue_.publication.empty()) {
            in_.error(root, "<issue> needs a publication attribute (the profile: \"publication.xml\")");
        } else {
            issue_.publication_path = resolve(root, issue_.publication, "publication profile");
        }

        for (const auto* child : in_.children(root)) {
            const std::string name = child->Name();
            if (name == "cover") read_cover(child);
            else if (name == "section") read_section(child);
            else if (name == "ad") read_ad(child, "");
            else if (name == "filler") read_filler(child);
            else if (name == "article")
                in_.error(child, "<article> outside a <section>; put it inside <section title=\"…\">");
            else in_.unknown_element(child, "<issue>", "<cover>, <section>, <ad>, <filler>");
        }
        if (issue_.sections.empty()) in_.error(root, "the issue has no <section> with articles");
        check_fixed_places();
    }

private:
    // The resolved path of `src`, or empty after reporting why it cannot be used.
    fs::path resolve(const tinyxml2::XMLElement* element, const std::string& src, const std::string& what) {
        if (!stays_inside(issue_.folder, src)) {
            in_.error(element, what + " \"" + src + "\" leaves the manifest's folder; every file of the issue must sit in or below it");
            return {};
        }
        const fs::path path = (issue_.folder / src).lexically_normal();
        std::error_code ec;
        const auto status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            in_.error(element, what + " \"" + src + "\" not found (looked in " + path.string() + ")");
            return {};
        }
        if (!fs::is_regular_file(status)) {
            in_.error(element, what + " \"" + src + "\" is not a regular file");
            return {};
        }
        return path;
    }

    void read_cover(const tinyxml2::XMLElement* e) {
        if (seen_cover_) in_.error(e, "a second <cover>; an issue has one");
        seen_cover_ = true;
        in_.check_attributes(e, {"image", "price"});
        issue_.cover.where = in_.where(e);
        issue_.cover.image = in_.attribute(e, "image");
        issue_.cover.price = in_.attribute(e, "price");
        if (!issue_.cover.image.empty()) issue_.cover.image_path = resolve(e, issue_.cover.image, "cover image");
        for (const auto* line : in_.children(e)) {
            if (std::string(line->Name()) != "line") {
                in_.unknown_element(line, "<cover>", "<line>");
                continue;
            }
            in_.check_attributes(line, {});
            std::string text = in_.read_plain(line);
            if (text.empty()) in_.warning(line, "an empty cover line");
            else issue_.cover.lines.push_back(std::move(text));
        }
    }

    void read_section(const tinyxml2::XMLElement* e) {
        in_.check_attributes(e, {"title"});
        IssueSection section{in_.attribute(e, "title"), in_.where(e)};
        if (section.title.empty()) in_.error(e, "<section> needs a title attribute (\"Books and Reviews\")");
        int articles = 0;
        for (const auto* child : in_.children(e)) {
            const std::string name = child->Name();
            if (name == "article") {
                in_.check_attributes(child, {"src"});
                IssueEntry entry;
                entry.kind = IssueEntryKind::Article;
                entry.section = section.title;
                entry.src = in_.attribute(child, "src");
                entry.where = in_.where(child);
                ++articles;
                if (entry.src.empty()) {
                    in_.error(child, "<article> needs a src attribute (an article .xml or a scraped page .txt)");
                    continue;
                }
                entry.path = resolve(child, entry.src, "article");
                if (!entry.path.empty()) {
                    std::error_code ec;
                    const fs::path key = fs::weakly_canonical(entry.path, ec);
                    if (!seen_articles_.insert(key.string()).second)
                        in_.error(child, "article \"" + entry.src + "\" appears twice in the issue");
                }
                issue_.entries.push_back(std::move(entry));
            } else if (name == "ad") {
                read_ad(child, section.title);
            } else {
                in_.unknown_element(child, "<section>", "<article src>, <ad src>");
            }
        }
        if (articles == 0) in_.error(e, "section \"" + section.title + "\" is empty: it needs at least one <article>");
        issue_.sections.push_back(std::move(section));
    }

    void read_ad(const tinyxml2::XMLElement* e, const std::string& section) {
        in_.check_attributes(e, {"src", "place"});
        IssueEntry entry;
        entry.kind = IssueEntryKind::Ad;
        entry.section = section;
        entry.src = in_.attribute(e, "src");
        entry.where = in_.where(e);
        const std::string place = in_.attribute(e, "place", "here");
        if (place == "here") entry.place = AdPlace::Here;
        else if (place == "inside-front-cover") entry.place = AdPlace::InsideFrontCover;
        else if (place == "inside-back-cover") entry.place = AdPlace::InsideBackCover;
        else if (place == "back-cover") entry.place = AdPlace::BackCover;
        else {
            in_.error(e, "unknown ad place \"" + place +
                             "\"; expected here, inside-front-cover, inside-back-cover or back-cover");
            return;
        }
        if (entry.src.empty()) {
            in_.error(e, "<ad> needs a src attribute (a PDF page of the issue's trim size, with bleed)");
            return;
        }
        entry.path = resolve(e, entry.src, "ad");
        if (!entry.path.empty() && entry.path.extension() != ".pdf" && entry.path.extension() != ".PDF")
            in_.error(e, "ad \"" + entry.src + "\" is not a PDF; ads are placed as supplied PDF pages");
        issue_.entries.push_back(std::move(entry));
    }

    void read_filler(const tinyxml2::XMLElement* e) {
        in_.check_attributes(e, {"src"});
        if (!issue_.filler.empty()) in_.error(e, "a second <filler>; an issue has one");
        issue_.filler = in_.attribute(e, "src");
        issue_.filler_where = in_.where(e);
        if (issue_.filler.empty()) in_.error(e, "<filler> needs a src attribute (a PDF page)");
        else issue_.filler_path = resolve(e, issue_.filler, "filler");
    }

    // Each cover position holds one ad.
    void check_fixed_places() {
        std::set<AdPlace> taken;
        for (const auto& entry : issue_.entries) {
            if (entry.kind != IssueEntryKind::Ad || entry.place == AdPlace::Here) continue;
            if (!taken.insert(entry.place).second)
                d_.error(entry.where, std::string("a second ad for the ") + ad_place_name(entry.place) + "; it holds one page");
        }
    }

    XmlReading in_;
    Diagnostics& d_;
    Issue& issue_;
    bool seen_cover_ = false;
    std::set<std::string> seen_articles_;
};

}  // namespace

Issue parse_issue_xml(std::string_view text, const std::string& file_name, Diagnostics& diagnostics) {
    Issue issue;
    issue.source_file = file_name;
    issue.folder = fs::path(file_name).parent_path();
    XmlSource xml(text, file_name, diagnostics);
    const auto* root = xml.root();
    if (!root) return issue;
    IssueReader(xml, diagnostics, issue).read(root);
    return issue;
}

Issue read_issue_file(const fs::path& path, Diagnostics& diagnostics) {
    return parse_issue_xml(read_input_file(path, input_limit::kText, "manifest"), path.string(), diagnostics);
}

}  // namespace quire::model
