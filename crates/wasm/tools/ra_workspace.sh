#!/bin/sh
# Copies crates/wasm, crates/wasm-macros and the gc examples into a two-member workspace at $1, so
# that rust-analyzer analyzes exactly these crates (the full workspace would make it `cargo check`
# the backend and the runner first). Usage: crates/wasm/tools/ra_workspace.sh /tmp/wasm-ra
set -eu
repo=$(cd "$(dirname "$0")/../../.." && pwd)
out=$1
rm -rf "$out"
mkdir -p "$out/crates" "$out/example"
cp -r "$repo/crates/wasm" "$repo/crates/wasm-macros" "$out/crates/"
cp "$repo"/example/gc_binary_trees.rs "$repo"/example/gc_graph.rs "$repo"/example/externref_host.rs "$out/example/"
cat > "$out/Cargo.toml" <<'TOML'
[workspace]
resolver = "2"
members = ["crates/wasm", "crates/wasm-macros"]

[workspace.package]
edition = "2024"
license = "MIT OR Apache-2.0"
TOML
[ -f "$repo/Cargo.lock" ] && cp "$repo/Cargo.lock" "$out/" || true
