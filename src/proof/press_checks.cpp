#include "proof/press_checks.hpp"

#include "proof/pdf_text.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <optional>
#include <set>

namespace quire::proof {

namespace {

std::string fmt(const char* format, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

// PDF matrices, row-vector convention (PDF 32000-1 §8.3.4): p' = p × M.
struct Matrix {
    double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
    // this applied first, then `o`
    Matrix then(const Matrix& o) const {
        return Matrix{a * o.a + b * o.c,       a * o.b + b * o.d,       c * o.a + d * o.c,
                      c * o.b + d * o.d,       e * o.a + f * o.c + o.e, e * o.b + f * o.d + o.f};
    }
    void apply(double x, double y, double& ox, double& oy) const {
        ox = a * x + c * y + e;
        oy = b * x + d * y + f;
    }
    double scale() const { return std::sqrt(std::abs(a * d - b * c)); }
};

// A box in PDF page space (y up).
struct Box {
    double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
    bool empty() const { return x0 > x1 || y0 > y1; }
    void add(double x, double y) {
        x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
    }
    Box intersect(const Box& o) const {
        Box r;
        r.x0 = std::max(x0, o.x0), r.y0 = std::max(y0, o.y0), r.x1 = std::min(x1, o.x1), r.y1 = std::min(y1, o.y1);
        return r;
    }
};

// What a path-painting operator does with the path (PDF 32000-1 §8.5.3: S stroke, f fill, B both,
// n neither; a clipping path W is pending either way), and whether a point starts a subpath.
enum class Paint { None, Fill, Stroke, FillAndStroke };
enum class PathPoint { Continue, StartSubpath };

enum class Space { Gray, Rgb, Cmyk, All, OtherSeparation, IccRgb, IccCmyk, IccGray, Lab, Pattern, Other };

struct Colour {
    Space space = Space::Gray;
    std::vector<double> v{0};
};

struct GState {
    Matrix ctm;
    Colour fill, stroke;
    double line_width = 1;
    std::optional<Box> clip;
};

std::vector<double> defaults(Space s) {
    switch (s) {
        case Space::Rgb: case Space::IccRgb: case Space::Lab: return {0, 0, 0};
        case Space::Cmyk: case Space::IccCmyk: return {0, 0, 0, 1};
        case Space::All: case Space::OtherSeparation: return {1};
        default: return {0};
    }
}

bool neutral_rgb(const std::vector<double>& v) {
    return v.size() == 3 && std::abs(v[0] - v[1]) < 0.02 && std::abs(v[1] - v[2]) < 0.02;
}

// What a page's content does, gathered for the findings.
struct PageFacts {
    struct Mark { Box box; std::string what; };
    std::vector<Mark> rgb;            // device RGB painted (text, fill, stroke, image)
    std::vector<Box> not_k_text;      // neutral text not on the black plate alone (point boxes)
    std::vector<Mark> small_text;     // text below the size limit in several inks
    std::vector<Mark> marks_not_registration;
    std::vector<Mark> hairlines;
    std::vector<Mark> heavy_ink;      // fills above the ink limit
    std::vector<Mark> heavy_images;
    std::vector<Box> images;          // visible area of each image
};

class Interpreter : public QPDFObjectHandle::ParserCallbacks {
public:
    Interpreter(PageFacts& facts, const PressCheckOptions& options, const std::optional<Box>& live)
        : facts_(facts), options_(options), live_(live) {}

    void run(QPDFObjectHandle contents_owner, QPDFObjectHandle resources, const Matrix& base, bool page, int depth) {
        if (depth > 8) return;
        Frame frame;
        frame.resources = resources;
        frame.state.push_back(GState{});
        frame.state.back().ctm = base;
        frames_.push_back(frame);
        try {
            if (page) QPDFPageObjectHelper(contents_owner).parseContents(this);
            else contents_owner.parseAsContents(this);
        } catch (const std::exception&) {
            // A damaged stream: what was read so far counts (qpdf --check reports the damage).
        }
        frames_.pop_back();
        (void)depth;
    }

    void handleObject(QPDFObjectHandle obj) override {
        if (!obj.isOperator()) {
            operands_.push_back(obj);
            return;
        }
        operate(obj.getOperatorValue());
        operands_.clear();
    }
    void handleEOF() override {}

private:
    struct Frame {
        QPDFObjectHandle resources;
        std::vector<GState> state;
    };
    GState& gs() { return frames_.back().state.back(); }

    double num(std::size_t i) {
        return i < operands_.size() && operands_[i].isNumber() ? operands_[i].getNumericValue() : 0;
    }

    Space resolve_space(const std::string& name) {
        if (name == "/DeviceRGB" || name == "/RGB") return Space::Rgb;
        if (name == "/DeviceCMYK" || name == "/CMYK") return Space::Cmyk;
        if (name == "/DeviceGray" || name == "/G") return Space::Gray;
        if (name == "/Pattern") return Space::Pattern;
        QPDFObjectHandle res = frames_.back().resources;
        if (!res.isDictionary()) return Space::Other;
        QPDFObjectHandle spaces = res.getKey("/ColorSpace");
        if (!spaces.isDictionary()) return Space::Other;
        return classify(spaces.getKey(name));
    }

    static Space classify(QPDFObjectHandle cs) {
        if (cs.isName()) {
            const std::string n = cs.getName();
            if (n == "/DeviceRGB") return Space::Rgb;
            if (n == "/DeviceCMYK") return Space::Cmyk;
            if (n == "/DeviceGray") return Space::Gray;
            return Space::Other;
        }
        if (!cs.isArray() || cs.getArrayNItems() < 1 || !cs.getArrayItem(0).isName()) return Space::Other;
        const std::string family = cs.getArrayItem(0).getName();
        if (family == "/Separation")
            return cs.getArrayNItems() > 1 && cs.getArrayItem(1).isNameAndEquals("/All") ? Space::All : Space::OtherSeparation;
        if (family == "/ICCBased" && cs.getArrayNItems() > 1 && cs.getArrayItem(1).isStream()) {
            QPDFObjectHandle n = cs.getArrayItem(1).getDict().getKey("/N");
            const long long comps = n.isInteger() ? n.getIntValue() : 0;
            return comps == 4 ? Space::IccCmyk : comps == 3 ? Space::IccRgb : Space::IccGray;
        }
        if (family == "/Lab") return Space::Lab;
        if (family == "/Pattern") return Space::Pattern;
        return Space::Other;
    }

    void set_space(Colour& c, Space s) {
        c.space = s;
        c.v = defaults(s);
    }
    void set_values(Colour& c) {
        std::vector<double> v;
        for (auto& o : operands_)
            if (o.isNumber()) v.push_back(o.getNumericValue());
        if (!v.empty()) c.v = v;
    }

    void point(double x, double y, PathPoint kind = PathPoint::Continue) {
        const bool move = kind == PathPoint::StartSubpath;
        double px, py;
        gs().ctm.apply(x, y, px, py);
        path_.add(px, py);
        if (move || subpaths_.empty()) subpaths_.push_back(Box{});
        subpaths_.back().add(px, py);
    }
    bool outside_live(const Box& b) const {
        return live_ && (b.x1 < live_->x0 || b.x0 > live_->x1 || b.y1 < live_->y0 || b.y0 > live_->y1);
    }

    Box visible(const Box& b) { return gs().clip ? b.intersect(*gs().clip) : b; }

    void paint(Paint how) {
        const bool fill = how == Paint::Fill || how == Paint::FillAndStroke;
        const bool stroke = how == Paint::Stroke || how == Paint::FillAndStroke;
        Box box = visible(path_);
        if (pending_clip_) {
            gs().clip = gs().clip ? gs().clip->intersect(path_) : path_;
            pending_clip_ = false;
        }
        path_ = Box{};
        // A path with a subpath wholly outside the bleed is a mark in the slug (Cairo draws all crop
        // marks as one path).
        bool in_slug = false;
        for (const Box& sub : subpaths_) in_slug = in_slug || (!sub.empty() && outside_live(sub));
        subpaths_.clear();
        if (box.empty()) return;
        if (stroke) {
            const Colour& c = gs().stroke;
            if (c.space == Space::Rgb) facts_.rgb.push_back({box, "stroke"});
            const double width = gs().line_width * gs().ctm.scale();
            if (in_slug && c.space != Space::All) facts_.marks_not_registration.push_back({box, "stroke"});
            if (width < options_.hairline_pt && !(in_slug && c.space == Space::All))
                facts_.hairlines.push_back({box, fmt("%.3f pt", width)});
        }
        if (fill) {
            const Colour& c = gs().fill;
            if (c.space == Space::Rgb) facts_.rgb.push_back({box, "fill"});
            if (in_slug && c.space != Space::All && c.space != Space::Rgb) facts_.marks_not_registration.push_back({box, "fill"});
            if ((c.space == Space::Cmyk || c.space == Space::IccCmyk) && c.v.size() == 4) {
                const double total = c.v[0] + c.v[1] + c.v[2] + c.v[3];
                if (total > options_.max_ink + 1e-6) facts_.heavy_ink.push_back({box, fmt("%.0f %%", total * 100)});
            }
        }
    }

    void show_text() {
        const Matrix m = text_matrix_.then(gs().ctm);
        double x, y;
        m.apply(0, 0, x, y);
        const double size = font_size_ * std::hypot(m.c, m.d);
        Box at;
        at.add(x, y);
        at.add(x + 0.01, y + 0.7 * size);
        if (gs().clip && gs().clip->intersect(at).empty()) return;
        const Colour& c = gs().fill;
        if (c.space == Space::Rgb) facts_.rgb.push_back({at, "text"});
        bool not_k = false;
        int inks = 1;
        if ((c.space == Space::Rgb || c.space == Space::IccRgb) && neutral_rgb(c.v)) not_k = true;
        if (c.space == Space::Rgb || c.space == Space::IccRgb || c.space == Space::Lab) inks = 3;
        if ((c.space == Space::Cmyk || c.space == Space::IccCmyk) && c.v.size() == 4) {
            inks = static_cast<int>(std::count_if(c.v.begin(), c.v.end(), [](double v) { return v > 0.005; }));
            // Black or dark grey type with cyan, magenta or yellow under it: rich black text.
            if (c.v[3] >= 0.5 && (c.v[0] > 0.005 || c.v[1] > 0.005 || c.v[2] > 0.005)) not_k = true;
        }
        const bool outside = live_ && (x < live_->x0 || x > live_->x1 || y < live_->y0 || y > live_->y1);
        if (not_k && !outside) facts_.not_k_text.push_back(at);
        if (inks > 1 && size < options_.small_text_pt && !outside)
            facts_.small_text.push_back({at, fmt("%.1f pt", size)});
    }

    void do_xobject(const std::string& name) {
        QPDFObjectHandle res = frames_.back().resources;
        if (!res.isDictionary()) return;
        QPDFObjectHandle xobjects = res.getKey("/XObject");
        if (!xobjects.isDictionary()) return;
        QPDFObjectHandle x = xobjects.getKey(name);
        if (!x.isStream()) return;
        QPDFObjectHandle dict = x.getDict();
        if (dict.getKey("/Subtype").isNameAndEquals("/Form")) {
            Matrix m;
            QPDFObjectHandle mat = dict.getKey("/Matrix");
            if (mat.isArray() && mat.getArrayNItems() == 6) {
                double v[6];
                for (int i = 0; i < 6; ++i) v[i] = mat.getArrayItem(i).isNumber() ? mat.getArrayItem(i).getNumericValue() : 0;
                m = Matrix{v[0], v[1], v[2], v[3], v[4], v[5]};
            }
            const GState saved = gs();
            QPDFObjectHandle form_res = dict.getKey("/Resources");
            Frame frame;
            frame.resources = form_res.isDictionary() ? form_res : res;
            GState inner = saved;
            inner.ctm = m.then(saved.ctm);
            frame.state.push_back(inner);
            // Parse the form with its own operand stack.
            std::vector<QPDFObjectHandle> operands;
            operands.swap(operands_);
            Box path = path_;
            path_ = Box{};
            frames_.push_back(frame);
            if (++depth_ <= 8) {
                try {
                    x.parseAsContents(this);
                } catch (const std::exception&) {
                }
            }
            --depth_;
            frames_.pop_back();
            operands_.swap(operands);
            path_ = path;
            return;
        }
        if (!dict.getKey("/Subtype").isNameAndEquals("/Image")) return;
        Box placed;
        for (int i = 0; i < 4; ++i) {
            double px, py;
            gs().ctm.apply(i & 1, i >> 1, px, py);
            placed.add(px, py);
        }
        const Box shown = visible(placed);
        if (shown.empty()) return;
        facts_.images.push_back(shown);
        const bool mask = dict.getKey("/ImageMask").isBool() && dict.getKey("/ImageMask").getBoolValue();
        if (mask) return;
        const Space space = classify(dict.getKey("/ColorSpace"));
        if (space == Space::Rgb) facts_.rgb.push_back({shown, "image"});
        if (space == Space::Cmyk && dict.getKey("/BitsPerComponent").isInteger() &&
            dict.getKey("/BitsPerComponent").getIntValue() == 8)
            image_ink(x, shown);
    }

    // The share of a CMYK image's pixels whose total ink is above the limit.
    void image_ink(QPDFObjectHandle image, const Box& shown) {
        std::shared_ptr<Buffer> data;
        try {
            data = image.getStreamData(qpdf_dl_all);
        } catch (const std::exception&) {
            return;
        }
        QPDFObjectHandle decode = image.getDict().getKey("/Decode");
        const bool inverted = decode.isArray() && decode.getArrayNItems() >= 2 && decode.getArrayItem(0).isNumber() &&
                              decode.getArrayItem(0).getNumericValue() > 0.5;
        const std::size_t n = data->getSize() / 4;
        if (n == 0) return;
        const unsigned char* p = data->getBuffer();
        const int limit = static_cast<int>(std::lround(options_.max_ink * 255));
        std::size_t over = 0;
        int worst = 0;
        for (std::size_t i = 0; i < n; ++i, p += 4) {
            int total = p[0] + p[1] + p[2] + p[3];
            if (inverted) total = 4 * 255 - total;
            worst = std::max(worst, total);
            if (total > limit) ++over;
        }
        // A few pixels over the limit are noise; 1 % of the area is a patch the press will see.
        if (over * 100 > n)
            facts_.heavy_images.push_back({shown, fmt("%.0f %%", 100.0 * static_cast<double>(over) / static_cast<double>(n)) +
                                                      " of its area above the limit (up to " +
                                                      fmt("%.0f %%", worst * 100.0 / 255) + ")"});
    }

    void operate(const std::string& op) {
        GState& g = gs();
        if (op == "q") {
            frames_.back().state.push_back(g);
        } else if (op == "Q") {
            if (frames_.back().state.size() > 1) frames_.back().state.pop_back();
        } else if (op == "cm" && operands_.size() == 6) {
            g.ctm = Matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.then(g.ctm);
        } else if (op == "w") {
            g.line_width = num(0);
        } else if (op == "g" || op == "G") {
            Colour& c = op == "g" ? g.fill : g.stroke;
            c.space = Space::Gray;
            c.v = {num(0)};
        } else if (op == "rg" || op == "RG") {
            Colour& c = op == "rg" ? g.fill : g.stroke;
            c.space = Space::Rgb;
            c.v = {num(0), num(1), num(2)};
        } else if (op == "k" || op == "K") {
            Colour& c = op == "k" ? g.fill : g.stroke;
            c.space = Space::Cmyk;
            c.v = {num(0), num(1), num(2), num(3)};
        } else if ((op == "cs" || op == "CS") && !operands_.empty() && operands_[0].isName()) {
            set_space(op == "cs" ? g.fill : g.stroke, resolve_space(operands_[0].getName()));
        } else if (op == "sc" || op == "scn") {
            set_values(g.fill);
        } else if (op == "SC" || op == "SCN") {
            set_values(g.stroke);
        } else if (op == "m") {
            point(num(0), num(1), PathPoint::StartSubpath);
        } else if (op == "l") {
            point(num(0), num(1));
        } else if (op == "c") {
            point(num(0), num(1)), point(num(2), num(3)), point(num(4), num(5));
        } else if (op == "v" || op == "y") {
            point(num(0), num(1)), point(num(2), num(3));
        } else if (op == "re") {
            point(num(0), num(1), PathPoint::StartSubpath), point(num(0) + num(2), num(1) + num(3));
            point(num(0), num(1) + num(3)), point(num(0) + num(2), num(1));
        } else if (op == "W" || op == "W*") {
            pending_clip_ = true;
        } else if (op == "S" || op == "s") {
            paint(Paint::Stroke);
        } else if (op == "f" || op == "F" || op == "f*") {
            paint(Paint::Fill);
        } else if (op == "B" || op == "B*" || op == "b" || op == "b*") {
            paint(Paint::FillAndStroke);
        } else if (op == "n") {
            paint(Paint::None);
        } else if (op == "BT") {
            text_matrix_ = line_matrix_ = Matrix{};
        } else if (op == "Tf") {
            font_size_ = num(1);
        } else if (op == "TL") {
            leading_ = num(0);
        } else if (op == "Tm" && operands_.size() == 6) {
            text_matrix_ = line_matrix_ = Matrix{num(0), num(1), num(2), num(3), num(4), num(5)};
        } else if (op == "Td" || op == "TD") {
            if (op == "TD") leading_ = -num(1);
            line_matrix_ = Matrix{1, 0, 0, 1, num(0), num(1)}.then(line_matrix_);
            text_matrix_ = line_matrix_;
        } else if (op == "T*") {
            line_matrix_ = Matrix{1, 0, 0, 1, 0, -leading_}.then(line_matrix_);
            text_matrix_ = line_matrix_;
        } else if (op == "Tj" || op == "TJ") {
            show_text();
        } else if (op == "'" || op == "\"") {
            line_matrix_ = Matrix{1, 0, 0, 1, 0, -leading_}.then(line_matrix_);
            text_matrix_ = line_matrix_;
            show_text();
        } else if (op == "Do" && !operands_.empty() && operands_[0].isName()) {
            do_xobject(operands_[0].getName());
        }
    }

    PageFacts& facts_;
    const PressCheckOptions& options_;
    std::optional<Box> live_;
    std::vector<Frame> frames_;
    std::vector<QPDFObjectHandle> operands_;
    Box path_;
    std::vector<Box> subpaths_;
    bool pending_clip_ = false;
    Matrix text_matrix_, line_matrix_;
    double font_size_ = 0, leading_ = 0;
    int depth_ = 0;
};

// A box in PDF space as a Place box: points from the top left of `crop`.
Rect to_rect(const Box& b, const QPDFObjectHandle::Rectangle& crop) {
    const double top = std::max(crop.lly, crop.ury), left = std::min(crop.llx, crop.urx);
    return Rect{Length::pt(b.x0 - left), Length::pt(top - b.y1), Length::pt(b.x1 - b.x0), Length::pt(b.y1 - b.y0)};
}

std::string at_text(const Rect& r) {
    return "at " + fmt("%.1f", r.x.mm()) + ", " + fmt("%.1f", r.y.mm()) + " mm";
}

Box from_rectangle(const QPDFObjectHandle::Rectangle& r) {
    Box b;
    b.add(r.llx, r.lly);
    b.add(r.urx, r.ury);
    return b;
}

// One finding for a kind of mark on a page: its count and the first place.
void summarise(Report& report, Severity severity, const std::string& check, int page, const std::vector<PageFacts::Mark>& marks,
               const QPDFObjectHandle::Rectangle& crop, const std::string& message) {
    if (marks.empty()) return;
    Place place;
    place.page = page;
    place.box = to_rect(marks.front().box, crop);
    std::string text = message + " (" + marks.front().what + " " + at_text(*place.box);
    if (marks.size() > 1) text += ", and " + std::to_string(marks.size() - 1) + " more on the page";
    report.add(severity, check, place, text + ")");
}

void check_bleed(Report& report, int page, const std::vector<Box>& images, const Box& trim,
                 const QPDFObjectHandle::Rectangle& crop, Length min_bleed) {
    const double need = min_bleed.pt() - 0.1, touch = 0.5;
    for (const Box& b : images) {
        struct Side { const char* name; double beyond; bool touches; };
        const Side sides[4] = {
            {"left", trim.x0 - b.x0, b.x0 <= trim.x0 + touch},
            {"right", b.x1 - trim.x1, b.x1 >= trim.x1 - touch},
            {"bottom", trim.y0 - b.y0, b.y0 <= trim.y0 + touch},
            {"top", b.y1 - trim.y1, b.y1 >= trim.y1 - touch},
        };
        for (const Side& s : sides) {
            if (!s.touches || s.beyond >= need) continue;
            Place place;
            place.page = page;
            place.box = to_rect(b, crop);
            report.add(Severity::Error, "bleed", place,
                       std::string("image ") + at_text(*place.box) + " touches the trim's " + s.name + " edge but runs only " +
                           fmt("%.1f mm", std::max(0.0, s.beyond) / 72 * 25.4) + " past it (bleed needs " +
                           fmt("%.1f mm", min_bleed.mm()) + ")");
        }
    }
}

// The words of a page at the given text origins (Poppler's words whose box holds the point).
std::vector<std::string> words_at(PopplerPage* page, int index, const std::vector<Box>& points,
                                  const QPDFObjectHandle::Rectangle& crop, std::size_t limit) {
    std::vector<std::string> out;
    std::set<std::size_t> taken;
    const std::vector<PdfWord> words = page_words(page, index, JoinHyphenated::No);
    for (const Box& p : points) {
        const Rect r = to_rect(p, crop);
        const double x = r.x.pt() + 0.5, y = r.y.pt() + r.height.pt() * 0.5;
        for (std::size_t i = 0; i < words.size(); ++i) {
            const Rect& w = words[i].box;
            if (x >= w.x.pt() - 0.5 && x <= w.right().pt() && y >= w.y.pt() && y <= w.bottom().pt()) {
                if (taken.insert(i).second) out.push_back(words[i].text);
                break;
            }
        }
        if (out.size() >= limit) break;
    }
    return out;
}

}  // namespace

void check_press(const PdfDocument& doc, const std::vector<PageBoxes>& boxes, const PressCheckOptions& options,
                 Report& report) {
    (void)boxes;
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processFile(doc.path().c_str());
        if (pdf.isEncrypted())
            report.add(Severity::Error, "encryption", Place{}, "the PDF is encrypted: PDF/X forbids encryption, and a RIP may refuse it");
        // The output intent (ISO 15930-7 §6.2.4): GTS_PDFX with an embedded profile.
        QPDFObjectHandle intents = pdf.getRoot().getKey("/OutputIntents");
        int intent_components = 0;
        if (intents.isArray())
            for (int i = 0; i < intents.getArrayNItems(); ++i) {
                QPDFObjectHandle intent = intents.getArrayItem(i);
                if (!intent.isDictionary() || !intent.getKey("/S").isNameAndEquals("/GTS_PDFX")) continue;
                QPDFObjectHandle profile = intent.getKey("/DestOutputProfile");
                if (profile.isStream() && profile.getDict().getKey("/N").isInteger())
                    intent_components = static_cast<int>(profile.getDict().getKey("/N").getIntValue());
            }
        if (intent_components == 0)
            report.add(Severity::Error, "output-intent", Place{},
                       "no PDF/X output intent with an embedded profile (/OutputIntents, GTS_PDFX): the printer cannot tell "
                       "which press condition the colours were made for");

        int number = 0;
        for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
            ++number;
            QPDFObjectHandle crop_h = page.getCropBox();
            if (!crop_h.isRectangle()) continue;
            const auto crop = crop_h.getArrayAsRectangle();
            QPDFObjectHandle dict = page.getObjectHandle();
            std::optional<Box> trim, live;
            if (QPDFObjectHandle t = dict.getKey("/TrimBox"); t.isRectangle()) trim = from_rectangle(t.getArrayAsRectangle());
            if (QPDFObjectHandle b = dict.getKey("/BleedBox"); b.isRectangle()) live = from_rectangle(b.getArrayAsRectangle());
            else live = trim;
            PageFacts facts;
            Interpreter interpreter(facts, options, live);
            interpreter.run(dict, page.getAttribute("/Resources", false), Matrix{}, true, 0);

            if (intent_components != 3)
                summarise(report, Severity::Error, "device-rgb", number, facts.rgb, crop,
                          "device RGB colour without an RGB output intent: the printer's RIP converts it its own way");
            if (!facts.not_k_text.empty()) {
                Place place;
                place.page = number;
                place.box = to_rect(facts.not_k_text.front(), crop);
                auto pdoc = doc.page(number - 1);
                const std::vector<std::string> words = words_at(pdoc.get(), number - 1, facts.not_k_text, crop, 8);
                std::string list;
                for (const auto& w : words) list += (list.empty() ? "" : " ") + w;
                report.add(Severity::Warning, "text-not-k", place,
                           std::to_string(facts.not_k_text.size()) +
                               " runs of black or grey text are not in black ink only (RGB or rich black: four plates "
                               "to register), first " + at_text(*place.box) + (list.empty() ? "" : ": \"" + list + "\""));
            }
            summarise(report, Severity::Warning, "small-text-inks", number, facts.small_text, crop,
                      "text under " + fmt("%.0f pt", options.small_text_pt) + " in more than one ink: misregistration blurs it");
            summarise(report, Severity::Warning, "registration", number, facts.marks_not_registration, crop,
                      "marks outside the bleed (crop marks) not in the registration colour (/Separation /All): "
                      "they will not show on every plate");
            summarise(report, Severity::Warning, "hairline", number, facts.hairlines, crop,
                      "line thinner than " + fmt("%.2f pt", options.hairline_pt) + " may not print");
            summarise(report, Severity::Warning, "total-ink", number, facts.heavy_ink, crop,
                      "fill above the total ink limit of " + fmt("%.0f %%", options.max_ink * 100));
            summarise(report, Severity::Warning, "total-ink", number, facts.heavy_images, crop,
                      "CMYK image above the total ink limit of " + fmt("%.0f %%", options.max_ink * 100));
            if (trim) check_bleed(report, number, facts.images, *trim, crop, options.min_bleed);
        }
    } catch (const QPDFExc& e) {
        throw QuireError(SourceSpan{doc.path().string()}, std::string("cannot read PDF structure: ") + e.what());
    }
}

}  // namespace quire::proof
