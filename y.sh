#!/usr/bin/env bash
# Entry point of the build system: installs the pinned toolchain, then runs build_system/ with all arguments.
set -euo pipefail

# rust-toolchain.toml and the relative paths of the build system are resolved from the repository root.
cd "$(dirname "${BASH_SOURCE[0]}")"

# RUSTUP_AUTO_INSTALL=0 on our machines: the pinned toolchain is only there if we install it.
echo "[y.sh] toolchain from rust-toolchain.toml" >&2
rustup toolchain install >&2

echo "[y.sh] build system" >&2
exec cargo run --quiet --manifest-path build_system/Cargo.toml --target-dir build/build_system -- "$@"
