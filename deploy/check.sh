#!/usr/bin/env bash
# Verifies the deployment files offline:
#   1. renders every Kustomize overlay (kubectl kustomize) and applies a policy check to the output
#      (also availability: PDB, topology spread, base replicas, HPA vs replicas; headless gRPC Services);
#   2. checks docker-compose.yml (structure, healthchecks, limits, variable names);
#   3. runs promtool (config, rules, rule unit tests) when it is installed;
#   4. checks copies that must stay identical and the Grafana files.
# Usage: deploy/check.sh [--regenerate-prometheusrule]
# Needs kubectl (1.27+) and python3 with PyYAML; promtool is optional (apt-get install prometheus).
set -euo pipefail
cd "$(dirname "$0")/.."
DEPLOY=deploy
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
fail=0
section() { printf '\n== %s\n' "$1"; }

if [[ "${1:-}" == "--regenerate-prometheusrule" ]]; then
  REGENERATE=1
else
  REGENERATE=0
fi

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
known = {}
for s in SERVICES:
    known[s] = platform_vars | set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", open(f"{s}/src/main/resources/application.yml").read()))
# Spring relaxed binding of properties without a placeholder (used on purpose, see comments there).
RELAXED = re.compile(r"^(SPRING|MANAGEMENT|PLATFORM|SERVER)_[A-Z0-9_]+$")
def var_ok(service, var):
    return var in known[service] or RELAXED.match(var)

# ---- 1. Kubernetes policy over every rendered overlay
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
        if d["metadata"]["labels"].get("app") != "bff-web":
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

for path in sorted(glob.glob(os.path.join(out, "*.yaml"))):
    overlay = os.path.basename(path)[:-5]
    docs = [d for d in yaml.safe_load_all(open(path)) if d]
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d["kind"], []).append(d)
    names = {(d["kind"], d["metadata"]["name"]) for d in docs}
    checked = 0
    for d in docs:
        if d["kind"] not in ("Deployment", "StatefulSet"):
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
                    if overlay == "production" and kind == "Secret":
                        notes.append(name)
                    else:
                        err(f"{cw}: {kind} {name} is not defined in the overlay")
    # Services select pods that exist; Deployments of the edge have a PDB
    pod_labels = [d["spec"]["template"]["metadata"].get("labels", {}) for d in docs if d["kind"] in ("Deployment", "StatefulSet")]
    for svc in by_kind.get("Service", []):
        sel = svc["spec"].get("selector", {})
        if not any(all(l.get(k) == v for k, v in sel.items()) for l in pod_labels):
            err(f"{overlay}: Service/{svc['metadata']['name']} selects no pod")
    check_availability(overlay, by_kind)
    check_grpc_balancing(overlay, by_kind)
    check_trusted_proxies(overlay, by_kind)
    if overlay == "production":
        if by_kind.get("Secret"):
            err("production: must not contain Secret objects (placeholders must never reach production)")
        hpas = {h["spec"]["scaleTargetRef"]["name"] for h in by_kind.get("HorizontalPodAutoscaler", [])}
        if hpas != {"gateway", "bff-web"}:
            err(f"production: HPAs for gateway and bff-web expected, got {sorted(hpas)}")
    print(f"ok   {overlay}: {checked} workloads checked" if not [e for e in errors if e.startswith(overlay)] else f"FAIL {overlay}")
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
for name, s in cs.items():
    if "healthcheck" not in s:
        err(f"compose {name}: no healthcheck")
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
        if s.get("build", {}).get("args", {}).get("MODULE") != name:
            err(f"compose {name}: build arg MODULE must be {name}")
        for var in s.get("environment", {}):
            if not var_ok(name, var):
                err(f"compose {name}: env {var} is not read by {name} (not in its application.yml)")
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

# ---- 3. copies that must stay identical
if open("deploy/docker/postgres-init.sh").read() != open("deploy/k8s/components/infrastructure/postgres-init.sh").read():
    err("deploy/k8s/components/infrastructure/postgres-init.sh differs from deploy/docker/postgres-init.sh")
rule_file = "deploy/k8s/components/monitoring/prometheusrule.yaml"
groups = yaml.safe_load(open("deploy/prometheus/alerts.yml"))["groups"]
if os.environ.get("REGENERATE") == "1":
    class D(yaml.SafeDumper): pass
    D.add_representer(str, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", v, style="|" if "\n" in v else None))
    body = yaml.dump({"apiVersion": "monitoring.coreos.com/v1", "kind": "PrometheusRule",
                      "metadata": {"name": "hashop-alerts", "labels": {"app.kubernetes.io/part-of": "hashop"}},
                      "spec": {"groups": groups}}, Dumper=D, sort_keys=False, width=200)
    open(rule_file, "w").write("# GENERATED from deploy/prometheus/alerts.yml: the same groups (deploy/check.sh fails when they differ).\n"
                               "# Regenerate: deploy/check.sh --regenerate-prometheusrule\n" + body)
    print("regenerated " + rule_file)
if yaml.safe_load(open(rule_file))["spec"]["groups"] != groups:
    err(f"{rule_file} differs from deploy/prometheus/alerts.yml (run deploy/check.sh --regenerate-prometheusrule)")
else:
    print("ok   PrometheusRule == deploy/prometheus/alerts.yml; postgres-init.sh copies identical" if not errors or "postgres-init" not in errors[-1] else "")

# ---- 4. Grafana
for f in glob.glob("deploy/grafana/dashboards/*.json"):
    dash = json.load(open(f))
    exprs = [t["expr"] for p in dash["panels"] for t in p.get("targets", [])]
    if not exprs:
        err(f"{f}: no queries")
    print(f"ok   {f}: {len(dash['panels'])} panels, {len(exprs)} queries")
for f in glob.glob("deploy/grafana/provisioning/*/*.yml"):
    yaml.safe_load(open(f))

for e in dict.fromkeys(errors):
    print("FAIL " + e)
sys.exit(1 if errors else 0)
PY

section "promtool"
if command -v promtool >/dev/null; then
  ( cd "$DEPLOY/prometheus" \
    && promtool check config prometheus.yml >/dev/null \
    && promtool check rules alerts.yml >/dev/null \
    && promtool test rules alerts-test.yml >/dev/null ) \
    && echo "ok   promtool check config, check rules, test rules ($(grep -c 'alertname:' "$DEPLOY/prometheus/alerts-test.yml") alert assertions)" \
    || { echo "FAIL promtool (run the commands in deploy/prometheus for details)"; fail=1; }
else
  echo "skip promtool not installed (apt-get install -y prometheus)"
fi

section "result"
if [[ $fail == 0 ]]; then echo "deploy/check.sh: all checks passed"; else echo "deploy/check.sh: FAILED"; exit 1; fi
