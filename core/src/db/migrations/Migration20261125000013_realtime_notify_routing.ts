import { Migration } from '@mikro-orm/migrations';

/**
 * The change envelope carries its routing keys at the top level (business_id, user_id,
 * conversation_id) plus `old_keys`, the routing columns of the row before an UPDATE or DELETE,
 * so every listener can authorize a change without the record: rows larger than NOTIFY's
 * 8000-byte payload are announced without it and re-read, and a deleted row cannot be re-read.
 */
export class Migration20261125000013_realtime_notify_routing extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE OR REPLACE FUNCTION public.crosschat_notify_change() RETURNS TRIGGER
      LANGUAGE plpgsql AS $$
      DECLARE
        rec jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
        old_full jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;
        current_row jsonb := COALESCE(rec, old_full);
        old_keys jsonb;
        envelope jsonb;
        body text;
      BEGIN
        IF old_full IS NOT NULL THEN
          SELECT COALESCE(jsonb_object_agg(key, value), '{}'::jsonb) INTO old_keys
            FROM jsonb_each(old_full)
           WHERE key IN ('id', 'business_id', 'user_id', 'conversation_id', 'assigned_to', 'is_internal_note', 'is_active', 'role');
        END IF;
        envelope := jsonb_build_object(
          'schema', TG_TABLE_SCHEMA,
          'table', TG_TABLE_NAME,
          'type', TG_OP,
          'commit_timestamp', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'id', current_row -> 'id',
          'business_id', current_row -> 'business_id',
          'user_id', current_row -> 'user_id',
          'conversation_id', current_row -> 'conversation_id',
          'record', rec,
          'old_record', CASE WHEN old_full IS NULL THEN NULL ELSE jsonb_build_object('id', old_full -> 'id') END,
          'old_keys', old_keys
        );
        body := envelope::text;
        IF octet_length(body) > 7900 THEN
          body := (jsonb_set(envelope, '{record}', 'null'::jsonb) || jsonb_build_object('truncated', true))::text;
        END IF;
        PERFORM pg_notify('crosschat_changes', body);
        RETURN NULL;
      END;
      $$;`);
  }
}
