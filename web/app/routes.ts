import { type RouteConfig, index, layout, route } from '@react-router/dev/routes';

export default [
  index('home.tsx'),
  layout('auth/auth-layout.tsx', [
    route('login', 'auth/login.tsx'),
    route('signup', 'auth/signup.tsx'),
    route('forgot-password', 'auth/forgot-password.tsx'),
    route('reset-password', 'auth/reset-password.tsx'),
    route('invitations/:token', 'invitations/accept.tsx'),
  ]),
  route('onboarding', 'onboarding/onboarding.tsx'),
  route('widget', 'widget/widget-page.tsx'),
  route('app/:businessId', 'shell/app-shell.tsx', [
    index('shell/app-index.tsx'),
    route('inbox/:conversationId?', 'inbox/inbox.tsx'),
    route('customers', 'customers/customers.tsx'),
    route('customers/:customerId', 'customers/customer-profile.tsx'),
    route('team', 'team/team.tsx'),
    route('analytics', 'analytics/analytics.tsx'),
    route('settings', 'settings/settings.tsx'),
  ]),
] satisfies RouteConfig;
