import { Migration } from '@mikro-orm/migrations';

/** Saved replies agents insert with `/shortcut` in the composer. */
export class Migration20261125000012_canned_responses extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE canned_responses (
        id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id UUID NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
        shortcut VARCHAR(50) NOT NULL CHECK (shortcut ~ '^[a-z0-9][a-z0-9_-]*$'),
        content TEXT NOT NULL CHECK (length(content) BETWEEN 1 AND 5000),
        created_by UUID REFERENCES users(id) ON DELETE SET NULL,
        created_at TIMESTAMPTZ DEFAULT NOW(),
        updated_at TIMESTAMPTZ DEFAULT NOW(),
        UNIQUE (business_id, shortcut)
      );
      CREATE TRIGGER update_canned_responses_updated_at BEFORE UPDATE ON canned_responses
        FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
      ALTER TABLE canned_responses ENABLE ROW LEVEL SECURITY;
      CREATE POLICY "Members can use canned responses of their businesses" ON canned_responses
        FOR ALL USING (business_id IN (SELECT get_user_businesses(auth.uid())))
        WITH CHECK (business_id IN (SELECT get_user_businesses(auth.uid())));
      GRANT SELECT, INSERT, UPDATE, DELETE ON canned_responses TO authenticated, service_role;`);
  }
}
