#pragma once
// RecordKind: one kind of record in the log (campaign, application, leave request, ...), as a
// module of the model library (ARCHITECTURE.md "Record kinds"). A kind says what its records hold
// and how a change of it folds (its KindState), who may make a change of it and who may see a
// record of it (scope, R-SEC-2). The fold's core, the codec, the server's authorization and the
// client's sync know no kind by name: they ask the kind, found in the registry
// (tepei/model/kinds/registry.h) by the change's record kind.
//
// A kind is stateless and lives forever; its KindState is the fold's and is copied with it.

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <tepei/model/access/principal.h>
#include <tepei/model/campaign/campaign.h>
#include <tepei/model/fold/record.h>
#include <tepei/sync/change.h>
#include <tepei/sync/result.h>
#include <unordered_map>

namespace tepei::model {

class Fold;

// What a kind keeps in a fold: its records, and whatever it counts across them.
class KindState {
public:
    virtual ~KindState() = default;
    // A copy that shares nothing with this one (a client's tentative state is a copy).
    virtual std::unique_ptr<KindState> clone() const = 0;
    // The record with this id, or null. Records stay where they are while the fold lives: callers
    // may keep the pointer (the server's pull index does).
    virtual Record* find(const std::string& id) = 0;
    const Record* find(const std::string& id) const { return const_cast<KindState*>(this)->find(id); }
    // Folds one change of this kind at `seq` (0: tentative). `record` is find(change.recordId) on
    // entry, and the new record when the change creates one. With `given`, the verdict is the
    // server's and is taken as it is (see Fold::apply). The change is the fold's to take from.
    virtual Verdict apply(Fold& fold, sync::Change& change, Record*& record, std::int64_t seq,
                          const std::optional<Verdict>& given) = 0;
    // Something another kind holds changed that this kind's cached answers may read (a campaign).
    virtual void invalidate() {}
    // Every record in a canonical text form, sorted, for comparing replicas byte for byte.
    virtual void canonical(std::ostream& out, const Fold& fold) const = 0;
};

// The campaigns by id, as a fold holds them (or a snapshot of them).
using CampaignIndex = std::unordered_map<std::string, Campaign>;

// The part of authorization that reads nothing but the change and the campaigns: a field set's
// names and values, checked against the campaign it names. A server may make it away from its
// log's lock, while a large push is still being decoded.
struct ContentCheck {
    std::string campaignId; // the campaign it was checked against
    Status<> result;
};

class RecordKind {
public:
    virtual ~RecordKind() = default;
    // The kind's wire name (sync::Change::recordKind), e.g. "application". Stable once shipped.
    virtual const char* name() const = 0;
    // A fold's state of this kind, empty.
    virtual std::unique_ptr<KindState> newState() const = 0;

    // Whether `principal` may make `change` of this kind, given the state of the log (R-SEC-2,
    // R-SEC-3). The caller has checked the author, the device and the clock. A refused change
    // never enters the log. `ahead`: checkContent's answer for this change, made earlier against
    // the campaign it names; taken instead of checking again when it is still that campaign.
    virtual Status<> authorize(const Principal& principal, const sync::Change& change, const Fold& state,
                               const ContentCheck* ahead) const = 0;
    // checkContent for this kind, or nullopt when it has none to make for this change.
    virtual std::optional<ContentCheck> checkContent(const sync::Change&, const CampaignIndex&) const
    {
        return std::nullopt;
    }
    // From which seq of the log `principal` may see `record`, or nullopt for never (R-SEC-2). A
    // record that becomes visible is sent with its whole history. `record` is null for a change
    // whose record does not exist (its first change was refused).
    virtual std::optional<std::int64_t> visibleFrom(const Principal& principal, const Record* record,
                                                    const Fold& state) const = 0;
    // Whether `record` refers to the uploaded file with this SHA-256 (its attachments, R-SYNC-4):
    // whoever may see the record may then download the file. Default: it refers to none.
    virtual bool citesBlob(const Record&, const std::string& /*sha256*/) const { return false; }
};

// Whether a list of attachments ([{sha256, ...}], as applications and leave requests hold them)
// names this SHA-256.
bool listCitesBlob(const web::json::value& attachments, const std::string& sha256);

} // namespace tepei::model
