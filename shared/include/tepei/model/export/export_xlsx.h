#pragma once
// The Excel exports (.xlsx, libxlsxwriter): the trainee summary table 附件2 (R-APP-6), the quota
// table 附件1 (R-QUO-1, R-QUO-3) and the funding plan (R-FND-2). Each reads a folded state and
// writes one workbook laid out to print like the paper table (A4 landscape, borders, merged title,
// header row repeated on every page and frozen on screen). No Qt, no network I/O.
//
// Files: every function writes to a temporary file beside `path` and renames it onto `path` only
// when the workbook is complete, so a reader never sees half a file and a failed export leaves
// whatever was at `path` before. Errors are values: "invalid_value" (bad arguments, say which),
// "export_failed" (the file could not be written: the message names the path and what to do).
//
// Names: authorities are shown by their Chinese name from reference.h (findOrganisation), or by
// `orgNames` where the caller knows better, else by their code.
//
// Thread safety: the functions only read `state` and the campaign; callers guard a shared Fold
// (the server holds its log's lock). Different calls may run concurrently with different paths.

#include <map>
#include <string>
#include <tepei/model/campaign/campaign.h>
#include <tepei/model/fold/fold.h>
#include <tepei/sync/result.h>
#include <vector>

namespace tepei::model {

// Organisation code -> Chinese name, for codes reference.h does not know (training units, or
// organisations a deployment added). Looked up before reference.h.
using OrgNames = std::map<std::string, std::string>;

// R-APP-6: the trainee summary table (附件2 学员汇总表). One sheet per authority in `authorities`
// (named by the authority's Chinese name), in the given order; with more than one authority, a
// first sheet "汇总" lists every row of the others with a 推荐单位 column (the centre's export).
// Rows: the campaign's applications that hold one of the authority's places (countsAgainstQuota:
// approved by the authority and every later state), ordered by first submission; nothing else.
// Columns are FORMS.md's 附件2 in order; headings come from applicationFields() where the table
// uses the form's label; codes become Chinese names (民族, 学历, 学位, 单位性质, 培养方式, 是/否);
// 出生年月 is "YYYY.MM"; 拟培养单位 is the first choice, then the second after "；"; 重点选拔范围 is
// the scope's number, explained in a note under the table; 备注 names a later state (已录取, …)
// and the receipt of the paper copies.
// Returns `path`. Errors: "invalid_value" (no authority, or one named twice), "export_failed".
tepei::Result<std::string> writeSummaryTable(const Fold& state, const Campaign& campaign,
                                             const std::vector<std::string>& authorities,
                                             const std::string& path, const OrgNames& orgNames = {});

// R-QUO-1, R-QUO-3: the quota table (附件1 名额分配表): 序号, 推荐单位, 分配名额, 已审核通过, 待审核,
// 剩余名额 for each of the campaign's allocations whose authority is in `authorities` (empty: all),
// in the campaign's order, numbers from Fold::quota; a 合计 row sums them (with every authority
// that equals the campaign's places). Returns `path`. Errors: "export_failed".
tepei::Result<std::string> writeQuotaTable(const Fold& state, const Campaign& campaign,
                                           const std::vector<std::string>& authorities,
                                           const std::string& path, const OrgNames& orgNames = {});

// R-QUO-3: the admitted trainees (录取学员名单) of the campaign (admitted and every later state)
// whose place belongs to an authority in `authorities` (empty: all), in order of admission: 序号,
// 姓名, 性别, 民族, 身份证号, 推荐单位, 工作单位, 培养单位, 培养专业, 开始日期, 结束日期 (ISO), 状态
// (the application's state: 已录取, 培养中, …). Returns `path`. Errors: "export_failed".
tepei::Result<std::string> writeAdmittedList(const Fold& state, const Campaign& campaign,
                                             const std::vector<std::string>& authorities,
                                             const std::string& path, const OrgNames& orgNames = {});

// R-FND-2, R-TRN-1: the funding plan against what was disbursed, for the campaign's trainees
// (admitted and every later state) whose place belongs to an authority in `authorities` (empty:
// all). Each trainee's plan is the campaign's amounts for the admission's period (R-FND-1), stopped
// at what was paid for an interrupted or disqualified trainee (traineeFundingOf). Sheet "按学员":
// one row per trainee in order of admission — the plan's amounts, 已拨付, 剩余计划, 状态, and a
// disqualified trainee's 应退经费 and 已退还; sheet "按培养单位": plan, paid and remaining per
// training unit; both end with a 合计 row; sheet "拨付明细": every disbursement, correction and
// refund by date. Amounts are 元 with two decimals, number format "#,##0.00". Money stays integer
// fen throughout; the one conversion to a spreadsheet number (fen / 100) happens when a cell is
// written, so every cell is the exact decimal amount and the totals are integer sums. Training
// units are shown by orgNames, else by the campaign's list. Returns `path`. Errors: "export_failed".
tepei::Result<std::string> writeFundingPlan(const Fold& state, const Campaign& campaign,
                                            const std::vector<std::string>& authorities,
                                            const std::string& path, const OrgNames& orgNames = {});

// The Chinese name of an organisation: orgNames, then reference.h, then the code itself.
std::string organisationName(const std::string& code, const OrgNames& orgNames = {});

} // namespace tepei::model
