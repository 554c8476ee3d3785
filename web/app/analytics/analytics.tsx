import { Card, Flex, Grid, Text } from '@radix-ui/themes';
import { BarChartIcon } from '@radix-ui/react-icons';
import { EmptyState } from '../shell/empty-state';
import { PageHeader } from '../shell/page-header';

const METRICS = ['Conversations', 'First response time', 'Resolution time', 'Satisfaction (CSAT)'];

/** Reports: the metric tiles stay empty until there is traffic to measure. */
export default function Analytics() {
  return (
    <div className="page">
      <PageHeader title="Analytics" description="Response times, resolution rates and volume per channel." />
      <Grid columns={{ initial: '2', md: '4' }} gap="4" mb="5">
        {METRICS.map((m) => (
          <Card key={m} size="2">
            <Flex direction="column" gap="2">
              <Text size="2" color="gray">{m}</Text>
              <span className="stat-value" style={{ color: 'var(--gray-8)' }} aria-label="No data yet">—</span>
              <Text size="1" color="gray">Last 30 days</Text>
            </Flex>
          </Card>
        ))}
      </Grid>
      <Card size="1">
        <EmptyState icon={<BarChartIcon width={22} height={22} />} title="Not enough data yet" testId="analytics-empty">
          Reports fill in once your team has handled its first conversations. Check back after a few days of traffic.
        </EmptyState>
      </Card>
    </div>
  );
}
