#include "proof/poppler_doc.hpp"

#include "core/diagnostic.hpp"

namespace quire::proof {

namespace fs = std::filesystem;

PdfDocument::PdfDocument(const fs::path& path) : path_(path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) throw QuireError(SourceSpan{path.string()}, "cannot read PDF: no such file");
    // poppler_document_new_from_file takes a URI, not a path (stack-notes).
    const fs::path absolute = fs::absolute(path, ec);
    GError* error = nullptr;
    GCharPtr uri{g_filename_to_uri(absolute.c_str(), nullptr, &error)};
    if (!uri) {
        const std::string message = error ? error->message : "bad file name";
        if (error) g_error_free(error);
        throw QuireError(SourceSpan{path.string()}, "cannot read PDF: " + message);
    }
    doc_.reset(poppler_document_new_from_file(uri.get(), nullptr, &error));
    if (!doc_) {
        const std::string message = error ? error->message : "unknown error";
        if (error) g_error_free(error);
        throw QuireError(SourceSpan{path.string()}, "cannot read PDF: " + message);
    }
    page_count_ = poppler_document_get_n_pages(doc_.get());
}

PopplerPageHandle PdfDocument::page(int index) const {
    PopplerPageHandle page{index >= 0 && index < page_count_ ? poppler_document_get_page(doc_.get(), index) : nullptr};
    if (!page)
        throw QuireError(SourceSpan{path_.string()}, "cannot read page " + std::to_string(index + 1) + " of " +
                                                         std::to_string(page_count_));
    return page;
}

Size PdfDocument::page_size(int index) const {
    auto p = page(index);
    double w = 0, h = 0;
    poppler_page_get_size(p.get(), &w, &h);
    return Size{Length::pt(w), Length::pt(h)};
}

void check_surface(cairo_surface_t* surface, const std::string& what) {
    const cairo_status_t status = cairo_surface_status(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        throw QuireError(SourceSpan{what}, std::string("cairo: ") + cairo_status_to_string(status));
}

}  // namespace quire::proof
