/** Entry point: language context around the router. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { createRouter } from './app/routes.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import './app/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <RouterProvider router={createRouter()} />
    </I18nProvider>
  </StrictMode>,
);
