// Providers and routes: one SPA with a screen per role.
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { ApiError } from '../api/api-client.js';
import { ControlScreen } from '../screens/control/ControlScreen.js';
import { ExercisesScreen } from '../screens/exercises/ExercisesScreen.js';
import { FacilitateScreen } from '../screens/facilitate/FacilitateScreen.js';
import { HomeScreen } from '../screens/home/HomeScreen.js';
import { JoinScreen } from '../screens/join/JoinScreen.js';
import { LoginScreen } from '../screens/login/LoginScreen.js';
import { NotFoundScreen } from '../screens/home/NotFoundScreen.js';
import { PlayScreen } from '../screens/play/PlayScreen.js';
import { ReviewScreen } from '../screens/review/ReviewScreen.js';
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

const router = createBrowserRouter([
  { path: '/', element: <HomeScreen /> },
  { path: '/join', element: <JoinScreen /> },
  { path: '/play', element: <PlayScreen /> },
  { path: '/login', element: <LoginScreen /> },
  { path: '/control', element: <ExercisesScreen /> },
  { path: '/control/:exerciseId', element: <ControlScreen /> },
  { path: '/facilitate/:exerciseId', element: <FacilitateScreen /> },
  { path: '/review/:exerciseId', element: <ReviewScreen /> },
  { path: '*', element: <NotFoundScreen /> },
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
