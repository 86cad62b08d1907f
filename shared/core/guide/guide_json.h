#pragma once
// A validated guide as the content bundle carries it to the widget: the file format in one
// canonical shape (target and selectors always lists, advance always an object, every step with
// its id), so the widget's reader stays small. The server writes only guides the loader accepted;
// the widget still reads defensively and gets an error value, never a crash.

#include "shared/core/guide/guide.h"
#include "shared/core/result.h"

#include <nlohmann/json.hpp>

#include <string>

namespace support::guide {

nlohmann::json guide_to_json(const Guide& guide);
// Errors: guide.bundle.bad_shape (field: the JSON pointer at fault, under `base`).
Result<Guide> guide_from_json(const nlohmann::json& value, const std::string& base);

} // namespace support::guide
