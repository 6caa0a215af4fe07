#include "epub/labels.hpp"

#include <array>
#include <string_view>

namespace quire::epub {

namespace {

struct Row {
    std::string_view en, pl, uk, ru, hy, ka;
};

// One row per Label, in the enum's order. Polish and Ukrainian checked against the magazine's own
// pages where it has them; Russian for articles from Russian-language contributors; Armenian and
// Georgian for the magazine's regional articles (to be reviewed by the translators who edit them).
// Armenian punctuation: ՝ after a label, ։ at the end of a sentence.
constexpr std::array<Row, static_cast<std::size_t>(Label::Count_)> kTable{{
    {"Cover", "Okładka", "Обкладинка", "Обложка", "Շապիկ", "ყდა"},
    {"Contents", "Spis treści", "Зміст", "Содержание", "Բովանդակություն", "სარჩევი"},
    {"Landmarks", "Punkty orientacyjne", "Орієнтири", "Ориентиры", "Ուղենիշներ", "ორიენტირები"},
    {"About the author", "O autorze", "Про автора", "Об авторе", "Հեղինակի մասին", "ავტორის შესახებ"},
    {"About the authors", "O autorach", "Про авторів", "Об авторах", "Հեղինակների մասին", "ავტორების შესახებ"},
    {"Support us", "Wesprzyj nas", "Підтримайте нас", "Поддержите нас", "Աջակցեք մեզ", "მხარი დაგვიჭირეთ"},
    {"Copyright", "Prawa autorskie", "Авторське право", "Авторское право", "Հեղինակային իրավունք", "საავტორო უფლებები"},
    {"Correction", "Sprostowanie", "Виправлення", "Исправление", "Ուղղում", "შესწორება"},
    {"Notice", "Informacja", "Примітка", "Примечание", "Ծանուցում", "შეტყობინება"},
    {"Photo: ", "Fot. ", "Фото: ", "Фото: ", "Լուսանկարը՝ ", "ფოტო: "},
    {"Cover: {title}, by {author}. {magazine}", "Okładka: {title}, {author}. {magazine}",
     "Обкладинка: {title}, {author}. {magazine}", "Обложка: {title}, {author}. {magazine}",
     "Շապիկ՝ {title}, {author}։ {magazine}", "ყდა: {title}, {author}. {magazine}"},
    {"The text can be resized and restyled, and the reading system’s colours are kept; headings and a table of "
     "contents give structural navigation; every image has a text alternative, and the text alone conveys the "
     "whole content. No flashing, motion or sound hazards.",
     "Tekst można powiększać i zmieniać jego wygląd, a kolory ustala czytnik; nagłówki i spis treści ułatwiają "
     "nawigację; każdy obraz ma opis alternatywny, a sam tekst przekazuje całą treść. Brak migających "
     "elementów, ruchu i dźwięku.",
     "Текст можна збільшувати й змінювати його вигляд, а кольори визначає програма для читання; заголовки та "
     "зміст полегшують навігацію; кожне зображення має текстовий опис, а сам текст передає весь зміст. Без "
     "блимання, руху та звуку.",
     "Текст можно увеличивать и менять его оформление, а цвета задаёт программа для чтения; заголовки и "
     "содержание облегчают навигацию; у каждого изображения есть текстовое описание, а сам текст передаёт всё "
     "содержание. Без мигания, движения и звука.",
     "Տեքստը կարելի է մեծացնել և ձևափոխել, իսկ գույները որոշում է ընթերցման ծրագիրը. վերնագրերն ու "
     "բովանդակությունը հեշտացնում են նավարկումը. յուրաքանչյուր պատկեր ունի այլընտրանքային տեքստ, և միայն "
     "տեքստը փոխանցում է ամբողջ բովանդակությունը։ Չկան թարթող տարրեր, շարժում կամ ձայն։",
     "ტექსტის გადიდება და გაფორმების შეცვლა შესაძლებელია, ფერებს კი კითხვის პროგრამა განსაზღვრავს; სათაურები "
     "და სარჩევი აადვილებს ნავიგაციას; ყველა გამოსახულებას აქვს ალტერნატიული ტექსტი და მთელ შინაარსს "
     "მხოლოდ ტექსტიც გადმოსცემს. არ შეიცავს მოციმციმე ელემენტებს, მოძრაობას ან ხმას."},
    {" The print edition’s page numbers are marked in the text.", " W tekście oznaczono numery stron wydania drukowanego.",
     " У тексті позначено номери сторінок друкованого видання.", " В тексте отмечены номера страниц печатного издания.",
     " Տեքստում նշված են տպագիր հրատարակության էջերի համարները։",
     " ტექსტში მონიშნულია ბეჭდური გამოცემის გვერდების ნომრები."},
    {"Cover of {title}", "Okładka: {title}", "Обкладинка: {title}", "Обложка: {title}", "Շապիկ՝ {title}",
     "ყდა: {title}"},
    {"Translated by {names}", "Tłumaczenie: {names}", "Переклад: {names}", "Перевод: {names}",
     "Թարգմանությունը՝ {names}", "თარგმანი: {names}"},
    {"Photographs by {names}", "Zdjęcia: {names}", "Фото: {names}", "Фото: {names}", "Լուսանկարները՝ {names}",
     "ფოტოები: {names}"},
    {"Interview by {names}", "Rozmowa: {names}", "Інтерв’ю: {names}", "Интервью: {names}", "Հարցազրույցը՝ {names}",
     "ინტერვიუ: {names}"},
    {"Donate: ", "Wesprzyj: ", "Підтримати: ", "Поддержать: ", "Նվիրաբերել՝ ", "შემოწირულობა: "},
    {"Pages", "Strony", "Сторінки", "Страницы", "Էջեր", "გვერდები"},
    {"Imprint", "Stopka redakcyjna", "Вихідні дані", "Выходные данные", "Տպագրական տվյալներ",
     "გამოცემის მონაცემები"},
    {"Publisher", "Wydawca", "Видавець", "Издатель", "Հրատարակիչ", "გამომცემელი"},
    {"ISSN (print)", "ISSN (wydanie drukowane)", "ISSN (друковане видання)", "ISSN (печатное издание)",
     "ISSN (տպագիր)", "ISSN (ბეჭდური)"},
    {"ISSN (online)", "ISSN (online)", "ISSN (онлайн)", "ISSN (онлайн)", "ISSN (առցանց)", "ISSN (ონლაინ)"},
    {"Website", "Strona internetowa", "Вебсайт", "Сайт", "Կայք", "ვებგვერდი"},
    {" and ", " i ", " і ", " и ", " և ", " და "},
}};

std::string primary_subtag(const std::string& lang) { return lang.substr(0, lang.find_first_of("-_")); }

std::string_view pick(const Row& row, const std::string& lang) {
    const std::string primary = primary_subtag(lang);
    if (primary == "pl") return row.pl;
    if (primary == "uk") return row.uk;
    if (primary == "ru") return row.ru;
    if (primary == "hy") return row.hy;
    if (primary == "ka") return row.ka;
    return row.en;
}

}  // namespace

std::string label(Label which, const std::string& lang) {
    return std::string(pick(kTable[static_cast<std::size_t>(which)], lang));
}

bool has_labels_for(const std::string& lang) {
    const std::string p = primary_subtag(lang);
    return p == "en" || p == "pl" || p == "uk" || p == "ru" || p == "hy" || p == "ka";
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
