// DOCX runs → the article's inline markup, with Word's manual formatting normalised (tabs, double
// spaces, soft hyphens, straight quotes). Each normalisation is counted for --explain.
#pragma once

#include "import/docx_reader.hpp"
#include "import/punctuation.hpp"
#include "model/article.hpp"

#include <string>

namespace quire::import {

struct InlineCounts {
    int tabs = 0, double_spaces = 0, small_caps = 0, superscripts = 0, note_references = 0, line_breaks = 0;
    int lang_spans = 0;
    PunctuationChanges punctuation;
};

// The primary language subtag, lower case: "pl-PL" → "pl"; "" for "".
std::string primary_language(std::string_view tag);

// A paragraph's runs as inlines: links, language spans (a run's explicit w:lang whose language is not
// `article_lang`), <strong>, <em>; note references as superscript digits (¹²); images skipped.
model::InlineText docx_inlines(const std::vector<DocxRun>& runs, const std::string& article_lang, InlineCounts& counts);

// Superscript digits for a note number ("12" → "¹²").
std::string superscript_number(int n);

}  // namespace quire::import
