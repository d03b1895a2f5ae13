// tepei-admin: the command table and the account commands. Campaign and demo commands are in
// admin_campaign.cpp and admin_demo.cpp.
#include "admin_commands.h"

#include <cpprest/json.h>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <ostream>
#include <sstream>
#include <tepei/model/rules/version.h>
#include <tepei/server/accounts/password.h>
#include <tepei/server/admin/admin.h>
#include <tepei/sync/ids.h>

namespace tepei::server {

namespace {

using admin::AdminEnv;

struct Command {
    std::vector<std::string> words;
    std::set<std::string> required;
    std::set<std::string> optional;
    std::size_t positionals = 0;
    std::string help;
    std::function<Status<>(AdminEnv&)> run;
    std::set<std::string> flags = {}; // options that take no value
};

// Validates an org against its parent, looking the parent up among `earlier` first, then the store.
Status<> checkOrg(AccountStore& store, const Org& org, const std::vector<Org>& earlier)
{
    std::optional<Org> parent;
    if (!org.parent.empty()) {
        for (const auto& o : earlier) {
            if (o.code == org.parent) {
                parent = o;
            }
        }
        if (!parent) {
            auto found = store.findOrg(org.parent);
            if (!found) {
                return found.error();
            }
            if (!*found) {
                return Error{"invalid_parent",
                             "parent org " + org.parent + " of " + org.code + " does not exist", "parent"};
            }
            parent = *found;
        }
    }
    if (org.code.empty() || org.name.empty()) {
        return Error{"missing_field", "an org needs a code and a name", "code"};
    }
    return checkOrgParent(org, parent);
}

Status<> orgAdd(AdminEnv& env)
{
    auto kind = parseOrgKind(env.option("--kind"), "--kind");
    if (!kind) {
        return kind.error();
    }
    Org org{env.option("--code"), *kind, env.option("--name"), env.option("--parent"), AccountStatus::Active};
    if (auto s = checkOrg(env.store, org, {}); !s) {
        return s;
    }
    if (auto s = env.store.addOrg(org); !s) {
        return s;
    }
    env.out << "added org " << org.code << " (" << toString(org.kind) << ") " << org.name << "\n";
    return Ok{};
}

Result<std::vector<Org>> readOrgFile(const std::string& path)
{
    std::ifstream in(path);
    if (!in) {
        return Error{"invalid_value", "cannot read " + path, "FILE"};
    }
    std::stringstream text;
    text << in.rdbuf();
    std::error_code ec;
    const auto doc = web::json::value::parse(text.str(), ec);
    if (ec || !doc.is_array()) {
        return Error{"malformed_json", path + " must hold a JSON list of {code, kind, name, parent}", "FILE"};
    }
    std::vector<Org> orgs;
    for (const auto& item : doc.as_array()) {
        auto get = [&](const char* name) {
            return item.is_object() && item.has_string_field(name) ? item.at(name).as_string()
                                                                   : std::string();
        };
        auto kind = parseOrgKind(get("kind"), "kind");
        if (!kind) {
            return Error{kind.error().code, "org " + get("code") + ": " + kind.error().message, "kind"};
        }
        orgs.push_back(Org{get("code"), *kind, get("name"), get("parent"), AccountStatus::Active});
    }
    return orgs;
}

Status<> orgImport(AdminEnv& env)
{
    auto orgs = readOrgFile(env.positional.at(0));
    if (!orgs) {
        return orgs.error();
    }
    std::vector<Org> earlier;
    for (const auto& org : *orgs) {
        if (auto s = checkOrg(env.store, org, earlier); !s) {
            return s;
        }
        earlier.push_back(org);
    }
    if (auto s = env.store.addOrgs(*orgs); !s) {
        return s;
    }
    env.out << "imported " << orgs->size() << " orgs\n";
    return Ok{};
}

Status<> userAdd(AdminEnv& env)
{
    auto role = parseRole(env.option("--role"), "--role");
    if (!role) {
        return role.error();
    }
    std::string password = env.option("--password");
    if (password.empty() && std::getenv("TEPEI_PASSWORD")) {
        password = std::getenv("TEPEI_PASSWORD");
    }
    if (password.empty()) {
        return Error{"missing_field", "give the password with --password or the TEPEI_PASSWORD variable",
                     "--password"};
    }
    const std::string login = env.option("--login");
    if (auto s = checkPasswordPolicy(password, login); !s) {
        return s;
    }
    auto org = env.store.findOrg(env.option("--org"));
    if (!org) {
        return org.error();
    }
    if (!*org || (*org)->kind != orgKindFor(*role)) {
        return Error{"invalid_value",
                     std::string("a ") + toString(*role) + " belongs to an org of kind " +
                         toString(orgKindFor(*role)) + "; " + env.option("--org") + " is not one",
                     "--org"};
    }
    auto hash = hashPassword(password);
    if (!hash) {
        return hash.error();
    }
    User user{sync::newUuidString(), login, env.option("--name"),  *role,
              (*org)->code,          *hash, AccountStatus::Active, env.option("--mobile")};
    if (auto s = env.store.addUser(user); !s) {
        return s;
    }
    env.out << "added user " << user.login << " (" << toString(user.role) << ", " << user.orgCode << ") id "
            << user.id << "\n";
    return Ok{};
}

Status<> userList(AdminEnv& env)
{
    auto users = env.store.listUsers();
    if (!users) {
        return users.error();
    }
    for (const auto& u : *users) {
        env.out << u.login << '\t' << toString(u.role) << '\t' << u.orgCode << '\t' << toString(u.status)
                << '\t' << u.displayName << '\t' << u.id << "\n";
    }
    return Ok{};
}

const std::vector<Command>& commands()
{
    static const std::vector<Command> table = {
        {{"init"}, {}, {}, 0, "create or migrate the database", [](AdminEnv&) { return Status<>(Ok{}); }},
        {{"org", "add"},
         {"--code", "--kind", "--name"},
         {"--parent"},
         0,
         "--code C --kind centre|authority|work_unit|training_unit --name N [--parent P]",
         orgAdd},
        {{"org", "import"}, {}, {}, 1, "FILE  (a JSON list of {code, kind, name, parent})", orgImport},
        {{"user", "add"},
         {"--login", "--role", "--org", "--name"},
         {"--password", "--mobile"},
         0,
         "--login L --role R --org C --name N [--password P | env TEPEI_PASSWORD] [--mobile M]",
         userAdd},
        {{"user", "list"}, {}, {}, 0, "list users (login, role, org, status, name, id)", userList},
        {{"campaign", "add"},
         {},
         {},
         1,
         "FILE  (a campaign data file such as data/campaigns/2024.json; stop the server first)",
         admin::campaignAdd},
        {{"campaign", "list"}, {}, {}, 0, "list the campaigns in the change log", admin::campaignList},
        {{"demo"},
         {},
         {"--campaign", "--applicants", "--seed", "--password", "--rehearse"},
         0,
         "[--campaign FILE] [--applicants 200] [--seed 2024] [--password P] [--rehearse DAYS] [--force]  "
         "(seed "
         "the demo data; --rehearse re-dates the campaign so its deadline lies DAYS days ahead, to try "
         "submissions and reviews live; stop the server first)",
         admin::seedDemo,
         {"--force"}},
        {{"store", "copy"},
         {"--from", "--to"},
         {},
         0,
         "--from DIR --to postgresql://...  (move an SQLite data directory into an empty PostgreSQL "
         "database: the same log, seqs and verdicts; stop the server first)",
         admin::storeCopy},
    };
    return table;
}

std::string usageText()
{
    std::string text =
        "usage: tepei-admin --data DIR [--store postgresql://...] <command>   (tepei-admin --version: the "
        "version)\n  --store URL  the PostgreSQL database the servers use, instead of the files in --data\n"
        "commands:\n";
    for (const auto& c : commands()) {
        std::string words;
        for (const auto& w : c.words) {
            words += w + " ";
        }
        text += "  " + words + c.help + "\n";
    }
    return text;
}

// Splits the words after the command into options and positionals and checks them.
Status<> parseCommandArgs(const Command& c, const std::vector<std::string>& rest, AdminEnv& env)
{
    for (std::size_t i = 0; i < rest.size(); ++i) {
        if (rest[i].rfind("--", 0) != 0) {
            env.positional.push_back(rest[i]);
            continue;
        }
        if (c.flags.count(rest[i])) {
            env.flags.insert(rest[i]);
            continue;
        }
        if (!c.required.count(rest[i]) && !c.optional.count(rest[i])) {
            return Error{"usage", "unknown option " + rest[i], rest[i]};
        }
        if (i + 1 >= rest.size()) {
            return Error{"usage", rest[i] + " needs a value", rest[i]};
        }
        env.options[rest[i]] = rest[i + 1];
        ++i;
    }
    for (const auto& name : c.required) {
        if (!env.options.count(name)) {
            return Error{"usage", "missing " + name, name};
        }
    }
    if (env.positional.size() != c.positionals) {
        return Error{"usage", "expected " + std::to_string(c.positionals) + " argument(s) after the command",
                     ""};
    }
    return Ok{};
}

// The words before the command: where the data is (--data DIR, --store URL); the rest is returned.
Result<std::vector<std::string>> parseLocation(const std::vector<std::string>& args, StoreLocation& where)
{
    std::vector<std::string> words;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--data" && i + 1 < args.size()) {
            where.dataDir = args[++i];
        } else if (args[i] == "--store" && i + 1 < args.size()) {
            auto store = parseStoreOption(args[++i]);
            if (!store) {
                return store.error();
            }
            where.url = *store;
        } else {
            words.push_back(args[i]);
        }
    }
    return words;
}

const Command* findCommand(const std::vector<std::string>& words)
{
    const Command* command = nullptr;
    for (const auto& c : commands()) {
        if (words.size() >= c.words.size() && std::equal(c.words.begin(), c.words.end(), words.begin())) {
            command = &c;
        }
    }
    return command;
}

// store copy names its source with --from: the data directory the command works on.
Status<> locateCopySource(const std::vector<std::string>& words, StoreLocation& where)
{
    const auto from = std::find(words.begin(), words.end(), "--from");
    if (from != words.end() && from + 1 != words.end()) {
        where.dataDir = *(from + 1);
    }
    if (!where.dataDir.empty() && !std::filesystem::exists(where.dataDir / "records.db")) {
        return Error{
            "invalid_value",
            where.dataDir.string() +
                " holds no Tepei data (no records.db); give the --data directory of the server to copy",
            "--from"};
    }
    return Ok{};
}

} // namespace

int adminMain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    if (args.size() == 1 && args[0] == "--version") {
        out << "tepei-admin " << model::productVersion() << " (rules " << model::rulesVersion() << ")\n";
        return 0;
    }
    StoreLocation where;
    auto words = parseLocation(args, where);
    if (!words) {
        err << "tepei-admin: " << words.error().message << "\n";
        return 2;
    }
    const Command* command = findCommand(*words);
    if (command && command->words == std::vector<std::string>{"store", "copy"}) {
        if (auto s = locateCopySource(*words, where); !s) {
            err << "tepei-admin: " << s.error().message << "\n";
            return 1;
        }
    }
    const bool located = !where.dataDir.empty() || where.postgres();
    if (!located || !command) {
        err << "tepei-admin: "
            << (!located ? "--data DIR (or --store postgresql://...) is required" : "unknown command") << "\n"
            << usageText();
        return 2;
    }
    // The accounts only: commands that append open the change log themselves (openLogForWriting).
    auto storage = openStorage(where, {false, 1, ServerLimits{}.maxBlobBytes}, sync::systemWallClock());
    if (!storage) {
        err << "tepei-admin: " << storage.error().message << "\n";
        return 1;
    }
    AdminEnv env{*storage->accounts, where, {}, {}, {}, out, err};
    const std::vector<std::string> rest(words->begin() + static_cast<long>(command->words.size()),
                                        words->end());
    if (auto s = parseCommandArgs(*command, rest, env); !s) {
        err << "tepei-admin: " << s.error().message << "\n" << usageText();
        return 2;
    }
    if (auto s = command->run(env); !s) {
        err << "tepei-admin: " << s.error().message
            << (s.error().field.empty() ? "" : " (" + s.error().field + ")") << "\n";
        return 1;
    }
    if (command->words[0] == "init") {
        out << where.describe() << " is ready: its tables are at this version's schema\n";
    }
    return 0;
}

} // namespace tepei::server
