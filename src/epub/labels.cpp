#include "epub/labels.hpp"

#include <array>
#include <string_view>

namespace quire::epub {

namespace {

struct Row {
    std::string_view en, pl, uk, ru;
};

// One row per Label, in the enum's order. Translations checked against the magazine's own Polish
// and Ukrainian pages where it has them; Russian for articles from Russian-language contributors.
constexpr std::array<Row, 12> kTable{{
    {"Cover", "Okładka", "Обкладинка", "Обложка"},
    {"Contents", "Spis treści", "Зміст", "Содержание"},
    {"Landmarks", "Punkty orientacyjne", "Орієнтири", "Ориентиры"},
    {"About the author", "O autorze", "Про автора", "Об авторе"},
    {"About the authors", "O autorach", "Про авторів", "Об авторах"},
    {"Support us", "Wesprzyj nas", "Підтримайте нас", "Поддержите нас"},
    {"Copyright", "Prawa autorskie", "Авторське право", "Авторское право"},
    {"Correction", "Sprostowanie", "Виправлення", "Исправление"},
    {"Notice", "Informacja", "Примітка", "Примечание"},
    {"Photo: ", "Fot. ", "Фото: ", "Фото: "},
    {"Cover: {title}, by {author}. {magazine}", "Okładka: {title}, {author}. {magazine}",
     "Обкладинка: {title}, {author}. {magazine}", "Обложка: {title}, {author}. {magazine}"},
    {"An article from {magazine}. The text can be resized and restyled; headings and a table of contents "
     "give structural navigation; every image has a text alternative, and the text alone conveys the whole "
     "content. No flashing, motion or sound hazards.",
     "Artykuł z {magazine}. Tekst można powiększać i zmieniać jego wygląd; nagłówki i spis treści ułatwiają "
     "nawigację; każdy obraz ma opis alternatywny, a sam tekst przekazuje całą treść. Brak migających "
     "elementów, ruchu i dźwięku.",
     "Стаття з {magazine}. Текст можна збільшувати й змінювати його вигляд; заголовки та зміст полегшують "
     "навігацію; кожне зображення має текстовий опис, а сам текст передає весь зміст. Без блимання, руху "
     "та звуку.",
     "Статья из {magazine}. Текст можно увеличивать и менять его оформление; заголовки и содержание облегчают "
     "навигацию; у каждого изображения есть текстовое описание, а сам текст передаёт всё содержание. Без "
     "мигания, движения и звука."},
}};

std::string_view pick(const Row& row, const std::string& lang) {
    const std::string primary = lang.substr(0, lang.find_first_of("-_"));
    if (primary == "pl") return row.pl;
    if (primary == "uk") return row.uk;
    if (primary == "ru") return row.ru;
    return row.en;
}

}  // namespace

std::string label(Label which, const std::string& lang) {
    return std::string(pick(kTable[static_cast<std::size_t>(which)], lang));
}

std::string notice_label(const std::string& kind, const std::string& lang) {
    if (kind == "donation") return label(Label::Donation, lang);
    if (kind == "copyright") return label(Label::Copyright, lang);
    if (kind == "correction") return label(Label::Correction, lang);
    return label(Label::Notice, lang);
}

std::string fill(std::string text, const std::string& key, const std::string& value) {
    const std::string token = "{" + key + "}";
    for (std::size_t at = text.find(token); at != std::string::npos; at = text.find(token, at + value.size()))
        text.replace(at, token.size(), value);
    return text;
}

}  // namespace quire::epub
