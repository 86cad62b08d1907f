-- wrk script for bench/feedback_ingest.mjs: every request a new feedback event with its own client
-- id (run number, thread, counter), so each one is a real durable insert, never a repeat.
local threads = 0
function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

function init(args)
  run = tonumber(args[1]) or 0
  counter = 0
end

function request()
  counter = counter + 1
  local id = string.format("%08x-%04x-4%03x-8%03x-%012x", run, thread_number, 0, 0, counter)
  local body = '{"client_id":"' .. id .. '","kind":"article_helpful","locale":"he","client_time_ms":1764825059123,' ..
    '"article_id":"shipping-policy","helpful":false,"comment":"לא מצאתי מידע על משלוח לאילת",' ..
    '"context":{"page":{"url":"https://shop.example/products/mug","title":"ספל קרמיקה"},"viewport":"phone"}}'
  return wrk.format("POST", "/api/v1/sites/bench/feedback", { ["Content-Type"] = "application/json" }, body)
end
