#pragma once
// The application kind's state in a fold: every application, and the places each authority has
// approved. Private to the kind; read through the functions of application.h.

#include <map>
#include <tepei/model/command/command.h>
#include <tepei/model/kinds/application/application.h>

namespace tepei::model {

// A string member of a change's payload, or empty; a view into the payload.
std::string_view memberText(const web::json::value& payload, const char* name);

class ApplicationState final : public KindState {
public:
    std::unique_ptr<KindState> clone() const override { return std::make_unique<ApplicationState>(*this); }
    Record* find(const std::string& id) override;
    Verdict apply(Fold& fold, sync::Change& change, Record*& record, std::int64_t seq,
                  const std::optional<Verdict>& given) override;
    void invalidate() override;
    void canonical(std::ostream& out, const Fold& fold) const override;

    const std::unordered_map<std::string, Application>& all() const { return m_applications; }
    int approved(const std::string& campaign, const std::string& authority) const;
    std::vector<std::pair<std::string, int>> approvedIn(const std::string& campaign) const;

private:
    Verdict setFields(Fold& fold, sync::Change& change, Record*& record, std::int64_t seq,
                      const std::optional<Verdict>& given);
    Application* create(const sync::Change& change, const std::string& campaignId);
    void takeValues(const Fold& fold, Application& app, sync::Change& change, const FieldStamp& stamp);
    Verdict checkFieldSet(const Application& app, const sync::Change& change) const;
    Verdict command(Fold& fold, sync::Change& change, Application* app, std::int64_t seq,
                    const std::optional<Verdict>& given);
    Verdict judge(const Fold& fold, const Application& app, const Command& command, const sync::Hlc& hlc,
                  const std::optional<Verdict>& given) const;
    Verdict checkCommand(const Application& app, const Command& command, AppAction action,
                         const Campaign& campaign, const sync::Hlc& hlc, std::int64_t receivedMs) const;
    Verdict checkContent(const Application& app, AppAction action, const Campaign& campaign) const;
    void perform(Application& app, const Command& command, AppAction action, AppState next, std::int64_t seq,
                 const Campaign& campaign);

    std::unordered_map<std::string, Application> m_applications;
    // (campaign, authority) -> places taken, kept in step with Application::quotaAuthority.
    std::map<std::pair<std::string, std::string>, int> m_approved;
    std::vector<const FieldSpec*> m_specs; // setFields' per-member field specs, reused
};

} // namespace tepei::model
