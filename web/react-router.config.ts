import type { Config } from '@react-router/dev/config';

// SPA mode: auth lives in the browser (supabase-js), data comes from the API. See docs/decisions/0004.
export default { appDirectory: 'app', ssr: false } satisfies Config;
