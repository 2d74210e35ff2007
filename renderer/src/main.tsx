// Starts the renderer: translations, the query cache, the app.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/index.ts';
import './styles.css';
import './forms.css';
import './coach.css';
import './retail.css';
import './lists.css';
import { App } from './App.tsx';
import { isRetryable } from './problems.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // The core is on this machine: "offline" in the browser's sense says nothing about it.
      networkMode: 'always',
      retry: (failures, error) => failures < 3 && isRetryable(error),
      refetchOnWindowFocus: false,
    },
    mutations: { networkMode: 'always', retry: false },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
