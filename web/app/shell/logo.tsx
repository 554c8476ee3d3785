import { Flex, Text } from '@radix-ui/themes';
import { ChatBubbleIcon } from '@radix-ui/react-icons';

export function Logo({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const lg = size === 'lg';
  return (
    <Flex align="center" gap="2" aria-label="CrossChat" role="img">
      <span className="logo-mark" style={lg ? { width: 40, height: 40, borderRadius: 12 } : undefined} aria-hidden="true">
        <ChatBubbleIcon width={lg ? 20 : 16} height={lg ? 20 : 16} />
      </span>
      <Text size={lg ? '6' : '4'} weight="bold" className="tight" aria-hidden="true">CrossChat</Text>
    </Flex>
  );
}
