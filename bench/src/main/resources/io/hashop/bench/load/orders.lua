-- Places an order per request, each with an Idempotency-Key of its own: BENCH_RUN names the
-- run, each thread and request number the rest. Cookie and X-XSRF-TOKEN come as -H headers.
local run = os.getenv("BENCH_RUN") or tostring(os.time())
local threads = 0
local counter = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init(args)
  wrk.method = "POST"
  wrk.body = '{"items":[{"productId":1,"quantity":1}]}'
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = run .. "-" .. tostring(thread_id or 0) .. "-" .. counter
  return wrk.format()
end
