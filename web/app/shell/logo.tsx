import { Flex, Text } from '@radix-ui/themes';
import { ChatBubbleIcon } from '@radix-ui/react-icons';

export function Logo({ size = 'md' }: { size?: 'md' | 'lg' }) {
  return (
    <Flex align="center" gap="2">
      <span className="logo-mark" style={size === 'lg' ? { width: 40, height: 40 } : undefined}>
        <ChatBubbleIcon width={size === 'lg' ? 20 : 16} height={size === 'lg' ? 20 : 16} />
      </span>
      <Text size={size === 'lg' ? '5' : '4'} weight="bold" style={{ letterSpacing: '-0.02em' }}>CrossChat</Text>
    </Flex>
  );
}
