import { redirect } from 'react-router';
import { api, ApiError } from './lib/api';
import { currentSession, LAST_BUSINESS_KEY, signOut } from './lib/supabase';
import type { Business } from './lib/types';

/** `/`: signed out → login; no business yet → onboarding; else the last used (or first) business's inbox. */
export async function clientLoader() {
  if (!(await currentSession())) throw redirect('/login');
  let businesses: Business[];
  try {
    businesses = await api<Business[]>('/businesses');
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401) {
      await signOut();
      throw redirect('/login');
    }
    throw error;
  }
  const last = localStorage.getItem(LAST_BUSINESS_KEY);
  const target = businesses.find((b) => b.id === last) ?? businesses[0];
  throw redirect(target ? `/app/${target.id}/inbox` : '/onboarding');
}

export default function Home() {
  return null;
}
