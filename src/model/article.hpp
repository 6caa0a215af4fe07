// The article model: what every importer produces and every output (print, EPUB, proof) reads.
// Its XML form is documented in docs/article-format.md; element names follow XHTML for the body
// (so EPUB output is direct), Dublin Core / PRISM for metadata.
#pragma once

#include "core/diagnostic.hpp"

#include <optional>
#include <string>
#include <vector>

namespace quire::model {

// ---- Inline content -------------------------------------------------------------------------

enum class InlineKind {
    Text,       // characters, exactly as published (whitespace runs collapsed to one space)
    Emphasis,   // <em>
    Strong,     // <strong>
    Link,       // <a href="…">
    LineBreak,  // <br/>
    Span,       // <span xml:lang="uk">: a phrase in another language (hyphenation, shaping, EPUB lang)
    Speaker,    // <speaker>: an interview's speaker label at the start of a paragraph, as printed ("NEE:")
};

struct Inline {
    InlineKind kind = InlineKind::Text;
    std::string text;              // Text only (UTF-8)
    std::string href;              // Link only
    std::string lang;              // Span (and optionally any element): BCP 47 tag
    std::vector<Inline> children;  // every kind but Text and LineBreak
    SourceSpan where;

    static Inline plain(std::string text) { Inline i; i.text = std::move(text); return i; }
    static Inline wrap(InlineKind kind, std::vector<Inline> children) {
        Inline i; i.kind = kind; i.children = std::move(children); return i;
    }
    bool operator==(const Inline& o) const;  // ignores `where`
};

using InlineText = std::vector<Inline>;

// The characters of inline content, markup dropped; a line break becomes "\n".
std::string plain_text(const InlineText& content);
InlineText plain_inlines(std::string text);  // {} for an empty string

// ---- Figures --------------------------------------------------------------------------------

enum class FigureRole { Lead, Inline };

struct Figure {
    FigureRole role = FigureRole::Inline;
    std::string src;      // path relative to the article's folder
    std::string alt;      // text alternative (EPUB accessibility); empty = missing
    InlineText caption;   // may be empty
    std::string credit;   // "Kosmogenez / Shutterstock"; may be empty
    std::string licence;  // e.g. "CC BY-SA 3.0"; may be empty
    SourceSpan where;
    bool operator==(const Figure& o) const;
};

// ---- Blocks ---------------------------------------------------------------------------------

enum class BlockKind {
    Paragraph,   // <p>
    Heading,     // <h2> … <h4>; the article title is the only h1
    BlockQuote,  // <blockquote>: children are paragraphs; `attribution` optional
    PullQuote,   // <pullquote>: a short quotation repeated from the text for display
    List,        // <ul>/<ol>: children are ListItem
    ListItem,    // <li>: inline content
    FigureBlock, // <figure> inside the body
};

enum class ListStyle { Unordered, Ordered };

// Pull quotes and figures: set in one column (the default) or across all the columns, at the head of
// a page, where the layout allows it (<figure span="…"> in layouts/*.xml); span="all" in the article.
enum class ColumnSpan { Column, All };

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    int level = 2;                // Heading: 2..4
    ListStyle list_style = ListStyle::Unordered;
    InlineText content;           // Paragraph, Heading, PullQuote, ListItem
    std::vector<Block> children;  // BlockQuote (paragraphs), List (items)
    std::string attribution;      // BlockQuote, PullQuote: who said it (optional)
    std::string lang;             // xml:lang when it differs from the article's
    // Paragraph: TeX's \looseness, for copyfitting: set this many lines more (or fewer, negative)
    // than the best breaks, when the paragraph allows it (The TeXbook ch. 14). 0 = the best breaks.
    int looseness = 0;
    ColumnSpan span = ColumnSpan::Column;  // PullQuote, FigureBlock
    Figure figure;                // FigureBlock only
    SourceSpan where;

    static Block paragraph(InlineText content) { Block b; b.content = std::move(content); return b; }
    static Block heading(int level, InlineText content) {
        Block b; b.kind = BlockKind::Heading; b.level = level; b.content = std::move(content); return b;
    }
    bool operator==(const Block& o) const;
};

// ---- Metadata -------------------------------------------------------------------------------

struct Author {
    std::string id;    // "a1": referenced by <bio author="a1"/>
    std::string name;  // as printed
    std::string role;  // "author" (default), "interviewer", "translator", "photographer"
    InlineText bio;    // may be empty
    SourceSpan where;
    bool operator==(const Author& o) const;
};

struct ArticleMeta {
    std::string title;         // dc:title (plain text)
    std::string subtitle;      // optional
    InlineText standfirst;     // optional: the deck under the title
    std::string section;       // "Articles and Commentary" (prism:section)
    std::string date;          // ISO 8601 "YYYY-MM-DD" (dc:date)
    std::vector<Author> authors;
    std::vector<std::string> keywords;  // dc:subject
    std::string source_url;    // where it was published online (dc:source), optional
    std::string revised;       // ISO 8601 "YYYY-MM-DD": last revision or correction (moves the EPUB's dcterms:modified), optional
    SourceSpan where;
    SourceSpan date_where;     // the <date> element, for messages
    bool operator==(const ArticleMeta& o) const;
};

// ---- Back matter ----------------------------------------------------------------------------

// A piece of house text or the author's note at the end: the donation appeal, a copyright notice.
struct Notice {
    std::string kind;             // "donation", "copyright", "correction", … (free, lower case)
    std::vector<Block> content;   // paragraphs; empty in an article = take the publication's text
    SourceSpan where;
    bool operator==(const Notice& o) const;
};

enum class BackMatterKind { Bio, Notice };

struct BackMatterItem {
    BackMatterKind kind = BackMatterKind::Bio;
    std::string author_id;  // Bio: which author's bio (Author::id)
    Notice notice;          // Notice
    SourceSpan where;
    bool operator==(const BackMatterItem& o) const;
};

// ---- The article ----------------------------------------------------------------------------

struct Article {
    std::string id;            // stable, lower-case slug: "armenia-pawn-kazakhstan"
    std::string lang = "en";   // xml:lang, BCP 47
    std::string kind;          // "commentary", "interview", "analysis", "report", "review" (free)
    std::string publication;   // path of the publication profile, relative to the article (optional)
    ArticleMeta meta;
    std::optional<Figure> lead_figure;  // role="lead"
    std::vector<Block> body;
    std::vector<BackMatterItem> back_matter;

    std::string source_file;   // the file it was read from (for messages); not written

    const Author* find_author(const std::string& id) const;
    bool operator==(const Article& o) const;  // compares content, not source places
};

// The authors' names as a byline: "A, B & C". Printed, each name is kept on one line (its spaces
// become no-break spaces: a byline or a contents entry that wraps breaks between names, never
// "Olena / Shevchenko"); as metadata (the PDF's Author, a running head's {author}) plain spaces.
enum class NameSpaces { Plain, NoBreak };
std::string joined_author_names(const Article& a, NameSpaces spaces);

}  // namespace quire::model
