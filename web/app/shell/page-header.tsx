import { Heading, Text } from '@radix-ui/themes';
import type { ReactNode } from 'react';

/** Title, one line of description and the page's main action on the right. */
export function PageHeader({ title, description, action }: { title: string; description?: ReactNode; action?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <Heading as="h1" size="6" className="tight">{title}</Heading>
        {description && <Text as="p" size="2" color="gray" mt="1" style={{ margin: '4px 0 0' }}>{description}</Text>}
      </div>
      {action}
    </div>
  );
}
