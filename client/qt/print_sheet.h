#pragma once
// A printed form's page being filled from top to bottom (the 申报表 and the 附件3 leave form):
// boxed rows of label and value cells, section bars, a title, and a footer on every page. Fonts:
// WenQuanYi Micro Hei, whose text pdftotext reads back correctly (Noto CJK's 民 and 人 come out
// as Kangxi radicals).

#include "convert.h"

#include <QColor>
#include <QFont>
#include <QFontMetrics>
#include <QPainter>
#include <QPdfWriter>
#include <QString>
#include <cpprest/json.h>

namespace tepei::qt::print {

inline constexpr const char* kFontFamily = "WenQuanYi Micro Hei";
inline constexpr int kDpi = 300;
inline constexpr int kPad = 18;         // cell padding, device pixels
inline constexpr int kLabelWidth = 330; // label column

inline QString boolText(const web::json::value& v)
{
    return v.is_boolean() ? (v.as_bool() ? QStringLiteral("是") : QStringLiteral("否")) : QString();
}

inline QString cellText(const web::json::value& v)
{
    if (v.is_string())
        return q(v.as_string());
    if (v.is_integer())
        return QString::number(v.as_number().to_int64());
    if (v.is_boolean())
        return boolText(v);
    return {};
}

// A page being filled from top to bottom; starts a new page when a block does not fit.
class Sheet {
public:
    Sheet(QPdfWriter& writer, QPainter& painter, QString footer)
        : m_writer(writer), m_painter(painter), m_footer(std::move(footer))
    {
        m_width = painter.viewport().width();
        m_height = painter.viewport().height();
        m_bottom = m_height - 130;
    }

    void ensure(int height)
    {
        if (m_y + height > m_bottom) {
            finishPage();
            m_writer.newPage();
            m_y = 0;
        }
    }
    void finishPage()
    {
        ++m_page;
        m_painter.save();
        m_painter.setFont(font(7));
        m_painter.drawLine(0, m_height - 115, m_width, m_height - 115);
        // Two lines: number, print time and page; then the content digest.
        m_painter.drawText(QRect(0, m_height - 110, m_width, 110), Qt::AlignLeft | Qt::AlignVCenter,
                           m_footer.arg(m_page));
        m_painter.restore();
    }
    QFont font(int points, bool bold = false) const
    {
        QFont f(QString::fromLatin1(kFontFamily));
        f.setPointSize(points);
        f.setBold(bold);
        return f;
    }
    int textHeight(const QString& text, int width, const QFont& f) const
    {
        QFontMetrics fm(f, &m_writer);
        return fm.boundingRect(QRect(0, 0, width - 2 * kPad, 100000), Qt::TextWordWrap, text).height() +
               2 * kPad;
    }
    // One boxed row of cells [label, value, label, value, ...] with widths summing to the page.
    void row(const QList<QPair<QString, int>>& cells, const QList<bool>& isLabel, int minHeight = 70)
    {
        const QFont f = font(9);
        int h = minHeight;
        for (const auto& [text, w] : cells)
            h = std::max(h, textHeight(text, w, f));
        ensure(h);
        int x = 0;
        m_painter.setFont(f);
        for (int i = 0; i < cells.size(); ++i) {
            const QRect r(x, m_y, cells[i].second, h);
            if (isLabel.value(i))
                m_painter.fillRect(r, QColor(242, 242, 242));
            m_painter.drawRect(r);
            m_painter.drawText(r.adjusted(kPad, kPad, -kPad, -kPad),
                               Qt::TextWordWrap |
                                   (isLabel.value(i) ? Qt::AlignCenter : Qt::AlignLeft | Qt::AlignVCenter),
                               cells[i].first);
            x += cells[i].second;
        }
        m_y += h;
    }
    void sectionBar(const QString& title)
    {
        ensure(150);
        const QRect r(0, m_y, m_width, 70);
        m_painter.fillRect(r, QColor(220, 220, 220));
        m_painter.drawRect(r);
        m_painter.setFont(font(10, true));
        m_painter.drawText(r.adjusted(kPad, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, title);
        m_y += 70;
    }
    void title(const QString& text, const QString& sub)
    {
        // One line if it fits at 12 points or more (a wrapped title leaves 表 alone on a line).
        int points = 15;
        while (points > 12 && QFontMetrics(font(points, true), &m_writer).horizontalAdvance(text) > m_width)
            --points;
        m_painter.setFont(font(points, true));
        const int h = textHeight(text, m_width, font(points, true));
        m_painter.drawText(QRect(0, m_y, m_width, h), Qt::AlignCenter | Qt::TextWordWrap, text);
        m_y += h;
        m_painter.setFont(font(9));
        m_painter.drawText(QRect(0, m_y, m_width, 70), Qt::AlignLeft | Qt::AlignVCenter, sub);
        m_y += 80;
    }
    int width() const { return m_width; }
    int pages() const { return m_page; }

private:
    QPdfWriter& m_writer;
    QPainter& m_painter;
    QString m_footer;
    int m_width = 0, m_height = 0, m_bottom = 0, m_y = 0, m_page = 0;
};

} // namespace tepei::qt::print
