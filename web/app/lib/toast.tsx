import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { Card, Flex, IconButton, Text } from '@radix-ui/themes';
import { CheckCircledIcon, Cross2Icon, ExclamationTriangleIcon } from '@radix-ui/react-icons';

type Tone = 'success' | 'error';
interface Toast { id: number; tone: Tone; message: string }
type Notify = (message: string, tone?: Tone) => void;

const ToastContext = createContext<Notify>(() => {});

/** Small confirmation messages in the bottom-right corner, announced to screen readers. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const notify = useCallback<Notify>((message, tone = 'success') => {
    const id = next.current++;
    setToasts((all) => [...all.slice(-2), { id, tone, message }]);
    setTimeout(() => dismiss(id), tone === 'error' ? 7000 : 4000);
  }, [dismiss]);

  return (
    <ToastContext.Provider value={notify}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <Card key={t.id} className="toast" data-testid="toast" size="1">
            <Flex gap="3" align="center">
              {t.tone === 'success' ? <CheckCircledIcon color="var(--green-10)" width={18} height={18} /> : <ExclamationTriangleIcon color="var(--red-10)" width={18} height={18} />}
              <Text size="2" style={{ flex: 1 }}>{t.message}</Text>
              <IconButton size="1" variant="ghost" color="gray" aria-label="Dismiss" onClick={() => dismiss(t.id)}><Cross2Icon /></IconButton>
            </Flex>
          </Card>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
