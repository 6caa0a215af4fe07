// Reads the article XML (docs/article-format.md) into the model, reporting every problem with its place.
#include "model/article_xml.hpp"
#include "model/xml_reading.hpp"

#include "core/input_file.hpp"
#include "core/output_file.hpp"

namespace quire::model {

namespace {

using tinyxml2::XMLElement;

class ArticleReader {
public:
    ArticleReader(const XmlSource& xml, Diagnostics& diagnostics) : in_(xml, diagnostics) {}

    Article read(const XMLElement* root) {
        Article article;
        if (!in_.expect_name(root, "article")) return article;
        in_.check_attributes(root, {"id", "xml:lang", "kind", "publication"});
        article.id = in_.attribute(root, "id");
        if (article.id.empty()) in_.error(root, "<article> needs an id attribute (a stable slug such as \"armenia-pawn\")");
        article.lang = in_.attribute(root, "xml:lang", "en");
        article.kind = in_.attribute(root, "kind");
        article.publication = in_.attribute(root, "publication");

        const XMLElement* meta = nullptr;
        const XMLElement* body = nullptr;
        for (const XMLElement* child : in_.children(root)) {
            const std::string name = child->Name();
            if (name == "meta") {
                if (meta) in_.error(child, "a second <meta>; an article has one");
                meta = child;
                article.meta = read_meta(child);
            } else if (name == "figure") {
                Figure figure = in_.read_figure(child);
                if (figure.role != FigureRole::Lead)
                    in_.error(child, "a <figure> outside <body> must be the lead figure (role=\"lead\")");
                else if (article.lead_figure)
                    in_.error(child, "a second lead figure; an article has at most one");
                else
                    article.lead_figure = std::move(figure);
            } else if (name == "body") {
                if (body) in_.error(child, "a second <body>; an article has one");
                body = child;
                article.body = in_.read_blocks(child, BlockContext::Body);
            } else if (name == "backmatter") {
                article.back_matter = read_back_matter(child);
            } else {
                in_.unknown_element(child, "<article>", "<meta>, <figure role=\"lead\">, <body>, <backmatter>");
            }
        }
        if (!meta) in_.error(root, "<article> has no <meta> (title, date, authors)");
        if (!body) in_.error(root, "<article> has no <body>");
        return article;
    }

private:
    ArticleMeta read_meta(const XMLElement* meta) {
        ArticleMeta m;
        m.where = in_.where(meta);
        in_.check_attributes(meta, {});
        int author_count = 0;
        for (const XMLElement* child : in_.children(meta)) {
            const std::string name = child->Name();
            if (name == "title") m.title = in_.read_plain(child);
            else if (name == "subtitle") m.subtitle = in_.read_plain(child);
            else if (name == "standfirst") { in_.check_attributes(child, {}); m.standfirst = in_.read_inlines(child); }
            else if (name == "section") m.section = in_.read_plain(child);
            else if (name == "date") { m.date = in_.read_plain(child); m.date_where = in_.where(child); }
            else if (name == "keyword") m.keywords.push_back(in_.read_plain(child));
            else if (name == "source") m.source_url = in_.read_plain(child);
            else if (name == "revised") m.revised = in_.read_plain(child);
            else if (name == "author") m.authors.push_back(read_author(child, ++author_count));
            else in_.unknown_element(child, "<meta>",
                     "<title>, <subtitle>, <standfirst>, <section>, <date>, <revised>, <author>, <keyword>, <source>");
        }
        return m;
    }

    Author read_author(const XMLElement* element, int ordinal) {
        Author author;
        author.where = in_.where(element);
        in_.check_attributes(element, {"id", "role"});
        author.id = in_.attribute(element, "id", "a" + std::to_string(ordinal));
        author.role = in_.attribute(element, "role", "author");
        for (const XMLElement* child : in_.children(element)) {
            const std::string name = child->Name();
            if (name == "name") author.name = in_.read_plain(child);
            else if (name == "bio") { in_.check_attributes(child, {}); author.bio = in_.read_inlines(child); }
            else in_.unknown_element(child, "<author>", "<name>, <bio>");
        }
        if (author.name.empty()) in_.error(element, "<author> has no <name>");
        return author;
    }

    std::vector<BackMatterItem> read_back_matter(const XMLElement* element) {
        std::vector<BackMatterItem> items;
        in_.check_attributes(element, {});
        for (const XMLElement* child : in_.children(element)) {
            const std::string name = child->Name();
            BackMatterItem item;
            item.where = in_.where(child);
            if (name == "bio") {
                in_.check_attributes(child, {"author"});
                item.kind = BackMatterKind::Bio;
                item.author_id = in_.attribute(child, "author");
                if (item.author_id.empty()) in_.error(child, "<bio> in <backmatter> needs author=\"…\" (an author's id)");
                if (child->FirstChildElement() || (child->GetText() && std::string(child->GetText()).find_first_not_of(" \t\r\n") != std::string::npos))
                    in_.error(child, "<bio> in <backmatter> is a reference and stays empty; the text goes in <author><bio>");
                items.push_back(std::move(item));
            } else if (name == "notice") {
                item.kind = BackMatterKind::Notice;
                item.notice = in_.read_notice(child);
                items.push_back(std::move(item));
            } else {
                in_.unknown_element(child, "<backmatter>", "<bio author=\"…\"/>, <notice kind=\"…\">");
            }
        }
        return items;
    }

    XmlReading in_;
};

}  // namespace

Article parse_article_xml(std::string_view text, const std::string& file_name, Diagnostics& diagnostics) {
    XmlSource xml(text, file_name, diagnostics);
    Article article;
    if (xml.root()) article = ArticleReader(xml, diagnostics).read(xml.root());
    article.source_file = file_name;
    return article;
}

Article read_article_file(const std::filesystem::path& path, Diagnostics& diagnostics) {
    return parse_article_xml(read_input_file(path, input_limit::kText, "article"), path.string(), diagnostics);
}

}  // namespace quire::model
