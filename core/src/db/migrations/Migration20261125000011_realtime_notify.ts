import { Migration } from '@mikro-orm/migrations';

/**
 * Row changes the dashboard listens to are published with pg_notify on `crosschat_changes`;
 * every API instance LISTENs and fans out to its own WebSocket subscribers. Rows too large
 * for NOTIFY's 8000-byte payload are announced by id and re-read by the listener.
 */
export class Migration20261125000011_realtime_notify extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE OR REPLACE FUNCTION public.crosschat_notify_change() RETURNS TRIGGER
      LANGUAGE plpgsql AS $$
      DECLARE
        rec jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
        old_rec jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE jsonb_build_object('id', OLD.id) END;
        envelope jsonb;
        body text;
      BEGIN
        envelope := jsonb_build_object(
          'schema', TG_TABLE_SCHEMA,
          'table', TG_TABLE_NAME,
          'type', TG_OP,
          'commit_timestamp', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'id', COALESCE(NEW.id, OLD.id),
          'record', rec,
          'old_record', old_rec
        );
        IF TG_OP = 'DELETE' THEN
          envelope := envelope || jsonb_build_object('old_record', to_jsonb(OLD));
        END IF;
        body := envelope::text;
        IF octet_length(body) > 7900 THEN
          body := (envelope - 'record' || jsonb_build_object('record', NULL, 'truncated', true,
                   'old_record', jsonb_build_object('id', COALESCE(NEW.id, OLD.id))))::text;
        END IF;
        PERFORM pg_notify('crosschat_changes', body);
        RETURN NULL;
      END;
      $$;`);
    for (const table of ['messages', 'conversations', 'notifications', 'team_members']) {
      this.addSql(`CREATE TRIGGER ${table}_realtime_notify AFTER INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION public.crosschat_notify_change();`);
    }
  }
}
