import { CheckIcon } from '@radix-ui/react-icons';

/** Numbered steps with a progress bar each; the current one is announced. */
export function Stepper({ steps, current }: { steps: string[]; current: number }) {
  return (
    <ol className="stepper" aria-label="Setup progress" data-testid="stepper">
      {steps.map((label, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li key={label} data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="bar" />
            <span className="label">{state === 'done' ? <CheckIcon /> : `${i + 1}.`} {label}</span>
          </li>
        );
      })}
    </ol>
  );
}
