#!/usr/bin/env bash
# Verifies the deployment files offline:
#   1. renders every Kustomize overlay (kubectl kustomize) and applies a policy check to the output
#      (also availability: PDB, topology spread, base replicas, HPA vs replicas; headless gRPC Services);
#   2. checks docker-compose.yml (structure, healthchecks, limits, variable names);
#   3. runs promtool (config, rules, rule unit tests, every dashboard query) and amtool (Alertmanager
#      config) when they are installed;
#   4. checks copies that must stay identical (PrometheusRule, dashboards and backend configs of the
#      monitoring component), the Grafana dashboards and datasources, and that every alert has a
#      runbook and unit tests that see it fire and stay quiet;
#   5. release path: image names and tags (base manifests, overlays, Compose) are the build's
#      ghcr.io/hashop/<service>:<project version>; the Ingress of every overlay (production: TLS,
#      cert-manager) with the gateway's body limit; the blue-green and BFF canary components (their
#      generated copies up to date, slots and pools wired, copies configured like the originals).
# Usage: deploy/check.sh [--regenerate]   (rewrites the PrometheusRule, the component's copies, the
#        release components' generated copies and the image tags to the pom's version;
#        --regenerate-prometheusrule is the old name of the same)
# Needs kubectl (1.27+) and python3 with PyYAML; promtool and amtool are optional
# (apt-get install prometheus prometheus-alertmanager).
set -euo pipefail
cd "$(dirname "$0")/.."
DEPLOY=deploy
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
fail=0
section() { printf '\n== %s\n' "$1"; }

if [[ "${1:-}" == "--regenerate" || "${1:-}" == "--regenerate-prometheusrule" ]]; then
  REGENERATE=1
else
  REGENERATE=0
fi

if [[ $REGENERATE == 1 ]]; then
  # Copies the monitoring component renders (Kustomize reads files inside its directory only): refreshed
  # before rendering, so that this run checks the result. The PrometheusRule is rewritten further down.
  for f in "$DEPLOY"/grafana/dashboards/*.json; do cmp -s "$f" "$DEPLOY/k8s/components/monitoring/dashboards/${f##*/}" || { cp "$f" "$DEPLOY/k8s/components/monitoring/dashboards/"; echo "copied ${f##*/}"; }; done
  for f in tempo/tempo.yaml loki/loki.yaml; do cmp -s "$DEPLOY/$f" "$DEPLOY/k8s/components/monitoring/config/${f##*/}" || { cp "$DEPLOY/$f" "$DEPLOY/k8s/components/monitoring/config/"; echo "copied ${f##*/}"; }; done
  # The services' image tags follow the project version (after ./mvnw versions:set at a release).
  version=$(python3 -c 'import re; print(re.search(r"<artifactId>hashop-parent</artifactId>\s*<version>([^<]+)</version>", open("pom.xml").read())[1])')
  sed -i -E "s#(image: ghcr\.io/hashop/(gateway|bff-web|user-service|order-service|payment-service)):[^ ]+#\1:$version#" \
    docker-compose.yml "$DEPLOY"/k8s/base/{gateway,bff-web,user-service,order-service,payment-service}.yaml
  python3 "$DEPLOY/k8s/components/generate-copies.py"
fi

section "generated copies of the release components"
python3 "$DEPLOY/k8s/components/generate-copies.py" --check && echo "ok   components/blue-green/green.yaml, components/bff-canary/copies.yaml up to date" || fail=1

section "kustomize render"
for overlay in "$DEPLOY"/k8s/overlays/*/; do
  name=$(basename "$overlay")
  if kubectl kustomize "$overlay" >"$OUT/$name.yaml" 2>"$OUT/$name.err"; then
    echo "ok   overlays/$name ($(grep -c '^kind:' "$OUT/$name.yaml") objects)"
  else
    echo "FAIL overlays/$name"; cat "$OUT/$name.err"; fail=1
  fi
done
if kubectl kustomize "$DEPLOY/k8s/base" >"$OUT/base.k8s" 2>"$OUT/base.err"; then
  echo "ok   base (replica floor only; the overlays get the full policy check)"
else
  echo "FAIL base"; cat "$OUT/base.err"; fail=1
fi
[[ $fail == 0 ]] || { echo "rendering failed"; exit 1; }

section "policy, compose and consistency checks"
REGENERATE=$REGENERATE python3 - "$OUT" <<'PY' || fail=1
import json, os, re, sys, glob
import yaml

out = sys.argv[1]
errors, notes = [], []
def err(m): errors.append(m)

SERVICES = ["gateway", "bff-web", "user-service", "order-service", "payment-service"]

# ---- variable names the services actually read: ${VAR...} in application.yml + platform defaults
platform_vars = set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", open("common/platform/src/main/resources/platform-defaults.properties").read()))
platform_vars |= {"LOG_FORMAT"}  # read by PlatformDefaultsEnvironmentPostProcessor
platform_vars |= {"HASHOP_ALLOW_DEV_SECRETS"}  # hashop.allow-dev-secrets, read by DevSecretsAutoConfiguration
# Tracing (issue 11): PlatformDefaultsEnvironmentPostProcessor reads TRACING_OTLP_ENDPOINT (the OTLP export is
# configured only when it is set) and platform-defaults.properties TRACING_SAMPLING_PROBABILITY; listed here
# as well so that the check does not depend on the placeholder's spelling.
platform_vars |= {"TRACING_OTLP_ENDPOINT", "TRACING_SAMPLING_PROBABILITY"}
known = {}
for s in SERVICES:
    known[s] = platform_vars | set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", open(f"{s}/src/main/resources/application.yml").read()))
known["bff-web-canary"] = known["bff-web"]
def is_production(overlay):
    # region-a/region-b are production in two regions (docs/runbooks/region-failover.md).
    return overlay == "production" or overlay.startswith(("production-", "region-"))
# Spring relaxed binding of properties without a placeholder (used on purpose, see comments there).
RELAXED = re.compile(r"^(SPRING|MANAGEMENT|PLATFORM|SERVER)_[A-Z0-9_]+$")
def var_ok(service, var):
    return var in known[service] or RELAXED.match(var)

# ---- 1. Kubernetes policy over every rendered overlay
# Workloads allowed to run as root, and why. Nothing else may.
ROOT_ALLOWED = {
    # Reads the kubelet's pod log files (root, mode 0640) from a read-only hostPath.
    ("DaemonSet", "alloy"),
}
def selects(match_labels, labels):
    return bool(match_labels) and all(labels.get(k) == v for k, v in match_labels.items())

def check_availability(overlay, by_kind):
    """Every Deployment: a PDB that lets a drain evict one pod, topology spread by host and zone;
    none scaled by an HPA sets replicas (an apply would reset the HPA's count)."""
    pdbs = by_kind.get("PodDisruptionBudget", [])
    scaled = {h["spec"]["scaleTargetRef"]["name"] for h in by_kind.get("HorizontalPodAutoscaler", [])
              if h["spec"]["scaleTargetRef"]["kind"] == "Deployment"}
    for d in by_kind.get("Deployment", []):
        name = d["metadata"]["name"]
        where = f"{overlay}: Deployment/{name}"
        labels = d["spec"]["template"]["metadata"].get("labels", {})
        replicas = d["spec"].get("replicas")
        own = [p for p in pdbs if selects(p["spec"]["selector"].get("matchLabels", {}), labels)]
        if not own:
            err(f"{where}: no PodDisruptionBudget selects its pods")
        for p in own:
            minimum = p["spec"].get("minAvailable")
            if isinstance(minimum, int) and (replicas or 1) <= minimum:
                err(f"{where}: PodDisruptionBudget/{p['metadata']['name']} minAvailable {minimum} with {replicas or 1} replica(s) blocks every drain")
        keys = {c["topologyKey"] for c in d["spec"]["template"]["spec"].get("topologySpreadConstraints", [])
                if selects(c.get("labelSelector", {}).get("matchLabels", {}), labels)}
        for key in ("kubernetes.io/hostname", "topology.kubernetes.io/zone"):
            if key not in keys:
                err(f"{where}: no topologySpreadConstraints entry on {key} selecting its own pods")
        if name in scaled and "replicas" in d["spec"]:
            err(f"{where}: scaled by a HorizontalPodAutoscaler, so it must not set spec.replicas")

def check_grpc_balancing(overlay, by_kind):
    """gRPC Services are headless, and bff-web reaches them as dns:///<service>:<port> (round_robin over
    every pod) and payment-service through PAYMENT_SERVICE_URLS naming existing Service ports."""
    services = {s["metadata"]["name"]: s for s in by_kind.get("Service", [])}
    def ports(svc):
        return {p["port"] for p in svc["spec"].get("ports", [])}
    for name, svc in services.items():
        grpc = [p for p in svc["spec"].get("ports", []) if p.get("name") == "grpc" or p.get("appProtocol") in ("kubernetes.io/h2c", "grpc")]
        if grpc and svc["spec"].get("clusterIP") != "None":
            err(f"{overlay}: Service/{name} serves gRPC but is not headless (clusterIP: None); a virtual IP pins each HTTP/2 connection to one pod")
    for d in by_kind.get("Deployment", []):
        if d["metadata"]["labels"].get("app") not in ("bff-web", "bff-web-canary"):
            continue
        where = f"{overlay}: Deployment/{d['metadata']['name']}"
        env = {e["name"]: e.get("value") for c in d["spec"]["template"]["spec"]["containers"] for e in c.get("env", [])}
        for var in ("USER_SERVICE_ADDRESS", "ORDER_SERVICE_ADDRESS"):
            m = re.fullmatch(r"dns:///([a-z0-9-]+)(?:\.[a-z0-9.-]+)?:(\d+)", env.get(var) or "")
            if not m:
                err(f"{where}: {var} must be dns:///<headless service>:<grpc port>, not {env.get(var)!r}")
            elif m[1] not in services or services[m[1]]["spec"].get("clusterIP") != "None" or int(m[2]) not in ports(services[m[1]]):
                err(f"{where}: {var}={env[var]} does not name a port of a headless Service")
        if "PAYMENT_SERVICE_URL" in env:
            err(f"{where}: PAYMENT_SERVICE_URL is the old single-instance name; set PAYMENT_SERVICE_URLS")
        urls = [u.strip() for u in (env.get("PAYMENT_SERVICE_URLS") or "").split(",") if u.strip()]
        if not urls:
            err(f"{where}: PAYMENT_SERVICE_URLS missing")
        for url in urls:
            m = re.fullmatch(r"https?://([a-z0-9-]+)(?:\.[a-z0-9.-]+)?:(\d+)/?", url)
            if not m or m[1] not in services or int(m[2]) not in ports(services[m[1]]):
                err(f"{where}: PAYMENT_SERVICE_URLS entry {url} does not name a Service port")

CIDR = re.compile(r"^(\d{1,3}(\.\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)(/\d{1,3})?$")
def check_trusted_proxies(overlay, by_kind):
    """The gateway's TRUSTED_PROXIES is a list of CIDRs; a count (the old meaning) stops the gateway at start-up."""
    for d in by_kind.get("Deployment", []):
        for c in d["spec"]["template"]["spec"]["containers"]:
            for e in c.get("env", []):
                if e["name"] != "TRUSTED_PROXIES" or "value" not in e:
                    continue
                entries = [v.strip() for v in str(e["value"]).split(",") if v.strip()]
                if entries == ["0"]:
                    continue
                for entry in entries:
                    if not CIDR.match(entry) or entry.endswith("/0"):
                        err(f"{overlay}: Deployment/{d['metadata']['name']}: TRUSTED_PROXIES entry {entry!r} is no CIDR "
                            "(a count of proxies is refused by the gateway; list the proxies' CIDRs)")

DASHBOARDS = sorted(glob.glob("deploy/grafana/dashboards/*.json"))
def check_monitoring(overlay, by_kind):
    """Every overlay samples traces; one with components/monitoring also exports them to its Tempo, gives
    Grafana's sidecars every dashboard (identical JSON) and the Loki and Tempo datasources, and routes the
    alerts to a receiver."""
    config = next((c for c in by_kind.get("ConfigMap", []) if c["metadata"]["name"].startswith("hashop-config")), None)
    data = (config or {}).get("data", {})
    try:
        if not 0 <= float(data.get("TRACING_SAMPLING_PROBABILITY", "x")) <= 1:
            raise ValueError
    except ValueError:
        err(f"{overlay}: hashop-config needs TRACING_SAMPLING_PROBABILITY between 0 and 1")
    if not by_kind.get("PrometheusRule"):
        if "TRACING_OTLP_ENDPOINT" in data:
            err(f"{overlay}: TRACING_OTLP_ENDPOINT set without components/monitoring (no Tempo to export to)")
        return
    services = {s["metadata"]["name"]: {p["port"] for p in s["spec"].get("ports", [])} for s in by_kind.get("Service", [])}
    m = re.fullmatch(r"http://([a-z0-9-]+)(?:\.[a-z0-9.-]+)?:(\d+)/v1/traces", data.get("TRACING_OTLP_ENDPOINT", ""))
    if not m or int(m[2]) not in services.get(m[1], set()):
        err(f"{overlay}: TRACING_OTLP_ENDPOINT must be http://<service>:<port>/v1/traces of a Service here (Tempo), not {data.get('TRACING_OTLP_ENDPOINT')!r}")
    maps = by_kind.get("ConfigMap", [])
    sidecar = {}
    for c in maps:
        if c["metadata"].get("labels", {}).get("grafana_dashboard") == "1":
            sidecar.update(c.get("data", {}))
    for f in DASHBOARDS:
        name = os.path.basename(f)
        if name not in sidecar:
            err(f"{overlay}: no ConfigMap labelled grafana_dashboard=\"1\" carries {name}")
        elif json.loads(sidecar[name]) != json.load(open(f)):
            err(f"{overlay}: the ConfigMap of {name} differs from {f}")
    sources = [yaml.safe_load(v) for c in maps if c["metadata"].get("labels", {}).get("grafana_datasource") == "1" for v in c.get("data", {}).values()]
    types = {d["type"]: d for s in sources for d in s.get("datasources", [])}
    if {"loki", "tempo"} - set(types):
        err(f"{overlay}: the grafana_datasource ConfigMap must provision Loki and Tempo, has {sorted(types)}")
    amc = by_kind.get("AlertmanagerConfig", [])
    if not amc or not any(r.get("emailConfigs") or r.get("webhookConfigs") or r.get("slackConfigs") for a in amc for r in a["spec"].get("receivers", [])):
        err(f"{overlay}: no AlertmanagerConfig with a receiver that notifies someone")
    for a in amc:
        for r in a["spec"].get("receivers", []):
            for e in r.get("emailConfigs", []):
                if "authPassword" in e:
                    if is_production(overlay):
                        notes.append(e["authPassword"]["name"])
                    elif ("Secret", e["authPassword"]["name"]) not in {("Secret", s["metadata"]["name"]) for s in by_kind.get("Secret", [])}:
                        err(f"{overlay}: AlertmanagerConfig/{a['metadata']['name']}: Secret {e['authPassword']['name']} is not defined in the overlay")

# ---- release path: image names, the Ingress, blue-green slots, the BFF canary pool
VERSION = re.search(r"<artifactId>hashop-parent</artifactId>\s*<version>([^<]+)</version>", open("pom.xml").read())[1]
GATEWAY_YML = open("gateway/src/main/resources/application.yml").read()
_body = re.search(r"max-body-size: \$\{MAX_BODY_SIZE:(\d+)([KM])B\}", GATEWAY_YML)
BODY_LIMIT = _body[1] + _body[2].lower()  # Spring's 64KB (KiB) is nginx's 64k
STANDARD_OVERLAYS = {"local", "local-monitoring", "production"}
for svc in SERVICES:
    for d in yaml.safe_load_all(open(f"deploy/k8s/base/{svc}.yaml")):
        if d and d["kind"] == "Deployment" and d["spec"]["template"]["spec"]["containers"][0]["image"] != f"ghcr.io/hashop/{svc}:{VERSION}":
            err(f"deploy/k8s/base/{svc}.yaml: image must be ghcr.io/hashop/{svc}:{VERSION} (pom.xml's version; deploy/check.sh --regenerate)")

def same_config(overlay, original, copy):
    """A blue-green slot or the canary runs like the original, but for image and replicas."""
    a, b = original["spec"]["template"]["spec"], copy["spec"]["template"]["spec"]
    for key in ("serviceAccountName", "securityContext", "volumes"):
        if a.get(key) != b.get(key):
            err(f"{overlay}: Deployment/{copy['metadata']['name']} differs from {original['metadata']['name']} in {key}")
    ca, cb = a["containers"][0], b["containers"][0]
    for key in ("env", "envFrom", "ports", "resources", "securityContext", "volumeMounts", "livenessProbe", "readinessProbe", "startupProbe"):
        norm = (lambda v: sorted(v or [], key=json.dumps)) if key == "env" else (lambda v: v)
        if norm(ca.get(key)) != norm(cb.get(key)):
            err(f"{overlay}: Deployment/{copy['metadata']['name']} differs from {original['metadata']['name']} in {key} (copies run like the original but for image and replicas)")

def check_release(overlay, by_kind):
    deps = {d["metadata"]["name"]: d for d in by_kind.get("Deployment", [])}
    services = {s["metadata"]["name"]: s for s in by_kind.get("Service", [])}
    def pod_labels(d):
        return d["spec"]["template"]["metadata"].get("labels", {})
    # Images: the build's names; the standard overlays run the project version (or pin a digest).
    for name, d in deps.items():
        app = d["metadata"]["labels"].get("app", "").removesuffix("-canary")
        if app not in SERVICES:
            continue
        image, repo = d["spec"]["template"]["spec"]["containers"][0]["image"], f"ghcr.io/hashop/{app}"
        if not image.startswith((repo + ":", repo + "@sha256:")):
            err(f"{overlay}: Deployment/{name}: image {image} is not {repo}")
        elif overlay in STANDARD_OVERLAYS and image != f"{repo}:{VERSION}" and "@sha256:" not in image:
            err(f"{overlay}: Deployment/{name}: image {image} is not the build's {repo}:{VERSION}")
    # Ingress: to the gateway's http port, the gateway's body limit; production: TLS and cert-manager.
    ingresses = by_kind.get("Ingress", [])
    if not ingresses:
        err(f"{overlay}: no Ingress for the gateway")
    gateway_ports = {p.get("name") for p in services.get("gateway", {}).get("spec", {}).get("ports", [])}
    for ing in ingresses:
        where = f"{overlay}: Ingress/{ing['metadata']['name']}"
        ann = ing["metadata"].get("annotations", {})
        hosts = set()
        for rule in ing["spec"].get("rules", []):
            hosts.add(rule.get("host"))
            for path in rule["http"]["paths"]:
                backend = path["backend"]["service"]
                if backend["name"] != "gateway" or backend["port"].get("name") not in gateway_ports:
                    err(f"{where}: backend {backend} is not a named port of Service gateway")
        if ann.get("nginx.ingress.kubernetes.io/proxy-body-size") != BODY_LIMIT:
            err(f"{where}: nginx.ingress.kubernetes.io/proxy-body-size must be {BODY_LIMIT}, the gateway's MAX_BODY_SIZE")
        if is_production(overlay):
            tls = ing["spec"].get("tls") or []
            if not tls or not all(t.get("secretName") for t in tls) or hosts - {h for t in tls for h in t.get("hosts", [])}:
                err(f"{where}: every host needs TLS from a secret (spec.tls with secretName)")
            if not (ann.get("cert-manager.io/cluster-issuer") or ann.get("cert-manager.io/issuer")):
                err(f"{where}: no cert-manager issuer annotation")
            if ann.get("nginx.ingress.kubernetes.io/force-ssl-redirect") != "true":
                err(f"{where}: plain HTTP must redirect to HTTPS (force-ssl-redirect)")
            notes.extend(t["secretName"] + " (TLS, cert-manager)" for t in tls if t.get("secretName"))
    # Blue-green: both slots, the Service selecting exactly one.
    for svc in ("user-service", "order-service", "payment-service"):
        slots = {pod_labels(d).get("slot"): d for d in deps.values() if d["metadata"]["labels"].get("app") == svc}
        if set(slots) <= {None}:
            continue
        if set(slots) != {"blue", "green"}:
            err(f"{overlay}: {svc}: blue-green needs Deployments with slot blue and green, found {sorted(map(str, slots))}")
            continue
        selector = services.get(svc, {}).get("spec", {}).get("selector", {})
        live = [k for k, d in slots.items() if all(pod_labels(d).get(a) == b for a, b in selector.items())]
        if len(live) != 1:
            err(f"{overlay}: Service/{svc} must select exactly one slot (selector slot: blue|green), selects {live}")
        for k, d in slots.items():
            if d["spec"]["selector"]["matchLabels"].get("slot") != k:
                err(f"{overlay}: Deployment/{d['metadata']['name']}: its selector must include slot: {k}")
        same_config(overlay, slots["blue"], slots["green"])
    # The BFF canary: its own pods and headless Service, the gateway pointed at it with a weight.
    gateway_env = {e["name"]: e.get("value") for d in deps.values() if d["metadata"]["labels"].get("app") == "gateway"
                   for e in d["spec"]["template"]["spec"]["containers"][0].get("env", [])}
    canary = deps.get("bff-web-canary")
    if canary:
        if "bff-web" in deps:
            same_config(overlay, deps["bff-web"], canary)
        stable_selector = services.get("bff-web", {}).get("spec", {}).get("selector", {})
        if all(pod_labels(canary).get(a) == b for a, b in stable_selector.items()):
            err(f"{overlay}: Service/bff-web (the stable pool) selects the canary's pods")
        csvc = services.get("bff-web-canary")
        if not csvc or csvc["spec"].get("clusterIP") != "None" or not all(pod_labels(canary).get(a) == b for a, b in csvc["spec"].get("selector", {}).items()):
            err(f"{overlay}: the canary needs the headless Service bff-web-canary selecting its pods")
        # BFF_CANARY_URLS empty: the canary is closed (every session to the stable pool).
        urls = [u.strip() for u in (gateway_env.get("BFF_CANARY_URLS") or "").split(",") if u.strip()]
        for url in urls:
            m = re.fullmatch(r"http://([a-z0-9-]+)(?:\.[a-z0-9.-]+)?:(\d+)/?", url)
            if not m or m[1] != "bff-web-canary" or int(m[2]) not in {p["port"] for p in (csvc or {}).get("spec", {}).get("ports", [])}:
                err(f"{overlay}: BFF_CANARY_URLS entry {url} does not name a port of Service bff-web-canary")
    elif gateway_env.get("BFF_CANARY_URLS"):
        err(f"{overlay}: the gateway has BFF_CANARY_URLS but there is no Deployment bff-web-canary")
    weight = gateway_env.get("CANARY_WEIGHT")
    if weight is not None and not (str(weight).isdigit() and 0 <= int(weight) <= 100):
        err(f"{overlay}: CANARY_WEIGHT must be 0-100, not {weight!r}")
    elif weight is not None and int(weight) > 0 and not (gateway_env.get("BFF_CANARY_URLS") or "").strip():
        err(f"{overlay}: CANARY_WEIGHT {weight} without BFF_CANARY_URLS (the gateway refuses to start)")

for path in sorted(glob.glob(os.path.join(out, "*.yaml"))):
    overlay = os.path.basename(path)[:-5]
    docs = [d for d in yaml.safe_load_all(open(path)) if d]
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d["kind"], []).append(d)
    names = {(d["kind"], d["metadata"]["name"]) for d in docs}
    checked = 0
    for d in docs:
        if d["kind"] not in ("Deployment", "StatefulSet", "DaemonSet"):
            continue
        checked += 1
        where = f"{overlay}: {d['kind']}/{d['metadata']['name']}"
        pod = d["spec"]["template"]["spec"]
        psc = pod.get("securityContext", {})
        if pod.get("enableServiceLinks") is not False:
            err(f"{where}: enableServiceLinks must be false (Service env links clash with REDIS_PORT, KAFKA_*)")
        for c in pod["containers"]:
            cw = f"{where} container {c['name']}"
            image = c.get("image", "")
            tag = image.rsplit("/", 1)[-1].partition(":")[2]
            if "@sha256:" not in image and (not tag or tag == "latest"):
                err(f"{cw}: image {image!r} needs a tag other than latest")
            res = c.get("resources", {})
            for kind in ("requests", "limits"):
                for r in ("cpu", "memory"):
                    if r not in res.get(kind, {}):
                        err(f"{cw}: resources.{kind}.{r} missing")
            csc = c.get("securityContext", {})
            if csc.get("allowPrivilegeEscalation") is not False:
                err(f"{cw}: allowPrivilegeEscalation must be false")
            if "ALL" not in csc.get("capabilities", {}).get("drop", []):
                err(f"{cw}: capabilities must drop ALL")
            if not (csc.get("runAsNonRoot") or psc.get("runAsNonRoot")):
                if (d["kind"], d["metadata"]["name"]) in ROOT_ALLOWED:
                    # Only with a read-only root, and read-only host paths.
                    if csc.get("readOnlyRootFilesystem") is not True or any(
                            m["name"] in {v["name"] for v in pod.get("volumes", []) if "hostPath" in v} and not m.get("readOnly")
                            for m in c.get("volumeMounts", [])):
                        err(f"{cw}: runs as root, so its root filesystem and host paths must be read-only")
                else:
                    err(f"{cw}: runAsNonRoot missing")
            port_names = {p.get("name") for p in c.get("ports", [])}
            probes = ("livenessProbe", "readinessProbe") + (("startupProbe",) if d["kind"] == "Deployment" else ())
            for probe in probes:
                if probe not in c:
                    err(f"{cw}: {probe} missing")
                    continue
                port = c[probe].get("httpGet", c[probe].get("tcpSocket", {})).get("port")
                if isinstance(port, str) and port not in port_names:
                    err(f"{cw}: {probe} uses unknown port name {port}")
            if d["kind"] == "Deployment":
                # The platform's own services: the strict rules of deploy/README.md.
                if csc.get("readOnlyRootFilesystem") is not True:
                    err(f"{cw}: readOnlyRootFilesystem must be true")
                if not any(m["mountPath"] == "/tmp" for m in c.get("volumeMounts", [])):
                    err(f"{cw}: read-only root needs a writable /tmp")
                for probe, path in (("livenessProbe", "/livez"), ("readinessProbe", "/readyz")):
                    if c.get(probe, {}).get("httpGet", {}).get("path") != path:
                        err(f"{cw}: {probe} must be GET {path}")
                app = d["metadata"]["labels"].get("app")
                if app in known:
                    for e in c.get("env", []):
                        if not var_ok(app, e["name"]):
                            err(f"{cw}: env {e['name']} is not read by {app} (not in its application.yml)")
            # references to ConfigMaps and Secrets
            refs = [("ConfigMap", ef["configMapRef"]["name"]) for ef in c.get("envFrom", []) if "configMapRef" in ef]
            refs += [("Secret", ef["secretRef"]["name"]) for ef in c.get("envFrom", []) if "secretRef" in ef]
            refs += [("Secret", e["valueFrom"]["secretKeyRef"]["name"]) for e in c.get("env", []) if "secretKeyRef" in e.get("valueFrom", {})]
            refs += [("ConfigMap", v["configMap"]["name"]) for v in pod.get("volumes", []) if "configMap" in v]
            for kind, name in refs:
                if (kind, name) not in names:
                    if is_production(overlay) and kind == "Secret":
                        notes.append(name)
                    else:
                        err(f"{cw}: {kind} {name} is not defined in the overlay")
    # Services select pods that exist; Deployments of the edge have a PDB
    pod_labels = [d["spec"]["template"]["metadata"].get("labels", {}) for d in docs if d["kind"] in ("Deployment", "StatefulSet", "DaemonSet")]
    for svc in by_kind.get("Service", []):
        sel = svc["spec"].get("selector", {})
        if not any(all(l.get(k) == v for k, v in sel.items()) for l in pod_labels):
            err(f"{overlay}: Service/{svc['metadata']['name']} selects no pod")
    check_availability(overlay, by_kind)
    check_grpc_balancing(overlay, by_kind)
    check_trusted_proxies(overlay, by_kind)
    check_monitoring(overlay, by_kind)
    check_release(overlay, by_kind)
    if is_production(overlay):
        if by_kind.get("Secret"):
            err("production: must not contain Secret objects (placeholders must never reach production)")
        hpas = {h["spec"]["scaleTargetRef"]["name"] for h in by_kind.get("HorizontalPodAutoscaler", [])}
        if hpas != {"gateway", "bff-web"}:
            err(f"production: HPAs for gateway and bff-web expected, got {sorted(hpas)}")
    print(f"ok   {overlay}: {checked} workloads checked" if not [e for e in errors if e.startswith(overlay + ":")] else f"FAIL {overlay}")
if notes:
    print("note production expects these Secrets to exist in the cluster: " + ", ".join(sorted(set(notes))))
# The base runs every Deployment at least twice (overlays may scale down, e.g. local).
for d in yaml.safe_load_all(open(os.path.join(out, "base.k8s"))):
    if d and d["kind"] == "Deployment" and d["spec"].get("replicas", 1) < 2:
        err(f"base: Deployment/{d['metadata']['name']} runs {d['spec'].get('replicas', 1)} replica(s); at least 2 expected")
print("ok   base: every Deployment runs at least 2 replicas" if not [e for e in errors if e.startswith("base")] else "FAIL base replicas")

# ---- 2. docker-compose.yml
compose = yaml.safe_load(open("docker-compose.yml"))
cs = compose["services"]
# Images without a shell or HTTP client (distroless), which Docker cannot probe from inside: they may disable
# their healthcheck, and then nothing may wait for them (their clients retry instead).
NO_PROBE_IMAGES = ("grafana/tempo:", "grafana/loki:")
for name, s in cs.items():
    if "healthcheck" not in s:
        err(f"compose {name}: no healthcheck")
    elif s["healthcheck"].get("disable"):
        if not str(s.get("image", "")).startswith(NO_PROBE_IMAGES):
            err(f"compose {name}: healthcheck disabled; only {', '.join(NO_PROBE_IMAGES)} images (no shell, no HTTP client) may do that")
        for other, o in cs.items():
            if name in (o.get("depends_on") or {}):
                err(f"compose {other}: depends on {name}, which has no healthcheck (let the client retry instead)")
    if not s.get("deploy", {}).get("resources", {}).get("limits", {}).get("memory"):
        err(f"compose {name}: no memory limit")
    if str(s.get("image", "")).endswith(":latest") or ":" not in str(s.get("image", "")):
        err(f"compose {name}: image needs a tag other than latest")
    deps = s.get("depends_on", {})
    if isinstance(deps, list) or any(v.get("condition") != "service_healthy" for v in deps.values()):
        err(f"compose {name}: depends_on must use condition: service_healthy")
    for dep in deps:
        if dep not in cs:
            err(f"compose {name}: depends on unknown service {dep}")
    for vol in s.get("volumes", []):
        src = vol.split(":")[0]
        if src.startswith("./") and not os.path.exists(src):
            err(f"compose {name}: mounted path {src} does not exist")
    if name in known:
        if s.get("image") != f"ghcr.io/hashop/{name}:{VERSION}":
            err(f"compose {name}: image must be the build's ghcr.io/hashop/{name}:{VERSION} (pom.xml's version), not {s.get('image')!r}")
        if "build" in s:
            err(f"compose {name}: no build section; the images come from the Maven build (Jib)")
        for var in s.get("environment", {}):
            if not var_ok(name, var):
                err(f"compose {name}: env {var} is not read by {name} (not in its application.yml)")
        env = s.get("environment", {})
        m = re.fullmatch(r"http://([a-z0-9-]+):(\d+)/v1/traces", str(env.get("TRACING_OTLP_ENDPOINT", "")))
        if not m or m[1] not in cs:
            err(f"compose {name}: TRACING_OTLP_ENDPOINT must be http://<Compose service>:<port>/v1/traces (Tempo), not {env.get('TRACING_OTLP_ENDPOINT')!r}")
        if "TRACING_SAMPLING_PROBABILITY" not in env:
            err(f"compose {name}: TRACING_SAMPLING_PROBABILITY missing")
        hc = " ".join(s["healthcheck"]["test"])
        port = s["environment"].get("SERVER_PORT") or re.search(r"\b(80\d\d)\b", hc).group(1)
        if "/readyz" not in hc:
            err(f"compose {name}: healthcheck must probe /readyz")
        # Downstream addresses name Compose services (gRPC targets as dns:///host:port or static://host:port,...).
        env = s.get("environment", {})
        for var in ("USER_SERVICE_ADDRESS", "ORDER_SERVICE_ADDRESS", "PAYMENT_SERVICE_URLS"):
            if var in env:
                for host in re.findall(r"(?:^|,|//|///)\s*([a-z][a-z0-9-]*):\d+", str(env[var])):
                    if host not in cs:
                        err(f"compose {name}: {var} names {host}, which is not a Compose service")
# Secrets have no usable default: every secret-like variable is required (${VAR:?message}), and no value
# anywhere in the file is a dev-only placeholder.
SECRET_NAME = re.compile(r"(PASSWORD|SECRET|TOKEN|CREDENTIALS?|API_KEY)$")
def walk_strings(node):
    if isinstance(node, dict):
        for v in node.values():
            yield from walk_strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from walk_strings(v)
    elif isinstance(node, str):
        yield node
for value in walk_strings(compose):
    if "dev-only" in value.lower():
        err(f"compose: dev-only value {value!r}; secrets are required variables set in .env")
    for var, op in re.findall(r"\$\{([A-Z][A-Z0-9_]*)(:?[-?+]?)", value):
        if SECRET_NAME.search(var) and op != ":?":
            err(f"compose: ${{{var}}} must be required (${{{var}:?set {var} in .env}}), not {op or 'bare'}")
required = set()
for name, s in cs.items():
    for var, value in (s.get("environment") or {}).items():
        value = "" if value is None else str(value)
        if SECRET_NAME.search(var) and not re.fullmatch(r"\$\{[A-Z][A-Z0-9_]*:\?[^}]+\}", value):
            err(f"compose {name}: secret {var} must be a required variable (${{X:?set X in .env}}), not {value!r}")
        required |= set(re.findall(r"\$\{([A-Z][A-Z0-9_]*):\?", value))
    allow = (s.get("environment") or {}).get("HASHOP_ALLOW_DEV_SECRETS")
    if allow is not None and str(allow) != "${HASHOP_ALLOW_DEV_SECRETS:-false}":
        err(f"compose {name}: HASHOP_ALLOW_DEV_SECRETS must come from the local .env only (${{HASHOP_ALLOW_DEV_SECRETS:-false}}), not {allow!r}")
    # Published ports listen on the loopback interface only.
    for port in s.get("ports", []):
        host_ip = port.get("host_ip") if isinstance(port, dict) else (str(port).split(":")[0] if str(port).count(":") == 2 else None)
        if host_ip != "127.0.0.1":
            err(f"compose {name}: port {port!r} must be published on 127.0.0.1 only (127.0.0.1:HOST:CONTAINER)")
    command = s.get("command") or []
    if any("--web.enable-lifecycle" in str(c) for c in (command if isinstance(command, list) else [command])):
        err(f"compose {name}: Prometheus's lifecycle API (--web.enable-lifecycle) must stay off")
# Prometheus sends its alerts to the Compose Alertmanager.
prom = yaml.safe_load(open("deploy/prometheus/prometheus.yml"))
for am in prom.get("alerting", {}).get("alertmanagers", [{}]) or [{}]:
    for target in [t for sc in am.get("static_configs", []) for t in sc.get("targets", [])] or ["(none)"]:
        if target.split(":")[0] not in cs:
            err(f"compose: deploy/prometheus/prometheus.yml sends alerts to {target}, which is not a Compose service")
# .env.example documents every required variable and ships no value for any secret.
if not os.path.exists(".env.example"):
    err("compose: .env.example is missing (the template of the local .env)")
else:
    example = {}
    for line in open(".env.example"):
        m = re.match(r"^([A-Z][A-Z0-9_]*)=(.*)$", line.strip())
        if m:
            example[m[1]] = m[2]
    for var in sorted(required - set(example)):
        err(f"compose: required variable {var} is not in .env.example")
    for var, value in example.items():
        if SECRET_NAME.search(var) and value:
            err(f".env.example: {var} has a value; secrets are generated or filled in, never shipped")
print("ok   docker-compose.yml: %d services, %d required secrets, ports on 127.0.0.1" % (len(cs), len(required)) if not [e for e in errors if e.startswith(("compose", ".env"))] else "FAIL docker-compose.yml")

# ---- 3. generated files and copies that must stay identical
# Kustomize reads files inside a kustomization's directory only, so the monitoring component carries copies
# of the dashboards and the backend configurations; --regenerate refreshes them.
MON = "deploy/k8s/components/monitoring"
COPIES = [("deploy/docker/postgres-init.sh", "deploy/k8s/components/infrastructure/postgres-init.sh"),
          ("deploy/tempo/tempo.yaml", f"{MON}/config/tempo.yaml"),
          ("deploy/loki/loki.yaml", f"{MON}/config/loki.yaml")]
COPIES += [(f, f"{MON}/dashboards/{os.path.basename(f)}") for f in DASHBOARDS]
regenerate = os.environ.get("REGENERATE") == "1"
for source, copy in COPIES:
    if regenerate and (not os.path.exists(copy) or open(copy, "rb").read() != open(source, "rb").read()):
        open(copy, "wb").write(open(source, "rb").read())
        print("copied " + copy)
    if not os.path.exists(copy) or open(copy, "rb").read() != open(source, "rb").read():
        err(f"{copy} differs from {source} (run deploy/check.sh --regenerate)")
for copy in glob.glob(f"{MON}/dashboards/*.json"):
    if not os.path.exists(f"deploy/grafana/dashboards/{os.path.basename(copy)}"):
        err(f"{copy} has no source in deploy/grafana/dashboards/ (delete it)")

# The PrometheusRule: the groups of alerts.yml, each alert labelled namespace="hashop", because the
# operator's Alertmanager routes to the AlertmanagerConfig of namespace hashop only alerts with that label
# (aggregations such as `max by (application)` drop the series' own namespace label).
def for_operator(groups):
    out = []
    for g in groups:
        rules = []
        for r in g["rules"]:
            r = dict(r)
            if "alert" in r:
                r["labels"] = {**r.get("labels", {}), "namespace": "hashop"}
            rules.append(r)
        out.append({**g, "rules": rules})
    return out
rule_file = f"{MON}/prometheusrule.yaml"
groups = yaml.safe_load(open("deploy/prometheus/alerts.yml"))["groups"]
if regenerate:
    class D(yaml.SafeDumper): pass
    D.add_representer(str, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", v, style="|" if "\n" in v else None))
    body = yaml.dump({"apiVersion": "monitoring.coreos.com/v1", "kind": "PrometheusRule",
                      "metadata": {"name": "hashop-alerts", "labels": {"app.kubernetes.io/part-of": "hashop"}},
                      "spec": {"groups": for_operator(groups)}}, Dumper=D, sort_keys=False, width=200)
    open(rule_file, "w").write("# GENERATED from deploy/prometheus/alerts.yml: the same groups, every alert also labelled\n"
                               "# namespace: hashop for the AlertmanagerConfig (deploy/check.sh fails when they differ).\n"
                               "# Regenerate: deploy/check.sh --regenerate\n" + body)
    print("regenerated " + rule_file)
if yaml.safe_load(open(rule_file))["spec"]["groups"] != for_operator(groups):
    err(f"{rule_file} differs from deploy/prometheus/alerts.yml (run deploy/check.sh --regenerate)")
if not [e for e in errors if "differs from" in e or "no source" in e]:
    print(f"ok   PrometheusRule == deploy/prometheus/alerts.yml (+ namespace label); {len(COPIES)} copies identical")

# ---- 4. Grafana: dashboards (generated ones up to date), datasources linking traces and logs
import subprocess
if subprocess.run([sys.executable, "deploy/grafana/generate-dashboards.py", "--check"]).returncode != 0:
    err("deploy/grafana/dashboards: generated dashboards are stale (python3 deploy/grafana/generate-dashboards.py)")
uids = {}
queries = []
for f in DASHBOARDS:
    try:
        dash = json.load(open(f))
    except ValueError as e:
        err(f"{f}: not JSON ({e})")
        continue
    if dash.get("uid") in uids:
        err(f"{f}: uid {dash.get('uid')} also used by {uids[dash['uid']]}")
    uids[dash.get("uid")] = f
    exprs = [t["expr"] for p in dash["panels"] for t in p.get("targets", [])]
    if not exprs:
        err(f"{f}: no queries")
    for p in dash["panels"]:
        if p["type"] != "row" and not p.get("targets"):
            err(f"{f}: panel {p.get('title')!r} has no query")
        for t in p.get("targets", []):
            if t.get("datasource", p.get("datasource", {})).get("uid") != "prometheus":
                err(f"{f}: panel {p.get('title')!r} does not query the datasource uid prometheus")
    queries += [(f, e) for e in exprs]
    print(f"ok   {f}: {len(dash['panels'])} panels, {len(exprs)} queries")
# Every query, with Grafana's variables replaced, as a recording rule for `promtool check rules` (below).
with open(os.path.join(out, "dashboard-queries.yml"), "w") as q:
    yaml.safe_dump({"groups": [{"name": "dashboard-queries", "rules": [
        {"record": f"dashboard_query_{i}", "expr": e.replace("$__rate_interval", "1m").replace("$__range", "1h").replace("$application", ".*")}
        for i, (f, e) in enumerate(queries)]}]}, q)
for f in glob.glob("deploy/grafana/provisioning/*/*.yml"):
    yaml.safe_load(open(f))
for f in ("deploy/grafana/provisioning/datasources/datasources.yml", f"{MON}/config/grafana-datasources.yaml"):
    ds = {d["type"]: d for d in yaml.safe_load(open(f))["datasources"]}
    if {"loki", "tempo"} - set(ds) or ("prometheus" not in ds and "grafana-datasources" not in f):
        err(f"{f}: Prometheus, Loki and Tempo datasources expected, found {sorted(ds)}")
        continue
    t2l = ds["tempo"].get("jsonData", {}).get("tracesToLogsV2", {})
    if t2l.get("datasourceUid") != ds["loki"].get("uid") or not t2l.get("filterByTraceID"):
        err(f"{f}: Tempo must link traces to Loki by trace id (tracesToLogsV2)")
    derived = ds["loki"].get("jsonData", {}).get("derivedFields", [])
    samples = {"ECS JSON": '{"@timestamp":"2026-12-02T10:00:00Z","log.level":"INFO","trace.id":"4bf92f3577b34da6a3ce929d0e0e4736","span.id":"00f067aa0ba902b7"}',
               "plain": "2026-12-02T10:00:00Z  INFO 1 --- [bff-web] [virtual-42] [4bf92f3577b34da6a3ce929d0e0e4736,00f067aa0ba902b7,r-1] i.h.b.Order : placed"}
    for fmt, line in samples.items():
        if not any(d.get("datasourceUid") == ds["tempo"].get("uid") and (m := re.search(d["matcherRegex"], line)) and m.group(1) == "4bf92f3577b34da6a3ce929d0e0e4736"
                   for d in derived):
            err(f"{f}: no Loki derived field finds the trace id of a {fmt} log line and links it to Tempo")
print("ok   Grafana datasources: traces → logs and logs → traces in Compose and Kubernetes" if not [e for e in errors if "datasource" in e or "derived field" in e or "tracesToLogs" in e] else "FAIL Grafana datasources")

# ---- 5. alerts: a runbook each, and unit tests that see each alert fire and stay quiet
tests = yaml.safe_load(open("deploy/prometheus/alerts-test.yml"))["tests"]
fires, quiet = set(), set()
for t in tests:
    for a in t.get("alert_rule_test", []):
        (fires if a.get("exp_alerts") else quiet).add(a["alertname"])
alerts = [r for g in groups for r in g["rules"] if "alert" in r]
for r in alerts:
    name = r["alert"]
    url = r.get("annotations", {}).get("runbook_url", "")
    m = re.fullmatch(r"https://github\.com/hashop/hashop/blob/main/(docs/runbooks/([A-Za-z0-9]+)\.md)", url)
    if not m or m[2] != name:
        err(f"alert {name}: runbook_url must be https://github.com/hashop/hashop/blob/main/docs/runbooks/{name}.md, not {url!r}")
    elif not os.path.exists(m[1]):
        err(f"alert {name}: runbook {m[1]} does not exist")
    if name not in fires:
        err(f"alert {name}: no test in deploy/prometheus/alerts-test.yml where it fires")
    if name not in quiet:
        err(f"alert {name}: no test in deploy/prometheus/alerts-test.yml where it stays quiet")
for page in glob.glob("docs/runbooks/Hashop*.md"):
    if os.path.basename(page)[:-3] not in {r["alert"] for r in alerts}:
        err(f"{page}: no alert of that name (rename or delete the runbook)")
print(f"ok   {len(alerts)} alerts: each has its runbook and tests that see it fire and stay quiet"
      if not [e for e in errors if e.startswith(("alert ", "docs/runbooks"))] else "FAIL alerts: runbooks or tests missing")

for e in dict.fromkeys(errors):
    print("FAIL " + e)
sys.exit(1 if errors else 0)
PY

section "promtool and amtool"
if command -v promtool >/dev/null; then
  ( cd "$DEPLOY/prometheus" \
    && promtool check config prometheus.yml >/dev/null \
    && promtool check rules alerts.yml >/dev/null \
    && promtool test rules alerts-test.yml >/dev/null ) \
    && echo "ok   promtool check config, check rules, test rules ($(grep -c 'alertname:' "$DEPLOY/prometheus/alerts-test.yml") alert assertions)" \
    || { echo "FAIL promtool (run the commands in deploy/prometheus for details)"; fail=1; }
  if [[ -f "$OUT/dashboard-queries.yml" ]]; then
    promtool check rules "$OUT/dashboard-queries.yml" >"$OUT/queries.log" 2>&1 \
      && echo "ok   promtool: every dashboard query parses ($(grep -c 'record:' "$OUT/dashboard-queries.yml") queries)" \
      || { echo "FAIL dashboard queries"; cat "$OUT/queries.log"; fail=1; }
  fi
else
  echo "skip promtool not installed (apt-get install -y prometheus)"
fi
if command -v amtool >/dev/null; then
  amtool check-config "$DEPLOY/alertmanager/alertmanager.yml" >"$OUT/amtool.log" 2>&1 \
    && echo "ok   amtool check-config deploy/alertmanager/alertmanager.yml" \
    || { echo "FAIL amtool"; cat "$OUT/amtool.log"; fail=1; }
else
  echo "skip amtool not installed (apt-get install -y prometheus-alertmanager)"
fi

section "result"
if [[ $fail == 0 ]]; then echo "deploy/check.sh: all checks passed"; else echo "deploy/check.sh: FAILED"; exit 1; fi
