// Reading any PDF with poppler-glib (stack-notes: the glib binding, never mixed with the cpp one):
// opening a file, its pages, and the RAII aliases for the GLib and Cairo handles the proof stage uses.
#pragma once

#include "core/handle.hpp"
#include "core/length.hpp"

#include <cairo.h>
#include <glib-object.h>
#include <poppler.h>

#include <filesystem>
#include <string>

namespace quire::proof {

using PopplerDocumentHandle = Handle<PopplerDocument, g_object_unref>;
using PopplerPageHandle = Handle<PopplerPage, g_object_unref>;
using CairoSurface = Handle<cairo_surface_t, cairo_surface_destroy>;
using Cairo = Handle<cairo_t, cairo_destroy>;
using GCharPtr = Handle<char, g_free>;

// An open PDF. Page indices count from 0; page numbers shown to people count from 1.
class PdfDocument {
public:
    // Throws QuireError naming `path` when it is missing or not a PDF.
    explicit PdfDocument(const std::filesystem::path& path);

    const std::filesystem::path& path() const { return path_; }
    int page_count() const { return page_count_; }
    PopplerDocument* get() const { return doc_.get(); }
    // Throws QuireError when `index` is out of range.
    PopplerPageHandle page(int index) const;
    // The page's size as Poppler draws it (the crop box, rotation applied).
    Size page_size(int index) const;

private:
    std::filesystem::path path_;
    PopplerDocumentHandle doc_;
    int page_count_ = 0;
};

// Checks a cairo surface's status and throws QuireError naming `what` if it failed.
void check_surface(cairo_surface_t* surface, const std::string& what);

}  // namespace quire::proof
