#pragma once
// Principal: who makes a change or asks for records, as the scope rules of every record kind see
// them (R-SEC-2). The server resolves it from a session; the same rules run on the client to offer
// only the actions its user may take. A plain value.

#include <cstdint>
#include <string>
#include <tepei/model/kinds/application/workflow.h>

namespace tepei::model {

struct Principal {
    std::string userId;
    std::string login;
    std::string displayName;
    Role role = Role::Applicant;
    std::string orgCode;
    // The recommending authority above the principal: for an applicant or a unit reviewer the
    // parent of their work unit; for an authority reviewer their own org; empty otherwise.
    std::string authorityCode;
    std::string site;           // device (site) id given at login
    std::int64_t expiresMs = 0; // session expiry, ms since the epoch (UTC)
};

} // namespace tepei::model
