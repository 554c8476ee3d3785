import { useEffect, useState } from 'react';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError } from 'react-router';
import { Button, Flex, Heading, Text, Theme } from '@radix-ui/themes';
import '@radix-ui/themes/styles.css';
import './styles.css';
import { AppearanceProvider, APPEARANCE_KEY } from './lib/appearance';
import { ToastProvider } from './lib/toast';
import { Logo } from './shell/logo';

/** Sets the page background before React starts, so dark mode does not flash white. */
const bootAppearance = `try{var a=localStorage.getItem('${APPEARANCE_KEY}');if(a!=='light'&&a!=='dark')a=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light';document.documentElement.dataset.appearance=a;document.documentElement.style.colorScheme=a}catch(e){}`;

export function Layout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content="CrossChat: every customer conversation in one shared inbox." />
        <title>CrossChat</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        {/* Runtime settings (API and Supabase URLs) from the web server's environment, before the app. */}
        <script src="/config.js" />
        <script dangerouslySetInnerHTML={{ __html: bootAppearance }} />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <AppearanceProvider>
      {(appearance) => (
        <Theme className="app-theme" appearance={appearance} accentColor="indigo" grayColor="slate" radius="large" scaling="100%" panelBackground="solid">
          <ToastProvider>
            <Outlet />
          </ToastProvider>
        </Theme>
      )}
    </AppearanceProvider>
  );
}

export function HydrateFallback() {
  return (
    <div className="boot">
      <div className="boot-logo" role="progressbar" aria-label="Loading CrossChat" />
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const title = notFound ? 'Page not found' : isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : 'Something went wrong';
  const detail = notFound
    ? 'The page you were looking for does not exist or moved.'
    : isRouteErrorResponse(error) ? (typeof error.data === 'string' ? error.data : 'Please try again.') : error instanceof Error ? error.message : 'Please try again.';
  // Read after hydration: the prerendered HTML of this page was made without a document.
  const [appearance, setAppearance] = useState<'light' | 'dark'>('light');
  useEffect(() => setAppearance(document.documentElement.dataset.appearance === 'dark' ? 'dark' : 'light'), []);
  return (
    <Theme appearance={appearance} accentColor="indigo" grayColor="slate" radius="large">
      <Flex direction="column" align="center" justify="center" gap="4" p="6" style={{ minHeight: '100vh', textAlign: 'center' }}>
        <Logo />
        <Heading size="6" mt="4">{title}</Heading>
        <Text color="gray" size="2" style={{ maxWidth: 420 }}>{detail}</Text>
        <Flex gap="3" mt="2">
          <Button variant="soft" color="gray" onClick={() => window.location.reload()}>Try again</Button>
          <Button onClick={() => (window.location.href = '/')}>Back to CrossChat</Button>
        </Flex>
      </Flex>
    </Theme>
  );
}
