// Providers and routes: one SPA with a screen per role.
import { Center, Loader, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { ApiError } from '../api/api-client.js';
import { SessionProvider } from './session-context.js';
import { ttxTheme } from './theme.js';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change by asking again; a network blip may.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/** A screen in its own chunk, so a player downloads neither the control nor the review screens. */
function lazyScreen<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  const Screen = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return (
    <Suspense fallback={<Center h="60vh"><Loader aria-label="Loading the screen" /></Center>}>
      <Screen />
    </Suspense>
  );
}

const router = createBrowserRouter([
  { path: '/', element: lazyScreen(() => import('../screens/home/HomeScreen.js'), 'HomeScreen') },
  { path: '/join', element: lazyScreen(() => import('../screens/join/JoinScreen.js'), 'JoinScreen') },
  { path: '/play', element: lazyScreen(() => import('../screens/play/PlayScreen.js'), 'PlayScreen') },
  { path: '/login', element: lazyScreen(() => import('../screens/login/LoginScreen.js'), 'LoginScreen') },
  { path: '/control', element: lazyScreen(() => import('../screens/exercises/ExercisesScreen.js'), 'ExercisesScreen') },
  { path: '/control/:exerciseId', element: lazyScreen(() => import('../screens/control/ControlScreen.js'), 'ControlScreen') },
  { path: '/facilitate/:exerciseId', element: lazyScreen(() => import('../screens/facilitate/FacilitateScreen.js'), 'FacilitateScreen') },
  { path: '/review/:exerciseId', element: lazyScreen(() => import('../screens/review/ReviewScreen.js'), 'ReviewScreen') },
  { path: '*', element: lazyScreen(() => import('../screens/home/NotFoundScreen.js'), 'NotFoundScreen') },
]);

export function App() {
  return (
    <MantineProvider theme={ttxTheme} defaultColorScheme="dark">
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
