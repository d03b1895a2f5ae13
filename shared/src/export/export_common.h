#pragma once
// What the tables of export_xlsx.h share: names of organisations, the choice of authorities, the
// title and header rows, and the trainees of a campaign. Private to the export module.

#include "xlsx_book.h"

#include <string>
#include <tepei/model/export/export_xlsx.h>
#include <tepei/model/kinds/application/application.h>
#include <vector>

namespace tepei::model::tables {

// A training unit's name: the server's (orgNames), then the campaign's list, then its code.
std::string trainingUnitName(const Campaign& campaign, const std::string& code, const OrgNames& orgNames);
// Whether `code` is one of `authorities` (empty: every authority is).
bool selected(const std::vector<std::string>& authorities, const std::string& code);
// Row 0: the title merged over `columns`; row 1: the subtitle.
void writeTitle(xlsx::Sheet& sheet, const xlsx::Formats& f, int columns, const std::string& title,
                const std::string& subtitle);
void writeHeader(xlsx::Sheet& sheet, const xlsx::Formats& f, int row,
                 const std::vector<std::string>& headings);
// Trainees of the campaign (admitted and every later state) whose place belongs to a selected
// authority, in order of admission.
std::vector<const Application*> traineesOf(const Fold& state, const Campaign& campaign,
                                           const std::vector<std::string>& authorities);

} // namespace tepei::model::tables
