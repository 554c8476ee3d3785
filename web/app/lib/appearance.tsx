import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

type Appearance = 'light' | 'dark';
const KEY = 'crosschat:appearance';
const AppearanceContext = createContext<{ appearance: Appearance; toggle: () => void }>({ appearance: 'light', toggle: () => {} });

function initial(): Appearance {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(KEY) : null;
  if (saved === 'light' || saved === 'dark') return saved;
  return typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Light/dark theme, remembered per browser. */
export function AppearanceProvider({ children }: { children: (appearance: Appearance) => ReactNode }) {
  const [appearance, setAppearance] = useState<Appearance>(initial);
  useEffect(() => localStorage.setItem(KEY, appearance), [appearance]);
  const toggle = useCallback(() => setAppearance((a) => (a === 'light' ? 'dark' : 'light')), []);
  return <AppearanceContext.Provider value={{ appearance, toggle }}>{children(appearance)}</AppearanceContext.Provider>;
}

export const useAppearance = () => useContext(AppearanceContext);
