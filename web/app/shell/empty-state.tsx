import { Flex, Heading, Text } from '@radix-ui/themes';
import type { ReactNode } from 'react';

export function EmptyState({ icon, title, children, action, testId }: { icon: ReactNode; title: string; children: ReactNode; action?: ReactNode; testId?: string }) {
  return (
    <div className="empty-state" data-testid={testId}>
      <div className="empty-icon">{icon}</div>
      <Heading size="4" mt="2">{title}</Heading>
      <Text size="2" color="gray" style={{ maxWidth: 380 }}>{children}</Text>
      {action && <Flex mt="2">{action}</Flex>}
    </div>
  );
}
