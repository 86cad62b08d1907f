#include "widget/shopper_eraser.h"

#include "shared/core/protocol/api_paths.h"
#include "shared/core/protocol/shopper_key.h"
#include "shared/core/protocol/uuid.h"
#include "shared/web/call_later.h"
#include "shared/web/http_request.h"

#include <algorithm>
#include <cstdio>

namespace support::widget {

namespace {

constexpr std::string_view k_pending_key = "forget-pending";
constexpr int k_max_attempts = 8;
constexpr int k_first_retry_ms = 2000;

bool is_final_refusal(int status) {
    return status >= 400 && status < 500 && status != 408 && status != 429;
}

} // namespace

void ShopperEraser::start(std::string server, std::string site) {
    m_server = std::move(server);
    m_site = std::move(site);
    if (auto pending = m_storage.get(k_pending_key); pending && pending->has_value()) {
        if (auto key = protocol::canonical_uuid(**pending))
            ask(*key);
        else
            (void)m_storage.remove(k_pending_key);
    }
}

void ShopperEraser::ask(const std::string& shopper_key) {
    m_key = shopper_key;
    m_failures = 0;
    ++m_generation;
    (void)m_storage.set(k_pending_key, m_key);
    send();
}

void ShopperEraser::send() {
    const std::uint32_t generation = m_generation;
    web::http_request({.method = "POST",
                       .url = m_server + protocol::shopper_forget_target(m_site),
                       .json_body = protocol::encode_forget_request(m_key)},
                      [this, generation](web::HttpAnswer answer) {
                          if (generation != m_generation)
                              return; // asked again since: that request answers
                          if (answer.status >= 200 && answer.status < 300) {
                              m_key.clear();
                              (void)m_storage.remove(k_pending_key);
                              return;
                          }
                          if (is_final_refusal(answer.status) || ++m_failures >= k_max_attempts) {
                              std::fprintf(stderr,
                                           "SupportWidget: forget: the server did not delete this "
                                           "browser's data (HTTP %d): %s\n",
                                           answer.status, answer.body.c_str());
                              if (is_final_refusal(answer.status)) {
                                  m_key.clear();
                                  (void)m_storage.remove(k_pending_key);
                              }
                              return; // kept pending otherwise: the next page asks again
                          }
                          const int wait = k_first_retry_ms << std::min(m_failures - 1, 6);
                          web::call_later(wait, [this, generation] {
                              if (generation == m_generation && !m_key.empty())
                                  send();
                          });
                      });
}

} // namespace support::widget
