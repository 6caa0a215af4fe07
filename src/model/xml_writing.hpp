// Writing the article XML by hand rather than through tinyxml2's printer: block elements go one per
// line, indented; inline content stays on its element's line, so the text round-trips exactly and the
// file reads well in a diff.
#pragma once

#include "core/markup_escape.hpp"
#include "model/article.hpp"

#include <string>
#include <utility>
#include <vector>

namespace quire::model {

class XmlWriter {
public:
    using Attributes = std::vector<std::pair<std::string, std::string>>;  // empty values are skipped

    void open(const std::string& name, const Attributes& attributes = {});
    void close(const std::string& name);
    // <name attrs>text</name> on one line; skipped when text is empty and `Keep::IfEmpty` is not given.
    enum class Keep { IfNotEmpty, Always };
    void text_element(const std::string& name, const std::string& text, const Attributes& attributes = {},
                      Keep keep = Keep::IfNotEmpty);
    void inline_element(const std::string& name, const InlineText& content, const Attributes& attributes = {},
                        Keep keep = Keep::IfNotEmpty);
    void empty_element(const std::string& name, const Attributes& attributes);
    void blocks(const std::vector<Block>& blocks);
    void figure(const Figure& figure, ColumnSpan span = ColumnSpan::Column);

    std::string finish();

private:
    void indent();
    static std::string attributes_text(const Attributes& attributes);
    static void inlines(const InlineText& content, std::string& out);

    std::string out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    int depth_ = 0;
};


}  // namespace quire::model
