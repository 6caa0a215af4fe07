// RAII for C library handles: one deleter type per C type, owned on the line that creates it.
//   using HbBuffer = quire::Handle<hb_buffer_t, hb_buffer_destroy>;
//   HbBuffer buffer{hb_buffer_create()};
// Each stage declares the aliases for the libraries it uses, beside the code that uses them.
#pragma once

#include <memory>

namespace quire {

template <auto Destroy>
struct HandleDeleter {
    template <typename T>
    void operator()(T* p) const noexcept {
        if (p) Destroy(p);
    }
};

template <typename T, auto Destroy>
using Handle = std::unique_ptr<T, HandleDeleter<Destroy>>;

}  // namespace quire
