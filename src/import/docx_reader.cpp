#include "import/docx_reader.hpp"

#include "core/diagnostic.hpp"
#include "import/utf8.hpp"

#include <tinyxml2.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <optional>
#include <set>

namespace quire::import {

using tinyxml2::XMLElement;

std::string DocxParagraph::text() const {
    std::string out;
    for (const auto& run : runs)
        if (run.kind == DocxRunKind::Text) out += run.text;
    return out;
}

namespace {

// Element names without their prefix: producers may bind WordprocessingML to a prefix other than w:.
std::string_view local(const XMLElement* e) {
    std::string_view name = e->Name();
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

const char* attr(const XMLElement* e, std::string_view name) {
    for (auto* a = e->FirstAttribute(); a; a = a->Next()) {
        std::string_view n = a->Name();
        const auto colon = n.find(':');
        if ((colon == std::string_view::npos ? n : n.substr(colon + 1)) == name) return a->Value();
    }
    return nullptr;
}

const XMLElement* child(const XMLElement* e, std::string_view name) {
    for (auto* c = e ? e->FirstChildElement() : nullptr; c; c = c->NextSiblingElement())
        if (local(c) == name) return c;
    return nullptr;
}

// ST_OnOff: present without w:val, or "1"/"true"/"on", is on (§17.17.4).
std::optional<bool> on_off(const XMLElement* props, std::string_view name) {
    const XMLElement* e = child(props, name);
    if (!e) return std::nullopt;
    const char* v = attr(e, "val");
    if (!v) return true;
    return !(std::strcmp(v, "0") == 0 || std::strcmp(v, "false") == 0 || std::strcmp(v, "off") == 0);
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

struct RunProps {
    std::optional<bool> italic, bold, small_caps, superscript;
    std::string lang;
    void read(const XMLElement* rpr) {
        if (!rpr) return;
        if (auto v = on_off(rpr, "i")) italic = v;
        if (auto v = on_off(rpr, "b")) bold = v;
        if (auto v = on_off(rpr, "smallCaps")) small_caps = v;
        if (const auto* va = child(rpr, "vertAlign"))
            if (const char* v = attr(va, "val")) superscript = std::strcmp(v, "superscript") == 0;
        if (const auto* l = child(rpr, "lang"))
            if (const char* v = attr(l, "val")) lang = v;
    }
    // `over` wins where it says something.
    void overlay(const RunProps& over) {
        if (over.italic) italic = over.italic;
        if (over.bold) bold = over.bold;
        if (over.small_caps) small_caps = over.small_caps;
        if (over.superscript) superscript = over.superscript;
        if (!over.lang.empty()) lang = over.lang;
    }
};

struct Style {
    std::string type, name, based_on;
    int outline = 0;
    RunProps run;
};

// Word's built-in paragraph styles the importer maps (their w:name values, lower case).
bool known_builtin(const std::string& name) {
    static const std::set<std::string> known = {
        "title", "subtitle", "heading 1", "heading 2", "heading 3", "heading 4", "heading 5", "heading 6",
        "quote", "intense quote", "block text", "quotations", "caption", "image caption", "author", "date",
        "abstract", "list paragraph", "footnote text", "endnote text", "normal"};
    return known.count(name) > 0;
}

class Reader {
public:
    Reader(const DocxPackage& package, TrackedChanges changes) : package_(package), mode_(changes) {
        doc_.file = package.file;
    }

    DocxDocument run() {
        read_styles();
        read_numbering();
        read_rels();
        read_comment_texts();
        tinyxml2::XMLDocument xml;
        const XMLElement* root = parse(xml, "word/document.xml");
        const XMLElement* body = child(root, "body");
        if (!body) throw QuireError(SourceSpan{package_.file}, "word/document.xml has no <w:body>");
        block_container(body, doc_.paragraphs, false);
        read_notes();
        for (auto& [id, c] : comments_)
            if (c.paragraph) doc_.comments.push_back(c);
        std::stable_sort(doc_.comments.begin(), doc_.comments.end(),
                         [](const DocxComment& a, const DocxComment& b) { return a.paragraph < b.paragraph; });
        return std::move(doc_);
    }

private:
    const XMLElement* parse(tinyxml2::XMLDocument& xml, const std::string& part) {
        const auto found = package_.parts.find(part);
        if (found == package_.parts.end()) return nullptr;
        if (xml.Parse(found->second.data(), found->second.size()) != tinyxml2::XML_SUCCESS)
            throw QuireError(SourceSpan{package_.file + ":" + part, xml.ErrorLineNum()},
                             std::string("the document's XML is damaged: ") + xml.ErrorStr());
        return xml.RootElement();
    }

    void read_styles() {
        tinyxml2::XMLDocument xml;
        const XMLElement* root = parse(xml, "word/styles.xml");
        if (!root) return;
        if (const auto* defaults = child(child(child(root, "docDefaults"), "rPrDefault"), "rPr"))
            if (const auto* l = child(defaults, "lang"))
                if (const char* v = attr(l, "val")) doc_.default_lang = v;
        for (auto* s = root->FirstChildElement(); s; s = s->NextSiblingElement()) {
            if (local(s) != "style") continue;
            Style style;
            if (const char* t = attr(s, "type")) style.type = t;
            if (const auto* n = child(s, "name"))
                if (const char* v = attr(n, "val")) style.name = lower(v);
            if (const auto* b = child(s, "basedOn"))
                if (const char* v = attr(b, "val")) style.based_on = v;
            if (const auto* o = child(child(s, "pPr"), "outlineLvl"))
                if (const char* v = attr(o, "val")) style.outline = std::atoi(v) + 1;
            style.run.read(child(s, "rPr"));
            if (const char* id = attr(s, "styleId")) styles_[id] = std::move(style);
        }
    }

    // A paragraph style's own name and its nearest known built-in ancestor; heading level.
    void resolve_paragraph_style(const std::string& id, DocxParagraph& p) {
        std::string at = id.empty() ? default_paragraph_style() : id;
        for (int depth = 0; depth < 20 && !at.empty(); ++depth) {
            const auto found = styles_.find(at);
            if (found == styles_.end()) break;
            const Style& s = found->second;
            if (p.style.empty()) p.style = s.name;
            if (!p.outline && s.outline) p.outline = s.outline;
            if (known_builtin(s.name)) {
                p.builtin = s.name;
                break;
            }
            at = s.based_on;
        }
        if (p.style.empty() && !id.empty()) {
            // A style the document uses without defining it (no styles.xml): built-in style ids are
            // their English names without spaces ("Heading2", "Title").
            std::string name = lower(id);
            if (!name.empty() && std::isdigit(static_cast<unsigned char>(name.back())) && name.rfind("heading", 0) == 0)
                name.insert(name.size() - 1, " ");
            p.style = name;
            if (known_builtin(name)) p.builtin = name;
        }
        if (p.builtin.empty()) p.builtin = p.style;
        if (!p.outline && p.builtin.rfind("heading ", 0) == 0) p.outline = std::atoi(p.builtin.c_str() + 8);
        if (p.builtin == "title") p.outline = 0;
    }

    std::string default_paragraph_style() {
        for (const auto& [id, s] : styles_)
            if (s.type == "paragraph" && s.name == "normal") return id;
        return {};
    }

    RunProps character_style(const std::string& id) {
        RunProps props;
        std::vector<const Style*> chain;
        for (std::string at = id; !at.empty() && chain.size() < 20;) {
            const auto found = styles_.find(at);
            if (found == styles_.end()) break;
            chain.push_back(&found->second);
            at = found->second.based_on;
        }
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) props.overlay((*it)->run);
        return props;
    }

    void read_numbering() {
        tinyxml2::XMLDocument xml;
        const XMLElement* root = parse(xml, "word/numbering.xml");
        if (!root) return;
        std::map<std::string, std::map<int, bool>> abstract_ordered;
        for (auto* e = root->FirstChildElement(); e; e = e->NextSiblingElement()) {
            if (local(e) == "abstractNum") {
                const char* id = attr(e, "abstractNumId");
                for (auto* lvl = e->FirstChildElement(); lvl; lvl = lvl->NextSiblingElement()) {
                    if (local(lvl) != "lvl") continue;
                    const char* fmt = nullptr;
                    if (const auto* f = child(lvl, "numFmt")) fmt = attr(f, "val");
                    const char* ilvl = attr(lvl, "ilvl");
                    abstract_ordered[id ? id : ""][ilvl ? std::atoi(ilvl) : 0] =
                        fmt && std::strcmp(fmt, "bullet") != 0 && std::strcmp(fmt, "none") != 0;
                }
            }
        }
        for (auto* e = root->FirstChildElement(); e; e = e->NextSiblingElement()) {
            if (local(e) != "num") continue;
            const char* id = attr(e, "numId");
            const auto* a = child(e, "abstractNumId");
            const char* aid = a ? attr(a, "val") : nullptr;
            if (id && aid) ordered_[std::atoi(id)] = abstract_ordered[aid];
        }
    }

    void read_rels() {
        tinyxml2::XMLDocument xml;
        const XMLElement* root = parse(xml, "word/_rels/document.xml.rels");
        if (!root) return;
        for (auto* r = root->FirstChildElement(); r; r = r->NextSiblingElement()) {
            const char* id = attr(r, "Id");
            const char* target = attr(r, "Target");
            if (!id || !target) continue;
            const char* mode = attr(r, "TargetMode");
            std::string t = target;
            if (!(mode && std::strcmp(mode, "External") == 0)) {
                // Internal targets are relative to word/ (OPC part names), or absolute ("/word/media/…").
                t = t.rfind('/', 0) == 0 ? t.substr(1) : "word/" + t;
            }
            rels_[id] = t;
        }
    }

    void read_comment_texts() {
        tinyxml2::XMLDocument xml;
        const XMLElement* root = parse(xml, "word/comments.xml");
        if (!root) return;
        for (auto* c = root->FirstChildElement(); c; c = c->NextSiblingElement()) {
            if (local(c) != "comment") continue;
            DocxComment comment;
            if (const char* a = attr(c, "author")) comment.author = a;
            std::vector<DocxParagraph> paragraphs;
            Reader& self = *this;
            const int saved = paragraph_count_;
            self.block_container(c, paragraphs, false, Counting::No);
            paragraph_count_ = saved;
            for (const auto& p : paragraphs) comment.text += (comment.text.empty() ? "" : " ") + p.text();
            if (const char* id = attr(c, "id")) comments_[id] = std::move(comment);
        }
    }

    void read_notes() {
        // Footnotes, then endnotes, numbered in the order the text refers to them.
        for (const char* part : {"word/footnotes.xml", "word/endnotes.xml"}) {
            tinyxml2::XMLDocument xml;
            const XMLElement* root = parse(xml, part);
            if (!root) continue;
            const bool foot = std::strcmp(part, "word/footnotes.xml") == 0;
            for (auto* n = root->FirstChildElement(); n; n = n->NextSiblingElement()) {
                const char* id = attr(n, "id");
                if (!id) continue;
                const auto found = note_numbers_.find((foot ? "f" : "e") + std::string(id));
                if (found == note_numbers_.end()) continue;  // separators, unreferenced notes
                DocxNote note;
                note.number = found->second;
                const int saved = paragraph_count_;
                block_container(n, note.paragraphs, false, Counting::No);
                paragraph_count_ = saved;
                doc_.notes.push_back(std::move(note));
            }
        }
        std::sort(doc_.notes.begin(), doc_.notes.end(), [](const DocxNote& a, const DocxNote& b) { return a.number < b.number; });
    }

    enum class Counting { Yes, No };

    void block_container(const XMLElement* parent, std::vector<DocxParagraph>& out, bool in_table,
                         Counting counting = Counting::Yes) {
        for (auto* e = parent->FirstChildElement(); e; e = e->NextSiblingElement()) {
            const auto name = local(e);
            if (name == "p") {
                DocxParagraph p;
                if (counting == Counting::Yes) p.number = ++paragraph_count_;
                p.in_table = in_table;
                paragraph(e, p);
                out.push_back(std::move(p));
            } else if (name == "tbl") {
                if (!in_table && counting == Counting::Yes) ++doc_.tables;
                for (auto* row = e->FirstChildElement(); row; row = row->NextSiblingElement())
                    if (local(row) == "tr")
                        for (auto* cell = row->FirstChildElement(); cell; cell = cell->NextSiblingElement())
                            if (local(cell) == "tc") block_container(cell, out, true, counting);
            } else if (name == "sdt") {
                if (const auto* content = child(e, "sdtContent")) block_container(content, out, in_table, counting);
            } else if (change_kind(name)) {
                // Paragraphs inside a tracked change (a moved or inserted block).
                block_container(e, out, in_table, counting);
            }
        }
    }

    static const char* change_kind(std::string_view name) {
        if (name == "ins") return "insertion";
        if (name == "del") return "deletion";
        if (name == "moveFrom" || name == "moveTo") return "move";
        return nullptr;
    }

    void paragraph(const XMLElement* e, DocxParagraph& p) {
        const XMLElement* ppr = child(e, "pPr");
        std::string style_id;
        if (const auto* s = child(ppr, "pStyle"))
            if (const char* v = attr(s, "val")) style_id = v;
        resolve_paragraph_style(style_id, p);
        if (const auto* o = child(ppr, "outlineLvl"))
            if (const char* v = attr(o, "val")) p.outline = std::atoi(v) + 1;
        if (const auto* num = child(ppr, "numPr")) {
            const auto* ilvl = child(num, "ilvl");
            const auto* id = child(num, "numId");
            const int num_id = id && attr(id, "val") ? std::atoi(attr(id, "val")) : 0;
            if (num_id > 0) {  // numId 0 removes numbering (§17.9.18)
                p.num_id = num_id;
                p.list_level = ilvl && attr(ilvl, "val") ? std::atoi(attr(ilvl, "val")) : 0;
                p.ordered = ordered_[num_id][p.list_level];
            }
        }
        current_ = &p;
        inline_container(e, Context{});
        current_ = nullptr;
    }

    struct Context {
        std::string href;
        bool dropped = false;  // inside a change this mode drops
    };

    void inline_container(const XMLElement* parent, const Context& ctx) {
        for (auto* e = parent->FirstChildElement(); e; e = e->NextSiblingElement()) {
            const auto name = local(e);
            if (name == "r") run(e, ctx);
            else if (name == "hyperlink") {
                Context inner = ctx;
                if (const char* id = attr(e, "id")) {
                    const auto found = rels_.find(id);
                    if (found != rels_.end()) inner.href = found->second;
                }
                inline_container(e, inner);
            } else if (const char* kind = change_kind(name)) {
                const bool insertion = name == "ins" || name == "moveTo";
                DocxChange change;
                change.paragraph = current_->number;
                change.kind = kind;
                if (const char* a = attr(e, "author")) change.author = a;
                change.text = collect_text(e);
                if (name != "moveTo") doc_.changes.push_back(change);  // a move is listed once, at its source
                Context inner = ctx;
                const bool keep = mode_ == TrackedChanges::Reject ? !insertion : insertion;
                inner.dropped = ctx.dropped || (mode_ != TrackedChanges::Refuse && !keep) ||
                                (mode_ == TrackedChanges::Refuse && !insertion);
                inline_container(e, inner);
            } else if (name == "smartTag" || name == "customXml" || name == "fldSimple") {
                Context inner = ctx;
                if (name == "fldSimple")
                    if (const char* instr = attr(e, "instr")) inner.href = hyperlink_target(instr, ctx.href);
                inline_container(e, inner);
            } else if (name == "sdt") {
                if (const auto* content = child(e, "sdtContent")) inline_container(content, ctx);
            } else if (name == "commentRangeStart") {
                if (const char* id = attr(e, "id")) {
                    open_comments_.insert(id);
                    auto& c = comments_[id];
                    if (!c.paragraph) c.paragraph = current_ ? current_->number : 0;
                }
            } else if (name == "commentRangeEnd") {
                if (const char* id = attr(e, "id")) open_comments_.erase(id);
            }
        }
    }

    static std::string hyperlink_target(std::string_view instr, const std::string& otherwise) {
        // HYPERLINK "https://…" (§17.16.5.25); a \l switch makes it a bookmark: no external target.
        const auto at = instr.find("HYPERLINK");
        if (at == std::string_view::npos || instr.find("\\l") != std::string_view::npos) return otherwise;
        const auto open = instr.find('"', at);
        const auto close = open == std::string_view::npos ? open : instr.find('"', open + 1);
        if (close == std::string_view::npos) return otherwise;
        return std::string(instr.substr(open + 1, close - open - 1));
    }

    std::string collect_text(const XMLElement* e) {
        std::string out;
        for (auto* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) {
            const auto name = local(c);
            if ((name == "t" || name == "delText") && c->GetText()) out += c->GetText();
            else if (name == "tab") out += ' ';
            else out += collect_text(c);
        }
        return out;
    }

    void add_text(DocxRun proto, std::string text) {
        for (const auto& id : open_comments_) comments_[id].anchor += text;
        auto& runs = current_->runs;
        if (!runs.empty()) {
            DocxRun& last = runs.back();
            if (last.kind == DocxRunKind::Text && last.italic == proto.italic && last.bold == proto.bold &&
                last.small_caps == proto.small_caps && last.superscript == proto.superscript &&
                last.lang == proto.lang && last.href == proto.href) {
                last.text += text;
                return;
            }
        }
        proto.text = std::move(text);
        runs.push_back(std::move(proto));
    }

    void run(const XMLElement* r, const Context& ctx) {
        RunProps props;
        const XMLElement* rpr = child(r, "rPr");
        if (const auto* s = child(rpr, "rStyle"))
            if (const char* v = attr(s, "val")) props = character_style(v);
        RunProps direct;
        direct.read(rpr);
        props.overlay(direct);
        DocxRun proto;
        proto.italic = props.italic.value_or(false);
        proto.bold = props.bold.value_or(false);
        proto.small_caps = props.small_caps.value_or(false);
        proto.superscript = props.superscript.value_or(false);
        proto.lang = props.lang;
        proto.href = ctx.href;
        for (auto* e = r->FirstChildElement(); e; e = e->NextSiblingElement()) {
            const auto name = local(e);
            // Complex fields (§17.16.18): the instruction is not text; its result is.
            if (name == "fldChar") {
                const char* type = attr(e, "fldCharType");
                if (!type) continue;
                if (std::strcmp(type, "begin") == 0) fields_.push_back({});
                else if (std::strcmp(type, "separate") == 0 && !fields_.empty()) fields_.back().in_result = true;
                else if (std::strcmp(type, "end") == 0 && !fields_.empty()) fields_.pop_back();
                continue;
            }
            if (!fields_.empty() && !fields_.back().in_result) {
                if (name == "instrText" && e->GetText()) fields_.back().instr += e->GetText();
                continue;
            }
            if (!fields_.empty() && proto.href.empty()) proto.href = hyperlink_target(fields_.back().instr, "");
            if (ctx.dropped) continue;
            if (name == "t" || name == "delText") {
                if (const char* t = e->GetText()) add_text(proto, t);
                // tinyxml2 9 drops whitespace-only text: pandoc writes each space between words as
                // its own <w:t xml:space="preserve"> </w:t>.
                else if (attr(e, "space")) add_text(proto, " ");
            } else if (name == "tab") {
                ++doc_.tabs;
                add_text(proto, "\t");
            } else if (name == "br" || name == "cr") {
                const char* type = attr(e, "type");
                if (type && (std::strcmp(type, "page") == 0 || std::strcmp(type, "column") == 0)) {
                    ++doc_.page_breaks;
                    continue;
                }
                DocxRun br = proto;
                br.kind = DocxRunKind::LineBreak;
                current_->runs.push_back(br);
            } else if (name == "softHyphen") {
                ++doc_.soft_hyphens;
            } else if (name == "noBreakHyphen") {
                add_text(proto, "\xE2\x80\x91");  // U+2011 NON-BREAKING HYPHEN
            } else if (name == "footnoteReference" || name == "endnoteReference") {
                const char* id = attr(e, "id");
                if (!id) continue;
                const std::string key = (name == "footnoteReference" ? "f" : "e") + std::string(id);
                auto [it, fresh] = note_numbers_.emplace(key, static_cast<int>(note_numbers_.size()) + 1);
                (void)fresh;
                DocxRun ref = proto;
                ref.kind = DocxRunKind::NoteReference;
                ref.note = it->second;
                current_->runs.push_back(ref);
            } else if (name == "drawing" || name == "pict" || name == "AlternateContent" || name == "object") {
                image(e, proto);
            }
        }
    }

    // An embedded picture: the first a:blip r:embed (DrawingML) or v:imagedata r:id (VML) below `e`,
    // with wp:docPr's descr (the alt text Word's "Alt Text" pane writes), else its title.
    void image(const XMLElement* e, const DocxRun& proto) {
        std::string target, alt;
        find_image(e, target, alt);
        if (target.empty()) return;
        DocxRun run = proto;
        run.kind = DocxRunKind::Image;
        run.image = target;
        run.alt = alt;
        current_->runs.push_back(run);
    }

    void find_image(const XMLElement* e, std::string& target, std::string& alt) {
        for (auto* c = e->FirstChildElement(); c && target.empty(); c = c->NextSiblingElement()) {
            const auto name = local(c);
            if (name == "Fallback") continue;  // mc:AlternateContent: the Choice is the same picture
            if (name == "docPr" || (name == "shape" && attr(c, "alt"))) {
                const char* d = attr(c, name == "shape" ? "alt" : "descr");
                if (!d || !*d) d = attr(c, "title");
                if (d && *d && alt.empty()) alt = d;
            }
            if (name == "blip" || name == "imagedata") {
                const char* id = attr(c, name == "blip" ? "embed" : "id");
                if (id) {
                    const auto found = rels_.find(id);
                    if (found != rels_.end()) target = found->second;
                }
            }
            find_image(c, target, alt);
        }
    }

    struct Field {
        std::string instr;
        bool in_result = false;
    };

    const DocxPackage& package_;
    TrackedChanges mode_;
    DocxDocument doc_;
    std::map<std::string, Style> styles_;
    std::map<int, std::map<int, bool>> ordered_;
    std::map<std::string, std::string> rels_;
    std::map<std::string, DocxComment> comments_;
    std::set<std::string> open_comments_;
    std::map<std::string, int> note_numbers_;
    std::vector<Field> fields_;
    DocxParagraph* current_ = nullptr;
    int paragraph_count_ = 0;
};

}  // namespace

DocxDocument read_docx(const DocxPackage& package, TrackedChanges changes) {
    return Reader(package, changes).run();
}

}  // namespace quire::import
