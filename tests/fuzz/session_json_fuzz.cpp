// libFuzzer target: the shopper's session read back from localStorage, or received from another tab
// (a page script could have written anything into either). Beyond not crashing: every error has a
// stable session.saved.* id, what parses writes back to text that parses to the same session, and
// merging it with itself changes nothing.
#include "shared/core/session/session_json.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace support::session;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto session = parse_session(text);
    if (!session) {
        if (session.error().code.rfind("session.saved.", 0) != 0)
            std::abort();
        return 0;
    }
    const auto again = parse_session(serialize_session(*session));
    if (!again || !(*again == *session))
        std::abort();
    if (!(merge(*session, *session) == *session))
        std::abort();
    return 0;
}
