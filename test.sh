#!/usr/bin/env bash
# Runs every test: unit, API (over HTTP), conformance (reading ../shared/conformance in place), real clients, durability.
# Extra arguments go to `dotnet test` (e.g. --filter, --logger).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
exec dotnet test SchemaRegistry.slnx -c Release "$@"
