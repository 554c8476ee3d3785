import { redirect } from 'react-router';
import { loadMyBusinesses } from './lib/businesses';
import { currentSession, LAST_BUSINESS_KEY } from './lib/supabase';

/** `/`: signed out → login; no business yet → onboarding; else the last used (or first) business's inbox. */
export async function clientLoader() {
  if (!(await currentSession())) throw redirect('/login');
  const businesses = await loadMyBusinesses();
  const last = localStorage.getItem(LAST_BUSINESS_KEY);
  const target = businesses.find((b) => b.id === last) ?? businesses[0];
  throw redirect(target ? `/app/${target.id}/inbox` : '/onboarding');
}

export default function Home() {
  return null;
}
