import { Avatar } from '@radix-ui/themes';

export const initials = (name: string) =>
  name.split(/[\s@._-]+/).filter(Boolean).slice(0, 2).map((p) => p[0]!.toUpperCase()).join('') || '?';

const COLORS = ['indigo', 'cyan', 'violet', 'teal', 'orange', 'crimson', 'grass', 'blue'] as const;

/** A stable colour per name, so teammates are easy to tell apart. */
const colorFor = (name: string) => COLORS[[...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % COLORS.length]!;

export function UserAvatar({ name, url, size = '2' }: { name: string; url?: string | null; size?: '1' | '2' | '3' | '4' }) {
  return <Avatar size={size} radius="full" src={url ?? undefined} fallback={initials(name)} color={colorFor(name)} variant="soft" alt="" />;
}
