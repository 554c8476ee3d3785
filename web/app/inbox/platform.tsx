import { Badge } from '@radix-ui/themes';

const PLATFORMS: Record<string, { label: string; color: 'green' | 'pink' | 'blue' | 'gray' | 'sky' | 'amber' | 'indigo' | 'violet' | 'cyan' }> = {
  widget: { label: 'Website', color: 'indigo' },
  whatsapp: { label: 'WhatsApp', color: 'green' },
  instagram: { label: 'Instagram', color: 'pink' },
  facebook: { label: 'Messenger', color: 'blue' },
  twitter: { label: 'X', color: 'gray' },
  telegram: { label: 'Telegram', color: 'sky' },
  email: { label: 'Email', color: 'amber' },
  sms: { label: 'SMS', color: 'violet' },
  voice_call: { label: 'Phone', color: 'cyan' },
};

export function PlatformBadge({ platform }: { platform: string }) {
  const p = PLATFORMS[platform] ?? { label: platform, color: 'gray' as const };
  return <Badge size="1" variant="soft" color={p.color}>{p.label}</Badge>;
}
