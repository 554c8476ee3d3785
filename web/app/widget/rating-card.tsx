import { useState } from 'react';
import { Box, Button, Flex, Text, TextArea } from '@radix-ui/themes';
import { StarFilledIcon, StarIcon } from '@radix-ui/react-icons';

// Stars are SVG icons, not emoji: they look the same on every system font.
const LABELS = ['Very bad', 'Bad', 'Okay', 'Good', 'Great'] as const;

/**
 * After a conversation is resolved: "How did we do?" with five stars and an optional comment.
 * `onRate` stores it; the card then thanks the visitor (and lets them change their mind).
 */
export function RatingCard({ rating, color, onRate }: { rating: number | null; color: string; onRate: (rating: number, comment?: string) => Promise<void> }) {
  const [picked, setPicked] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const [hovered, setHovered] = useState<number | null>(null);
  const lit = hovered ?? picked ?? 0;

  async function submit(value: number) {
    setBusy(true);
    try {
      await onRate(value, comment.trim() || undefined);
      setEditing(false);
      setPicked(null);
      setComment('');
    } finally {
      setBusy(false);
    }
  }

  if (rating && !editing) {
    return (
      <Box my="3" p="3" className="widget-rating" data-testid="widget-rating-thanks">
        <Text as="p" size="2" weight="medium" align="center">Thanks for your feedback!</Text>
        <Flex justify="center" gap="1" mt="1" aria-label={`You rated ${rating} out of 5`} role="img">
          {LABELS.map((label, i) => (i < rating ? <StarFilledIcon key={label} color={color} width={18} height={18} /> : <StarIcon key={label} color="var(--gray-8)" width={18} height={18} />))}
        </Flex>
        <Flex justify="center" mt="1"><Button size="1" variant="ghost" onClick={() => setEditing(true)}>Change rating</Button></Flex>
      </Box>
    );
  }
  return (
    <Box my="3" p="3" className="widget-rating" data-testid="widget-rating">
      <Text as="p" size="2" weight="medium" align="center" id="rating-question">How did we do?</Text>
      <Flex justify="center" gap="1" mt="2" role="radiogroup" aria-labelledby="rating-question" onMouseLeave={() => setHovered(null)}>
        {LABELS.map((label, i) => {
          const value = i + 1;
          return (
            <button key={label} type="button" role="radio" aria-checked={picked === value} aria-label={`${value}: ${label}`} title={label}
              className="widget-rating-star" onMouseEnter={() => setHovered(value)} onFocus={() => setHovered(value)} onBlur={() => setHovered(null)}
              onClick={() => setPicked(value)} data-testid={`rating-${value}`}>
              {value <= lit ? <StarFilledIcon color={color} width={26} height={26} /> : <StarIcon color="var(--gray-9)" width={26} height={26} />}
            </button>
          );
        })}
      </Flex>
      <Text as="p" size="1" color="gray" align="center" mt="1" style={{ minHeight: 16 }}>{lit ? LABELS[lit - 1] : ''}</Text>
      {picked && (
        <Flex direction="column" gap="2" mt="3">
          <TextArea size="1" rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} placeholder="Anything we could do better? (optional)" aria-label="Comment" />
          <Button size="2" loading={busy} onClick={() => void submit(picked)} style={{ background: color }} data-testid="rating-submit">Send feedback</Button>
        </Flex>
      )}
    </Box>
  );
}
