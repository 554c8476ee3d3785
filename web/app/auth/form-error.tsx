import { Callout, Flex, Text } from '@radix-ui/themes';
import { CheckCircledIcon, CheckIcon, ExclamationTriangleIcon } from '@radix-ui/react-icons';
import type { ReactNode } from 'react';

/** A red callout for errors that belong to no single field. */
export function ErrorCallout({ children, testId }: { children: ReactNode; testId?: string }) {
  if (!children) return null;
  return (
    <Callout.Root color="red" role="alert" data-testid={testId}>
      <Callout.Icon><ExclamationTriangleIcon /></Callout.Icon>
      <Callout.Text>{children}</Callout.Text>
    </Callout.Root>
  );
}

export function SuccessCallout({ children, testId }: { children: ReactNode; testId?: string }) {
  if (!children) return null;
  return (
    <Callout.Root color="green" role="status" data-testid={testId}>
      <Callout.Icon><CheckCircledIcon /></Callout.Icon>
      <Callout.Text>{children}</Callout.Text>
    </Callout.Root>
  );
}

/** A quiet "Saved" next to a form's button. */
export function SavedHint({ show, testId }: { show: boolean; testId?: string }) {
  if (!show) return null;
  return (
    <Text size="2" color="green" role="status" data-testid={testId}>
      <Flex as="span" align="center" gap="1"><CheckIcon /> Saved</Flex>
    </Text>
  );
}
