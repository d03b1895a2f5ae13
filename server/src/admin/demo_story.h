#pragma once
// Internals of `tepei-admin demo`: the changes of one demo application, made as its people would
// make them (R-APP-1..8, R-QUO-2, R-QUO-3, R-TRN-1, R-TRN-2). The applicant sets the form and
// submits; the unit reviewer, the authority reviewer and the centre officer decide with commands
// that carry their role, the content digest they reviewed and, for returns, their opinion. Every
// change is folded as it is made, so each digest is the one the reviewer saw and each verdict is
// known before the batch is appended. Pre-admission actions fall before the campaign deadline.

#include "demo_plan.h"

#include <string>
#include <tepei/model/fold/fold.h>
#include <tepei/sync/change.h>
#include <vector>

namespace tepei::server::demo {

class StoryWriter {
public:
    // `state`: the log's current fold (a copy); `runKey` makes the ids of this run (campaign,
    // seed and count), so that the same run twice gives the same change ids.
    StoryWriter(model::Campaign campaign, model::Fold state, std::string runKey);

    // Appends the changes of the applicant's story to `out` and folds them. Returns a line for
    // every verdict that differs from the story (empty: everything went as planned).
    std::vector<std::string> write(const Applicant& applicant, std::vector<sync::Change>& out);

    // The id of the applicant's application record.
    std::string recordId(const Applicant& applicant) const;

    const model::Fold& state() const { return m_fold; }

private:
    struct Actor {
        std::string login;
        model::Role role;
    };
    struct Scene;

    void edit(Scene& scene, web::json::value fields, int afterDays);
    void act(Scene& scene, const Actor& actor, model::AppAction action, int afterDays,
             web::json::value args = web::json::value::object(), bool expectAccepted = true);
    // Makes one change of the scene's record (or of `recordId` of `kind`), folds it and notes a
    // verdict other than expected.
    void emit(Scene& scene, const Actor& actor, sync::ChangeOp op, web::json::value payload,
              const std::string& what, bool expectAccepted, const std::string& kind = {},
              const std::string& recordId = {});
    // The centre's disbursements for a trainee from `start`: half a year's tuition and housing (and
    // the second half from the seventh month), the year's management fee, and `months` monthly
    // living allowances (R-FND-1), each on its day.
    void payFor(Scene& scene, const model::Date& start, int months);
    void reviewUntil(Scene& scene, Story story);
    void admitAndAfter(Scene& scene, Story story);

    model::Campaign m_campaign;
    model::Fold m_fold;
    std::string m_runKey;
    std::int64_t m_seq = 0;
};

} // namespace tepei::server::demo
