#include "console/model/staff_transport.h"

#include <nlohmann/json.hpp>

namespace support::console {

namespace {

const nlohmann::json* error_object(const nlohmann::json& body) {
    if (!body.is_object())
        return nullptr;
    const auto error = body.find("error");
    return error != body.end() && error->is_object() ? &*error : nullptr;
}

std::string string_field(const nlohmann::json& object, const char* name) {
    const auto field = object.find(name);
    return field != object.end() && field->is_string() ? field->get<std::string>() : std::string();
}

} // namespace

std::string failure_message(const StaffAnswer& answer) {
    if (answer.status == 0)
        return "The server cannot be reached. Check the connection and try again.";
    const auto body = nlohmann::json::parse(answer.body, nullptr, false);
    if (const auto* error = error_object(body)) {
        std::string message = string_field(*error, "message");
        if (!message.empty()) {
            message[0] = static_cast<char>(message[0] >= 'a' && message[0] <= 'z' ? message[0] - 'a' + 'A'
                                                                                  : message[0]);
            if (message.back() != '.')
                message += '.';
            return message;
        }
    }
    return "The server answered " + std::to_string(answer.status) + ". Try again.";
}

std::string error_code(const StaffAnswer& answer) {
    const auto body = nlohmann::json::parse(answer.body, nullptr, false);
    const auto* error = error_object(body);
    return error ? string_field(*error, "code") : std::string();
}

} // namespace support::console
