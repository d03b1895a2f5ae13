#pragma once
// R-APP-4: the application form (申报表) printed to PDF, laid out like the paper form of
// FORMS.md — A4, Chinese, boxed sections generated from the one field list, the opinion boxes
// (所在单位意见, 盟市/厅局审核意见) filled from the review history with a 盖章 box each, and a
// footer with the application's number, its content digest and the print time on every page, so
// a stamped paper copy can be matched to its record. Printed in WenQuanYi Micro Hei, whose
// characters extract from the PDF as themselves (民, 人), not as CJK radicals.
//
// Thread-safe (pure function over values; QPdfWriter/QPainter on the calling thread).

#include "printed_name.h"

#include <QString>
#include <tepei/model/fold/fold.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>

namespace tepei::qt {

// Writes the PDF to `path`. Returns "" or, in Chinese, what went wrong and what to do.
// `printedAtMs`: the print time in the footer, ms since the epoch; `nameOf` names the reviewers.
QString printApplicationForm(const model::Application& app, const model::Campaign& campaign,
                             const QString& digest, const QString& path, std::int64_t printedAtMs,
                             const PrintedName& nameOf);

// The form's value of a field as printed text (list codes as their Chinese names, 是/否, dates).
QString printedValue(const model::FieldSpec& spec, const model::Application& app,
                     const model::Campaign& campaign);

} // namespace tepei::qt
