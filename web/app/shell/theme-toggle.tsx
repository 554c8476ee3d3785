import { IconButton, Tooltip } from '@radix-ui/themes';
import { MoonIcon, SunIcon } from '@radix-ui/react-icons';
import { useAppearance } from '../lib/appearance';

export function ThemeToggle() {
  const { appearance, toggle } = useAppearance();
  const label = appearance === 'dark' ? 'Switch to light theme' : 'Switch to dark theme';
  return (
    <Tooltip content={label}>
      <IconButton variant="ghost" color="gray" size="2" onClick={toggle} aria-label={label} data-testid="theme-toggle" data-appearance={appearance}>
        {appearance === 'dark' ? <SunIcon width={18} height={18} /> : <MoonIcon width={18} height={18} />}
      </IconButton>
    </Tooltip>
  );
}
