import { Button, Card, Flex, Heading, Text } from '@radix-ui/themes';
import { TrashIcon } from '@radix-ui/react-icons';
import { api, errorMessage } from '../lib/api';
import { LAST_BUSINESS_KEY } from '../lib/supabase';
import { useToast } from '../lib/toast';
import type { Business } from '../lib/types';
import { ConfirmDialog } from '../shell/confirm-dialog';

/** Owner only: delete the business (soft delete on the API side). */
export function DangerZone({ business }: { business: Business }) {
  const notify = useToast();
  return (
    <Card size="3" style={{ boxShadow: 'inset 0 0 0 1px var(--red-a6)' }} data-testid="danger-zone">
      <Flex justify="between" align="center" gap="4">
        <div>
          <Heading as="h2" size="4" color="red" mb="1">Delete this business</Heading>
          <Text as="p" size="2" color="gray" style={{ margin: 0 }}>Everyone on the team loses access to {business.name} and its conversations. This can't be undone from the dashboard.</Text>
        </div>
        <ConfirmDialog testId="delete-business" title={`Delete ${business.name}?`} confirmLabel="Delete business"
          description="All teammates lose access immediately, channels stop receiving messages and the subscription ends."
          onConfirm={() => api(`/businesses/${business.id}`, { method: 'DELETE' })
            .then(() => { localStorage.removeItem(LAST_BUSINESS_KEY); window.location.href = '/'; })
            .catch((e: unknown) => notify(errorMessage(e), 'error'))}
          trigger={<Button color="red" variant="soft" style={{ flexShrink: 0 }} data-testid="delete-business-open"><TrashIcon /> Delete business</Button>} />
      </Flex>
    </Card>
  );
}
