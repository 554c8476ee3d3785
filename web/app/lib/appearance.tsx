import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

export type Appearance = 'light' | 'dark';
export const APPEARANCE_KEY = 'crosschat:appearance';

const AppearanceContext = createContext<{ appearance: Appearance; toggle: () => void; set: (a: Appearance) => void }>({
  appearance: 'light', toggle: () => {}, set: () => {},
});

function initial(): Appearance {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(APPEARANCE_KEY) : null;
  if (saved === 'light' || saved === 'dark') return saved;
  return typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Light/dark theme: the system's at first, then whatever the user picked, remembered per browser. */
export function AppearanceProvider({ children }: { children: (appearance: Appearance) => ReactNode }) {
  const [appearance, set] = useState<Appearance>(initial);
  useEffect(() => {
    document.documentElement.dataset.appearance = appearance;
    document.documentElement.style.colorScheme = appearance;
  }, [appearance]);
  const toggle = useCallback(() => set((a) => {
    const next = a === 'light' ? 'dark' : 'light';
    localStorage.setItem(APPEARANCE_KEY, next);
    return next;
  }), []);
  const choose = useCallback((a: Appearance) => {
    localStorage.setItem(APPEARANCE_KEY, a);
    set(a);
  }, []);
  return <AppearanceContext.Provider value={{ appearance, toggle, set: choose }}>{children(appearance)}</AppearanceContext.Provider>;
}

export const useAppearance = () => useContext(AppearanceContext);
