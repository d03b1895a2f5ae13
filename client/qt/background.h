#pragma once
// Runs slow work (password hashing, network, disk) off the GUI thread and hands its result back
// to the GUI thread. The result is delivered through a QFutureWatcher owned by `context`: if the
// context is destroyed first, the work still finishes (it must own what it uses, e.g. through
// shared_ptr captures) and its result is dropped.

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>
#include <optional>

namespace tepei::qt {

template <class T, class Work, class Done> void runInBackground(QObject* context, Work work, Done done)
{
    auto out = std::make_shared<std::optional<T>>();
    auto* watcher = new QFutureWatcher<void>(context);
    QObject::connect(watcher, &QFutureWatcher<void>::finished, context, [watcher, out, done]() mutable {
        watcher->deleteLater();
        if (*out)
            done(std::move(**out));
    });
    watcher->setFuture(QtConcurrent::run([out, work]() mutable { out->emplace(work()); }));
}

} // namespace tepei::qt
