#include "shared/core/guide/guide_progress.h"

#include "shared/core/parse_json.h"

#include <nlohmann/json.hpp>

namespace support::guide {

namespace {

using nlohmann::json;

constexpr std::size_t k_max_progress_bytes = 64 * 1024;

Error bad_shape(std::string pointer, std::string what) {
    return make_error("guide.progress.bad_shape", "saved guide progress is not usable: " + what,
                      std::move(pointer));
}

Result<std::string> read_string(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string() || it->get_ref<const std::string&>().empty())
        return bad_shape(std::string("/") + key, std::string(key) + " must be a non-empty string");
    return it->get<std::string>();
}

Result<std::int64_t> read_time(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer())
        return bad_shape(std::string("/") + key, std::string(key) + " must be a time in milliseconds");
    return it->get<std::int64_t>();
}

} // namespace

std::string serialize_guide_progress(const GuideProgress& progress) {
    json document = {
        {"v", k_progress_version},        {"guide", progress.guide_id},  {"locale", progress.locale},
        {"step", progress.step_id},       {"history", progress.history}, {"started", progress.started_ms},
        {"updated", progress.updated_ms},
    };
    return document.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<GuideProgress> parse_guide_progress(std::string_view text) {
    if (text.size() > k_max_progress_bytes)
        return bad_shape("", "it is larger than 64 KB");
    const json document = parse_json(text);
    if (document.is_discarded())
        return make_error("guide.progress.invalid_json", "saved guide progress is not valid JSON");
    if (!document.is_object())
        return bad_shape("", "it must be a JSON object");
    const auto version = document.find("v");
    if (version == document.end() || !version->is_number_integer() ||
        version->get<int>() != k_progress_version)
        return make_error("guide.progress.unsupported_version",
                          "saved guide progress has another format version than " +
                              std::to_string(k_progress_version),
                          "v");
    GuideProgress progress;
    SW_TRY(progress.guide_id, read_string(document, "guide"));
    SW_TRY(progress.locale, read_string(document, "locale"));
    SW_TRY(progress.step_id, read_string(document, "step"));
    SW_TRY(progress.started_ms, read_time(document, "started"));
    SW_TRY(progress.updated_ms, read_time(document, "updated"));
    const auto history = document.find("history");
    if (history == document.end() || !history->is_array())
        return bad_shape("/history", "history must be an array of step ids");
    if (history->size() > k_max_progress_history)
        return bad_shape("/history",
                         "history has more than " + std::to_string(k_max_progress_history) + " steps");
    for (std::size_t i = 0; i < history->size(); ++i) {
        const json& item = (*history)[i];
        if (!item.is_string())
            return bad_shape("/history/" + std::to_string(i), "history must hold step ids");
        progress.history.push_back(item.get<std::string>());
    }
    return progress;
}

} // namespace support::guide
