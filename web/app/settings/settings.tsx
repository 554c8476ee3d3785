import { useSearchParams } from 'react-router';
import { Flex, Tabs } from '@radix-ui/themes';
import { useShell } from '../shell/context';
import { PageHeader } from '../shell/page-header';
import { DangerZone } from './danger-zone';
import { HoursForm } from './hours-form';
import { ProfileForm } from './profile-form';
import { WidgetChannel } from './widget-channel';

const TABS = ['general', 'hours', 'channels'] as const;
type Tab = (typeof TABS)[number];

/** Business settings in three tabs; `?tab=` opens one directly (e.g. from the inbox's setup guide). */
export default function Settings() {
  const { business } = useShell();
  const [params, setParams] = useSearchParams();
  const canEdit = business.role === 'owner' || business.role === 'admin';
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && TABS.includes(requested) ? requested : 'general';

  return (
    <div className="page">
      <PageHeader title="Settings" description={canEdit ? `Profile, hours and channels of ${business.name}.` : 'Only owners and admins can change these settings.'} />
      <Tabs.Root value={tab} onValueChange={(t) => setParams(t === 'general' ? {} : { tab: t }, { replace: true })}>
        <Tabs.List mb="5">
          <Tabs.Trigger value="general" data-testid="settings-tab-general">General</Tabs.Trigger>
          <Tabs.Trigger value="hours" data-testid="settings-tab-hours">Working hours</Tabs.Trigger>
          <Tabs.Trigger value="channels" data-testid="settings-tab-channels">Channels</Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="general">
          <Flex direction="column" gap="5">
            <ProfileForm key={business.id} business={business} canEdit={canEdit} />
            {business.role === 'owner' && <DangerZone business={business} />}
          </Flex>
        </Tabs.Content>
        <Tabs.Content value="hours">
          <HoursForm key={business.id} business={business} canEdit={canEdit} />
        </Tabs.Content>
        <Tabs.Content value="channels">
          <WidgetChannel businessId={business.id} canEdit={canEdit} />
        </Tabs.Content>
      </Tabs.Root>
    </div>
  );
}
