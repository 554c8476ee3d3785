import { Migration } from '@mikro-orm/migrations';

/** Snoozing keeps a conversation `pending` until a time; the conversation workflow reopens it. */
export class Migration20261125000010_conversation_snooze extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      ALTER TABLE conversations ADD COLUMN snoozed_until TIMESTAMPTZ;
      CREATE INDEX idx_conversations_business_activity
        ON conversations (business_id, (COALESCE(last_message_at, created_at)) DESC, id DESC)
        WHERE deleted_at IS NULL;
      CREATE INDEX idx_conversations_tags ON conversations USING GIN (tags);`);
  }
}
