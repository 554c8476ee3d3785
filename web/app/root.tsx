import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError } from 'react-router';
import { Theme, Flex, Heading, Text, Button } from '@radix-ui/themes';
import '@radix-ui/themes/styles.css';
import './styles.css';
import { AppearanceProvider } from './lib/appearance';

export function Layout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>CrossChat</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <script src="/config.js" />
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
        <Theme appearance={appearance} accentColor="indigo" grayColor="slate" radius="large" scaling="100%">
          <Outlet />
        </Theme>
      )}
    </AppearanceProvider>
  );
}

export function HydrateFallback() {
  return (
    <div className="boot">
      <div className="boot-logo" aria-label="Loading CrossChat" />
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const title = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : 'Something went wrong';
  const detail = isRouteErrorResponse(error) ? error.data : error instanceof Error ? error.message : String(error);
  return (
    <Theme accentColor="indigo" grayColor="slate" radius="large">
      <Flex direction="column" align="center" justify="center" gap="3" style={{ minHeight: '100vh' }}>
        <Heading size="6">{title}</Heading>
        <Text color="gray">{typeof detail === 'string' ? detail : 'Please try again.'}</Text>
        <Button onClick={() => (window.location.href = '/')}>Back to CrossChat</Button>
      </Flex>
    </Theme>
  );
}
