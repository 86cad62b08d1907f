#include "console/model/feedback_rows.h"

#include "shared/core/protocol/url_encoding.h"

#include <nlohmann/json.hpp>

namespace support::console {

namespace {

constexpr const char* k_list_url = "/api/v1/staff/feedback?";

void append_parameter(std::string& out, const char* name, const std::string& value) {
    if (value.empty())
        return;
    if (!out.empty())
        out += '&';
    out += name;
    out += '=';
    out += protocol::encode_url_component(value);
}

} // namespace

std::string FeedbackFilters::query_string() const {
    std::string out;
    append_parameter(out, "status", status);
    append_parameter(out, "helpful", helpful);
    append_parameter(out, "kind", kind);
    append_parameter(out, "q", text);
    append_parameter(out, "tag", tag);
    append_parameter(out, "sort", oldest_first ? "oldest" : "");
    return out;
}

std::string FeedbackFilters::csv_url() const {
    const std::string query = query_string();
    return "/api/v1/staff/feedback.csv" + (query.empty() ? std::string() : "?" + query);
}

FeedbackRows::FeedbackRows(StaffTransport transport, std::function<void()> on_signed_out)
    : m_transport(std::move(transport)), m_on_signed_out(std::move(on_signed_out)) {}

void FeedbackRows::set_filters(const FeedbackFilters& filters) {
    if (filters == m_filters && (m_counted || loading()))
        return;
    m_filters = filters;
    refresh();
}

void FeedbackRows::refresh() {
    ++m_generation;
    m_counted = false;
    m_total = 0;
    m_newest_id = 0;
    m_pages.clear();
    m_requested.clear();
    m_error.clear();
    fetch_page(0);
}

const FeedbackItem* FeedbackRows::row(std::size_t index) {
    const std::size_t page = index / k_rows_per_page;
    const auto found = m_pages.find(page);
    if (found == m_pages.end()) {
        if (m_counted && index < m_total)
            fetch_page(page);
        return nullptr;
    }
    const std::size_t within = index % k_rows_per_page;
    return within < found->second.size() ? &found->second[within] : nullptr;
}

std::optional<std::size_t> FeedbackRows::index_of(std::int64_t id) const {
    for (const auto& [page, items] : m_pages)
        for (std::size_t i = 0; i < items.size(); ++i)
            if (items[i].id == id)
                return page * k_rows_per_page + i;
    return std::nullopt;
}

void FeedbackRows::update(const FeedbackItem& item) {
    for (auto& [page, items] : m_pages)
        for (auto& row : items)
            if (row.id == item.id) {
                auto activity = std::move(row.activity);
                row = item;
                row.activity = std::move(activity);
            }
}

void FeedbackRows::fetch_page(std::size_t page) {
    if (m_requested.count(page) > 0 || (page > 0 && !m_counted))
        return;
    m_requested[page] = true;
    std::string url = k_list_url + m_filters.query_string();
    url += url.back() == '?' ? "" : "&";
    url += "limit=" + std::to_string(k_rows_per_page);
    if (page == 0)
        url += "&count=yes";
    else
        url += "&offset=" + std::to_string(page * k_rows_per_page) + "&up_to=" + std::to_string(m_newest_id);
    const std::uint64_t generation = m_generation;
    m_transport({"GET", url, {}, {}}, [this, page, generation](StaffAnswer answer) {
        if (generation != m_generation)
            return;
        m_requested.erase(page);
        if (answer.status == 401) {
            m_on_signed_out();
            return;
        }
        const auto body = nlohmann::json::parse(answer.body, nullptr, false);
        if (answer.status != 200 || !body.is_object() || !body.contains("items") ||
            !body["items"].is_array()) {
            m_error = failure_message(answer);
            return;
        }
        m_error.clear();
        if (page == 0) {
            m_counted = true;
            m_total = body.contains("total") && body["total"].is_number_unsigned()
                          ? body["total"].get<std::size_t>()
                          : 0;
            m_newest_id = body.contains("newest_id") && body["newest_id"].is_number_integer()
                              ? body["newest_id"].get<std::int64_t>()
                              : 0;
        }
        std::vector<FeedbackItem> items;
        for (const auto& item : body["items"])
            if (auto parsed = parse_feedback_item(item))
                items.push_back(std::move(*parsed));
        m_pages[page] = std::move(items);
    });
}

} // namespace support::console
