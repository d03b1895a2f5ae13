#pragma once
// Errors as values: Result<T, E> holds either a value or an error. Used wherever failure is an
// expected outcome (bad input, a refused change); exceptions stay for the truly exceptional.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace tepei {

// A refusal or failure with a stable machine code (snake_case, never renamed once shipped), a
// message in English that says what happened and what to do, and, where a field of the input is
// at fault, that field's path (for example "changes[3].hlc").
struct Error {
    std::string code;
    std::string message;
    std::string field;

    bool operator==(const Error&) const = default;
};

template <class T, class E = Error> class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(E error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() &
    {
        assert(ok());
        return std::get<0>(m_data);
    }
    const T& value() const&
    {
        assert(ok());
        return std::get<0>(m_data);
    }
    // By value, so that `for (auto& x : f().value())` does not dangle.
    T value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_data));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const E& error() const
    {
        assert(!ok());
        return std::get<1>(m_data);
    }

private:
    std::variant<T, E> m_data;
};

// Result of an operation that yields nothing but may fail.
struct Ok {};
template <class E = Error> using Status = Result<Ok, E>;

} // namespace tepei
