#include "form_model.h"

#include "app_controller.h"
#include "application_document.h"
#include "convert.h"

#include <tepei/model/reference/reference.h>

namespace tepei::qt {

FormModel::FormModel(ApplicationDocument* document) : QAbstractListModel(document), m_document(document) {}

int FormModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QHash<int, QByteArray> FormModel::roleNames() const
{
    return {{FieldIdRole, "fieldId"},
            {LabelRole, "label"},
            {TypeRole, "type"},
            {RequiredRole, "required"},
            {OptionsRole, "options"},
            {ValueRole, "value"},
            {ErrorRole, "error"},
            {SectionRole, "section"},
            {SectionTitleRole, "sectionTitle"},
            {MaxCharsRole, "maxChars"},
            {ColumnsRole, "columns"},
            {MinRole, "minValue"},
            {MaxRole, "maxValue"},
            {FirstInSectionRole, "firstInSection"}};
}

int FormModel::indexOf(const QString& fieldId) const
{
    const auto& fields = model::applicationFields();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (q(fields[i].id) == fieldId)
            return static_cast<int>(i);
    }
    return -1;
}

QString FormModel::sectionTitle(int section) const
{
    const bool en = m_document->english();
    for (const model::SectionSpec& sec : model::applicationSections()) {
        if (sec.number == section)
            return (en ? QStringLiteral("%1. %2") : QStringLiteral("%1、%2"))
                .arg(section)
                .arg(QString::fromUtf8(en ? sec.titleEn : sec.titleZh));
    }
    return {};
}

QVariant FormModel::options(const model::FieldSpec& spec) const
{
    const bool en = m_document->english();
    QVariantList out;
    const model::Campaign* campaign = m_document->campaign();
    auto add = [&](const std::string& code, const std::string& zh, const std::string& enText) {
        out.push_back(QVariantMap{{"code", q(code)}, {"label", q(en ? enText : zh)}});
    };
    if (spec.enumSource == model::lists::kTrainingMode) {
        for (const model::RefItem& item : campaign ? campaign->trainingModes : model::defaultTrainingModes())
            add(item.code, item.zh, item.en);
    } else if (spec.enumSource == model::lists::kAuthority) {
        if (campaign) {
            for (const model::Allocation& a : campaign->allocations) {
                const model::Organisation* org = model::findOrganisation(a.authorityCode);
                add(a.authorityCode, org ? org->zh : a.authorityCode, org ? org->en : a.authorityCode);
            }
        }
    } else if (const auto* list = model::referenceList(spec.enumSource)) {
        for (const model::RefItem& item : *list)
            add(item.code, item.zh, item.en);
    }
    return out;
}

QVariant FormModel::data(const QModelIndex& index, int role) const
{
    const auto& fields = model::applicationFields();
    if (!index.isValid() || index.row() < 0 || index.row() >= count())
        return {};
    const model::FieldSpec& spec = fields[static_cast<std::size_t>(index.row())];
    const bool en = m_document->english();
    switch (role) {
    case FieldIdRole:
        return q(spec.id);
    case LabelRole:
        return QString::fromUtf8(en ? spec.labelEn : spec.labelZh);
    case TypeRole:
        return QString::fromLatin1(model::toString(spec.type));
    case RequiredRole:
        return spec.required;
    case OptionsRole:
        return options(spec);
    case ValueRole:
        return m_document->value(spec.id);
    case ErrorRole:
        return m_document->error(spec.id);
    case SectionRole:
        return spec.section;
    case SectionTitleRole:
        return sectionTitle(spec.section);
    case MaxCharsRole:
        return m_document->campaign() ? model::maxCharsFor(spec, *m_document->campaign()) : spec.maxChars;
    case ColumnsRole: {
        QVariantList columns;
        for (const model::ColumnSpec& c : spec.columns)
            columns.push_back(QVariantMap{{"id", q(c.id)},
                                          {"label", QString::fromUtf8(en ? c.labelEn : c.labelZh)},
                                          {"type", QString::fromLatin1(model::toString(c.type))},
                                          {"required", c.required}});
        return columns;
    }
    case MinRole:
        return spec.minValue;
    case MaxRole:
        return spec.maxValue;
    case FirstInSectionRole:
        return index.row() == 0 || fields[static_cast<std::size_t>(index.row() - 1)].section != spec.section;
    default:
        return {};
    }
}

void FormModel::fieldChanged(const std::string& fieldId)
{
    const int row = indexOf(q(fieldId));
    if (row >= 0)
        emit dataChanged(index(row), index(row), {ValueRole, ErrorRole});
}

void FormModel::errorsChanged()
{
    if (count() > 0)
        emit dataChanged(index(0), index(count() - 1), {ErrorRole});
}

void FormModel::allChanged()
{
    if (count() > 0)
        emit dataChanged(index(0), index(count() - 1));
}

} // namespace tepei::qt
