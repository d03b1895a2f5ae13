// The application workflow state machine (R-APP-1, R-APP-3, R-APP-5, R-APP-6, R-QUO-2, R-QUO-3,
// R-TRN-1, R-TRN-2, R-ORG-3).
#include <gtest/gtest.h>
#include <set>
#include <tepei/model/kinds/application/workflow.h>
#include <tuple>

namespace {
using namespace tepei::model;
using A = AppAction;
using R = Role;
using S = AppState;

const std::vector<S> kAllStates{
    S::Draft,    S::Submitted,   S::UnitReturned, S::UnitApproved, S::AuthorityReturned, S::AuthorityApproved,
    S::Admitted, S::Interrupted, S::Disqualified, S::Completed,    S::Withdrawn};
const std::vector<A> kAllActions{
    A::Submit,           A::Withdraw,        A::UnitApprove,        A::UnitReturn,
    A::AuthorityApprove, A::AuthorityReturn, A::RecordPaperReceipt, A::Admit,
    A::Interrupt,        A::Disqualify,      A::Complete,           A::RecordReturn};
const std::vector<R> kAllRoles{R::Applicant,     R::UnitReviewer,        R::AuthorityReviewer,
                               R::CentreOfficer, R::TrainingUnitOfficer, R::Administrator};

TEST(RApp1_Workflow, TheTableIsExactlyTheDecidedTransitions)
{
    const std::set<std::tuple<S, A, R, S>> expected{
        {S::Draft, A::Submit, R::Applicant, S::Submitted},
        {S::UnitReturned, A::Submit, R::Applicant, S::Submitted},
        {S::AuthorityReturned, A::Submit, R::Applicant, S::Submitted},
        {S::Submitted, A::UnitApprove, R::UnitReviewer, S::UnitApproved},
        {S::Submitted, A::UnitReturn, R::UnitReviewer, S::UnitReturned},
        {S::UnitApproved, A::AuthorityApprove, R::AuthorityReviewer, S::AuthorityApproved},
        {S::UnitApproved, A::AuthorityReturn, R::AuthorityReviewer, S::AuthorityReturned},
        {S::AuthorityApproved, A::RecordPaperReceipt, R::AuthorityReviewer, S::AuthorityApproved},
        {S::AuthorityApproved, A::RecordPaperReceipt, R::CentreOfficer, S::AuthorityApproved},
        {S::Completed, A::RecordReturn, R::UnitReviewer, S::Completed},
        {S::Interrupted, A::RecordReturn, R::UnitReviewer, S::Interrupted},
        {S::AuthorityApproved, A::Admit, R::CentreOfficer, S::Admitted},
        {S::Admitted, A::Interrupt, R::CentreOfficer, S::Interrupted},
        {S::Admitted, A::Disqualify, R::CentreOfficer, S::Disqualified},
        {S::Admitted, A::Complete, R::CentreOfficer, S::Completed},
        {S::Draft, A::Withdraw, R::Applicant, S::Withdrawn},
        {S::Submitted, A::Withdraw, R::Applicant, S::Withdrawn},
        {S::UnitReturned, A::Withdraw, R::Applicant, S::Withdrawn},
        {S::UnitApproved, A::Withdraw, R::Applicant, S::Withdrawn},
        {S::AuthorityReturned, A::Withdraw, R::Applicant, S::Withdrawn},
        {S::AuthorityApproved, A::Withdraw, R::Applicant, S::Withdrawn},
    };
    std::set<std::tuple<S, A, R, S>> table;
    for (const auto& t : transitionTable())
        EXPECT_TRUE(table.insert({t.from, t.action, t.role, t.to}).second) << "duplicate row";
    EXPECT_EQ(table, expected);
}

TEST(RApp1_Workflow, EveryCombinationAgreesWithTheTable)
{
    for (S from : kAllStates) {
        for (A action : kAllActions) {
            bool anyRole = false;
            for (const auto& t : transitionTable())
                anyRole = anyRole || (t.from == from && t.action == action);
            for (R role : kAllRoles) {
                const auto result = transition(from, action, role);
                const auto row =
                    std::find_if(transitionTable().begin(), transitionTable().end(), [&](const auto& t) {
                        return t.from == from && t.action == action && t.role == role;
                    });
                const std::string what =
                    std::string(toString(from)) + " " + toString(action) + " by " + toString(role);
                if (row != transitionTable().end()) {
                    ASSERT_TRUE(result.ok()) << what;
                    EXPECT_EQ(*result, row->to) << what;
                } else {
                    ASSERT_FALSE(result.ok()) << what;
                    EXPECT_EQ(result.error().code, anyRole ? "role_not_permitted" : "not_allowed_in_state")
                        << what;
                    EXPECT_FALSE(result.error().zh.empty());
                }
            }
        }
    }
}

TEST(RApp5_Workflow, ResubmissionAfterAnyReturnPassesTheUnitAgain)
{
    EXPECT_EQ(*transition(S::AuthorityReturned, A::Submit, R::Applicant), S::Submitted);
    EXPECT_EQ(*transition(S::UnitReturned, A::Submit, R::Applicant), S::Submitted);
    EXPECT_TRUE(isEditable(S::AuthorityReturned));
    EXPECT_TRUE(requiresComment(A::AuthorityReturn));
    EXPECT_TRUE(requiresComment(A::UnitReturn));
    EXPECT_FALSE(requiresComment(A::AuthorityApprove));
}

TEST(ROrg3_Workflow, RolesAreRefusedOutsideTheirStep)
{
    const auto unitOnAuthorityStep = transition(S::UnitApproved, A::AuthorityApprove, R::UnitReviewer);
    ASSERT_FALSE(unitOnAuthorityStep.ok());
    EXPECT_EQ(unitOnAuthorityStep.error().code, "role_not_permitted");
    EXPECT_EQ(transition(S::Submitted, A::UnitApprove, R::Applicant).error().code, "role_not_permitted");
    EXPECT_EQ(transition(S::AuthorityApproved, A::Admit, R::Administrator).error().code,
              "role_not_permitted");
    EXPECT_EQ(transition(S::AuthorityApproved, A::Admit, R::AuthorityReviewer).error().code,
              "role_not_permitted");
    EXPECT_EQ(transition(S::Admitted, A::Withdraw, R::Applicant).error().code, "not_allowed_in_state");
    EXPECT_EQ(transition(S::Withdrawn, A::Withdraw, R::Applicant).error().code, "not_allowed_in_state");
    EXPECT_EQ(transition(S::Draft, A::UnitApprove, R::UnitReviewer).error().code, "not_allowed_in_state");
}

TEST(RApp6_Workflow, PaperReceiptKeepsTheState)
{
    EXPECT_EQ(*transition(S::AuthorityApproved, A::RecordPaperReceipt, R::AuthorityReviewer),
              S::AuthorityApproved);
    EXPECT_EQ(*transition(S::AuthorityApproved, A::RecordPaperReceipt, R::CentreOfficer),
              S::AuthorityApproved);
    EXPECT_EQ(transition(S::UnitApproved, A::RecordPaperReceipt, R::CentreOfficer).error().code,
              "not_allowed_in_state");
}

TEST(RApp7_Workflow, EditableStatesDigestsAndTerminalStates)
{
    for (S s : kAllStates)
        EXPECT_EQ(isEditable(s), s == S::Draft || s == S::UnitReturned || s == S::AuthorityReturned)
            << toString(s);
    for (A a : kAllActions)
        EXPECT_EQ(requiresDigest(a), a == A::UnitApprove || a == A::UnitReturn || a == A::AuthorityApprove ||
                                         a == A::AuthorityReturn)
            << toString(a);
    for (S s : kAllStates)
        EXPECT_EQ(isTerminal(s),
                  allowedActions(s, R::Applicant).empty() && allowedActions(s, R::CentreOfficer).empty())
            << toString(s);
}

TEST(RQuo2_Workflow, StatesThatHoldAPlace)
{
    const std::set<S> holding{S::AuthorityApproved, S::Admitted, S::Interrupted, S::Disqualified,
                              S::Completed};
    for (S s : kAllStates)
        EXPECT_EQ(countsAgainstQuota(s), holding.count(s) == 1) << toString(s);
}

TEST(RApp1_Workflow, NamesRoundTrip)
{
    std::set<std::string> names;
    for (S s : kAllStates) {
        EXPECT_EQ(fromString<S>(toString(s)), s);
        EXPECT_TRUE(names.insert(toString(s)).second);
        EXPECT_STRNE(labelZh(s), "");
    }
    for (A a : kAllActions) {
        EXPECT_EQ(appActionFromString(toString(a)), a);
        EXPECT_STRNE(labelEn(a), "");
    }
    for (R r : kAllRoles)
        EXPECT_EQ(roleFromString(toString(r)), r);
    EXPECT_STREQ(toString(A::UnitApprove), "unit_approve");
    EXPECT_STREQ(toString(S::AuthorityApproved), "authority_approved");
    EXPECT_STREQ(toString(R::TrainingUnitOfficer), "training_unit_officer");
    EXPECT_FALSE(fromString<S>("approved").has_value());
    EXPECT_FALSE(roleFromString("").has_value());
}

TEST(RApp3_Workflow, AllowedActionsForMenus)
{
    EXPECT_EQ(allowedActions(S::Submitted, R::UnitReviewer), (std::vector<A>{A::UnitApprove, A::UnitReturn}));
    EXPECT_EQ(allowedActions(S::Draft, R::Applicant), (std::vector<A>{A::Submit, A::Withdraw}));
    EXPECT_EQ(allowedActions(S::AuthorityApproved, R::CentreOfficer),
              (std::vector<A>{A::RecordPaperReceipt, A::Admit}));
    EXPECT_TRUE(allowedActions(S::Submitted, R::Administrator).empty());
}

} // namespace
