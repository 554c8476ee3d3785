import { Avatar } from '@radix-ui/themes';

export const initials = (name: string) =>
  name.split(/[\s@.]+/).filter(Boolean).slice(0, 2).map((p) => p[0]!.toUpperCase()).join('') || '?';

export function UserAvatar({ name, url, size = '2' }: { name: string; url?: string | null; size?: '1' | '2' | '3' }) {
  return <Avatar size={size} radius="full" src={url ?? undefined} fallback={initials(name)} color="indigo" variant="soft" />;
}
