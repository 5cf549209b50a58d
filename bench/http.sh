#!/usr/bin/env bash
# HTTP benchmark of the registry beside the peers, in one run on this machine:
#   1. builds Release, starts the registry on a fresh data directory;
#   2. runs ../shared/peers/run.sh with OURS_URL (noop ceilings, ajv+fastify, ASP.NET+JsonSchema.Net, ours; small,
#      medium and large documents; a correctness gate first);
#   3. lookups (GET /schemas/ids/{id}), batch validation (1,000 medium documents a request), both also alternated
#      with their references (the Kestrel no-op, single medium requests), registrations
#      (16 clients on distinct subjects at BACKWARD_TRANSITIVE over 10 earlier versions), the cost of metrics (the
#      medium validation load with metrics on and off), random lookups with 1,000 and 1,000,000 versions stored;
#   4. writes bench/results/<UTC date-time>.md with the table of ratios against the targets.
# usage: bench/http.sh            env: WARMUP=5 DURATION=10 THREADS=2 CONNECTIONS=32 (as run.sh), REG_SECONDS=10, ALT_ROUNDS=3, INLINE_COMPLETIONS=true
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
PEERS=$(cd "$ROOT/../shared/peers" && pwd)
STAMP=$(date -u +%Y-%m-%d-%H%M)
OUT=$HERE/results/$STAMP.md
SCRATCH=${BENCH_SCRATCH:-/tmp/registry-bench}
export WARMUP=${WARMUP:-5} DURATION=${DURATION:-10} THREADS=${THREADS:-2} CONNECTIONS=${CONNECTIONS:-32}
REG_SECONDS=${REG_SECONDS:-10}
METRICS_ROUNDS=${METRICS_ROUNDS:-6}  # metrics on/off rounds, alternated (a round's noise here is several percent)
ALT_ROUNDS=${ALT_ROUNDS:-3}  # lookup/no-op and batch/single rounds, alternated
SCALE=${SCALE:-1}            # 0 skips the 1,000 vs 1,000,000 versions lookup comparison (seeding 1M takes minutes, cached)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log() { printf '[bench] %s\n' "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
mkdir -p "$SCRATCH" "$HERE/results"
command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }

log "building Release"
dotnet build "$ROOT/src/SchemaRegistry.Server" -c Release -nologo -v q >"$SCRATCH/build.log" 2>&1 || { cat "$SCRATCH/build.log"; exit 1; }
dotnet build "$ROOT/bench/SchemaRegistry.LoadTest" -c Release -nologo -v q >>"$SCRATCH/build.log" 2>&1 || { cat "$SCRATCH/build.log"; exit 1; }
dotnet build "$ROOT/bench/SchemaRegistry.Seed" -c Release -nologo -v q >>"$SCRATCH/build.log" 2>&1 || { cat "$SCRATCH/build.log"; exit 1; }

PORT=$(free_port)
URL=http://127.0.0.1:$PORT
DATA=$(mktemp -d "$SCRATCH/data.XXXX")
REGISTRY_PID=
REGISTRY_OFF_PID=
cleanup() { for pid in "$REGISTRY_PID" "$REGISTRY_OFF_PID"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null; done; wait 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT
# The registration loads keep their subjects' versions hot (4,000 subjects of 10 to ~15 versions, 800 of 10 to ~30,
# and the warm-ups: ~90,000 schemas): the parsed-schema cache is sized to hold them, as an operator would size it
# after the cache hit-rate alert. It runs validations and lookups on the socket event threads (INLINE_COMPLETIONS=false: the
# default scheduling), as an operator would configure a node that mostly validates (docs/operations.md).
export INLINE_COMPLETIONS=${INLINE_COMPLETIONS:-true}
(cd "$ROOT/src/SchemaRegistry.Server/bin/Release/net10.0" && Registry__SchemaCacheCapacity=${SCHEMA_CACHE:-100000} Registry__Http__InlineCompletions=$INLINE_COMPLETIONS exec dotnet SchemaRegistry.Server.dll --urls "$URL" --data-dir "$DATA") >"$SCRATCH/registry.log" 2>&1 &
REGISTRY_PID=$!
for _ in $(seq 300); do curl -fs "$URL/health/ready" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "$URL/health/ready" >/dev/null || { cat "$SCRATCH/registry.log"; exit 1; }
log "registry pid $REGISTRY_PID on $URL"

log "peers run (ours beside ajv-fastify and dotnet-naive)"
TARGETS="dotnet-noop ajv-noop dotnet-small ajv-small ours-small dotnet-medium ajv-medium ours-medium dotnet-large ajv-large ours-large" \
OURS_URL=$URL "$PEERS/run.sh" "$SCRATCH/peers.json" | tee "$SCRATCH/peers.txt"

id_of() { curl -fs "$URL/subjects/peers-$1/versions/latest" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
MEDIUM_ID=$(id_of chat-completion)

wrk_json() { # name url [body-file] [connections]
  local name=$1 url=$2 body=${3:-} connections=${4:-$CONNECTIONS}
  WRK_BODY=$body wrk -t"$THREADS" -c"$connections" -d"${WARMUP}s" -s "$PEERS/wrk-post.lua" "$url" >/dev/null 2>&1
  WRK_BODY=$body wrk -t"$THREADS" -c"$connections" -d"${DURATION}s" --latency -s "$PEERS/wrk-post.lua" "$url" >"$SCRATCH/$name.txt" 2>&1
  sed -n 's/^WRK_JSON //p' "$SCRATCH/$name.txt"
}

log "lookups: GET /schemas/ids/$MEDIUM_ID"
LOOKUP=$(wrk_json lookup "$URL/schemas/ids/$MEDIUM_ID")
log "lookups: GET /subjects/peers-chat-completion/versions/1"
LOOKUP_VERSION=$(wrk_json lookup-version "$URL/subjects/peers-chat-completion/versions/1")

log "batch: 1,000 medium documents a request"
python3 - "$PEERS/payloads/chat-completion.valid.json" "$SCRATCH/batch.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
json.dump([doc] * 1000, open(sys.argv[2], "w"))
PY
BATCH=$(wrk_json batch "$URL/api/v1/validate/$MEDIUM_ID/batch" "$SCRATCH/batch.json" 4)

# The two ratios between loads of our own, alternated ALT_ROUNDS times: the lookup against the Kestrel no-op (the
# dotnet-naive peer that run.sh built, started again beside the registry), and the batch against single requests.
# The figures above take each side from one 10 s window minutes apart, and this machine's speed drifts by tens of
# percent between such windows (the no-op alone ran at 70k to 98k req/s in runs of the same day); alternating, as the
# metrics and scale rows do, lets the drift hit both sides alike.
log "alternated: lookup vs no-op, batch vs single, $ALT_ROUNDS rounds"
NOOP_PORT=$(free_port)
(cd "${PEERS_SCRATCH:-/tmp/peers}/build/dotnet-naive/bin/Release/net10.0" && exec dotnet DotnetNaive.dll --urls "http://127.0.0.1:$NOOP_PORT" --schemas "$PEERS/schemas") >"$SCRATCH/noop.log" 2>&1 &
REGISTRY_OFF_PID=$!
for _ in $(seq 300); do curl -fs "http://127.0.0.1:$NOOP_PORT/noop" >/dev/null 2>&1 && break; sleep 0.1; done
NOOP_URL="http://127.0.0.1:$NOOP_PORT/noop"; LOOKUP_URL="$URL/schemas/ids/$MEDIUM_ID"
SINGLE_URL="$URL/api/v1/validate/$MEDIUM_ID"; BATCH_URL="$SINGLE_URL/batch"
MEDIUM_DOC="$PEERS/payloads/chat-completion.valid.json"
wrk_json alt-warm-noop "$NOOP_URL" >/dev/null
ALT_NOOP=(); ALT_LOOKUP=(); ALT_BATCH=(); ALT_SINGLE=()
alt_load() { # noop|lookup|batch|single round
  case $1 in
    noop) ALT_NOOP+=("$(wrk_json alt-noop-$2 "$NOOP_URL")") ;;
    lookup) ALT_LOOKUP+=("$(wrk_json alt-lookup-$2 "$LOOKUP_URL")") ;;
    batch) ALT_BATCH+=("$(wrk_json alt-batch-$2 "$BATCH_URL" "$SCRATCH/batch.json" 4)") ;;
    single) ALT_SINGLE+=("$(wrk_json alt-single-$2 "$SINGLE_URL" "$MEDIUM_DOC")") ;;
  esac
}
for round in $(seq "$ALT_ROUNDS"); do
  # Alternate which side goes first, so that drift within a round favours neither.
  if [ $((round % 2)) = 1 ]; then order="noop lookup batch single"; else order="lookup noop single batch"; fi
  for load in $order; do alt_load "$load" "$round"; done
done
kill "$REGISTRY_OFF_PID" 2>/dev/null; wait "$REGISTRY_OFF_PID" 2>/dev/null || true; REGISTRY_OFF_PID=
join() { local IFS=,; echo "$*"; }
ALTERNATED="{\"noop\":[$(join "${ALT_NOOP[@]}")],\"lookup\":[$(join "${ALT_LOOKUP[@]}")],\"batch\":[$(join "${ALT_BATCH[@]}")],\"single\":[$(join "${ALT_SINGLE[@]}")]}"

log "registrations: 16 clients, distinct subjects, BACKWARD_TRANSITIVE over 10 earlier versions"
LOAD_TEST="$ROOT/bench/SchemaRegistry.LoadTest/bin/Release/net10.0/SchemaRegistry.LoadTest.dll"
# The target's shape: 4,000 subjects seeded with 10 versions each, so that over the run each registration is checked
# against 10 to ~15 earlier versions. Each load starts with a 5 s unmeasured warm-up on subjects of its own.
REGISTRATIONS=$(dotnet "$LOAD_TEST" --url "$URL" --clients 16 --subjects-per-client 250 --seed-versions 10 --seconds "$REG_SECONDS" --warmup-seconds 5)
log "registrations (every subject its own schemas, 4,000 subjects): $REGISTRATIONS"
# Deeper histories than the target asks: 800 subjects, so each grows from 10 to ~30 versions during the run.
REGISTRATIONS_DEEP=$(dotnet "$LOAD_TEST" --url "$URL" --clients 16 --subjects-per-client 50 --seed-versions 10 --seconds "$REG_SECONDS" --warmup-seconds 5)
log "registrations (every subject its own schemas, 800 subjects): $REGISTRATIONS_DEEP"
REGISTRATIONS_SHARED=$(dotnet "$LOAD_TEST" --url "$URL" --clients 16 --subjects-per-client 50 --seed-versions 10 --seconds "$REG_SECONDS" --warmup-seconds 5 --histories shared)
log "registrations (a client's subjects share schemas): $REGISTRATIONS_SHARED"

kill "$REGISTRY_PID" 2>/dev/null; wait "$REGISTRY_PID" 2>/dev/null || true; REGISTRY_PID=

# Metrics overhead: the same medium validation load against two fresh registries, one with metrics (the default) and
# one with Registry:Telemetry:Metrics=false, alternated METRICS_ROUNDS times so drift on this shared machine hits
# both alike. (Fresh
# both: the registry above now holds the registration loads' schemas, a larger heap to collect.)
log "metrics overhead: medium validation with metrics on vs off"
python3 - "$PEERS/schemas/chat-completion.json" "$SCRATCH/register-medium.json" <<'PY'
import json, sys
json.dump({"schemaType": "JSON", "schema": open(sys.argv[1]).read()}, open(sys.argv[2], "w"))
PY
start_validation_registry() { # metrics(true|false) -> "pid url id"
  local port dir pid
  port=$(free_port)
  dir=$(mktemp -d "$SCRATCH/data-metrics-$1.XXXX")
  (cd "$ROOT/src/SchemaRegistry.Server/bin/Release/net10.0" && Registry__Telemetry__Metrics=$1 exec dotnet SchemaRegistry.Server.dll --urls "http://127.0.0.1:$port" --data-dir "$dir") >"$SCRATCH/registry-metrics-$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 300); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.1; done
  local id
  id=$(curl -fs -X POST -H 'Content-Type: application/vnd.schemaregistry.v1+json' --data @"$SCRATCH/register-medium.json" "http://127.0.0.1:$port/subjects/metrics/versions" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  echo "$pid http://127.0.0.1:$port $id"
}
read -r REGISTRY_PID URL_ON ON_ID < <(start_validation_registry true)
read -r REGISTRY_OFF_PID URL_OFF OFF_ID < <(start_validation_registry false)
METRICS_ON=(); METRICS_OFF=()
metrics_round() { # on|off round
  if [ "$1" = on ]; then
    METRICS_ON+=("$(wrk_json metrics-on-$2 "$URL_ON/api/v1/validate/$ON_ID" "$PEERS/payloads/chat-completion.valid.json")")
  else
    METRICS_OFF+=("$(wrk_json metrics-off-$2 "$URL_OFF/api/v1/validate/$OFF_ID" "$PEERS/payloads/chat-completion.valid.json")")
  fi
}
for round in $(seq "$METRICS_ROUNDS"); do
  # Alternate which registry goes first, so that drift within a round favours neither (on always went first before).
  if [ $((round % 2)) = 1 ]; then metrics_round on "$round"; metrics_round off "$round"
  else metrics_round off "$round"; metrics_round on "$round"; fi
done
for pid in "$REGISTRY_PID" "$REGISTRY_OFF_PID"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; done
REGISTRY_PID=; REGISTRY_OFF_PID=; rm -rf "$SCRATCH"/data-metrics-*
METRICS_AB="{\"on\":[$(join "${METRICS_ON[@]}")],\"off\":[$(join "${METRICS_OFF[@]}")]}"

# Scale: random lookups (every request another id, or another subject and version) against a store of 1,000 versions
# and one of 1,000,000, with the answer cache off so that every lookup reaches the store. Both registries run side by
# side and the loads alternate between them SCALE_ROUNDS times (as the metrics comparison does): one 10 s round of
# either differs from the next by several percent on this shared machine.
SCALE_ROUNDS=${SCALE_ROUNDS:-3}
start_scale_registry() { # subjects -> "pid url"
  local subjects=$1 versions=10 dir=$SCRATCH/scale-$1 port pid
  if [ ! -f "$dir/.seeded" ]; then
    rm -rf "$dir"
    log "seeding $((subjects * versions)) versions into $dir (once; reused by later runs)"
    dotnet "$ROOT/bench/SchemaRegistry.Seed/bin/Release/net10.0/SchemaRegistry.Seed.dll" "$dir" "$subjects" "$versions" >"$SCRATCH/seed-$subjects.json"
    touch "$dir/.seeded"
  fi
  port=$(free_port)
  (cd "$ROOT/src/SchemaRegistry.Server/bin/Release/net10.0" && REGISTRY__RESPONSECACHECAPACITY=0 exec dotnet SchemaRegistry.Server.dll --urls "http://127.0.0.1:$port" --data-dir "$dir") >"$SCRATCH/registry-scale-$subjects.log" 2>&1 &
  pid=$!
  for _ in $(seq 600); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.1; done
  echo "$pid http://127.0.0.1:$port"
}
scale_round() { # subjects url kind duration -> wrk json
  local subjects=$1 url=$2 kind=$3 duration=$4 versions=10
  LOOKUP=$kind MAX_ID=$((subjects * versions)) SUBJECTS=$subjects VERSIONS=$versions \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${duration}s" --latency -s "$HERE/wrk-random-lookups.lua" "$url" >"$SCRATCH/scale-$subjects-$kind.txt" 2>&1
  sed -n 's/^WRK_JSON //p' "$SCRATCH/scale-$subjects-$kind.txt"
}
SCALE_SMALL=null; SCALE_LARGE=null
if [ "$SCALE" = 1 ]; then
  log "scale: random lookups with 1,000 vs 1,000,000 versions, alternated $SCALE_ROUNDS times"
  read -r SMALL_PID SMALL_URL < <(start_scale_registry 100)
  REGISTRY_PID=$SMALL_PID
  read -r LARGE_PID LARGE_URL < <(start_scale_registry 100000)
  REGISTRY_OFF_PID=$LARGE_PID
  declare -A SCALE_RUNS=()
  for kind in id version; do
    scale_round 100 "$SMALL_URL" "$kind" "$WARMUP" >/dev/null
    scale_round 100000 "$LARGE_URL" "$kind" "$WARMUP" >/dev/null
  done
  for round in $(seq "$SCALE_ROUNDS"); do
    for kind in id version; do
      # Alternate which store goes first, so that drift within a round favours neither.
      if [ $((round % 2)) = 1 ]; then order="100 100000"; else order="100000 100"; fi
      for subjects in $order; do
        url=$SMALL_URL; [ "$subjects" = 100000 ] && url=$LARGE_URL
        SCALE_RUNS[$subjects-$kind]+="${SCALE_RUNS[$subjects-$kind]:+,}$(scale_round "$subjects" "$url" "$kind" "$DURATION")"
      done
    done
  done
  kill "$SMALL_PID" "$LARGE_PID" 2>/dev/null; wait "$SMALL_PID" "$LARGE_PID" 2>/dev/null || true; REGISTRY_PID=; REGISTRY_OFF_PID=
  SCALE_SMALL="{\"id\":[${SCALE_RUNS[100-id]}],\"version\":[${SCALE_RUNS[100-version]}]}"
  SCALE_LARGE="{\"id\":[${SCALE_RUNS[100000-id]}],\"version\":[${SCALE_RUNS[100000-version]}]}"
fi

node - "$SCRATCH/peers.json" "$OUT" "$LOOKUP" "$LOOKUP_VERSION" "$BATCH" "$REGISTRATIONS" "$STAMP" "$SCALE_SMALL" "$SCALE_LARGE" "$METRICS_AB" "$REGISTRATIONS_SHARED" "$REGISTRATIONS_DEEP" "$ALTERNATED" <<'JS'
const fs = require('fs');
const [peersFile, out, lookupJ, lookupVersionJ, batchJ, regJ, stamp, scaleSmallJ, scaleLargeJ, metricsJ, regSharedJ, regDeepJ, alternatedJ] = process.argv.slice(2);
const peers = JSON.parse(fs.readFileSync(peersFile, 'utf8'));
const rps = Object.fromEntries(peers.results.map((r) => [r.target, r]));
const lookup = JSON.parse(lookupJ), lookupVersion = JSON.parse(lookupVersionJ), batch = JSON.parse(batchJ), reg = JSON.parse(regJ), regShared = JSON.parse(regSharedJ), regDeep = JSON.parse(regDeepJ);
const errs = (r) => r.non_2xx + Object.values(r.socket_errors).reduce((a, b) => a + b, 0);
const werrs = (w) => Object.values(w.errors).reduce((a, b) => a + b, 0);
const f0 = (n) => Math.round(n).toLocaleString('en-US');
const ratio = (a, b) => (a / b).toFixed(2) + 'x';
const rows = [];
const check = (what, value, target, ok) => rows.push(`| ${what} | ${value} | ${target} | ${ok ? 'met' : '**not met**'} |`);
for (const size of ['small', 'medium', 'large']) {
  const ours = rps[`ours-${size}`], ajv = rps[`ajv-${size}`];
  const need = size === 'small' ? 1.5 : 2.0;
  check(`ours-${size} / ajv-${size}`, `${f0(ours.rps)} / ${f0(ajv.rps)} req/s = ${ratio(ours.rps, ajv.rps)}`, `>= ${need.toFixed(1)}x`, ours.rps / ajv.rps >= need && errs(ours) === 0);
}
// The verdicts on these two ratios read the alternated rounds; the single windows (run.sh's no-op and medium load
// against our lookup and batch loads minutes later) are shown beneath them. An alternated comparison is read as the
// median of its rounds' ratios (each round's two loads ran back to back): a dip of the machine that hits one side's
// loads, which the ABBA order puts next to each other, moves one round's ratio, not the verdict. The means of each
// side are shown too.
const mean = (runs) => runs.reduce((a, r) => a + r.rps, 0) / runs.length;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b), m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const roundRatios = (a, b, scale = 1) => a.map((w, i) => (w.rps * scale) / b[i].rps);
const listed = (xs) => xs.map((x) => x.toFixed(2)).join(', ');
const alt = JSON.parse(alternatedJ);
const altOk = (...sets) => sets.every((runs) => runs.every((w) => werrs(w) === 0));
const lookupRatios = roundRatios(alt.lookup, alt.noop), batchRatios = roundRatios(alt.batch, alt.single, 1000);
check(`GET /schemas/ids/{id} / Kestrel no-op (${alt.lookup.length} alternated rounds)`,
  `${f0(mean(alt.lookup))} / ${f0(mean(alt.noop))} req/s; rounds ${listed(lookupRatios)}: median ${median(lookupRatios).toFixed(2)}x`,
  '>= 0.8x', median(lookupRatios) >= 0.8 && altOk(alt.lookup, alt.noop));
const noop = rps['dotnet-noop'];
rows.push(`| the same, single windows (run.sh's no-op, our lookup after it) | ${f0(lookup.rps)} / ${f0(noop.rps)} req/s = ${ratio(lookup.rps, noop.rps)} | | info |`);
check(`batch documents/s / single-request documents/s (medium; ${alt.batch.length} alternated rounds)`,
  `${f0(mean(alt.batch) * 1000)} / ${f0(mean(alt.single))}; rounds ${listed(batchRatios)}: median ${median(batchRatios).toFixed(2)}x`,
  '>= 10x', median(batchRatios) >= 10 && altOk(alt.batch, alt.single));
const docs = batch.rps * 1000, single = rps['ours-medium'].rps;
rows.push(`| the same, single windows (run.sh's ours-medium, our batch after it) | ${f0(docs)} / ${f0(single)} = ${ratio(docs, single)} | | info |`);
check(`registrations/s (16 clients, ${f0(reg.subjects)} distinct subjects each with its own schemas, BACKWARD_TRANSITIVE over 10 earlier versions (${reg.versions_after} by the end), durable)`, `${f0(reg.per_second)} (p99 ${reg.p99_ms} ms, ${reg.errors} errors)`, '>= 2,000/s', reg.per_second >= 2000 && reg.errors === 0);
rows.push(`| registrations/s, deeper histories: ${f0(regDeep.subjects)} subjects, 10 earlier versions growing to ${regDeep.versions_after} | ${f0(regDeep.per_second)} (p99 ${regDeep.p99_ms} ms, ${regDeep.errors} errors) | (beyond the target) | info |`);
check('registrations/s, 800 subjects, a client\'s 50 subjects share their schemas', `${f0(regShared.per_second)} (p99 ${regShared.p99_ms} ms, ${regShared.errors} errors)`, '>= 2,000/s', regShared.per_second >= 2000 && regShared.errors === 0);
const metrics = JSON.parse(metricsJ);
const on = mean(metrics.on), off = mean(metrics.off), metricsRatios = roundRatios(metrics.on, metrics.off), overhead = 1 - median(metricsRatios);
check(`metrics overhead on validation (medium; metrics on vs off, alternated ${metrics.on.length} times)`,
  `${f0(on)} vs ${f0(off)} req/s; rounds on/off ${listed(metricsRatios)}: ${(overhead * 100).toFixed(1)}%`, '<= 5%', overhead <= 0.05 && [...metrics.on, ...metrics.off].every((w) => werrs(w) === 0));
const scaleSmall = JSON.parse(scaleSmallJ), scaleLarge = JSON.parse(scaleLargeJ);
if (scaleSmall && scaleLarge) {
  for (const kind of ['id', 'version']) {
    const a = scaleSmall[kind], b = scaleLarge[kind];
    // The cost of a lookup is the server capacity it takes (1 / req/s): each round's cost ratio is small / large req/s.
    const p99 = (runs) => (runs.reduce((s, w) => s + w.lat_p99_us, 0) / runs.length / 1000).toFixed(2);
    const growth = median(roundRatios(a, b)) - 1;
    check(`random lookup by ${kind === 'id' ? 'id' : 'subject+version'}: 1,000,000 vs 1,000 versions (answer cache off; ${a.length} alternated rounds)`,
      `${f0(mean(b))} vs ${f0(mean(a))} req/s (p99 ${p99(b)} vs ${p99(a)} ms): cost ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(0)}%`,
      'within 20%', growth <= 0.2 && [...a, ...b].every((w) => werrs(w) === 0));
  }
}
const table = peers.results.map((r) => `| ${r.target} | ${f0(r.rps)} | ${r.p50_ms.toFixed(2)} | ${r.p99_ms.toFixed(2)} | ${errs(r)} |`);
const extra = [['lookup GET /schemas/ids/{id}', lookup], ['lookup GET /subjects/{s}/versions/1', lookupVersion], ['batch (1,000 medium docs)', batch]]
  .map(([n, w]) => `| ${n} | ${f0(w.rps)} | ${(w.lat_p50_us / 1000).toFixed(2)} | ${(w.lat_p99_us / 1000).toFixed(2)} | ${werrs(w)} |`);
const md = `# HTTP benchmark ${stamp}

Command: \`bench/http.sh\` (Release build; \`../shared/peers/run.sh\` with \`OURS_URL\`; wrk ${peers.load.threads} threads,
${peers.load.connections} connections, ${peers.load.duration_s} s after ${peers.load.warmup_s} s warm-up; batch with 4 connections).
Machine: ${peers.machine.cpus} cores (${peers.machine.cpu_model}), load before ${peers.machine.loadavg_before}.
wrk shares the cores with the server under test; compare ratios within this run, not absolute numbers across runs.

## Targets

| what | measured | target | verdict |
|---|---|---|---|
${rows.join('\n')}

## All targets of the run

| target | req/s | p50 ms | p99 ms | errors |
|---|---|---|---|---|
${table.join('\n')}
${extra.join('\n')}

Correctness gate: ${peers.correctness_gate.length} checks passed (every schema x valid/invalid on every peer).
Registrations (own schemas): ${reg.registrations} in ${reg.seconds} s over ${reg.subjects} subjects (seeded with ${reg.seed_versions} versions each in ${reg.seed_seconds} s, after a ${reg.warmup_seconds} s warm-up on other subjects), p50 ${reg.p50_ms} ms, p99 ${reg.p99_ms} ms.
Registrations (own schemas, deeper histories): ${regDeep.registrations} in ${regDeep.seconds} s over ${regDeep.subjects} subjects, p50 ${regDeep.p50_ms} ms, p99 ${regDeep.p99_ms} ms.
Registrations (shared schemas): ${regShared.registrations} in ${regShared.seconds} s, p50 ${regShared.p50_ms} ms, p99 ${regShared.p99_ms} ms.
The registry ran with Registry:SchemaCacheCapacity=${process.env.SCHEMA_CACHE || 100000} (the default, 10,000, is smaller than the registration loads' working set) and Registry:Http:InlineCompletions=${process.env.INLINE_COMPLETIONS} (validations and lookups on the socket event threads; off by default). The metrics and scale registries ran with the default scheduling.
`;
fs.writeFileSync(out, md);
console.log(md);
JS
log "wrote $OUT"
