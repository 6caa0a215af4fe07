// Stage 2 of the DOCX import: the package's WordprocessingML (ECMA-376 Part 1, §17) read into
// paragraphs of formatted runs, with styles resolved (basedOn chains, character styles), list
// numbering, hyperlinks, notes, images, tracked changes and comments. Then docx_article.cpp.
#pragma once

#include "import/docx_package.hpp"
#include "import/document_import.hpp"

#include <string>
#include <vector>

namespace quire::import {

enum class DocxRunKind { Text, LineBreak, NoteReference, Image };

struct DocxRun {
    DocxRunKind kind = DocxRunKind::Text;
    std::string text;        // Text (tabs as '\t', soft hyphens removed and counted)
    bool italic = false, bold = false, small_caps = false, superscript = false;
    std::string lang;        // an explicit w:lang on the run or its character style; "" = inherited
    std::string href;        // inside a hyperlink (external target)
    int note = 0;            // NoteReference: the note's number (footnotes, then endnotes, in order of reference)
    std::string image;       // Image: the part name ("word/media/image1.png")
    std::string alt;         // Image: wp:docPr descr (else title)
};

struct DocxParagraph {
    int number = 0;          // 1-based, in document order (empty ones too): the "p. N" of messages
    std::string style;       // the paragraph style's name, lower case ("heading 2", "title", "normal")
    std::string builtin;     // the nearest built-in style it is based on ("heading 2"), else = style
    int outline = 0;         // heading level 1..9 from the style or w:outlineLvl (0: none)
    int list_level = -1;     // w:numPr ilvl (-1: not a list item)
    bool ordered = false;    // the list level's numFmt is not a bullet
    int num_id = 0;
    bool in_table = false;
    std::vector<DocxRun> runs;

    std::string text() const;  // the characters of its Text runs
};

struct DocxChange {
    int paragraph = 0;
    std::string kind;        // "insertion", "deletion", "move"
    std::string text;
    std::string author;
};

struct DocxComment {
    int paragraph = 0;
    std::string author;
    std::string text;
    std::string anchor;      // the commented text
};

struct DocxNote {
    int number = 0;                       // 1-based, order of first reference
    std::vector<DocxParagraph> paragraphs;
};

struct DocxDocument {
    std::string file;
    std::vector<DocxParagraph> paragraphs;
    std::vector<DocxChange> changes;      // all found, whatever the option did with them
    std::vector<DocxComment> comments;
    std::vector<DocxNote> notes;
    std::string default_lang;             // styles.xml docDefaults w:lang ("en-US")
    int tabs = 0, soft_hyphens = 0, tables = 0, page_breaks = 0;
};

// Throws QuireError for XML that does not parse (naming the part and line).
DocxDocument read_docx(const DocxPackage& package, TrackedChanges changes);

}  // namespace quire::import
