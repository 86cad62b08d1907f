#pragma once
// Errors as values. Result<T> is shaped like C++23 std::expected<T, Error> (has_value, value,
// error, operator*, operator->) so that moving to std::expected later is an alias.
//
//   Result<Config> parse_config(std::string_view text);
//   SW_TRY(auto config, parse_config(text));   // returns the error to our caller if there is one
//
// An Error carries a stable id ("server.args.unknown_option") that appears unchanged in logs,
// API bodies and tests, a human message, and where it applies the field or JSON path at fault.

#include <cassert>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace support {

struct Error {
    std::string code;    // stable id, e.g. "content.article.missing_title"
    std::string message; // for people; may change between versions
    std::string field;   // field name or JSON pointer at fault; empty when none applies
};

inline Error make_error(std::string code, std::string message, std::string field = {}) {
    return Error{std::move(code), std::move(message), std::move(field)};
}

template <typename T> class [[nodiscard]] Result {
  public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool has_value() const { return m_state.index() == 0; }
    explicit operator bool() const { return has_value(); }

    T& value() & {
        assert(has_value() && "Result::value() on an error");
        return std::get<0>(m_state);
    }
    const T& value() const& {
        assert(has_value() && "Result::value() on an error");
        return std::get<0>(m_state);
    }
    T&& value() && {
        assert(has_value() && "Result::value() on an error");
        return std::get<0>(std::move(m_state));
    }
    const Error& error() const& {
        assert(!has_value() && "Result::error() on a value");
        return std::get<1>(m_state);
    }
    Error&& error() && {
        assert(!has_value() && "Result::error() on a value");
        return std::get<1>(std::move(m_state));
    }

    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    template <typename U> T value_or(U&& fallback) const& {
        return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
    }

  private:
    std::variant<T, Error> m_state;
};

// Result<void>: success carries nothing.
template <> class [[nodiscard]] Result<void> {
  public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    bool has_value() const { return !m_failed; }
    explicit operator bool() const { return has_value(); }
    void value() const { assert(has_value() && "Result::value() on an error"); }
    const Error& error() const& {
        assert(m_failed && "Result::error() on a value");
        return m_error;
    }
    Error&& error() && {
        assert(m_failed && "Result::error() on a value");
        return std::move(m_error);
    }

  private:
    Error m_error;
    bool m_failed = false;
};

inline Result<void> ok() {
    return {};
}

} // namespace support

#define SW_DETAIL_CONCAT_INNER(a, b) a##b
#define SW_DETAIL_CONCAT(a, b) SW_DETAIL_CONCAT_INNER(a, b)

// SW_TRY(decl, expr): evaluates expr (a Result); on error returns the error from the enclosing
// function, otherwise binds the value to decl.   SW_TRY(auto n, parse_port(text));
#define SW_TRY(decl, expr) SW_DETAIL_TRY_IMPL(decl, expr, SW_DETAIL_CONCAT(sw_try_result_, __LINE__))
#define SW_DETAIL_TRY_IMPL(decl, expr, tmp)                                                                  \
    auto tmp = (expr);                                                                                       \
    if (!tmp.has_value())                                                                                    \
        return std::move(tmp).error();                                                                       \
    decl = std::move(tmp).value()

// SW_TRY_VOID(expr): for a Result<void>; returns its error if there is one.
#define SW_TRY_VOID(expr)                                                                                    \
    do {                                                                                                     \
        auto sw_try_void_result = (expr);                                                                    \
        if (!sw_try_void_result.has_value())                                                                 \
            return std::move(sw_try_void_result).error();                                                    \
    } while (0)
