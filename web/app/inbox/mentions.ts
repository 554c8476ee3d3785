import type { TeamMember } from '../lib/types';

/**
 * Team members @mentioned in a note: `@ada`, `@Ada Lovelace` or `@ada@company.com` match by
 * first name, full name or email (case-insensitive).
 */
export function mentionedMembers(text: string, team: TeamMember[]): string[] {
  const lower = text.toLowerCase();
  return team
    .filter((m) => {
      const full = (m.user.full_name ?? '').toLowerCase();
      const first = full.split(/\s+/)[0] ?? '';
      const email = m.user.email.toLowerCase();
      return [full, first, email, email.split('@')[0]!].some((handle) => handle && new RegExp(`(^|\\s)@${handle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w@.-])`).test(lower));
    })
    .map((m) => m.id);
}
