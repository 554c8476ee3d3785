import { Migration } from '@mikro-orm/migrations';

/**
 * Closes holes in the row-level-security wall that a signed-in user could use through
 * PostgREST / supabase-js with their own JWT (hosted Supabase exposes every public table and
 * function):
 *
 * - `get_user_businesses(uuid)` is callable as an RPC and answered for ANY user id, so anyone
 *   signed in could list another user's businesses. It now answers only for `auth.uid()`, skips
 *   soft-deleted businesses (a deleted business disappears behind RLS too, as in the API), and
 *   resolves names with an empty search_path, as SECURITY DEFINER functions must.
 * - Any member (even a limited agent) could UPDATE their business row, including
 *   subscription_status, plan_type, trial_ends_at and deleted_at, and INSERT/UPDATE/DELETE
 *   team_members of their business (make themselves owner, remove the owner). Now only owners
 *   and admins write the profile and settings columns and team members, and only owners write
 *   owner rows; billing columns are not writable with a user's JWT at all.
 * - Users could rewrite `public.users.email` (teammates would see a spoofed address) and every
 *   column of their notifications; now only profile/presence columns and the read state.
 * - `mikro_orm_migrations` was readable and writable by `authenticated` (no RLS on it).
 */
export class Migration20261125000014_rls_hardening extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE OR REPLACE FUNCTION public.get_user_businesses(user_uuid UUID)
      RETURNS TABLE(business_id UUID)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $$
        SELECT tm.business_id
          FROM public.team_members tm
          JOIN public.businesses b ON b.id = tm.business_id
         WHERE tm.user_id = user_uuid
           AND user_uuid = auth.uid()
           AND tm.is_active
           AND b.deleted_at IS NULL
      $$;

      CREATE OR REPLACE FUNCTION public.get_user_businesses_with_role(user_uuid UUID, roles TEXT[])
      RETURNS TABLE(business_id UUID)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = '' AS $$
        SELECT tm.business_id
          FROM public.team_members tm
          JOIN public.businesses b ON b.id = tm.business_id
         WHERE tm.user_id = user_uuid
           AND user_uuid = auth.uid()
           AND tm.is_active
           AND tm.role = ANY (roles)
           AND b.deleted_at IS NULL
      $$;

      REVOKE ALL ON FUNCTION public.get_user_businesses(uuid) FROM PUBLIC, anon;
      REVOKE ALL ON FUNCTION public.get_user_businesses_with_role(uuid, text[]) FROM PUBLIC, anon;
      GRANT EXECUTE ON FUNCTION public.get_user_businesses(uuid) TO authenticated, service_role;
      GRANT EXECUTE ON FUNCTION public.get_user_businesses_with_role(uuid, text[]) TO authenticated, service_role;`);

    this.addSql(`
      DROP POLICY IF EXISTS "Members can update their businesses" ON businesses;
      CREATE POLICY "Owners and admins can update their businesses" ON businesses
        FOR UPDATE
        USING (id IN (SELECT public.get_user_businesses_with_role(auth.uid(), '{owner,admin}')))
        WITH CHECK (id IN (SELECT public.get_user_businesses_with_role(auth.uid(), '{owner,admin}')));
      REVOKE UPDATE ON businesses FROM authenticated;
      GRANT UPDATE (name, email, phone, website, settings, metadata) ON businesses TO authenticated;

      DROP POLICY IF EXISTS "Members can write team members in their businesses" ON team_members;
      CREATE POLICY "Owners and admins can add team members" ON team_members
        FOR INSERT
        WITH CHECK (
          business_id IN (SELECT public.get_user_businesses_with_role(auth.uid(), '{owner,admin}'))
          AND (role <> 'owner' OR business_id IN (SELECT public.get_user_businesses_with_role(auth.uid(), '{owner}')))
        );
      CREATE POLICY "Owners and admins can update team members" ON team_members
        FOR UPDATE
        USING (
          business_id IN (SELECT public.get_user_businesses_with_role(auth.uid(), '{owner,admin}'))
          AND (role <> 'owner' OR business_id IN (SELECT public.get_user_businesses_with_role(auth.uid(), '{owner}')))
        )
        WITH CHECK (
          business_id IN (SELECT public.get_user_businesses_with_role(auth.uid(), '{owner,admin}'))
          AND (role <> 'owner' OR business_id IN (SELECT public.get_user_businesses_with_role(auth.uid(), '{owner}')))
        );
      CREATE POLICY "Owners and admins can remove team members" ON team_members
        FOR DELETE
        USING (
          business_id IN (SELECT public.get_user_businesses_with_role(auth.uid(), '{owner,admin}'))
          AND (role <> 'owner' OR business_id IN (SELECT public.get_user_businesses_with_role(auth.uid(), '{owner}')))
        );`);

    this.addSql(`
      REVOKE UPDATE ON users FROM authenticated;
      GRANT UPDATE (full_name, avatar_url, preferences, status, last_seen_at) ON users TO authenticated;
      REVOKE UPDATE ON notifications FROM authenticated;
      GRANT UPDATE (read_status, read_at) ON notifications TO authenticated;
      REVOKE ALL ON mikro_orm_migrations FROM anon, authenticated;
      REVOKE ALL ON SEQUENCE mikro_orm_migrations_id_seq FROM anon, authenticated;`);
  }
}
