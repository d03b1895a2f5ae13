#pragma once
// The checks of what a person types for an account, shared by self-registration (account_api)
// and the administrator's page (admin_api). Private to server/src/api.

#include <algorithm>
#include <cctype>
#include <string>
#include <tepei/sync/result.h>

namespace tepei::server {

inline Status<> checkLogin(const std::string& login)
{
    const bool ok =
        login.size() >= 3 && login.size() <= 64 && std::all_of(login.begin(), login.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-' ||
                   c == '@';
        });
    if (!ok) {
        return Error{"invalid_value", "the login name must be 3 to 64 letters, digits or . _ - @", "login"};
    }
    return Ok{};
}

inline Status<> checkMobile(const std::string& mobile)
{
    const bool ok = mobile.size() == 11 && mobile[0] == '1' &&
                    std::all_of(mobile.begin(), mobile.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!ok) {
        return Error{"invalid_value", "the mobile number must be 11 digits starting with 1", "mobile"};
    }
    return Ok{};
}

// An organisation's code: 2 to 40 letters, digits or '-'.
inline Status<> checkOrgCode(const std::string& code)
{
    const bool ok =
        code.size() >= 2 && code.size() <= 40 && std::all_of(code.begin(), code.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
        });
    if (!ok) {
        return Error{"invalid_value", "the unit code must be 2 to 40 letters, digits or '-'", "code"};
    }
    return Ok{};
}

// A reason an authority or the administrator must give: not blank.
inline Status<> checkReason(const std::string& reason, const std::string& what)
{
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
        return Error{"comment_required", "say why " + what + ", for the audit log", "reason"};
    }
    return Ok{};
}

} // namespace tepei::server
