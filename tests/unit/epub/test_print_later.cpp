// The print layout handed over while it is still being made (EpubOptions::wait_for_print, issue 17:
// `quire epub` lays the article out on the second core while the book is made): the same book as
// with the finished layout, the layout asked for once, and its error passed on.
#include "epub/epub_builder.hpp"
#include "test_helpers.hpp"

#include "page/layout_article.hpp"

#include <doctest/doctest.h>

#include <future>
#include <stdexcept>

using namespace quire;
using namespace quire::epub;

TEST_CASE("a print layout made on another thread gives the same book as the finished one") {
    const std::string data = QUIRE_TEST_DATA;
    Diagnostics d;
    const model::LoadedArticle loaded =
        model::load_article(data + "/epub/long.xml", d, std::filesystem::path(data + "/epub/publication.xml"));
    auto fonts = std::make_shared<text::FontCollection>();
    const style::Layout layout = style::load_layout_or_throw("magazine");
    const page::PageDocument print = page::lay_out_article(loaded.article, &*loaded.publication, layout, loaded.folder, fonts, d);
    REQUIRE(print.pages.size() > 1);

    EpubOptions finished;
    finished.print = &print;
    const Book book = assemble_book(loaded, finished);
    CHECK(book.page_list.size() > 1);
    const std::string expected = dump_book(book);  // every resource's bytes hashed: nav, documents, fonts

    std::future<page::PageDocument> later = std::async(std::launch::async, [&] {
        Diagnostics dd;
        auto own_fonts = std::make_shared<text::FontCollection>();
        return page::lay_out_article(loaded.article, &*loaded.publication, layout, loaded.folder, own_fonts, dd);
    });
    page::PageDocument made;
    int asked = 0;
    EpubOptions waiting;
    waiting.wait_for_print = [&]() -> const page::PageDocument* {
        ++asked;
        made = later.get();
        return &made;
    };
    const Book waited = assemble_book(loaded, waiting);
    CHECK(waited.page_list.size() == book.page_list.size());
    CHECK(dump_book(waited) == expected);
    CHECK(asked == 1);

    EpubOptions failing;
    failing.wait_for_print = []() -> const page::PageDocument* { throw std::runtime_error("the layout failed"); };
    CHECK_THROWS_WITH(assemble_book(loaded, failing), "the layout failed");
}
