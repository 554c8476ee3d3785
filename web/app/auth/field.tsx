import { Flex, Text, TextField } from '@radix-ui/themes';
import type { ComponentProps } from 'react';

/** A labelled input with its error under it. */
export function Field({ label, error, id, hint, ...props }: { label: string; error?: string; hint?: string; id: string } & ComponentProps<typeof TextField.Root>) {
  return (
    <Flex direction="column" gap="1">
      <Text as="label" htmlFor={id} size="2" weight="medium">{label}</Text>
      <TextField.Root id={id} size="3" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} color={error ? 'red' : undefined} {...props} />
      {error ? <Text id={`${id}-error`} size="1" color="red">{error}</Text> : hint ? <Text size="1" color="gray">{hint}</Text> : null}
    </Flex>
  );
}
