// quire import of Markdown: CommonMark (libcmark, the reference parser) with a YAML front matter
// block (yaml-cpp) for what Markdown has no syntax for. The keys are documented in docs/import.md.
// Foreign-language phrases: `[Slava Ukraini]{lang=uk}` (pandoc's bracketed span) or
// `<span lang="uk">…</span>` become <span xml:lang="uk">.
#include "core/handle.hpp"
#include "import/docx_inlines.hpp"
#include "import/document_import.hpp"
#include "import/analysis.hpp"
#include "import/dates.hpp"
#include "import/language.hpp"
#include "import/punctuation.hpp"
#include "import/slug.hpp"
#include "import/utf8.hpp"

#include <cmark.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <regex>

namespace quire::import {

using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;

namespace {

void free_node(cmark_node* n) { cmark_node_free(n); }
using CmarkNode = Handle<cmark_node, free_node>;

struct FrontMatter {
    std::string yaml;
    int first_line = 0;   // the line of the YAML's first line in the file (1-based)
    std::string_view body;
    int body_line = 1;    // the line the Markdown starts on
};

// A front matter block: "---" on the first line, closed by "---" or "..." on a line of its own.
FrontMatter split_front_matter(std::string_view text) {
    FrontMatter fm;
    fm.body = text;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.remove_prefix(3), fm.body = text;  // a BOM
    if (!(text.rfind("---\n", 0) == 0 || text.rfind("---\r\n", 0) == 0)) return fm;
    std::size_t pos = text.find('\n') + 1;
    int line = 2;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view l = text.substr(pos, end - pos);
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        if (l == "---" || l == "...") {
            fm.yaml = std::string(text.substr(text.find('\n') + 1, pos - text.find('\n') - 1));
            fm.first_line = 2;
            fm.body = text.substr(std::min(end + 1, text.size()));
            fm.body_line = line + 1;
            return fm;
        }
        pos = end + 1;
        ++line;
    }
    return fm;  // no closing line: not front matter, all Markdown
}

class MarkdownBuilder {
public:
    MarkdownBuilder(const std::string& file, const DocumentOptions& options, DocumentImport& out)
        : file_(file), options_(options), out_(out) {}

    void front_matter(const FrontMatter& fm) {
        if (fm.yaml.empty()) return;
        YAML::Node root;
        try {
            root = YAML::Load(fm.yaml);
        } catch (const YAML::Exception& e) {
            throw QuireError(SourceSpan{file_, fm.first_line + e.mark.line, e.mark.column + 1},
                             "the front matter is not valid YAML: " + e.msg);
        }
        if (!root.IsMap()) throw QuireError(SourceSpan{file_, fm.first_line}, "the front matter is not a list of key: value lines");
        auto& a = out_.article;
        auto& meta = a.meta;
        // Looked up on a const node: yaml-cpp's non-const operator[] inserts the key.
        const YAML::Node& const_root = root;
        const bool has_standfirst = static_cast<bool>(const_root["standfirst"]);
        const auto where = [&](const YAML::Node& n) { return SourceSpan{file_, fm.first_line + n.Mark().line, n.Mark().column + 1}; };
        const auto scalar = [&](const YAML::Node& n, const std::string& key) {
            if (!n.IsScalar()) throw QuireError(where(n), "the front matter's " + key + " should be text");
            return n.as<std::string>();
        };
        for (const auto& kv : root) {
            const std::string key = kv.first.as<std::string>();
            const YAML::Node& v = kv.second;
            const int line = fm.first_line + kv.first.Mark().line;
            const auto take = [&](const std::string& value) { out_.decide(key, value, "md_front_matter", line); };
            if (key == "title") { meta.title = punct(scalar(v, key)); take(meta.title); }
            // pandoc's `subtitle` (Word's Subtitle style in its DOCX) is the standfirst, as in a DOCX,
            // unless a `standfirst` is given too.
            else if (key == "subtitle" && !has_standfirst) { meta.standfirst = markdown_inlines(scalar(v, key)); take(scalar(v, key)); }
            else if (key == "subtitle") { meta.subtitle = punct(scalar(v, key)); take(meta.subtitle); }
            else if (key == "standfirst") { meta.standfirst = markdown_inlines(scalar(v, key)); take(scalar(v, key)); }
            else if (key == "section") { meta.section = scalar(v, key); take(meta.section); }
            else if (key == "kind") { a.kind = scalar(v, key); take(a.kind); }
            else if (key == "id") { a.id = scalar(v, key); take(a.id); }
            else if (key == "lang") { lang_ = scalar(v, key); take(lang_); }
            else if (key == "date") {
                const std::string d = scalar(v, key);
                const auto iso = parse_date(d);
                if (!iso) throw QuireError(where(v), "the date ‘" + d + "’ is not a date (write 2024-03-01 or 1 March 2024)");
                meta.date = *iso;
                take(*iso);
            } else if (key == "author" || key == "authors") {
                const auto add = [&](const YAML::Node& n) {
                    model::Author author;
                    author.id = "a" + std::to_string(meta.authors.size() + 1);
                    author.role = "author";
                    author.where = where(n);
                    if (n.IsMap()) {
                        if (n["name"]) author.name = scalar(n["name"], "name");
                        if (n["role"]) author.role = scalar(n["role"], "role");
                        if (n["bio"]) author.bio = markdown_inlines(scalar(n["bio"], "bio"));
                    } else {
                        author.name = scalar(n, key);
                    }
                    if (author.name.empty()) throw QuireError(where(n), "an author without a name");
                    take(author.name);
                    meta.authors.push_back(std::move(author));
                };
                if (v.IsSequence()) for (const auto& n : v) add(n);
                else if (v.IsScalar()) for (const auto& name : split_authors(v.as<std::string>())) add(YAML::Node(name));
                else add(v);
            } else if (key == "bio") { bio_ = scalar(v, key); bio_line_ = line; }
            else if (key == "photo" || key == "image") { figure().src = scalar(v, key); take(figure().src); }
            else if (key == "alt") { figure().alt = scalar(v, key); take(figure().alt); }
            else if (key == "caption") { figure().caption = markdown_inlines(scalar(v, key)); take(scalar(v, key)); }
            else if (key == "credit") { figure().credit = scalar(v, key); take(figure().credit); }
            else if (key == "licence" || key == "license") { figure().licence = scalar(v, key); take(figure().licence); }
            else if (key == "keywords" || key == "tags") {
                if (v.IsSequence()) for (const auto& n : v) meta.keywords.push_back(scalar(n, key));
                else meta.keywords.push_back(scalar(v, key));
                take(std::to_string(meta.keywords.size()));
            } else if (key == "source" || key == "url") { meta.source_url = scalar(v, key); take(meta.source_url); }
            else out_.diagnostics.warning(SourceSpan{file_, line, 1}, "unknown front matter key ‘" + key +
                                                                     "’ ignored (docs/import.md lists the keys)");
        }
    }

    void body(std::string_view markdown, int first_line) {
        const std::string text = bracketed_spans(markdown);
        CmarkNode doc{cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT)};
        first_line_ = first_line;
        auto& a = out_.article;
        a.lang = options_.lang.empty() ? (lang_.empty() ? "en" : lang_) : options_.lang;
        bool in_bio = false;
        for (cmark_node* n = cmark_node_first_child(doc.get()); n; n = cmark_node_next(n)) {
            const int line = first_line_ + cmark_node_get_start_line(n) - 1;
            switch (cmark_node_get_type(n)) {
                case CMARK_NODE_HEADING: {
                    auto content = inlines(n);
                    const int level = cmark_node_get_heading_level(n);
                    const std::string t = model::plain_text(content);
                    if (level == 1 && a.meta.title.empty()) {
                        a.meta.title = t;
                        out_.decide("title", t, "md_first_heading_1", line);
                        break;
                    }
                    std::string low = t;
                    std::transform(low.begin(), low.end(), low.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                    if (low == "about the author" || low == "about the authors") {
                        in_bio = true;
                        out_.decide("bio", "(the paragraphs after it)", "md_about_the_author", line);
                        break;
                    }
                    in_bio = false;
                    Block h = Block::heading(std::clamp(level, 2, 4), std::move(content));
                    h.where = SourceSpan{file_, line, 1};
                    a.body.push_back(std::move(h));
                    break;
                }
                case CMARK_NODE_PARAGRAPH: {
                    if (in_bio) {
                        bio_paragraphs_.push_back(inlines(n));
                        break;
                    }
                    cmark_node* only = cmark_node_first_child(n);
                    if (only && !cmark_node_next(only) && cmark_node_get_type(only) == CMARK_NODE_IMAGE) {
                        Block b;
                        b.kind = BlockKind::FigureBlock;
                        b.figure.src = cmark_node_get_url(only) ? cmark_node_get_url(only) : "";
                        b.figure.alt = model::plain_text(inlines(only));
                        if (const char* title = cmark_node_get_title(only); title && *title) b.figure.caption = markdown_inlines(title);
                        b.where = SourceSpan{file_, line, 1};
                        out_.decide("figure", b.figure.src, "md_image_paragraph", line);
                        a.body.push_back(std::move(b));
                        break;
                    }
                    Block p = Block::paragraph(inlines(n));
                    p.where = SourceSpan{file_, line, 1};
                    a.body.push_back(std::move(p));
                    break;
                }
                case CMARK_NODE_BLOCK_QUOTE: {
                    Block q;
                    q.kind = BlockKind::BlockQuote;
                    q.where = SourceSpan{file_, line, 1};
                    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c))
                        q.children.push_back(Block::paragraph(inlines(c)));
                    a.body.push_back(std::move(q));
                    break;
                }
                case CMARK_NODE_LIST: {
                    Block list;
                    list.kind = BlockKind::List;
                    list.list_style = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST ? model::ListStyle::Ordered
                                                                                         : model::ListStyle::Unordered;
                    for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
                        Block li;
                        li.kind = BlockKind::ListItem;
                        for (cmark_node* c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
                            if (!li.content.empty()) li.content.push_back(Inline::plain(" "));
                            for (auto& x : inlines(c)) li.content.push_back(std::move(x));
                        }
                        list.children.push_back(std::move(li));
                    }
                    a.body.push_back(std::move(list));
                    break;
                }
                case CMARK_NODE_THEMATIC_BREAK: break;
                case CMARK_NODE_CODE_BLOCK:
                    out_.diagnostics.warning(SourceSpan{file_, line, 1}, "a code block: kept as a plain paragraph");
                    a.body.push_back(Block::paragraph(model::plain_inlines(cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "")));
                    break;
                default:
                    out_.diagnostics.warning(SourceSpan{file_, line, 1}, "HTML block left out (the article format takes no raw HTML)");
                    break;
            }
        }
    }

    void finish() {
        auto& a = out_.article;
        if (a.meta.title.empty())
            throw QuireError(SourceSpan{file_, 1, 1}, "no title: give one in the front matter (title: …) or as a first # heading");
        if (a.id.empty()) a.id = slugify(a.meta.title);
        if (!bio_.empty()) bio_paragraphs_.insert(bio_paragraphs_.begin(), markdown_inlines(bio_));
        if (!bio_paragraphs_.empty()) {
            if (a.meta.authors.empty()) {
                out_.diagnostics.warning(SourceSpan{file_, bio_line_, 1}, "a bio but no author: kept as paragraphs");
                for (auto& b : bio_paragraphs_) a.body.push_back(Block::paragraph(std::move(b)));
            } else {
                auto& bio = a.meta.authors[0].bio;
                for (auto& b : bio_paragraphs_) {
                    if (!bio.empty()) bio.push_back(Inline::plain(" "));
                    for (auto& x : b) bio.push_back(std::move(x));
                }
            }
        }
        for (const auto& author : a.meta.authors)
            if (!author.bio.empty()) {
                model::BackMatterItem item;
                item.kind = model::BackMatterKind::Bio;
                item.author_id = author.id;
                a.back_matter.push_back(item);
            }
        if (figure_) a.lead_figure = *figure_;
        const std::string forced = options_.lang.empty() ? lang_ : options_.lang;
        for (const auto& d : assign_languages(a, forced))
            out_.decide(d.field, d.value, d.paragraph ? "language: " + d.how + " (body block " + std::to_string(d.paragraph) + ")"
                                                       : (forced.empty() ? "language: " + d.how : options_.lang.empty() ? "md_front_matter lang" : "--lang"));
        if (punctuation_.total() > 0)
            out_.decide("normalised",
                        std::to_string(punctuation_.quotes) + " quotes, " + std::to_string(punctuation_.apostrophes) +
                            " apostrophes, " + std::to_string(punctuation_.dashes) + " dashes, " +
                            std::to_string(punctuation_.ellipses) + " ellipses made typographic",
                        "rule_typographic_punctuation");
    }

private:
    model::Figure& figure() {
        if (!figure_) {
            figure_.emplace();
            figure_->role = model::FigureRole::Lead;
        }
        return *figure_;
    }

    std::string punct(const std::string& s) { return typographic_punctuation(s, punctuation_); }

    // `[text]{lang=xx}` (pandoc's bracketed span) → `<span lang="xx">text</span>`, before CommonMark
    // parsing (CommonMark has no attribute syntax; the HTML form then goes through one path).
    static std::string bracketed_spans(std::string_view text) {
        static const std::regex span(R"(\[([^\[\]\n]*)\]\{\s*lang=["']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)["']?\s*\})");
        if (text.find("]{") == std::string_view::npos) return std::string(text);
        return std::regex_replace(std::string(text), span, "<span lang=\"$2\">$1</span>");
    }

    model::InlineText markdown_inlines(const std::string& text) {
        const std::string md = bracketed_spans(text);
        CmarkNode doc{cmark_parse_document(md.data(), md.size(), CMARK_OPT_DEFAULT)};
        model::InlineText out;
        for (cmark_node* n = cmark_node_first_child(doc.get()); n; n = cmark_node_next(n)) {
            if (!out.empty()) out.push_back(Inline::plain(" "));
            for (auto& x : inlines(n)) out.push_back(std::move(x));
        }
        return out;
    }

    // A block's inline children. Raw HTML spans (<span lang="uk">) open and close across siblings:
    // a stack of the open spans' contents.
    model::InlineText inlines(cmark_node* parent) {
        std::vector<model::InlineText> stack(1);
        std::vector<std::string> langs;
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
            auto& out = stack.back();
            const char* lit = cmark_node_get_literal(n);
            switch (cmark_node_get_type(n)) {
                case CMARK_NODE_TEXT: case CMARK_NODE_CODE: text(out, lit ? lit : ""); break;
                case CMARK_NODE_SOFTBREAK: text(out, " "); break;
                case CMARK_NODE_LINEBREAK: { Inline br; br.kind = InlineKind::LineBreak; out.push_back(br); context_ = ' '; break; }
                case CMARK_NODE_EMPH: out.push_back(Inline::wrap(InlineKind::Emphasis, inlines(n))); break;
                case CMARK_NODE_STRONG: out.push_back(Inline::wrap(InlineKind::Strong, inlines(n))); break;
                case CMARK_NODE_LINK: {
                    Inline link = Inline::wrap(InlineKind::Link, inlines(n));
                    link.href = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
                    out.push_back(std::move(link));
                    break;
                }
                case CMARK_NODE_IMAGE:
                    out_.diagnostics.warning(SourceSpan{file_, first_line_ + cmark_node_get_start_line(n) - 1, 1},
                                             "an image inside a paragraph's text: only its alt text is kept");
                    for (auto& x : inlines(n)) out.push_back(std::move(x));
                    break;
                case CMARK_NODE_HTML_INLINE: {
                    static const std::regex open(R"(^<span\s+(?:xml:)?lang\s*=\s*["']([A-Za-z0-9-]+)["']\s*>$)");
                    const std::string html = lit ? lit : "";
                    std::smatch m;
                    if (std::regex_match(html, m, open)) {
                        langs.push_back(m[1]);
                        stack.emplace_back();
                    } else if (html == "</span>" && stack.size() > 1) {
                        Inline span = Inline::wrap(InlineKind::Span, std::move(stack.back()));
                        span.lang = langs.back();
                        langs.pop_back();
                        stack.pop_back();
                        stack.back().push_back(std::move(span));
                    } else if (html.rfind("<br", 0) == 0) {
                        Inline br; br.kind = InlineKind::LineBreak; out.push_back(br);
                    } else {
                        ++dropped_html_;
                    }
                    break;
                }
                default: break;
            }
        }
        while (stack.size() > 1) {  // an unclosed span ends with its paragraph
            Inline span = Inline::wrap(InlineKind::Span, std::move(stack.back()));
            span.lang = langs.back();
            langs.pop_back();
            stack.pop_back();
            stack.back().push_back(std::move(span));
        }
        return std::move(stack[0]);
    }

    void text(model::InlineText& out, const std::string& s) {
        if (s.empty()) return;
        std::string done = typographic_punctuation(std::string(1, context_) + s, punctuation_);
        done.erase(0, 1);
        const unsigned char last = static_cast<unsigned char>(s.back());
        context_ = (last & 0x80) || std::isalnum(last) ? 'a' : ' ';
        if (!out.empty() && out.back().kind == InlineKind::Text) out.back().text += done;
        else out.push_back(Inline::plain(std::move(done)));
    }

    std::string file_;
    const DocumentOptions& options_;
    DocumentImport& out_;
    std::string lang_, bio_;
    int bio_line_ = 1, first_line_ = 1, dropped_html_ = 0;
    std::vector<model::InlineText> bio_paragraphs_;
    std::optional<model::Figure> figure_;
    PunctuationChanges punctuation_;
    char context_ = ' ';
};

}  // namespace

DocumentImport import_markdown(std::string_view text, const std::string& file, const DocumentOptions& options) {
    if (!utf8::valid(text)) throw QuireError(SourceSpan{file}, "the Markdown file is not UTF-8 text");
    DocumentImport out;
    out.place = "line";
    out.article.source_file = file;
    const FrontMatter fm = split_front_matter(text);
    MarkdownBuilder builder(file, options, out);
    builder.front_matter(fm);
    builder.body(fm.body, fm.body_line);
    builder.finish();
    return out;
}

}  // namespace quire::import
