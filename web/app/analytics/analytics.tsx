import { Card, Heading, Text } from '@radix-ui/themes';
import { BarChartIcon } from '@radix-ui/react-icons';
import { EmptyState } from '../shell/empty-state';

export default function Analytics() {
  return (
    <div className="page">
      <Heading size="6" mb="1">Analytics</Heading>
      <Text color="gray" size="2" as="p" mb="5">Response times, resolution rates and channel volume.</Text>
      <Card><EmptyState icon={<BarChartIcon width={24} height={24} />} title="Not enough data yet">Reports fill in once your team has handled its first conversations. Come back after a few days of traffic.</EmptyState></Card>
    </div>
  );
}
