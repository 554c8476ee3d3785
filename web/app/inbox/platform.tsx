import { Badge } from '@radix-ui/themes';
import { platformOf } from '../lib/platforms';

export function PlatformBadge({ platform }: { platform: string }) {
  const p = platformOf(platform);
  return <Badge size="1" variant="soft" color={p.color}>{p.label}</Badge>;
}
