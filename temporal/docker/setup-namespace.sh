#!/bin/sh
# Once the server answers: the namespace CrossChat uses, and the search attributes its workflows
# set (the worker also registers them at startup; doing it here lets the API start workflows
# before the first worker is up).
set -eu
address="${TEMPORAL_ADDRESS:-temporal:7233}"
namespace="${TEMPORAL_NAMESPACE:-default}"

tries=0
until temporal operator cluster health --address "$address" >/dev/null 2>&1; do
  tries=$((tries + 1))
  [ "$tries" -ge 60 ] && { echo "Temporal at $address is not healthy"; exit 1; }
  sleep 2
done

temporal operator namespace describe --address "$address" -n "$namespace" >/dev/null 2>&1 ||
  temporal operator namespace create --address "$address" -n "$namespace" --retention 72h

# Creating an existing attribute with the same type succeeds; retries cover a namespace that
# was created a moment ago and is not yet known to every server role.
for name in BusinessId ConversationId Platform Status; do
  tries=0
  until temporal operator search-attribute create --address "$address" -n "$namespace" --name "$name" --type Keyword; do
    tries=$((tries + 1))
    [ "$tries" -ge 15 ] && { echo "could not register search attribute $name"; exit 1; }
    sleep 2
  done
done
echo "Temporal namespace '$namespace' is ready"
