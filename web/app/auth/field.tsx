import { Flex, Text, TextField } from '@radix-ui/themes';
import type { ComponentProps, ReactNode } from 'react';

type FieldProps = { label: string; error?: string; hint?: ReactNode; id: string; labelAside?: ReactNode } & ComponentProps<typeof TextField.Root>;

/** A labelled input with its validation message (or a hint) under it. */
export function Field({ label, error, id, hint, labelAside, size = '3', ...props }: FieldProps) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <Flex direction="column" gap="1">
      <Flex justify="between" align="baseline">
        <Text as="label" htmlFor={id} size="2" weight="medium">{label}</Text>
        {labelAside}
      </Flex>
      <TextField.Root id={id} size={size} aria-invalid={error ? true : undefined} aria-describedby={describedBy} color={error ? 'red' : undefined} {...props} />
      {error ? <Text id={`${id}-error`} size="1" color="red" role="alert">{error}</Text> : hint ? <Text id={`${id}-hint`} size="1" color="gray">{hint}</Text> : null}
    </Flex>
  );
}
