-- Paces each connection: BENCH_DELAY_MS between a response and the next request, so that
-- <connections> / (delay + latency) requests per second go out, below saturation.
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "10")

function delay()
  return delay_ms
end
