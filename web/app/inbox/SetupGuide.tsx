import { Link } from 'react-router';
import { Badge, Box, Flex, Heading, Text } from '@radix-ui/themes';
import { ChevronRightIcon, ClockIcon, CodeIcon, PersonIcon } from '@radix-ui/react-icons';

const STEPS = [
  { icon: CodeIcon, title: 'Add the chat widget to your website', text: 'One snippet before </body>. Visitors can start chatting right away.', to: 'settings?tab=channels', testId: 'setup-widget' },
  { icon: PersonIcon, title: 'Invite your team', text: 'Agents get their own login and can pick up or be assigned conversations.', to: 'team', testId: 'setup-team' },
  { icon: ClockIcon, title: 'Set your working hours', text: 'Customers writing after hours get an away message automatically.', to: 'settings?tab=hours', testId: 'setup-hours' },
];

/** What the middle pane shows while a business has no conversations: the next steps. */
export function SetupGuide({ businessId, businessName }: { businessId: string; businessName: string }) {
  return (
    <Flex direction="column" justify="center" align="center" p="6" style={{ flex: 1, overflow: 'auto' }} data-testid="inbox-setup">
      <Box width="100%" maxWidth="520px">
        <Badge variant="soft" mb="3">Getting started</Badge>
        <Heading as="h2" size="5" className="tight" mb="1">Welcome to {businessName}</Heading>
        <Text as="p" size="2" color="gray" mb="5" style={{ marginTop: 0 }}>Three quick steps and your team is ready for its first conversation.</Text>
        <Flex direction="column" gap="3">
          {STEPS.map(({ icon: Icon, title, text, to, testId }, i) => (
            <Link key={to} to={`/app/${businessId}/${to}`} className="setup-step" data-testid={testId}>
              <span className="setup-icon" aria-hidden="true"><Icon width={18} height={18} /></span>
              <Flex direction="column" gap="1" style={{ flex: 1, minWidth: 0 }}>
                <Text size="2" weight="medium"><span className="visually-hidden">Step {i + 1}: </span>{title}</Text>
                <Text size="1" color="gray">{text}</Text>
              </Flex>
              <ChevronRightIcon color="var(--gray-9)" style={{ alignSelf: 'center' }} aria-hidden="true" />
            </Link>
          ))}
        </Flex>
      </Box>
    </Flex>
  );
}
