#!/bin/sh
# Creates Temporal's two databases on the temporal-db Postgres and brings their schemas up to
# the server version of this admin-tools image. Runs once per `docker compose up`; safe to re-run
# (that is also how a server upgrade gets its schema changes).
set -eu

for db in temporal temporal_visibility; do
  case "$db" in
    temporal) schema=temporal ;;
    *) schema=visibility ;;
  esac
  # The password comes from SQL_PASSWORD in the environment (read by temporal-sql-tool itself).
  sql="temporal-sql-tool --plugin postgres12 --ep ${SQL_HOST} -p ${SQL_PORT:-5432} -u ${SQL_USER} --db $db"
  # The first two fail harmlessly when the database / version table already exist.
  $sql create 2>/dev/null || true
  $sql setup-schema -v 0.0 2>/dev/null || true
  $sql update-schema -d "/etc/temporal/schema/postgresql/v12/$schema/versioned"
done
echo 'Temporal schema is up to date'
