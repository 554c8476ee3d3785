import { Migration } from '@mikro-orm/migrations';

/**
 * What the product needs beside the spec's 11 tables: invitations, the inbound-events
 * ledger for idempotent webhooks, write policies for the same tenancy rule as the spec's
 * read policies, the auth.users → public.users bridge, grants, the realtime publication
 * and the plan catalogue.
 */
export class Migration20261125000003_tenancy_and_platform extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE invitations (
        id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id UUID NOT NULL REFERENCES businesses(id) ON DELETE CASCADE,
        email VARCHAR(255) NOT NULL,
        role VARCHAR(50) NOT NULL CHECK (role IN ('admin', 'manager', 'agent', 'limited_agent')),
        token_hash VARCHAR(128) NOT NULL UNIQUE,
        invited_by UUID REFERENCES users(id) ON DELETE SET NULL,
        expires_at TIMESTAMPTZ NOT NULL,
        accepted_at TIMESTAMPTZ,
        accepted_by UUID REFERENCES users(id) ON DELETE SET NULL,
        revoked_at TIMESTAMPTZ,
        created_at TIMESTAMPTZ DEFAULT NOW(),
        updated_at TIMESTAMPTZ DEFAULT NOW()
      );
      CREATE INDEX idx_invitations_business ON invitations(business_id);
      CREATE UNIQUE INDEX uq_invitations_pending ON invitations(business_id, lower(email))
        WHERE accepted_at IS NULL AND revoked_at IS NULL;
      CREATE TRIGGER update_invitations_updated_at BEFORE UPDATE ON invitations
        FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();`);

    // Every webhook delivery is recorded once; a repeat hits the unique key and changes nothing.
    this.addSql(`
      CREATE TABLE inbound_events (
        id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id UUID REFERENCES businesses(id) ON DELETE CASCADE,
        source VARCHAR(50) NOT NULL,
        external_id VARCHAR(255) NOT NULL,
        payload JSONB NOT NULL DEFAULT '{}'::jsonb,
        status VARCHAR(20) NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'processed', 'ignored', 'failed')),
        error TEXT,
        received_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        processed_at TIMESTAMPTZ,
        UNIQUE (source, external_id)
      );
      CREATE INDEX idx_inbound_events_business ON inbound_events(business_id, received_at DESC);`);

    // Supabase's usual bridge: an auth user gets a public profile row.
    this.addSql(`
      CREATE OR REPLACE FUNCTION public.handle_new_auth_user() RETURNS TRIGGER
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        INSERT INTO public.users (id, email, full_name, avatar_url)
        VALUES (NEW.id, NEW.email, NEW.raw_user_meta_data ->> 'full_name', NEW.raw_user_meta_data ->> 'avatar_url')
        ON CONFLICT (id) DO NOTHING;
        RETURN NEW;
      END;
      $$;
      DROP TRIGGER IF EXISTS on_auth_user_created ON auth.users;
      CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users
        FOR EACH ROW EXECUTE FUNCTION public.handle_new_auth_user();`);

    this.addSql(`
      CREATE OR REPLACE FUNCTION public.handle_auth_user_updated() RETURNS TRIGGER
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        UPDATE public.users SET
          email = NEW.email,
          full_name = COALESCE(NEW.raw_user_meta_data ->> 'full_name', full_name),
          avatar_url = COALESCE(NEW.raw_user_meta_data ->> 'avatar_url', avatar_url)
        WHERE id = NEW.id;
        RETURN NEW;
      END;
      $$;
      DROP TRIGGER IF EXISTS on_auth_user_updated ON auth.users;
      CREATE TRIGGER on_auth_user_updated AFTER UPDATE OF email, raw_user_meta_data ON auth.users
        FOR EACH ROW EXECUTE FUNCTION public.handle_auth_user_updated();`);

    // Write policies: the same tenancy rule as the spec's read policies.
    this.addSql(`
      ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
      ALTER TABLE inbound_events ENABLE ROW LEVEL SECURITY;
      ALTER TABLE subscription_plans ENABLE ROW LEVEL SECURITY;

      CREATE POLICY "Members can update their businesses" ON businesses
        FOR UPDATE USING (id IN (SELECT get_user_businesses(auth.uid())))
        WITH CHECK (id IN (SELECT get_user_businesses(auth.uid())));

      CREATE POLICY "Users can view themselves and teammates" ON users
        FOR SELECT USING (
          id = auth.uid() OR id IN (
            SELECT tm.user_id FROM team_members tm
            WHERE tm.business_id IN (SELECT get_user_businesses(auth.uid()))
          )
        );
      CREATE POLICY "Users can update themselves" ON users
        FOR UPDATE USING (id = auth.uid()) WITH CHECK (id = auth.uid());

      CREATE POLICY "Members can write team members in their businesses" ON team_members
        FOR ALL USING (business_id IN (SELECT get_user_businesses(auth.uid())))
        WITH CHECK (business_id IN (SELECT get_user_businesses(auth.uid())));

      CREATE POLICY "Members can write customers in their businesses" ON customers
        FOR ALL USING (business_id IN (SELECT get_user_businesses(auth.uid())))
        WITH CHECK (business_id IN (SELECT get_user_businesses(auth.uid())));

      CREATE POLICY "Members can write conversations in their businesses" ON conversations
        FOR ALL USING (business_id IN (SELECT get_user_businesses(auth.uid())))
        WITH CHECK (business_id IN (SELECT get_user_businesses(auth.uid())));

      CREATE POLICY "Members can write messages in their businesses" ON messages
        FOR ALL USING (business_id IN (SELECT get_user_businesses(auth.uid())))
        WITH CHECK (
          business_id IN (SELECT get_user_businesses(auth.uid()))
          AND conversation_id IN (SELECT c.id FROM conversations c WHERE c.business_id = messages.business_id)
        );

      CREATE POLICY "Members can use integrations of their businesses" ON platform_integrations
        FOR ALL USING (business_id IN (SELECT get_user_businesses(auth.uid())))
        WITH CHECK (business_id IN (SELECT get_user_businesses(auth.uid())));

      CREATE POLICY "Users can update their own notifications" ON notifications
        FOR UPDATE USING (user_id = auth.uid()) WITH CHECK (user_id = auth.uid());
      CREATE POLICY "Users can delete their own notifications" ON notifications
        FOR DELETE USING (user_id = auth.uid());

      CREATE POLICY "Members can use chatbots of their businesses" ON ai_chatbots
        FOR ALL USING (business_id IN (SELECT get_user_businesses(auth.uid())))
        WITH CHECK (business_id IN (SELECT get_user_businesses(auth.uid())));

      CREATE POLICY "Members can use webhooks of their businesses" ON webhooks
        FOR ALL USING (business_id IN (SELECT get_user_businesses(auth.uid())))
        WITH CHECK (business_id IN (SELECT get_user_businesses(auth.uid())));

      CREATE POLICY "Members can view invitations of their businesses" ON invitations
        FOR SELECT USING (business_id IN (SELECT get_user_businesses(auth.uid())));

      CREATE POLICY "Anyone signed in can read the plan catalogue" ON subscription_plans
        FOR SELECT USING (is_active);`);

    this.addSql(`
      GRANT USAGE ON SCHEMA public TO anon, authenticated, service_role;
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO authenticated, service_role;
      GRANT SELECT ON subscription_plans TO anon;
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO authenticated, service_role;
      GRANT EXECUTE ON FUNCTION get_user_businesses(uuid) TO authenticated, service_role;`);

    this.addSql(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'supabase_realtime') THEN
          CREATE PUBLICATION supabase_realtime;
        END IF;
      END $$;
      ALTER PUBLICATION supabase_realtime ADD TABLE messages, conversations, notifications, team_members;`);

    this.addSql(`
      INSERT INTO subscription_plans (name, slug, description, price_monthly, price_yearly, limits, features) VALUES
      ('Starter', 'starter', 'One inbox for a small team getting started.', 19, 190,
        '{"team_members": 2, "conversations_per_month": 500, "integrations": ["email", "widget"], "ai_messages_per_month": 0, "storage_gb": 1, "api_calls_per_month": 1000}',
        '{"unified_inbox": true, "team_collaboration": true, "ai_chatbot": false, "advanced_routing": false, "analytics": "basic", "api_access": false, "custom_branding": false, "priority_support": false}'),
      ('Professional', 'professional', 'Every channel, automation and an AI assistant.', 49, 490,
        '{"team_members": 10, "conversations_per_month": 5000, "integrations": ["email", "widget", "whatsapp", "instagram", "facebook", "telegram", "twitter", "sms"], "ai_messages_per_month": 2000, "storage_gb": 10, "api_calls_per_month": 50000}',
        '{"unified_inbox": true, "team_collaboration": true, "ai_chatbot": true, "advanced_routing": true, "analytics": "advanced", "api_access": true, "custom_branding": false, "priority_support": false}'),
      ('Business', 'business', 'Larger teams with SLAs, voice and custom branding.', 99, 990,
        '{"team_members": 50, "conversations_per_month": 50000, "integrations": ["email", "widget", "whatsapp", "instagram", "facebook", "telegram", "twitter", "sms", "voice_call"], "ai_messages_per_month": 20000, "storage_gb": 100, "api_calls_per_month": 500000}',
        '{"unified_inbox": true, "team_collaboration": true, "ai_chatbot": true, "advanced_routing": true, "analytics": "advanced", "api_access": true, "custom_branding": true, "priority_support": true}'),
      ('Enterprise', 'enterprise', 'Unlimited scale, SSO and a named success manager.', 299, 2990,
        '{"team_members": -1, "conversations_per_month": -1, "integrations": ["email", "widget", "whatsapp", "instagram", "facebook", "telegram", "twitter", "sms", "voice_call"], "ai_messages_per_month": -1, "storage_gb": 1000, "api_calls_per_month": -1}',
        '{"unified_inbox": true, "team_collaboration": true, "ai_chatbot": true, "advanced_routing": true, "analytics": "advanced", "api_access": true, "custom_branding": true, "priority_support": true}')
      ON CONFLICT (slug) DO NOTHING;`);
  }
}
