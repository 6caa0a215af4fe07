#include "proof/supplied_checks.hpp"

#include "proof/poppler_doc.hpp"
#include "proof/preflight.hpp"
#include "proof/report.hpp"
#include "proof/rasterize.hpp"

#include <cmath>
#include <cstdint>
#include <set>

namespace quire::proof {

namespace fs = std::filesystem;

render::ArtAtTrimEdge art_at_trim_edge(const fs::path& pdf, const render::SuppliedPage& s) {
    try {
        PdfDocument doc(pdf);
        const double dpi = 36;
        PageImage image = rasterize_page(doc, 0, dpi);
        image.flush();
        const Size size = doc.page_size(0);  // Poppler draws the crop box; assume it is the media box
        if (std::abs(size.width.pt() - s.media.width()) > 0.5 || std::abs(size.height.pt() - s.media.height()) > 0.5)
            return render::ArtAtTrimEdge::Unknown;
        const double k = image.scale();
        const int x0 = static_cast<int>(std::lround((s.trim.x0 - s.media.x0) * k));
        const int x1 = static_cast<int>(std::lround((s.trim.x1 - s.media.x0) * k)) - 1;
        const int y0 = static_cast<int>(std::lround((s.media.y1 - s.trim.y1) * k));
        const int y1 = static_cast<int>(std::lround((s.media.y1 - s.trim.y0) * k)) - 1;
        const int band = std::max(1, static_cast<int>(std::lround(0.5 / 25.4 * dpi)));
        auto inked = [&](int x, int y) {
            if (x < 0 || y < 0 || x >= image.width() || y >= image.height()) return false;
            const std::uint32_t p = image.row(y)[x] & 0xFFFFFF;
            const int r = static_cast<int>(p >> 16), g = static_cast<int>((p >> 8) & 0xFF), b = static_cast<int>(p & 0xFF);
            return r + g + b < 3 * 245;
        };
        for (int d = 0; d < band; ++d) {
            for (int x = x0; x <= x1; ++x)
                if (inked(x, y0 + d) || inked(x, y1 - d)) return render::ArtAtTrimEdge::Yes;
            for (int y = y0; y <= y1; ++y)
                if (inked(x0 + d, y) || inked(x1 - d, y)) return render::ArtAtTrimEdge::Yes;
        }
        return render::ArtAtTrimEdge::No;
    } catch (const QuireError&) {
        return render::ArtAtTrimEdge::Unknown;
    }
}


void check_supplied_pages(const model::Issue& issue, const style::PageGeometry& geometry, Diagnostics& diagnostics) {
    std::set<fs::path> preflighted;
    auto check = [&](const fs::path& path, const SourceSpan& where) {
        if (path.empty()) return;
        try {
            const render::SuppliedPage page = render::inspect_supplied_pdf(path, where);
            render::check_supplied_page(page, path, geometry, art_at_trim_edge(path, page), where, diagnostics);
            // What a printer's preflight would say about the ad itself (RGB, rich black text, ink, low
            // resolution): the advertiser's to fix, so warnings at the entry, once a file. Its own missing
            // output intent is no fault: placed, it prints under the issue's. Box problems are above.
            if (!preflighted.insert(path).second) return;
            PreflightOptions options;
            options.boxes = PreflightOptions::Boxes::Optional;
            Report report;
            preflight(PdfDocument(path), options, report);
            for (const Finding& f : report.findings)
                if (f.severity != Severity::Note && f.check != "output-intent" && f.check.find("box") == std::string::npos &&
                    f.check.find("bleed") == std::string::npos)
                    diagnostics.warning(where, path.filename().string() + ": " + f.to_string());
        } catch (const QuireError& e) {
            diagnostics.add(e.diagnostic().severity, e.diagnostic().where, e.diagnostic().message);
        }
    };
    for (const auto& entry : issue.entries)
        if (entry.kind == model::IssueEntryKind::Ad) check(entry.path, entry.where);
    check(issue.filler_path, issue.filler_where);
}

}  // namespace quire::proof
