// Lengths. The engine uses one unit internally: the PostScript point (1/72 in), as a double,
// wrapped so that every length states its unit where it is made (`Length::mm(170)`).
// Axis is carried by the name of the field (x/width vs y/height), as in Cairo's coordinates:
// origin at the top left of the page, y growing downwards.
#pragma once

#include <cmath>
#include <compare>

namespace quire {

class Length {
public:
    constexpr Length() = default;
    static constexpr Length pt(double v) { return Length(v); }
    static constexpr Length mm(double v) { return Length(v * 72.0 / 25.4); }
    static constexpr Length inch(double v) { return Length(v * 72.0); }

    constexpr double pt() const { return pt_; }
    constexpr double mm() const { return pt_ * 25.4 / 72.0; }

    constexpr Length operator+(Length o) const { return Length(pt_ + o.pt_); }
    constexpr Length operator-(Length o) const { return Length(pt_ - o.pt_); }
    constexpr Length operator-() const { return Length(-pt_); }
    constexpr Length operator*(double k) const { return Length(pt_ * k); }
    constexpr Length operator/(double k) const { return Length(pt_ / k); }
    constexpr double operator/(Length o) const { return pt_ / o.pt_; }
    constexpr Length& operator+=(Length o) { pt_ += o.pt_; return *this; }
    constexpr Length& operator-=(Length o) { pt_ -= o.pt_; return *this; }
    constexpr auto operator<=>(const Length&) const = default;

private:
    constexpr explicit Length(double v) : pt_(v) {}
    double pt_ = 0.0;
};

constexpr Length operator*(double k, Length l) { return l * k; }

struct Point { Length x, y; };
struct Size { Length width, height; };
struct Rect {
    Length x, y, width, height;
    constexpr Length right() const { return x + width; }
    constexpr Length bottom() const { return y + height; }
};

}  // namespace quire
