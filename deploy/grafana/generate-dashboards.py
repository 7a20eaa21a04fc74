#!/usr/bin/env python3
"""Writes the generated Grafana dashboards of deploy/grafana/dashboards/: one per service and the SLO
dashboard (platform-overview.json is kept by hand). Run it after editing this file:

    python3 deploy/grafana/generate-dashboards.py          # rewrite the JSON files
    python3 deploy/grafana/generate-dashboards.py --check  # exit 1 when a file differs (deploy/check.sh)

Every query uses metrics the services really export (Micrometer names: dots become underscores,
timers get _seconds, counters _total) and returns a value under ordinary traffic: the system test runs
each panel query against a real Prometheus. Series that exist only after a rare event (a rejection, a
parked e-mail) are wrapped as `... or vector(0)`, so an idle panel shows 0 instead of "No data".
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "dashboards")
DS = {"type": "prometheus", "uid": "prometheus"}
PROBES = 'uri!~"/livez|/readyz|/healthz|/actuator.*"'


class Board:
    def __init__(self):
        self.panels, self.y, self.x, self.h = [], 0, 0, 0

    def row(self, title):
        self._newline()
        self.panels.append({"id": len(self.panels) + 1, "type": "row", "title": title, "collapsed": False,
                            "gridPos": {"x": 0, "y": self.y, "w": 24, "h": 1}, "panels": []})
        self.y += 1

    def _newline(self):
        if self.x:
            self.y += self.h
            self.x, self.h = 0, 0

    def panel(self, title, targets, unit="short", kind="timeseries", w=12, h=8, description=None, **options):
        if self.x + w > 24:
            self._newline()
        p = {"id": len(self.panels) + 1, "type": kind, "title": title, "datasource": DS,
             "gridPos": {"x": self.x, "y": self.y, "w": w, "h": h},
             "fieldConfig": {"defaults": {"unit": unit, **options.pop("defaults", {})}, "overrides": []},
             "options": options or ({"legend": {"displayMode": "list", "placement": "bottom"},
                                     "tooltip": {"mode": "multi"}} if kind == "timeseries" else {}),
             "targets": [{"refId": chr(65 + i), "datasource": DS, "expr": expr, "legendFormat": legend}
                         for i, (expr, legend) in enumerate(targets)]}
        if description:
            p["description"] = description
        self.panels.append(p)
        self.x += w
        self.h = max(self.h, h)

    def stat(self, title, targets, unit="short", w=6, h=4, thresholds=None, description=None):
        defaults = {"thresholds": {"mode": "absolute", "steps": thresholds or [{"color": "green", "value": None}]}}
        self.panel(title, targets, unit=unit, kind="stat", w=w, h=h, description=description, defaults=defaults,
                   reduceOptions={"calcs": ["lastNotNull"], "fields": "", "values": False},
                   colorMode="value", graphMode="area", textMode="auto")


def dashboard(uid, title, board, description, tags=("hashop",), time="now-1h"):
    return {"uid": uid, "title": title, "description": description, "tags": list(tags),
            "schemaVersion": 39, "version": 1, "editable": False, "refresh": "30s",
            "time": {"from": time, "to": "now"}, "timezone": "browser",
            "links": [{"type": "dashboards", "tags": ["hashop"], "asDropdown": True, "title": "hashop",
                       "includeVars": False, "keepTime": True}],
            "templating": {"list": []}, "annotations": {"list": []}, "panels": board.panels}


def http_rows(b, app, inbound_title):
    sel = f'application="{app}", {PROBES}'
    b.row(f"HTTP: {inbound_title} (probes and actuator excluded)")
    b.panel("Requests per second by status", [
        (f'sum by (status) (rate(http_server_requests_seconds_count{{{sel}}}[$__rate_interval]))', "{{status}}")], unit="reqps")
    b.panel("5xx ratio", [
        (f'(sum(rate(http_server_requests_seconds_count{{{sel}, status=~"5.."}}[$__rate_interval])) or vector(0))'
         f' / sum(rate(http_server_requests_seconds_count{{{sel}}}[$__rate_interval]))', "5xx share")],
        unit="percentunit", defaults={"min": 0})
    b.panel("Latency p50 / p95 / p99", [
        (f'histogram_quantile({q}, sum by (le) (rate(http_server_requests_seconds_bucket{{{sel}}}[$__rate_interval])))', f"p{int(q * 100)}")
        for q in (0.5, 0.95, 0.99)], unit="s")
    b.panel("Requests per second by endpoint", [
        (f'sum by (method, uri) (rate(http_server_requests_seconds_count{{{sel}}}[$__rate_interval]))', "{{method}} {{uri}}")], unit="reqps")


def grpc_rows(b, app):
    sel = f'application="{app}"'
    b.row("gRPC server (calls from bff-web)")
    b.panel("Calls per second by method and status", [
        (f'sum by (rpc_method, grpc_status_code) (rate(grpc_server_seconds_count{{{sel}}}[$__rate_interval]))',
         "{{rpc_method}} {{grpc_status_code}}")], unit="reqps")
    b.panel("Mean latency by method", [
        (f'sum by (rpc_method) (rate(grpc_server_seconds_sum{{{sel}}}[$__rate_interval])) / '
         f'sum by (rpc_method) (rate(grpc_server_seconds_count{{{sel}}}[$__rate_interval]))', "{{rpc_method}}")], unit="s")


def db_rows(b, app):
    sel = f'application="{app}"'
    b.row("Database connection pool (HikariCP)")
    b.panel("Connections: active, idle, max", [
        (f'sum by (instance) (hikaricp_connections_active{{{sel}}})', "active {{instance}}"),
        (f'sum by (instance) (hikaricp_connections_idle{{{sel}}})', "idle {{instance}}"),
        (f'max(hikaricp_connections_max{{{sel}}})', "max")], w=8)
    b.panel("Threads waiting for a connection", [
        (f'sum by (instance) (hikaricp_connections_pending{{{sel}}})', "{{instance}}")], w=8,
        description="Alert HashopDatabasePoolThreadsWaiting: above 0 for 5 minutes.")
    b.panel("Mean time to get a connection", [
        (f'sum(rate(hikaricp_connections_acquire_seconds_sum{{{sel}}}[$__rate_interval])) / '
         f'sum(rate(hikaricp_connections_acquire_seconds_count{{{sel}}}[$__rate_interval]))', "acquire")], unit="s", w=8)


def kafka_rows(b, app, outbox):
    sel = f'application="{app}"'
    b.row("Kafka" + (" and outbox" if outbox else ""))
    b.panel("Records consumed per second", [
        (f'sum(rate(kafka_consumer_fetch_manager_records_consumed_total{{{sel}}}[$__rate_interval]))', "consumed")], unit="ops", w=8)
    b.panel("Consumer lag (max records behind)", [
        (f'max(kafka_consumer_fetch_manager_records_lag_max{{{sel}}})', "lag")], w=8,
        description="Alert HashopKafkaConsumerLagHigh: above 1000 for 10 minutes.")
    b.panel("Records dead-lettered (per 5 min)", [
        (f'sum by (topic) (increase(hashop_kafka_dead_letters_total{{{sel}}}[5m])) or vector(0)', "{{topic}}")], w=8,
        description="Records given up on and sent to <topic>.dlt; alert HashopDeadLetters.")
    if outbox:
        b.panel("Outbox backlog and parked entries", [
            (f'max(hashop_outbox_backlog{{{sel}}})', "waiting"),
            (f'max(hashop_outbox_parked{{{sel}}})', "parked")], w=8)
        b.panel("Age of the oldest unsent outbox entry", [
            (f'max(hashop_outbox_oldest_unsent_age_seconds{{{sel}}})', "oldest")], unit="s", w=8,
            description="Alert HashopOutboxBacklogOld: above 5 minutes for 5 minutes.")
        b.panel("Outbox publish failures per second", [
            (f'sum by (result) (rate(hashop_outbox_publish_failures_total{{{sel}}}[$__rate_interval]))', "{{result}}")], unit="ops", w=8)


def jvm_rows(b, app):
    sel = f'application="{app}"'
    b.row("Process and JVM")
    b.panel("CPU usage per instance", [
        (f'max by (instance) (process_cpu_usage{{{sel}}})', "{{instance}}")], unit="percentunit", w=8)
    b.panel("Heap used and max per instance", [
        (f'sum by (instance) (jvm_memory_used_bytes{{{sel}, area="heap"}})', "used {{instance}}"),
        (f'sum by (instance) (jvm_memory_max_bytes{{{sel}, area="heap"}})', "max {{instance}}")], unit="bytes", w=8)
    b.panel("GC pause time per second", [
        (f'sum by (instance) (rate(jvm_gc_pause_seconds_sum{{{sel}}}[$__rate_interval])) or vector(0)', "{{instance}}")], unit="s", w=8)
    b.panel("Live threads", [
        (f'sum by (instance) (jvm_threads_live_threads{{{sel}}})', "{{instance}}")], w=8)
    b.panel("Uptime", [
        (f'min by (instance) (process_uptime_seconds{{{sel}}})', "{{instance}}")], unit="s", w=8,
        description="A drop is a restart; alert HashopProcessRestarting.")
    b.panel("Open file descriptors", [
        (f'max by (instance) (process_files_open_files{{{sel}}})', "{{instance}}")], w=8)


def header(b, app):
    b.stat("Instances up", [(f'sum(up{{service="{app}"}})', "up")],
           thresholds=[{"color": "red", "value": None}, {"color": "green", "value": 1}])
    b.stat("Restarts (last hour)", [(f'sum(changes(process_start_time_seconds{{application="{app}"}}[1h]))', "restarts")],
           thresholds=[{"color": "green", "value": None}, {"color": "orange", "value": 1}, {"color": "red", "value": 3}])
    b.stat("Heap in use", [(f'max(sum by (instance) (jvm_memory_used_bytes{{application="{app}", area="heap"}}) / '
                            f'sum by (instance) (jvm_memory_max_bytes{{application="{app}", area="heap"}}))', "heap")],
           unit="percentunit", thresholds=[{"color": "green", "value": None}, {"color": "orange", "value": 0.8}, {"color": "red", "value": 0.95}])
    b.stat("CPU (max instance)", [(f'max(process_cpu_usage{{application="{app}"}})', "cpu")], unit="percentunit",
           thresholds=[{"color": "green", "value": None}, {"color": "orange", "value": 0.7}, {"color": "red", "value": 0.9}])


def gateway():
    b = Board()
    header(b, "gateway")
    http_rows(b, "gateway", "every request of the public API")
    b.row("Rate limiting and Redis")
    b.panel("Rate-limit rejections (429) per second by rule", [
        ('sum by (rule) (rate(hashop_gateway_rate_limit_rejections_total{application="gateway"}[$__rate_interval])) or vector(0)', "{{rule}}")], unit="ops")
    b.panel("Decisions by the local fallback (Redis unavailable)", [
        ('sum(rate(hashop_gateway_rate_limit_local_decisions_total{application="gateway"}[$__rate_interval]))', "local decisions")], unit="ops",
        description="Above 0: Redis errs or times out; alert HashopRedisUnavailable.")
    jvm_rows(b, "gateway")
    return dashboard("hashop-gateway", "hashop — gateway", b,
                     "The edge: every public request, its status and latency, rate limiting and its Redis fallback.")


def bff():
    b = Board()
    header(b, "bff-web")
    http_rows(b, "bff-web", "the /api endpoints")
    b.row("Downstream calls (Resilience4j guards)")
    b.panel("Circuit breakers not closed (1 = in that state)", [
        ('max by (name, state) (resilience4j_circuitbreaker_state{application="bff-web", state!="closed"})', "{{name}} {{state}}")])
    b.panel("Guarded calls per second by outcome", [
        ('sum by (name, kind) (rate(resilience4j_circuitbreaker_calls_seconds_count{application="bff-web"}[$__rate_interval]))', "{{name}} {{kind}}")], unit="ops")
    b.panel("Bulkhead: calls that may still start", [
        ('min by (name) (resilience4j_bulkhead_available_concurrent_calls{application="bff-web"})', "{{name}}")])
    b.panel("Retries per second by outcome", [
        ('sum by (name, kind) (rate(resilience4j_retry_calls_total{application="bff-web"}[$__rate_interval]))', "{{name}} {{kind}}")], unit="ops")
    b.panel("gRPC client calls per second (user- and order-service)", [
        ('sum by (rpc_service, rpc_method, grpc_status_code) (rate(grpc_client_seconds_count{application="bff-web"}[$__rate_interval]))',
         "{{rpc_method}} {{grpc_status_code}}")], unit="ops")
    b.panel("gRPC client mean latency by method", [
        ('sum by (rpc_method) (rate(grpc_client_seconds_sum{application="bff-web"}[$__rate_interval])) / '
         'sum by (rpc_method) (rate(grpc_client_seconds_count{application="bff-web"}[$__rate_interval]))', "{{rpc_method}}")], unit="s")
    b.row("Catalog cache")
    b.panel("Lookups per second by level and result", [
        ('sum by (level, result) (rate(hashop_cache_requests_total{application="bff-web"}[$__rate_interval]))', "{{level}} {{result}}")], unit="ops")
    b.panel("Hit ratio by level", [
        ('sum by (level) (rate(hashop_cache_requests_total{application="bff-web", result="hit"}[$__rate_interval])) / '
         'sum by (level) (rate(hashop_cache_requests_total{application="bff-web"}[$__rate_interval]))', "{{level}}")],
        unit="percentunit", defaults={"min": 0, "max": 1})
    jvm_rows(b, "bff-web")
    return dashboard("hashop-bff-web", "hashop — bff-web", b,
                     "The public API behind the gateway: its endpoints, the guarded calls to the three services, the catalog cache.")


def user():
    b = Board()
    header(b, "user-service")
    grpc_rows(b, "user-service")
    b.row("Accounts and e-mail")
    b.panel("Password hashings in progress", [
        ('sum(hashop_user_password_hashing_in_use{application="user-service"})', "in use")], w=8,
        description="Argon2id hashing is CPU-bound and limited by a semaphore; rejections mean it was full.")
    b.panel("Hashings rejected per second", [
        ('sum(rate(hashop_user_password_hashing_rejected_total{application="user-service"}[$__rate_interval]))', "rejected")], unit="ops", w=8)
    b.panel("Order e-mails (per 5 min) by outcome", [
        ('sum by (outcome) (increase(hashop_notifications_sent_total{application="user-service"}[5m])) or vector(0)', "sent {{outcome}}"),
        ('sum by (outcome) (increase(hashop_notifications_parked_total{application="user-service"}[5m])) or vector(0)', "parked {{outcome}}")], w=8,
        description="Parked: the mail server refused the recipient for good; alert HashopNotificationsParked.")
    kafka_rows(b, "user-service", outbox=False)
    db_rows(b, "user-service")
    jvm_rows(b, "user-service")
    return dashboard("hashop-user-service", "hashop — user-service", b,
                     "Accounts over gRPC, password hashing, the order e-mails consumed from payments.v1, its database.")


def order():
    b = Board()
    header(b, "order-service")
    grpc_rows(b, "order-service")
    b.row("Order saga")
    b.panel("Payment outcomes applied (per 5 min)", [
        ('sum by (status) (increase(hashop_orders_payment_outcomes_total{application="order-service"}[5m])) or vector(0)', "{{status}}")], w=8)
    b.panel("Orders waiting for their payment", [
        ('max(hashop_orders_payment_stuck{application="order-service"})', "stuck"),
        ('sum(increase(hashop_orders_payment_redrives_total{application="order-service"}[5m]))', "redrives per 5 min")], w=8)
    b.panel("Age of the oldest order in PENDING_PAYMENT", [
        ('max(hashop_orders_payment_pending_oldest_age_seconds{application="order-service"})', "oldest")], unit="s", w=8,
        description="Alert HashopOrdersStuckInPendingPayment: above 15 minutes.")
    kafka_rows(b, "order-service", outbox=True)
    db_rows(b, "order-service")
    jvm_rows(b, "order-service")
    return dashboard("hashop-order-service", "hashop — order-service", b,
                     "Catalog and orders over gRPC, the saga (outbox to orders.v1, outcomes from payments.v1), its database.")


def payment():
    b = Board()
    header(b, "payment-service")
    http_rows(b, "payment-service", "payment reads from bff-web")
    b.row("Payments and the provider")
    b.panel("Charges (per 5 min) by status", [
        ('sum by (status) (increase(hashop_payments_charges_total{application="payment-service"}[5m])) or vector(0)', "{{status}}")], w=8)
    b.panel("Provider calls (per 5 min) by status", [
        ('sum by (status) (increase(hashop_payment_provider_charges_total{application="payment-service"}[5m])) or vector(0)', "{{status}}")], w=8)
    b.panel("Provider failures and timeouts (per 5 min)", [
        ('sum by (when) (increase(hashop_payment_provider_failures_total{application="payment-service"}[5m])) or vector(0)', "failure {{when}}"),
        ('sum(increase(hashop_payment_provider_timeouts_total{application="payment-service"}[5m])) or vector(0)', "timeouts")], w=8)
    kafka_rows(b, "payment-service", outbox=True)
    db_rows(b, "payment-service")
    jvm_rows(b, "payment-service")
    return dashboard("hashop-payment-service", "hashop — payment-service", b,
                     "Payments: orders.v1 in, the simulated provider, outcomes out through the outbox to payments.v1, its database.")


def error_ratio(window):
    """The gateway's 5xx share over a window, as the recording rules hashop:gateway_error_ratio:rate<window>
    compute it; spelled out so that the dashboard works on a Prometheus without the rules loaded."""
    sel = f'application="gateway", {PROBES}'
    return (f'((sum(rate(http_server_requests_seconds_count{{{sel}, status=~"5.."}}[{window}])) or vector(0)) / '
            f'sum(rate(http_server_requests_seconds_count{{{sel}}}[{window}])))')


def slo():
    sel = f'application="gateway", {PROBES}'
    total = f'sum(increase(http_server_requests_seconds_count{{{sel}}}[30d]))'
    bad = f'(sum(increase(http_server_requests_seconds_count{{{sel}, status=~"5.."}}[30d])) or vector(0))'
    b = Board()
    avail_thr = [{"color": "red", "value": None}, {"color": "orange", "value": 0.995}, {"color": "green", "value": 0.999}]
    b.stat("Availability, last 30 days (SLO 99.5 %)", [(f'1 - {bad} / {total}', "availability")], unit="percentunit", w=8,
           thresholds=avail_thr, description="Share of gateway requests (probes excluded) answered without 5xx.")
    b.stat("Error budget remaining, last 30 days", [(f'1 - ({bad} / {total}) / 0.005', "budget left")], unit="percentunit", w=8,
           thresholds=[{"color": "red", "value": None}, {"color": "orange", "value": 0.25}, {"color": "green", "value": 0.5}],
           description="1 = no failed request; 0 = the 0.5 % budget is used up; negative = SLO missed.")
    b.stat("Burn rate, last hour", [(f'{error_ratio("1h")} / 0.005', "1h")], unit="none", w=8,
           thresholds=[{"color": "green", "value": None}, {"color": "orange", "value": 6}, {"color": "red", "value": 14.4}],
           description="1 = spending the budget exactly over 30 days. Pages at 14.4 (1 h and 5 min), tickets at 6 (6 h and 30 min).")
    b.row("Burn rate (multiple windows)")
    b.panel("Burn rate by window", [
        (f'{error_ratio(w)} / 0.005', w) for w in ("5m", "30m", "1h", "6h")], unit="none", w=24,
        description="Alerts: HashopGatewayErrorBudgetBurnFast (1h and 5m above 14.4), HashopGatewayErrorBudgetBurnSlow (6h and 30m above 6).")
    b.row("Availability and latency")
    b.panel("Availability (5 min windows)", [
        (f'1 - {error_ratio("5m")}', "availability"),
        ('vector(0.995)', "SLO")], unit="percentunit")
    b.panel("Error budget remaining over the dashboard's time range", [
        (f'1 - ((sum(increase(http_server_requests_seconds_count{{{sel}, status=~"5.."}}[$__range])) or vector(0)) / '
         f'sum(increase(http_server_requests_seconds_count{{{sel}}}[$__range]))) / 0.005', "budget left")], unit="percentunit")
    b.panel("Gateway latency p50 / p95 / p99", [
        (f'histogram_quantile({q}, sum by (le) (rate(http_server_requests_seconds_bucket{{{sel}}}[$__rate_interval])))', f"p{int(q * 100)}")
        for q in (0.5, 0.95, 0.99)], unit="s",
        description="The BFF gives one request at most 3 s for its downstream calls; alert HashopGatewayHighLatencyP95 above 1 s.")
    # Micrometer's histogram has no 1 s boundary (its buckets near 1 s are 0.984263336 and 1.073741824):
    # le="1.0" selects nothing. The last bucket under 1 s counts a request of 0.99 s as slow, never the reverse.
    b.panel("Share of requests answered within 1 s", [
        (f'sum(rate(http_server_requests_seconds_bucket{{{sel}, le="0.984263336"}}[$__rate_interval])) / '
         f'sum(rate(http_server_requests_seconds_count{{{sel}}}[$__rate_interval]))', "≤ 0.98 s")], unit="percentunit", defaults={"min": 0, "max": 1},
        description="Micrometer's bucket boundary closest below 1 s is 0.98 s; requests between 0.98 s and 1 s count as slower.")
    return dashboard("hashop-slo", "hashop — SLO: public API", b,
                     "Availability SLO of the public API: 99.5 % of gateway requests without 5xx over 30 days (error budget 0.5 %).")


BOARDS = {"gateway.json": gateway, "bff-web.json": bff, "user-service.json": user,
          "order-service.json": order, "payment-service.json": payment, "slo.json": slo}


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for name, build in BOARDS.items():
        path = os.path.join(OUT, name)
        text = json.dumps(build(), indent=2, ensure_ascii=False) + "\n"
        current = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if current != text:
            stale.append(name)
            if not check:
                open(path, "w", encoding="utf-8").write(text)
    if check and stale:
        print("stale: " + ", ".join(stale) + " (run python3 deploy/grafana/generate-dashboards.py)")
        sys.exit(1)


if __name__ == "__main__":
    main()
