import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
import { createQueryClient } from '@pagamenti/api-client';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { config } from './config';
import { routes } from './routes';

const router = createBrowserRouter(routes, { basename: config.basename });
const queryClient = createQueryClient();

const container = document.getElementById('root');
if (!container) throw new Error('Elemento #root mancante in index.html');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
