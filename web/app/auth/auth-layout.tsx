import { Outlet } from 'react-router';
import { Box, Flex, Heading, Text } from '@radix-ui/themes';
import { CheckCircledIcon } from '@radix-ui/react-icons';
import { Logo } from '../shell/logo';

const POINTS = [
  'WhatsApp, Instagram, Messenger, email, SMS and your website chat in one inbox',
  'Assignment, SLAs and an AI assistant that hands over to your team',
  'Live updates for every agent, on every device',
];

export default function AuthLayout() {
  return (
    <div className="auth-page">
      <main className="auth-main">
        <Box width="100%" maxWidth="400px">
          <Box mb="6"><Logo /></Box>
          <Outlet />
        </Box>
      </main>
      <aside className="auth-side" aria-hidden="true">
        <Heading size="8" mb="3" style={{ letterSpacing: '-0.03em', maxWidth: 460 }}>Every customer conversation, one calm inbox.</Heading>
        <Text size="3" color="gray" mb="6" style={{ maxWidth: 440 }}>CrossChat brings every channel your customers use into a single, shared workspace for your team.</Text>
        <Flex direction="column" gap="3">
          {POINTS.map((p) => (
            <Flex key={p} gap="2" align="start"><CheckCircledIcon color="var(--indigo-9)" style={{ marginTop: 3, flexShrink: 0 }} /><Text size="2">{p}</Text></Flex>
          ))}
        </Flex>
      </aside>
    </div>
  );
}
