import { Flex, Heading, Text } from '@radix-ui/themes';
import type { ReactNode } from 'react';

/** Icon, heading, one line of text and an optional action: what a page shows before it has data. */
export function EmptyState({ icon, title, children, action, testId, size = 'md' }: {
  icon: ReactNode; title: string; children: ReactNode; action?: ReactNode; testId?: string; size?: 'sm' | 'md';
}) {
  return (
    <div className="empty-state" data-testid={testId} style={size === 'sm' ? { padding: '32px 20px' } : undefined}>
      <div className="empty-icon" aria-hidden="true">{icon}</div>
      <Heading as="h2" size={size === 'sm' ? '3' : '4'}>{title}</Heading>
      <Text as="p" size="2" color="gray" style={{ maxWidth: 380, margin: 0 }}>{children}</Text>
      {action && <Flex mt="3" gap="2" wrap="wrap" justify="center">{action}</Flex>}
    </div>
  );
}
