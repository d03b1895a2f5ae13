#pragma once
// How a view model follows the AppController it is given: it leaves the previous one and reloads
// whenever the replica (a sync or a local change), the language or the session changes, so that
// what a page shows is never older than the replica or in the other language.
//
// Threading: GUI thread only.

#include "app_controller.h"

#include <QPointer>

namespace tepei::qt {

// Points `model` at `next` (which may be null); `reload` runs on every change of it and once now.
// Returns false, doing nothing, when `next` is the controller already followed.
template <class Model, class Reload>
bool followController(Model* model, QPointer<AppController>& current, AppController* next, Reload reload)
{
    if (next == current)
        return false;
    if (current)
        QObject::disconnect(current, nullptr, model, nullptr);
    current = next;
    if (current) {
        QObject::connect(current, &AppController::revisionChanged, model, reload);
        QObject::connect(current, &AppController::languageChanged, model, reload);
        QObject::connect(current, &AppController::sessionChanged, model, reload);
    }
    reload();
    return true;
}

} // namespace tepei::qt
