import { randomBytes } from 'node:crypto';
import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { PlatformIntegrationSchema, mergeSettings, seal, unseal, isSealed, type PlatformIntegration, type Settings } from '@crosschat/core';
import { SETTINGS } from '../config/settings.module.js';
import { TenantAccessService } from '../tenancy/tenant-access.service.js';
import type { ConnectWidgetDto, UpdateIntegrationDto } from './dto/integration.dto.js';

export interface WidgetCredentials {
  identity_secret: string;
}

export const DEFAULT_WIDGET_CONFIG = {
  title: 'Chat with us',
  subtitle: 'We typically reply in a few minutes',
  greeting_message: null as string | null,
  away_message: null as string | null,
  color: '#3e63dd',
  position: 'bottom-right',
  pre_chat_form: { enabled: false, require_email: false },
  identity_verification: false,
};

const websiteToken = () => randomBytes(18).toString('base64url');

/** Connected channels of a business. Credentials are sealed (AES-256-GCM) and never returned. */
@Injectable()
export class IntegrationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: TenantAccessService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  private async requireSettingsRight(userId: string, businessId: string, right: 'view' | 'edit') {
    const membership = await this.access.requireMember(userId, businessId);
    if (!membership.permissions.settings[right]) throw new ForbiddenException(`You may not ${right} channel settings`);
    return membership;
  }

  async list(userId: string, businessId: string): Promise<PlatformIntegration[]> {
    await this.requireSettingsRight(userId, businessId, 'view');
    return this.em.find(PlatformIntegrationSchema, { business_id: businessId }, { orderBy: { created_at: 'asc' } });
  }

  async get(userId: string, id: string, right: 'view' | 'edit' = 'view'): Promise<PlatformIntegration> {
    const integration = await this.em.findOne(PlatformIntegrationSchema, { id });
    if (!integration) throw new NotFoundException('Integration not found');
    await this.requireSettingsRight(userId, integration.business_id, right).catch((error) => {
      throw error instanceof ForbiddenException ? error : new NotFoundException('Integration not found');
    });
    return integration;
  }

  async connectWidget(userId: string, dto: ConnectWidgetDto): Promise<PlatformIntegration> {
    await this.requireSettingsRight(userId, dto.business_id, 'edit');
    const integration = this.em.create(PlatformIntegrationSchema, {
      business_id: dto.business_id,
      platform: 'widget',
      platform_account_id: websiteToken(),
      platform_account_name: dto.name ?? 'Website',
      credentials: seal({ identity_secret: randomBytes(32).toString('hex') } satisfies WidgetCredentials, this.settings.credentialsKey) as never,
      config: mergeSettings(DEFAULT_WIDGET_CONFIG, (dto.config ?? {}) as Record<string, unknown>),
    } as never);
    await this.em.flush();
    return integration;
  }

  async update(userId: string, id: string, dto: UpdateIntegrationDto): Promise<PlatformIntegration> {
    const integration = await this.get(userId, id, 'edit');
    if (dto.platform_account_name !== undefined) integration.platform_account_name = dto.platform_account_name;
    if (dto.is_active !== undefined) integration.is_active = dto.is_active;
    if (dto.config) integration.config = mergeSettings((integration.config ?? {}) as Record<string, unknown>, dto.config as Record<string, unknown>);
    await this.em.flush();
    return integration;
  }

  async remove(userId: string, id: string): Promise<void> {
    const integration = await this.get(userId, id, 'edit');
    await this.em.remove(integration).flush();
  }

  /** The HMAC secret a business's server uses to sign widget users (identity verification). */
  async revealWidgetSecret(userId: string, id: string): Promise<WidgetCredentials> {
    const integration = await this.get(userId, id, 'edit');
    return this.widgetCredentials(integration);
  }

  widgetCredentials(integration: PlatformIntegration): WidgetCredentials {
    if (!isSealed(integration.credentials)) throw new NotFoundException('This integration has no widget credentials');
    return unseal<WidgetCredentials>(integration.credentials, this.settings.credentialsKey);
  }
}
