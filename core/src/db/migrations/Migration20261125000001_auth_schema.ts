import { Migration } from '@mikro-orm/migrations';

/**
 * Supabase-shaped `auth` schema so the same public schema, policies and client code run on
 * the embedded Postgres and on a hosted Supabase project. Every statement is idempotent:
 * on hosted Supabase these objects already exist and are left alone.
 */
export class Migration20261125000001_auth_schema extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pgcrypto;`);
    this.addSql(`
      do $$ begin
        if not exists (select 1 from pg_roles where rolname = 'anon') then create role anon nologin noinherit; end if;
        if not exists (select 1 from pg_roles where rolname = 'authenticated') then create role authenticated nologin noinherit; end if;
        if not exists (select 1 from pg_roles where rolname = 'service_role') then create role service_role nologin noinherit bypassrls; end if;
      end $$;`);
    this.addSql(`create schema if not exists auth;`);
    this.addSql(`grant usage on schema auth to anon, authenticated, service_role;`);

    this.addSql(`
      create table if not exists auth.users (
        instance_id uuid,
        id uuid primary key default gen_random_uuid(),
        aud varchar(255) default 'authenticated',
        role varchar(255) default 'authenticated',
        email varchar(255),
        encrypted_password varchar(255),
        email_confirmed_at timestamptz,
        invited_at timestamptz,
        confirmation_token varchar(255),
        confirmation_sent_at timestamptz,
        recovery_token varchar(255),
        recovery_sent_at timestamptz,
        email_change varchar(255),
        last_sign_in_at timestamptz,
        raw_app_meta_data jsonb default '{}'::jsonb,
        raw_user_meta_data jsonb default '{}'::jsonb,
        is_super_admin boolean,
        phone text,
        phone_confirmed_at timestamptz,
        banned_until timestamptz,
        is_anonymous boolean not null default false,
        created_at timestamptz default now(),
        updated_at timestamptz default now(),
        deleted_at timestamptz
      );`);
    this.addSql(`create unique index if not exists users_email_partial_key on auth.users (lower(email)) where email is not null;`);
    this.addSql(`create index if not exists users_recovery_token_idx on auth.users (recovery_token) where recovery_token is not null;`);

    this.addSql(`
      create table if not exists auth.sessions (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references auth.users(id) on delete cascade,
        created_at timestamptz default now(),
        updated_at timestamptz default now(),
        not_after timestamptz,
        revoked_at timestamptz,
        revoked_reason text,
        user_agent text,
        ip inet
      );`);
    this.addSql(`create index if not exists sessions_user_id_idx on auth.sessions (user_id);`);

    this.addSql(`
      create table if not exists auth.refresh_tokens (
        id bigserial primary key,
        token varchar(255) not null unique,
        user_id varchar(255),
        session_id uuid references auth.sessions(id) on delete cascade,
        parent varchar(255),
        revoked boolean not null default false,
        created_at timestamptz default now(),
        updated_at timestamptz default now()
      );`);
    this.addSql(`create index if not exists refresh_tokens_session_id_idx on auth.refresh_tokens (session_id);`);

    // auth.uid()/role()/jwt() read the request's JWT claims exactly as Supabase's do.
    this.addSql(`
      create or replace function auth.uid() returns uuid language sql stable as $$
        select coalesce(
          nullif(current_setting('request.jwt.claim.sub', true), ''),
          (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
        )::uuid
      $$;`);
    this.addSql(`
      create or replace function auth.role() returns text language sql stable as $$
        select coalesce(
          nullif(current_setting('request.jwt.claim.role', true), ''),
          (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
        )::text
      $$;`);
    this.addSql(`
      create or replace function auth.jwt() returns jsonb language sql stable as $$
        select coalesce(
          nullif(current_setting('request.jwt.claim', true), ''),
          nullif(current_setting('request.jwt.claims', true), '')
        )::jsonb
      $$;`);
    this.addSql(`grant execute on function auth.uid(), auth.role(), auth.jwt() to anon, authenticated, service_role;`);
  }
}
