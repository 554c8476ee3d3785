/** Every channel's name and badge colour; the one list the inbox, customers and analytics use. */
export const PLATFORMS: Record<string, { label: string; color: 'green' | 'pink' | 'blue' | 'gray' | 'sky' | 'amber' | 'indigo' | 'violet' | 'cyan' }> = {
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

export const platformOf = (platform: string) => PLATFORMS[platform] ?? { label: platform, color: 'gray' as const };
