import { randomBytes } from 'node:crypto';
import { ConflictException, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  BusinessSchema, DEFAULT_BUSINESS_SETTINGS, ROLE_PERMISSIONS, TeamMemberSchema, mergeSettings,
  type Business, type BusinessSettings, type Role, type Settings,
} from '@crosschat/core';
import { SETTINGS } from '../config/settings.module.js';
import { SubscriptionService } from '../billing/subscription.service.js';
import type { Membership } from '../tenancy/tenant-access.service.js';
import { slugify } from './slug.js';
import type { CreateBusinessDto, UpdateBusinessDto, UpdateSettingsDto } from './dto/business.dto.js';

export type BusinessWithRole = Business & { role: Role };

@Injectable()
export class BusinessesService {
  constructor(
    private readonly em: EntityManager,
    private readonly subscriptions: SubscriptionService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /**
   * Creates the business with the caller as owner and starts its trial workflow, in one
   * transaction: if Temporal cannot take the workflow, nothing is created (503).
   */
  async create(userId: string, dto: CreateBusinessDto): Promise<BusinessWithRole> {
    return this.em.transactional(async (tx) => {
      const slug = dto.slug ?? (await this.freeSlug(tx, slugify(dto.name)));
      if (dto.slug && (await tx.findOne(BusinessSchema, { slug: dto.slug }))) throw new ConflictException(`The address "${dto.slug}" is taken`);
      const metadata: Record<string, unknown> = {};
      if (dto.industry) metadata.industry = dto.industry;
      if (dto.team_size) metadata.team_size = dto.team_size;
      const business = tx.create(BusinessSchema, {
        name: dto.name.trim(),
        slug,
        email: dto.email ?? null,
        phone: dto.phone ?? null,
        website: dto.website ?? null,
        trial_ends_at: new Date(Date.now() + this.settings.trialSeconds * 1000),
        settings: { ...DEFAULT_BUSINESS_SETTINGS, timezone: dto.timezone ?? DEFAULT_BUSINESS_SETTINGS.timezone },
        metadata,
      } as never);
      await tx.flush();
      tx.create(TeamMemberSchema, { business_id: business.id, user_id: userId, role: 'owner', permissions: ROLE_PERMISSIONS.owner, joined_at: new Date() } as never);
      await tx.flush();
      await tx.refresh(business);
      await this.subscriptions.startTrial(business);
      return { ...business, role: 'owner' as const };
    });
  }

  private async freeSlug(em: EntityManager, base: string): Promise<string> {
    if (!(await em.findOne(BusinessSchema, { slug: base }))) return base;
    for (;;) {
      const candidate = `${base}-${randomBytes(3).toString('hex')}`;
      if (!(await em.findOne(BusinessSchema, { slug: candidate }))) return candidate;
    }
  }

  async listForUser(userId: string): Promise<BusinessWithRole[]> {
    return this.em.getConnection().execute<BusinessWithRole[]>(
      `select b.*, tm.role from businesses b join team_members tm on tm.business_id = b.id
        where tm.user_id = ? and tm.is_active and b.deleted_at is null order by b.created_at`, [userId]);
  }

  async get(membership: Membership): Promise<BusinessWithRole> {
    const business = await this.em.findOneOrFail(BusinessSchema, { id: membership.member.business_id });
    return { ...business, role: membership.member.role };
  }

  async update(membership: Membership, dto: UpdateBusinessDto): Promise<BusinessWithRole> {
    const business = await this.em.findOneOrFail(BusinessSchema, { id: membership.member.business_id });
    this.em.assign(business, dto);
    await this.em.flush();
    return { ...business, role: membership.member.role };
  }

  async updateSettings(membership: Membership, dto: UpdateSettingsDto): Promise<BusinessWithRole> {
    const business = await this.em.findOneOrFail(BusinessSchema, { id: membership.member.business_id });
    business.settings = mergeSettings((business.settings ?? DEFAULT_BUSINESS_SETTINGS) as BusinessSettings, JSON.parse(JSON.stringify(dto)));
    await this.em.flush();
    return { ...business, role: membership.member.role };
  }

  async softDelete(membership: Membership): Promise<void> {
    if (membership.member.role !== 'owner') throw new ForbiddenException('Only an owner can delete the business');
    await this.em.nativeUpdate(BusinessSchema, { id: membership.member.business_id }, { deleted_at: new Date() });
  }
}
