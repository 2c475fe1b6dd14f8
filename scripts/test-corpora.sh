#!/usr/bin/env bash
# Tests that read the externally written corpora in ../shared/data (present in CI, never copied into the
# repository): MIME parsing, reply stripping, automated-mail detection and intent accuracy.
set -euo pipefail
cd "$(dirname "$0")/.."
export DRAFTDESK_SHARED_DATA="${DRAFTDESK_SHARED_DATA:-$(cd .. && pwd)/shared/data}"
if [ ! -d "$DRAFTDESK_SHARED_DATA" ]; then
  echo "corpora: $DRAFTDESK_SHARED_DATA not found; set DRAFTDESK_SHARED_DATA" >&2
  exit 1
fi
mkdir -p test-artifacts
npx jest --ci --config jest.corpora.config.js --runInBand --json --outputFile=test-artifacts/jest-corpora.json
