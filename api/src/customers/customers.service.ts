import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { CustomerSchema, UserSchema, type Customer } from '@crosschat/core';
import { TenantAccessService, type Membership } from '../tenancy/tenant-access.service.js';
import { cursorTimestampSql, decodeCursor, pageOf, type Page } from '../common/pagination/cursor.js';
import type { CreateCustomerDto, ListCustomersQuery, UpdateCustomerDto } from './dto/customer.dto.js';

export interface CustomerNote { id: string; text: string; author_id: string; author_name: string | null; created_at: string }

const normaliseTags = (tags: string[]) => [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];

@Injectable()
export class CustomersService {
  constructor(private readonly em: EntityManager, private readonly access: TenantAccessService) {}

  async requireVisible(userId: string, id: string): Promise<{ customer: Customer; membership: Membership }> {
    const customer = await this.em.findOne(CustomerSchema, { id, deleted_at: null });
    if (!customer) throw new NotFoundException('Customer not found');
    const membership = await this.access.requireMember(userId, customer.business_id).catch(() => {
      throw new NotFoundException('Customer not found');
    });
    if (!membership.permissions.customers.view) throw new NotFoundException('Customer not found');
    return { customer, membership };
  }

  async create(userId: string, dto: CreateCustomerDto): Promise<Customer> {
    const membership = await this.access.requireMember(userId, dto.business_id);
    if (!membership.permissions.customers.edit) throw new ForbiddenException('You may not edit customers');
    const customer = this.em.create(CustomerSchema, {
      business_id: dto.business_id,
      name: dto.name ?? null,
      email: dto.email?.toLowerCase() ?? null,
      phone: dto.phone ?? null,
      tags: normaliseTags(dto.tags ?? []),
      notes: dto.notes ?? null,
      platform_identifiers: dto.email ? { email: dto.email.toLowerCase() } : {},
      metadata: {},
    } as never);
    await this.em.flush();
    return customer;
  }

  async list(userId: string, query: ListCustomersQuery): Promise<Page<Customer>> {
    const membership = await this.access.requireMember(userId, query.business_id);
    if (!membership.permissions.customers.view) throw new ForbiddenException('You may not view customers');
    const where = ['business_id = ?', 'deleted_at is null'];
    const params: unknown[] = [query.business_id];
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      where.push('(name ilike ? or email ilike ? or phone ilike ?)');
      params.push(like, like, like);
    }
    if (query.tag) { where.push('? = any(tags)'); params.push(query.tag.toLowerCase()); }
    const cursor = decodeCursor(query.cursor);
    if (cursor) { where.push('(coalesce(last_contact_at, created_at), id) < (?::timestamptz, ?::uuid)'); params.push(cursor.at, cursor.id); }
    const limit = query.limit ?? 30;
    params.push(limit + 1);
    const rows = await this.em.getConnection().execute<(Customer & { activity_at: string })[]>(
      `select *, ${cursorTimestampSql('coalesce(last_contact_at, created_at)')} as activity_at
         from customers where ${where.join(' and ')}
        order by coalesce(last_contact_at, created_at) desc, id desc limit ?`, params);
    const page = pageOf(rows, limit, (row) => ({ at: row.activity_at, id: row.id }));
    return { ...page, data: page.data.map(({ activity_at: _, ...c }) => c as Customer) };
  }

  /** The distinct tags of the business's customers, alphabetical. */
  async tagsInUse(userId: string, businessId: string): Promise<string[]> {
    const membership = await this.access.requireMember(userId, businessId);
    if (!membership.permissions.customers.view) throw new ForbiddenException('You may not view customers');
    const rows = await this.em.getConnection().execute<{ tag: string }[]>(
      `select distinct unnest(tags) as tag from customers where business_id = ? and deleted_at is null order by tag limit 500`, [businessId]);
    return rows.map((r) => r.tag);
  }

  async update(userId: string, id: string, dto: UpdateCustomerDto): Promise<Customer> {
    const { customer, membership } = await this.requireVisible(userId, id);
    if (!membership.permissions.customers.edit) throw new ForbiddenException('You may not edit customers');
    this.em.assign(customer, { ...dto, ...(dto.email ? { email: dto.email.toLowerCase() } : {}) });
    await this.em.flush();
    return customer;
  }

  async remove(userId: string, id: string): Promise<void> {
    const { customer, membership } = await this.requireVisible(userId, id);
    if (!membership.permissions.customers.delete) throw new ForbiddenException('You may not delete customers');
    customer.deleted_at = new Date();
    await this.em.flush();
  }

  async addNote(userId: string, id: string, text: string): Promise<CustomerNote> {
    const { customer, membership } = await this.requireVisible(userId, id);
    if (!membership.permissions.customers.edit) throw new ForbiddenException('You may not edit customers');
    const author = await this.em.findOne(UserSchema, { id: userId });
    const note: CustomerNote = { id: crypto.randomUUID(), text, author_id: userId, author_name: author?.full_name ?? author?.email ?? null, created_at: new Date().toISOString() };
    const metadata = customer.metadata ?? {};
    const notes = Array.isArray(metadata.notes) ? (metadata.notes as CustomerNote[]) : [];
    customer.metadata = { ...metadata, notes: [note, ...notes] };
    await this.em.flush();
    return note;
  }

  async addTags(userId: string, id: string, tags: string[]): Promise<Customer> {
    const { customer, membership } = await this.requireVisible(userId, id);
    if (!membership.permissions.customers.edit) throw new ForbiddenException('You may not edit customers');
    customer.tags = normaliseTags([...(customer.tags ?? []), ...tags]);
    await this.em.flush();
    return customer;
  }

  async removeTag(userId: string, id: string, tag: string): Promise<Customer> {
    const { customer, membership } = await this.requireVisible(userId, id);
    if (!membership.permissions.customers.edit) throw new ForbiddenException('You may not edit customers');
    const gone = tag.trim().toLowerCase();
    customer.tags = (customer.tags ?? []).filter((t) => t !== gone);
    await this.em.flush();
    return customer;
  }
}
