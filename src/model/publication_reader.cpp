// Reads the publication profile XML (docs/article-format.md, "Publication profile").
#include "model/article_xml.hpp"
#include "model/xml_reading.hpp"

#include "core/input_file.hpp"
#include "core/output_file.hpp"

namespace quire::model {

Publication parse_publication_xml(std::string_view text, const std::string& file_name, Diagnostics& diagnostics) {
    Publication p;
    p.source_file = file_name;
    XmlSource xml(text, file_name, diagnostics);
    const auto* root = xml.root();
    if (!root) return p;
    XmlReading in(xml, diagnostics);
    if (!in.expect_name(root, "publication")) return p;
    in.check_attributes(root, {"id", "xml:lang"});
    p.id = in.attribute(root, "id");
    if (p.id.empty()) in.error(root, "<publication> needs an id attribute (a stable slug such as \"new-eastern-europe\")");
    p.lang = in.attribute(root, "xml:lang", "en");
    for (const auto* child : in.children(root)) {
        const std::string name = child->Name();
        if (name == "name") p.name = in.read_plain(child);
        else if (name == "publisher") p.publisher = in.read_plain(child);
        else if (name == "site") p.site_url = in.read_plain(child);
        else if (name == "donate") p.donation_url = in.read_plain(child);
        else if (name == "copyright") p.copyright = in.read_plain(child);
        else if (name == "layout") p.default_layout = in.read_plain(child);
        else if (name == "logo") {
            in.check_attributes(child, {"src"});
            p.logo = in.attribute(child, "src");
        } else if (name == "output-intent") {
            in.check_attributes(child, {"profile", "condition"});
            p.output_intent_profile = in.attribute(child, "profile");
            p.output_intent_condition = in.attribute(child, "condition");
            if (p.output_intent_profile.empty())
                in.error(child, "<output-intent> needs a profile attribute (the printer's CMYK ICC profile)");
        } else if (name == "issn") {
            const std::string media = in.attribute(child, "media", "print");
            std::string value;
            for (auto* node = child->FirstChild(); node; node = node->NextSibling())
                if (node->ToText()) value += node->Value();
            InlineText t = plain_inlines(value);
            normalise_whitespace(t);
            value = plain_text(t);
            for (auto* a = child->FirstAttribute(); a; a = a->Next())
                if (std::string(a->Name()) != "media") in.error(child, std::string("unknown attribute ") + a->Name() + " on <issn>; expected media");
            if (media == "print") p.issn_print = value;
            else if (media == "online") p.issn_online = value;
            else in.error(child, "unknown ISSN media \"" + media + "\"; expected \"print\" or \"online\"");
            if (!value.empty() && !is_valid_issn(value))
                in.error(child, "\"" + value + "\" is not a valid ISSN (NNNN-NNNC with the ISO 3297 check digit)");
        } else if (name == "editor") {
            in.check_attributes(child, {"role"});
            Publication::Editor editor{in.attribute(child, "role"), in.read_plain(child, {"role"})};
            if (editor.name.empty()) in.error(child, "<editor> needs a name as its text");
            else p.editors.push_back(std::move(editor));
        } else if (name == "address") {
            p.address = in.read_plain(child);
        } else if (name == "printer") {
            p.printer = in.read_plain(child);
        } else if (name == "signature") {
            in.check_attributes(child, {"pages"});
            const std::string pages = in.attribute(child, "pages");
            if (pages == "4" || pages == "8" || pages == "16" || pages == "32") p.signature_pages = std::stoi(pages);
            else in.error(child, "signature pages \"" + pages + "\" must be 4, 8, 16 or 32 (the press sheet's pages)");
        } else if (name == "notice") {
            p.notices.push_back(in.read_notice(child));
        } else {
            in.unknown_element(child, "<publication>",
                               "<name>, <publisher>, <issn media>, <site>, <donate>, <copyright>, <layout>, <logo src>, "
                               "<output-intent profile>, <editor role>, <address>, <printer>, <signature pages>, <notice kind>");
        }
    }
    if (p.name.empty()) in.error(root, "<publication> has no <name>");
    return p;
}

Publication read_publication_file(const std::filesystem::path& path, Diagnostics& diagnostics) {
    return parse_publication_xml(read_input_file(path, input_limit::kText, "publication profile"), path.string(), diagnostics);
}

}  // namespace quire::model
