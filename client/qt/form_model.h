#pragma once
// FormModel: the application form's fields as a list model, one row per field of
// model::applicationFields() in form order (the ONE field list; QML generates the form from it).
// Each row carries the field's label in the interface language, its type, its choices, its
// current value (saved or being edited) and the live validation message.
//
// Threading: GUI thread only. Owned by an ApplicationDocument, which holds the values.

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <tepei/model/form/form.h>

namespace tepei::qt {

class ApplicationDocument;

class FormModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("an ApplicationDocument's fields")
    Q_PROPERTY(int count READ count CONSTANT)

public:
    enum Roles {
        FieldIdRole = Qt::UserRole + 1,
        LabelRole,
        TypeRole, // "text", "long_text", "date", "int", "bool", "enum", "rows"
        RequiredRole,
        OptionsRole, // enum: [{code, label}]
        ValueRole,   // string, int, bool, list of row objects; undefined when empty
        ErrorRole,   // the live validation message, or ""
        SectionRole, // 1..8
        SectionTitleRole,
        MaxCharsRole, // 0 = none
        ColumnsRole,  // rows: [{id, label, type, required}]
        MinRole,
        MaxRole,
        FirstInSectionRole, // the first field of its section: the view shows the section title
    };

    explicit FormModel(ApplicationDocument* document);

    int count() const { return static_cast<int>(model::applicationFields().size()); }
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The row of a field id, or -1.
    Q_INVOKABLE int indexOf(const QString& fieldId) const;
    // A field's section title, for section headers.
    Q_INVOKABLE QString sectionTitle(int section) const;

    void fieldChanged(const std::string& fieldId);
    void allChanged();
    void errorsChanged();

private:
    QVariant options(const model::FieldSpec& spec) const;
    ApplicationDocument* m_document;
};

} // namespace tepei::qt
