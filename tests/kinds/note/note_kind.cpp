#include "note_kind.h"

#include <algorithm>
#include <tepei/model/command/command.h>
#include <tepei/model/fold/fold.h>
#include <tepei/model/kinds/registry.h>
#include <unordered_map>

namespace tepei::test {

namespace {

model::Verdict refuse(const char* code, const char* en)
{
    return model::Verdict::refuse(model::Reason{code, en, en});
}

class NoteState final : public model::KindState {
public:
    std::unique_ptr<model::KindState> clone() const override { return std::make_unique<NoteState>(*this); }
    model::Record* find(const std::string& id) override
    {
        const auto it = m_notes.find(id);
        return it == m_notes.end() ? nullptr : &it->second;
    }
    model::Verdict apply(model::Fold&, sync::Change& change, model::Record*& record, std::int64_t seq,
                         const std::optional<model::Verdict>& given) override
    {
        if (!record && change.op == sync::ChangeOp::Set) {
            Note& created = m_notes[change.recordId];
            created.id = change.recordId;
            created.owner = change.author;
            record = &created;
        }
        if (!record)
            return refuse("record_unknown", "no such note");
        Note& note = static_cast<Note&>(*record);
        const model::Command command = model::Command::fromPayload(change.payload);
        model::HistoryEntry& entry = model::Fold::record(note, change, seq, note.closed ? "closed" : "open");
        entry.action = change.op == sync::ChangeOp::Set ? "edit" : command.name;
        model::Verdict verdict = given ? *given : model::Verdict::accept();
        if (!given && note.closed)
            verdict = refuse("not_editable", "the note is closed");
        if (verdict.accepted && change.op == sync::ChangeOp::Set && change.payload.has_field("text"))
            note.text = change.payload.at("text").as_string();
        if (verdict.accepted && change.op == sync::ChangeOp::Command)
            note.closed = true;
        entry.after = note.closed ? "closed" : "open";
        entry.verdict = verdict;
        return verdict;
    }
    void canonical(std::ostream& out, const model::Fold&) const override
    {
        std::vector<const Note*> notes;
        for (const auto& [id, note] : m_notes)
            notes.push_back(&note);
        std::sort(notes.begin(), notes.end(), [](const auto* a, const auto* b) { return a->id < b->id; });
        for (const Note* note : notes)
            out << "note " << note->id << " owner=" << note->owner << " closed=" << note->closed
                << " text=" << note->text << " history=" << note->history.size() << '\n';
    }

    const std::unordered_map<std::string, Note>& all() const { return m_notes; }

private:
    std::unordered_map<std::string, Note> m_notes;
};

class NoteKind final : public model::RecordKind {
public:
    const char* name() const override { return kKindNote; }
    std::unique_ptr<model::KindState> newState() const override { return std::make_unique<NoteState>(); }
    Status<> authorize(const model::Principal& p, const sync::Change& change, const model::Fold& state,
                       const model::ContentCheck*) const override
    {
        const Note* note = findNote(state, change.recordId);
        if (note && note->owner != p.userId)
            return Error{"forbidden", "only its author changes a note", "rec"};
        if (change.op == sync::ChangeOp::Set &&
            (!change.payload.has_field("text") || !change.payload.at("text").is_string()))
            return Error{"invalid_value", "a note needs a text", "body.text"};
        return Ok{};
    }
    std::optional<std::int64_t> visibleFrom(const model::Principal& p, const model::Record* record,
                                            const model::Fold&) const override
    {
        if (record && (record->owner == p.userId || p.role == model::Role::CentreOfficer))
            return 1;
        return std::nullopt;
    }
};

} // namespace

const model::RecordKind& noteKind()
{
    static const NoteKind kind;
    return kind;
}

const Note* findNote(const model::Fold& state, const std::string& id)
{
    static const std::size_t index = model::kindIndex(kKindNote);
    const auto& all = static_cast<const NoteState&>(state.stateAt(index)).all();
    const auto it = all.find(id);
    return it == all.end() ? nullptr : &it->second;
}

} // namespace tepei::test
