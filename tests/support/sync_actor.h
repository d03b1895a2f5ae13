#pragma once
// A person at a device for the integration tests: signs in to the real server with its own site
// id, makes changes stamped like the client makes them, pushes and pulls with the protocol codec,
// and folds what it pulls into its own view (as a client replica does) to review what it saw.

#include "log_builder.h"
#include "server_fixture.h"

#include <algorithm>
#include <string>
#include <tepei/model/fold/fold.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/sync/change.h>
#include <tepei/sync/messages.h>
#include <vector>

namespace tepei::test {

// The changes it makes are stamped by a test::Device (log_builder.h), as the model's tests make them.
class Actor {
public:
    // Signs in; fails the current test when the server refuses.
    Actor(const TestServer& server, const std::string& login, const std::string& password, std::string role);

    sync::Change set(const std::string& recordId, web::json::value fields,
                     const std::string& kind = model::kKindApplication);
    sync::Change command(const std::string& recordId, const std::string& name,
                         web::json::value args = web::json::value::object(),
                         const std::string& kind = model::kKindApplication);
    // A review command carrying the digest of the content this actor's view holds.
    sync::Change review(const std::string& recordId, const std::string& name,
                        const std::string& comment = {});

    HttpReply pushRaw(const std::vector<sync::Change>& changes) const;
    // Pushes; the reply must be 200. Results in the order of the changes. The changes it confirms
    // (accepted, duplicate) join the view at the next sync(), as a client confirms them from the
    // reply: a pull never sends a device its own changes (R-SYNC-5).
    sync::PushReply push(const std::vector<sync::Change>& changes) const;
    sync::PullReply pullPage(std::int64_t after, int limit = 1000) const;
    // Pulls everything new into the view; returns the changes newly confirmed there: those the
    // pulls received and this device's own, confirmed by its push replies since the last sync().
    std::vector<sync::ConfirmedChange> sync();

    const model::Fold& view() const { return m_view; }
    // The server's view of this actor's scope, in canonical form: everything a fresh device of the
    // same person receives from the start of the log, folded with the server's verdicts.
    std::string scopeFromTheStart() const;
    std::int64_t cursor() const { return m_cursor; }
    const std::string& userId() const { return m_userId; }
    const std::string& token() const { return m_token; }
    const std::string& site() const { return m_site; }
    void setTime(std::int64_t wallMs) { m_device.setTime(wallMs); }
    // The same device, session and site talking to another server process of the same deployment
    // (a load balancer's choice; the session is valid on every process).
    void switchServer(const TestServer& server) { m_server = &server; }

private:
    const TestServer* m_server;
    std::string m_login;
    std::string m_password;
    std::string m_role;
    std::string m_token;
    std::string m_userId;
    std::string m_site;
    Device m_device{"", ""}; // stamps its changes (set once signed in)
    model::Fold m_view;
    std::vector<sync::ConfirmedChange> m_log;               // everything pulled or confirmed, in seq order
    mutable std::vector<sync::ConfirmedChange> m_confirmed; // by push replies, since the last sync()
    std::int64_t m_cursor = 0;
};

// The change with this id among those pulled, or null.
const sync::ConfirmedChange* findChange(const std::vector<sync::ConfirmedChange>& page,
                                        const sync::ChangeId& id);

// Pulls what is new, then checks that the actor's view (built page by page, with the history of
// records that entered its scope) equals scopeFromTheStart(); a test failure otherwise.
void expectConverged(Actor& actor);

// scopeFromTheStart() of `login`.
std::string scopeFromTheStart(const TestServer& server, const std::string& login, const std::string& password,
                              const std::string& role);

} // namespace tepei::test
