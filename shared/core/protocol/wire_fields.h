#pragma once
// Reading the fields of a JSON object that came over the wire, each read naming the field by its
// JSON pointer when it is missing, of the wrong type, too long or not text:
//
//   WireObject body(document, "", "api.feedback");
//   SW_TRY(std::string id, body.string("article_id", Presence::Required, 128));
//   → api.feedback.missing_field at "/article_id", api.feedback.wrong_type, api.feedback.too_long
//
// Fields the reader is not asked for are ignored, so older servers accept newer clients.

#include "shared/core/result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace support::protocol {

enum class Presence { Required, Optional };

class WireObject {
  public:
    // `object` must be a JSON object; `pointer` is its own JSON pointer ("" for the document).
    WireObject(const nlohmann::json& object, std::string pointer, std::string code_prefix);

    // A string of at most `max_bytes` bytes. An absent optional string reads as "". A null value
    // counts as absent.
    Result<std::string> string(std::string_view key, Presence presence, std::size_t max_bytes) const;
    Result<std::optional<bool>> boolean(std::string_view key, Presence presence) const;
    // An integer within [min, max] (JSON numbers with a fraction are the wrong type).
    Result<std::optional<std::int64_t>> integer(std::string_view key, Presence presence, std::int64_t min,
                                                std::int64_t max) const;
    // A nested object, or nothing when absent (or null) and optional.
    Result<std::optional<WireObject>> object(std::string_view key, Presence presence) const;
    // An array of objects of at most `max_items`, each read as a WireObject (pointer key/N); an
    // absent optional array reads as none. Errors: wrong_type (not an array, or an item not an
    // object), too_long (more items).
    Result<std::vector<WireObject>> objects(std::string_view key, Presence presence,
                                            std::size_t max_items) const;

    // The object's member names, in the document's order.
    std::vector<std::string> keys() const;

    std::string pointer_to(std::string_view key) const;
    Error error(std::string_view suffix, std::string message, std::string_view key) const;

  private:
    const nlohmann::json* find(std::string_view key) const;

    const nlohmann::json* m_object;
    std::string m_pointer;
    std::string m_code_prefix;
};

// The JSON document in `body`, or an error: <prefix>.invalid_json (with the byte offset in the
// message), <prefix>.invalid_utf8 naming the JSON pointer of the string that holds the bad bytes,
// <prefix>.too_deep beyond `max_depth` levels, <prefix>.not_an_object when the document is not
// an object.
Result<nlohmann::json> parse_wire_object(std::string_view body, std::string_view code_prefix,
                                         std::size_t max_depth = 16);

} // namespace support::protocol
