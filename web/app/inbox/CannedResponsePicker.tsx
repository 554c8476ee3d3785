import { Box, Card, Flex, Text } from '@radix-ui/themes';
import type { CannedResponse } from './useCannedResponses';

export function CannedResponsePicker({ matches, active, onPick }: { matches: CannedResponse[]; active: number; onPick: (r: CannedResponse) => void }) {
  if (!matches.length) return null;
  return (
    <Card size="1" mb="2" role="listbox" aria-label="Saved replies" data-testid="canned-picker">
      <Flex direction="column">
        {matches.map((r, i) => (
          <Box key={r.id} role="option" aria-selected={i === active} onMouseDown={(e) => { e.preventDefault(); onPick(r); }}
            style={{ padding: '6px 8px', borderRadius: 6, cursor: 'pointer', background: i === active ? 'var(--accent-a3)' : undefined }}>
            <Text size="2" weight="medium">/{r.shortcut}</Text>
            <Text size="1" color="gray" as="p" truncate>{r.content}</Text>
          </Box>
        ))}
      </Flex>
    </Card>
  );
}
