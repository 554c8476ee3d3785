import { Dialog, Flex, Kbd, Text } from '@radix-ui/themes';

const SHORTCUTS: [string, string][] = [
  ['j', 'Next conversation'],
  ['k', 'Previous conversation'],
  ['e', 'Resolve the open conversation'],
  ['a', 'Assign the open conversation to me'],
  ['/', 'Search (or, in the reply box, insert a saved reply)'],
  ['Enter', 'Send the reply'],
  ['Shift + Enter', 'New line in the reply'],
  ['?', 'This list'],
];

export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Content maxWidth="420px" data-testid="shortcuts-dialog">
        <Dialog.Title>Keyboard shortcuts</Dialog.Title>
        <Flex direction="column" gap="3" mt="3">
          {SHORTCUTS.map(([keys, label]) => (
            <Flex key={keys} justify="between" align="center">
              <Text size="2">{label}</Text>
              <Kbd>{keys}</Kbd>
            </Flex>
          ))}
        </Flex>
      </Dialog.Content>
    </Dialog.Root>
  );
}
