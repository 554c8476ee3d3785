import type { EntityManager } from '@mikro-orm/postgresql';
import { CustomerSchema, type Customer, type PlatformIdentifiers } from '../db/entities/customer.js';

export type IdentityPlatform = keyof PlatformIdentifiers;

export interface CustomerProfile {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  avatar_url?: string | null;
}

/**
 * One profile per person: finds the business's customer by platform identifier (then by
 * email), else creates one, and fills in profile fields that were empty. Concurrent calls for
 * the same identifier are serialised by an advisory lock so a person never gets two profiles.
 */
export const customerLockKey = (businessId: string, platform: string, externalId: string) => `customer:${businessId}:${platform}:${externalId}`;

/** The business's (not deleted) customer known on `platform` by `externalId`, if any. */
export async function findCustomerByIdentifier(em: EntityManager, businessId: string, platform: IdentityPlatform, externalId: string): Promise<Customer | null> {
  const [row] = await em.getConnection().execute<{ id: string }[]>(
    `select id from customers where business_id = ? and deleted_at is null and platform_identifiers ->> ? = ? limit 1`,
    [businessId, platform, externalId], 'all', em.getTransactionContext(),
  );
  return row ? em.findOneOrFail(CustomerSchema, { id: row.id }) : null;
}

export async function upsertCustomerByIdentifier(
  em: EntityManager,
  businessId: string,
  platform: IdentityPlatform,
  externalId: string,
  profile: CustomerProfile = {},
): Promise<Customer> {
  return em.transactional(async (tx) => {
    await tx.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [customerLockKey(businessId, platform, externalId)], 'all', tx.getTransactionContext());
    let customer = await findCustomerByIdentifier(tx, businessId, platform, externalId);
    if (!customer && profile.email) {
      customer = await tx.findOne(CustomerSchema, { business_id: businessId, email: profile.email.toLowerCase(), deleted_at: null });
    }
    if (!customer) {
      customer = tx.create(CustomerSchema, {
        business_id: businessId,
        name: profile.name ?? null,
        email: profile.email?.toLowerCase() ?? null,
        phone: profile.phone ?? null,
        avatar_url: profile.avatar_url ?? null,
        platform_identifiers: { [platform]: externalId },
        metadata: {},
        tags: [],
      } as never);
    } else {
      customer.platform_identifiers = { ...(customer.platform_identifiers ?? {}), [platform]: externalId };
      customer.name ??= profile.name ?? null;
      customer.email ??= profile.email?.toLowerCase() ?? null;
      customer.phone ??= profile.phone ?? null;
      customer.avatar_url ??= profile.avatar_url ?? null;
    }
    // last_contact_at is the database's: the trigger on customer messages keeps it.
    await tx.flush();
    return customer;
  });
}
