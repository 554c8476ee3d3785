import { Outlet } from 'react-router';
import { Box, Card, Flex, Text } from '@radix-ui/themes';
import { LockClosedIcon } from '@radix-ui/react-icons';
import { Logo } from '../shell/logo';
import { ThemeToggle } from '../shell/theme-toggle';

/** Sign in, sign up, password reset and invitations: one centered card on a quiet background. */
export default function AuthLayout() {
  return (
    <div className="auth-page">
      <Box position="absolute" top="4" right="4"><ThemeToggle /></Box>
      <Flex direction="column" align="center" gap="5" width="100%" maxWidth="440px">
        <Logo size="lg" />
        <Card size="4" className="auth-card" style={{ width: '100%' }}>
          <main>
            <Outlet />
          </main>
        </Card>
        <Flex align="center" gap="1">
          <LockClosedIcon color="var(--gray-9)" width={12} height={12} />
          <Text size="1" color="gray">Every channel your customers use, in one shared inbox.</Text>
        </Flex>
      </Flex>
    </div>
  );
}
