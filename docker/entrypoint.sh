#!/bin/sh
# Starts dist/apps/$APP/src/main.js; extra arguments go to the app. exec keeps node the direct child
# of tini so SIGTERM reaches it.
set -eu

app="${APP:-}"
case "$app" in
  '' )
    echo "draftdesk: APP is not set (expected one of: $(ls dist/apps 2>/dev/null | tr '\n' ' '))" >&2
    exit 64 ;;
  *[!a-z0-9-]* )
    echo "draftdesk: APP '$app' is not a valid app name" >&2
    exit 64 ;;
esac

entry="dist/apps/$app/src/main.js"
if [ ! -f "$entry" ]; then
  echo "draftdesk: no entry point $entry in $(pwd)" >&2
  exit 66
fi

exec node "$entry" "$@"
