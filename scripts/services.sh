#!/usr/bin/env bash
# Local PostgreSQL + Apache Kafka (KRaft, single node) on loopback, without Docker.
#
#   scripts/services.sh start    start what is not given by the environment, wait until healthy
#   scripts/services.sh stop     stop what this script started
#   scripts/services.sh status   print what runs where
#   scripts/services.sh env      print export lines:  eval "$(scripts/services.sh env)"
#
# If DATABASE_URL is set, PostgreSQL is not provisioned; if KAFKA_BOOTSTRAP_SERVERS is
# set, Kafka is not provisioned: the given values are used (and echoed by `env`).
#
# State (gitignored): <repo>/.local/services/   (override: POLICY_CORE_SERVICES_DIR)
#   env                         the two export lines
#   pg/port  pg/data/  pg/run/  pg/postgres.log
#   kafka/port kafka/controller_port kafka/cluster_id kafka/kafka.pid
#   kafka/libs/ (jars from Maven Central)  kafka/server.properties kafka/log4j2.properties
#   kafka/data/ (log.dirs)  kafka/logs/server.log  kafka/logs/kafka.out
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE_DIR="${POLICY_CORE_SERVICES_DIR:-$REPO_ROOT/.local/services}"
PG_DIR="$STATE_DIR/pg"
KAFKA_DIR="$STATE_DIR/kafka"
KAFKA_POM="$REPO_ROOT/scripts/kafka/pom.xml"

PG_DB=policy_core
PG_SUPERUSER=postgres
PG_TIMEOUT="${PG_TIMEOUT:-30}"
KAFKA_TIMEOUT="${KAFKA_TIMEOUT:-120}"
KAFKA_STOP_TIMEOUT=30
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms512m -Xmx1g}"

# Values given by the caller's environment win over provisioning.
GIVEN_DATABASE_URL="${DATABASE_URL:-}"
GIVEN_KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-}"

# ----------------------------------------------------------------------------- helpers

log() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }
is_root() { [[ "$(id -u)" == 0 ]]; }

# Print the last lines of one or more log files (for failure diagnostics).
show_log_tail() {
    local f
    for f in "$@"; do
        [[ -s "$f" ]] || continue
        printf '[services] ---- last 40 lines of %s ----\n' "$f" >&2
        tail -n 40 "$f" >&2 || true
    done
}

# A free TCP port on 127.0.0.1 (the OS picks it).
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

port_in_use() {
    python3 - "$1" <<'PY'
import socket, sys
s = socket.socket()
s.settimeout(1)
sys.exit(0 if s.connect_ex(("127.0.0.1", int(sys.argv[1]))) == 0 else 1)
PY
}

# Read a remembered port from FILE, or pick a free one and remember it.
remembered_port() {
    local file="$1"
    if [[ ! -s "$file" ]]; then
        free_port >"$file"
    fi
    cat "$file"
}

# Is PID alive and is its command line matching PATTERN?
pid_matches() {
    local pid="$1" pattern="$2"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null \
        && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$pattern"
}

apt_install() {
    is_root || die "need to install $* but not running as root; install it yourself"
    log "installing Debian packages: $*"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    apt-get install -y -q --no-install-recommends "$@" >&2
}

write_env_file() {
    mkdir -p "$STATE_DIR"
    env_lines >"$STATE_DIR/env.tmp" && mv "$STATE_DIR/env.tmp" "$STATE_DIR/env"
}

# ----------------------------------------------------------------------------- PostgreSQL

PG_BIN=""
PG_USER=""   # OS user that owns and runs the cluster (postgres refuses to run as root)

pg_find_bin() {
    local d candidates=()
    [[ -n "$PG_BIN" ]] && return 0
    # Debian's layout first (newest major version), then whatever initdb is on PATH
    # (resolved, since /usr/local/bin may hold symlinks to single tools).
    mapfile -t candidates < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k5 -V -r)
    if command -v initdb >/dev/null 2>&1; then
        candidates+=("$(dirname "$(readlink -f "$(command -v initdb)")")")
    fi
    for d in "${candidates[@]}"; do
        if [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/pg_isready" && -x "$d/psql" ]]; then
            PG_BIN="$d"
            return 0
        fi
    done
    return 1
}

pg_ensure_installed() {
    pg_find_bin && return 0
    is_root || die "PostgreSQL server binaries (initdb, pg_ctl) not found; install PostgreSQL or set DATABASE_URL"
    # Only the binaries are wanted: keep the package from creating and starting its own cluster on 5432.
    mkdir -p /etc/postgresql-common
    if [[ ! -f /etc/postgresql-common/createcluster.conf ]] || ! grep -q '^create_main_cluster' /etc/postgresql-common/createcluster.conf; then
        echo 'create_main_cluster = false' >>/etc/postgresql-common/createcluster.conf
    fi
    apt_install postgresql
    pg_find_bin || die "installed the postgresql package but found no initdb under /usr/lib/postgresql/*/bin"
}

pg_pick_user() {
    if ! is_root; then PG_USER="$(id -un)"; return; fi
    if id -u postgres >/dev/null 2>&1; then
        PG_USER=postgres
    else
        id -u policycore >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin policycore
        PG_USER=policycore
    fi
}

# Run a PostgreSQL server tool as the cluster owner.
as_pg() {
    if is_root; then
        (cd "$STATE_DIR" && runuser -u "$PG_USER" -- "$@")
    else
        "$@"
    fi
}

pg_port() { cat "$PG_DIR/port" 2>/dev/null || true; }

# Unix socket directory: inside the state dir unless the path would be too long for a socket.
pg_socket_dir() {
    if (( ${#PG_DIR} < 80 )); then echo "$PG_DIR/run"; else echo "/tmp"; fi
}

pg_url() { echo "postgresql://$PG_SUPERUSER@127.0.0.1:$(pg_port)/$PG_DB"; }

pg_is_ready() {
    local port; port="$(pg_port)"
    [[ -n "$port" ]] || return 1
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U "$PG_SUPERUSER" -d postgres -t 2 >/dev/null 2>&1
}

pg_is_running() {
    [[ -f "$PG_DIR/data/postmaster.pid" ]] && as_pg "$PG_BIN/pg_ctl" status -D "$PG_DIR/data" >/dev/null 2>&1
}

pg_init_cluster() {
    log "PostgreSQL: initdb in $PG_DIR/data (owner $PG_USER)"
    rm -rf "$PG_DIR/data"
    mkdir -p "$PG_DIR/data"
    is_root && chown -R "$PG_USER" "$PG_DIR"
    as_pg test -w "$PG_DIR/data" \
        || die "user $PG_USER cannot write $PG_DIR/data (a parent directory is not accessible to it?)"
    if ! as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U "$PG_SUPERUSER" --auth=trust -E UTF8 --locale=C \
            >"$PG_DIR/initdb.log" 2>&1; then
        show_log_tail "$PG_DIR/initdb.log"
        die "PostgreSQL initdb failed"
    fi
    # Test-friendly sizing; durability settings (fsync, synchronous_commit, full_page_writes) stay default.
    cat >>"$PG_DIR/data/postgresql.conf" <<'EOF'

# ---- policy-core local services (scripts/services.sh)
listen_addresses = '127.0.0.1'
max_connections = 200
shared_buffers = 256MB
EOF
}

pg_start() {
    if [[ -n "$GIVEN_DATABASE_URL" ]]; then
        log "PostgreSQL: DATABASE_URL given, not provisioning ($GIVEN_DATABASE_URL)"
        return 0
    fi
    pg_ensure_installed
    pg_pick_user
    mkdir -p "$PG_DIR"
    local port; port="$(remembered_port "$PG_DIR/port")"

    if pg_is_running && pg_is_ready; then
        log "PostgreSQL: already running on 127.0.0.1:$port, reusing"
    else
        [[ -f "$PG_DIR/data/PG_VERSION" ]] || pg_init_cluster
        if port_in_use "$port"; then
            die "PostgreSQL: port $port (remembered in $PG_DIR/port) is used by another process; stop it or delete $PG_DIR/port"
        fi
        local sock; sock="$(pg_socket_dir)"
        mkdir -p "$sock"
        is_root && chown -R "$PG_USER" "$PG_DIR"
        log "PostgreSQL: starting on 127.0.0.1:$port ($PG_BIN)"
        if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" \
                -o "-h 127.0.0.1 -p $port -k $sock" -w -t "$PG_TIMEOUT" start >/dev/null; then
            show_log_tail "$PG_DIR/postgres.log"
            die "PostgreSQL did not start within ${PG_TIMEOUT}s (log: $PG_DIR/postgres.log)"
        fi
        local deadline=$((SECONDS + PG_TIMEOUT))
        until pg_is_ready; do
            if (( SECONDS >= deadline )); then
                show_log_tail "$PG_DIR/postgres.log"
                die "PostgreSQL is not accepting connections on 127.0.0.1:$port after ${PG_TIMEOUT}s"
            fi
            sleep 0.5
        done
    fi
    pg_ensure_database "$port"
}

pg_ensure_database() {
    local port="$1"
    local psql=("$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$PG_SUPERUSER" -d postgres)
    if [[ "$("${psql[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != 1 ]]; then
        log "PostgreSQL: creating database $PG_DB"
        "${psql[@]}" -c "CREATE DATABASE $PG_DB" >/dev/null
    fi
}

pg_stop() {
    if [[ -n "$GIVEN_DATABASE_URL" ]]; then
        log "PostgreSQL: DATABASE_URL given, nothing to stop"
        return 0
    fi
    if ! pg_find_bin; then log "PostgreSQL: not installed, nothing to stop"; return 0; fi
    pg_pick_user
    if [[ -f "$PG_DIR/data/postmaster.pid" ]] && pg_is_running; then
        log "PostgreSQL: stopping"
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 60 stop >/dev/null \
            || die "PostgreSQL: pg_ctl stop failed (log: $PG_DIR/postgres.log)"
    else
        log "PostgreSQL: not running"
    fi
}

pg_status() {
    if [[ -n "$GIVEN_DATABASE_URL" ]]; then
        echo "postgres: external  DATABASE_URL=$GIVEN_DATABASE_URL"
        return 0
    fi
    if ! pg_find_bin; then echo "postgres: not installed"; return 0; fi
    pg_pick_user
    local pid="-"
    [[ -f "$PG_DIR/data/postmaster.pid" ]] && pid="$(head -n1 "$PG_DIR/data/postmaster.pid")"
    if pg_is_running && pg_is_ready; then
        echo "postgres: running   pid $pid  127.0.0.1:$(pg_port)  $(pg_url)  data $PG_DIR/data  log $PG_DIR/postgres.log"
    elif pg_is_running; then
        echo "postgres: running but NOT ready  pid $pid  port $(pg_port)  log $PG_DIR/postgres.log"
    else
        echo "postgres: stopped   ${PG_DIR}"
    fi
}

# ----------------------------------------------------------------------------- Kafka

KAFKA_LIBS="$KAFKA_DIR/libs"

kafka_port() { cat "$KAFKA_DIR/port" 2>/dev/null || true; }
kafka_pid() { cat "$KAFKA_DIR/kafka.pid" 2>/dev/null || true; }
kafka_bootstrap() { echo "127.0.0.1:$(kafka_port)"; }

kafka_ensure_tools() {
    local missing=()
    command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
    command -v mvn >/dev/null 2>&1 || missing+=(maven)
    (( ${#missing[@]} == 0 )) || apt_install "${missing[@]}"
}

# Copy the broker's jars from Maven Central (via the local ~/.m2 cache) once per pom.xml content.
kafka_fetch_libs() {
    local stamp; stamp="$(sha256sum "$KAFKA_POM" | cut -d' ' -f1)"
    if [[ -f "$KAFKA_LIBS/.fetched" && "$(cat "$KAFKA_LIBS/.fetched")" == "$stamp" ]]; then
        return 0
    fi
    log "Kafka: fetching jars with Maven ($KAFKA_POM)"
    rm -rf "$KAFKA_LIBS"
    mkdir -p "$KAFKA_LIBS"
    if ! mvn -B -q --no-transfer-progress -f "$KAFKA_POM" dependency:copy-dependencies \
            -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIBS" </dev/null >"$KAFKA_DIR/mvn.log" 2>&1; then
        show_log_tail "$KAFKA_DIR/mvn.log"
        die "Kafka: Maven could not fetch the broker jars (log: $KAFKA_DIR/mvn.log)"
    fi
    echo "$stamp" >"$KAFKA_LIBS/.fetched"
}

kafka_java() {
    java -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.properties" -cp "$KAFKA_LIBS/*" "$@"
}

kafka_write_config() {
    local port="$1" cport="$2"
    mkdir -p "$KAFKA_DIR/data" "$KAFKA_DIR/logs"
    cat >"$KAFKA_DIR/server.properties" <<EOF
# Generated by scripts/services.sh on each start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=6
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=true
delete.topic.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
log.retention.hours=168
EOF
    cat >"$KAFKA_DIR/log4j2.properties" <<EOF
# Generated by scripts/services.sh: broker logs to $KAFKA_DIR/logs/server.log
status = warn
appender.file.type = RollingFile
appender.file.name = FILE
appender.file.fileName = $KAFKA_DIR/logs/server.log
appender.file.filePattern = $KAFKA_DIR/logs/server.log.%i
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
appender.file.policies.type = Policies
appender.file.policies.size.type = SizeBasedTriggeringPolicy
appender.file.policies.size.size = 50MB
appender.file.strategy.type = DefaultRolloverStrategy
appender.file.strategy.max = 3
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = FILE
logger.kafka.name = kafka
logger.kafka.level = INFO
logger.apache.name = org.apache.kafka
logger.apache.level = INFO
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.controller.name = kafka.controller
logger.controller.level = INFO
logger.logcleaner.name = kafka.log.LogCleaner
logger.logcleaner.level = WARN
EOF
}

kafka_format_storage() {
    [[ -f "$KAFKA_DIR/data/meta.properties" ]] && return 0
    local cid
    if [[ -s "$KAFKA_DIR/cluster_id" ]]; then
        cid="$(cat "$KAFKA_DIR/cluster_id")"
    else
        cid="$(kafka_java kafka.tools.StorageTool random-uuid 2>>"$KAFKA_DIR/logs/format.log" | tail -n1)"
        [[ -n "$cid" ]] || { show_log_tail "$KAFKA_DIR/logs/format.log"; die "Kafka: could not generate a cluster id"; }
        echo "$cid" >"$KAFKA_DIR/cluster_id"
    fi
    log "Kafka: formatting storage (cluster id $cid)"
    if ! kafka_java kafka.tools.StorageTool format -t "$cid" -c "$KAFKA_DIR/server.properties" \
            >>"$KAFKA_DIR/logs/format.log" 2>&1; then
        show_log_tail "$KAFKA_DIR/logs/format.log"
        die "Kafka: storage format failed (log: $KAFKA_DIR/logs/format.log)"
    fi
}

# Healthy = the broker answers a Metadata request (v4, the oldest version Kafka 4 accepts)
# with at least one broker. Plain socket, so it needs no client library.
kafka_is_ready() {
    local port; port="$(kafka_port)"
    [[ -n "$port" ]] || return 1
    python3 - "$port" <<'PY' 2>/dev/null
import socket, struct, sys
port = int(sys.argv[1])
client = b"services.sh"
# Request header v1: api_key=3 (Metadata), api_version=4, correlation_id, client_id
# Body v4: topics = null (all), allow_auto_topic_creation = false
body = struct.pack(">hhih", 3, 4, 7, len(client)) + client + struct.pack(">ib", -1, 0)
with socket.create_connection(("127.0.0.1", port), timeout=3) as s:
    s.settimeout(3)
    s.sendall(struct.pack(">i", len(body)) + body)
    def read(n):
        buf = b""
        while len(buf) < n:
            chunk = s.recv(n - len(buf))
            if not chunk:
                raise EOFError
            buf += chunk
        return buf
    size, = struct.unpack(">i", read(4))
    resp = read(size)
corr, _throttle, nbrokers = struct.unpack(">iii", resp[:12])
sys.exit(0 if corr == 7 and nbrokers >= 1 else 1)
PY
}

kafka_is_running() { pid_matches "$(kafka_pid)" 'kafka\.Kafka'; }

kafka_start() {
    if [[ -n "$GIVEN_KAFKA_BOOTSTRAP_SERVERS" ]]; then
        log "Kafka: KAFKA_BOOTSTRAP_SERVERS given, not provisioning ($GIVEN_KAFKA_BOOTSTRAP_SERVERS)"
        return 0
    fi
    mkdir -p "$KAFKA_DIR/logs"
    local port cport
    port="$(remembered_port "$KAFKA_DIR/port")"
    cport="$(remembered_port "$KAFKA_DIR/controller_port")"

    if kafka_is_running; then
        if kafka_is_ready; then
            log "Kafka: already running on 127.0.0.1:$port (pid $(kafka_pid)), reusing"
            return 0
        fi
        log "Kafka: process $(kafka_pid) exists but is not ready yet, waiting"
    else
        kafka_ensure_tools
        kafka_fetch_libs
        local p
        for p in "$port" "$cport"; do
            port_in_use "$p" && die "Kafka: port $p (remembered in $KAFKA_DIR) is used by another process; stop it or delete $KAFKA_DIR/port and $KAFKA_DIR/controller_port"
        done
        kafka_write_config "$port" "$cport"
        kafka_format_storage
        log "Kafka: starting broker+controller on 127.0.0.1:$port (controller 127.0.0.1:$cport)"
        : >"$KAFKA_DIR/logs/kafka.out"
        # New session so the broker outlives this shell (and CI step); the wrapper shell
        # records its own pid and then execs java, so the pid file holds the JVM's pid.
        # shellcheck disable=SC2086,SC2016
        setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$KAFKA_DIR/kafka.pid" \
            java $KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
            -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.properties" \
            -Dkafka.logs.dir="$KAFKA_DIR/logs" \
            -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_DIR/server.properties" \
            </dev/null >>"$KAFKA_DIR/logs/kafka.out" 2>&1 &
        local waited=0
        until [[ -s "$KAFKA_DIR/kafka.pid" ]] || (( waited >= 50 )); do sleep 0.1; waited=$((waited + 1)); done
    fi

    local deadline=$((SECONDS + KAFKA_TIMEOUT))
    until kafka_is_ready; do
        if ! kafka_is_running; then
            show_log_tail "$KAFKA_DIR/logs/kafka.out" "$KAFKA_DIR/logs/server.log"
            die "Kafka exited during startup (logs: $KAFKA_DIR/logs/)"
        fi
        if (( SECONDS >= deadline )); then
            show_log_tail "$KAFKA_DIR/logs/kafka.out" "$KAFKA_DIR/logs/server.log"
            die "Kafka did not answer a metadata request on 127.0.0.1:$port within ${KAFKA_TIMEOUT}s (pid $(kafka_pid) left running; 'scripts/services.sh stop' ends it)"
        fi
        sleep 1
    done
    log "Kafka: ready on 127.0.0.1:$port (pid $(kafka_pid))"
}

kafka_stop() {
    if [[ -n "$GIVEN_KAFKA_BOOTSTRAP_SERVERS" ]]; then
        log "Kafka: KAFKA_BOOTSTRAP_SERVERS given, nothing to stop"
        return 0
    fi
    local pid; pid="$(kafka_pid)"
    if ! kafka_is_running; then
        log "Kafka: not running"
        rm -f "$KAFKA_DIR/kafka.pid"
        return 0
    fi
    log "Kafka: stopping (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + KAFKA_STOP_TIMEOUT))
    while kill -0 "$pid" 2>/dev/null; do
        if (( SECONDS >= deadline )); then
            log "Kafka: still running after ${KAFKA_STOP_TIMEOUT}s, sending SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
            sleep 1
            break
        fi
        sleep 0.5
    done
    rm -f "$KAFKA_DIR/kafka.pid"
}

kafka_status() {
    if [[ -n "$GIVEN_KAFKA_BOOTSTRAP_SERVERS" ]]; then
        echo "kafka:    external  KAFKA_BOOTSTRAP_SERVERS=$GIVEN_KAFKA_BOOTSTRAP_SERVERS"
        return 0
    fi
    if kafka_is_running && kafka_is_ready; then
        echo "kafka:    running   pid $(kafka_pid)  $(kafka_bootstrap)  controller 127.0.0.1:$(cat "$KAFKA_DIR/controller_port")  data $KAFKA_DIR/data  log $KAFKA_DIR/logs/server.log"
    elif kafka_is_running; then
        echo "kafka:    running but NOT ready  pid $(kafka_pid)  port $(kafka_port)  log $KAFKA_DIR/logs/server.log"
    else
        echo "kafka:    stopped   $KAFKA_DIR"
    fi
}

# ----------------------------------------------------------------------------- commands

# The two export lines: given values win, otherwise the local services' remembered ports.
env_lines() {
    local db="$GIVEN_DATABASE_URL" kafka="$GIVEN_KAFKA_BOOTSTRAP_SERVERS"
    if [[ -z "$db" ]]; then
        [[ -n "$(pg_port)" ]] || die "PostgreSQL has no port yet: run 'scripts/services.sh start' first (or set DATABASE_URL)"
        db="$(pg_url)"
    fi
    if [[ -z "$kafka" ]]; then
        [[ -n "$(kafka_port)" ]] || die "Kafka has no port yet: run 'scripts/services.sh start' first (or set KAFKA_BOOTSTRAP_SERVERS)"
        kafka="$(kafka_bootstrap)"
    fi
    printf 'export DATABASE_URL=%q\n' "$db"
    printf 'export KAFKA_BOOTSTRAP_SERVERS=%q\n' "$kafka"
}

cmd_start() {
    local t0=$SECONDS
    mkdir -p "$STATE_DIR"
    pg_start
    kafka_start
    write_env_file
    log "ready in $((SECONDS - t0))s; environment in $STATE_DIR/env:"
    sed 's/^/[services]   /' "$STATE_DIR/env" >&2
}

cmd_stop() {
    kafka_stop
    pg_stop
}

cmd_status() {
    pg_status
    kafka_status
    [[ -f "$STATE_DIR/env" ]] && echo "env file: $STATE_DIR/env"
    return 0
}

usage() {
    sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

main() {
    case "${1:-}" in
        start) cmd_start ;;
        stop) cmd_stop ;;
        status) cmd_status ;;
        env) env_lines ;;
        restart) cmd_stop; cmd_start ;;
        -h|--help|help) usage ;;
        *) usage >&2; exit 2 ;;
    esac
}

main "$@"
