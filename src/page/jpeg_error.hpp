// libjpeg's error handling for every decoder and encoder in quire (page/image.cpp, render/image_surface.cpp,
// render/press_color.cpp, render/render_png.cpp): error_exit must not return, so it jumps back to the
// caller's setjmp with the library's message (libjpeg's example.c). Nothing with a destructor may live
// between the setjmp and the library calls.
//
//   quire::page::JpegError err;
//   cinfo.err = jpeg_std_error(&err.mgr);
//   err.mgr.error_exit = quire::page::jpeg_error_exit;
//   if (setjmp(err.jump)) { /* err.message says why */ }
#pragma once

#include <csetjmp>
#include <cstdio>

#include <jpeglib.h>

namespace quire::page {

struct JpegError {
    jpeg_error_mgr mgr;  // first: libjpeg hands back a pointer to it
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

inline void jpeg_error_exit(j_common_ptr cinfo) {
    auto* err = reinterpret_cast<JpegError*>(cinfo->err);
    (*cinfo->err->format_message)(cinfo, err->message);
    std::longjmp(err->jump, 1);
}

}  // namespace quire::page
