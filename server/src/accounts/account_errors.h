#pragma once
// The refusals of an AccountStore (account_store.h), worded once for SqliteStore and PgStore so
// that a client is told the same whichever backend the server runs on.

#include <string>
#include <tepei/server/access/principal.h>
#include <tepei/sync/result.h>

namespace tepei::server::accounts {

inline Error orgExists(const Org& org)
{
    return Error{"org_exists",
                 "an organisation with code " + org.code + " exists already; choose another code", "code"};
}

inline Error invalidParent(const Org& org)
{
    return Error{"invalid_parent", "the parent organisation " + org.parent + " does not exist; add it first",
                 "parent"};
}

inline Error loginTaken(const User& user)
{
    return Error{"login_taken", "the login name " + user.login + " is taken; choose another", "login"};
}

// `field`: the input that named the org ("orgCode" of a user, "code" of an org to activate).
inline Error unknownOrg(const std::string& code, const std::string& field)
{
    return Error{"unknown_org", "there is no organisation with code " + code, field};
}

} // namespace tepei::server::accounts
