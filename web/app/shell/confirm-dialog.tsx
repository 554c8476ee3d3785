import { useState, type ReactNode } from 'react';
import { AlertDialog, Button, Flex } from '@radix-ui/themes';

/** An alert dialog that runs `onConfirm` and stays open (with a spinner) until it settles. */
export function ConfirmDialog({ trigger, title, description, confirmLabel, onConfirm, testId }: {
  trigger: ReactNode; title: string; description: ReactNode; confirmLabel: string; onConfirm: () => Promise<unknown>; testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <AlertDialog.Root open={open} onOpenChange={(o) => !busy && setOpen(o)}>
      <AlertDialog.Trigger>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Content maxWidth="440px" data-testid={testId}>
        <AlertDialog.Title>{title}</AlertDialog.Title>
        <AlertDialog.Description size="2">{description}</AlertDialog.Description>
        <Flex gap="3" justify="end" mt="4">
          <AlertDialog.Cancel><Button variant="soft" color="gray" disabled={busy}>Cancel</Button></AlertDialog.Cancel>
          <Button color="red" loading={busy} data-testid={testId ? `${testId}-confirm` : undefined} onClick={async () => {
            setBusy(true);
            try { await onConfirm(); } finally { setBusy(false); setOpen(false); }
          }}>{confirmLabel}</Button>
        </Flex>
      </AlertDialog.Content>
    </AlertDialog.Root>
  );
}
