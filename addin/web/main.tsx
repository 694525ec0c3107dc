import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { ApiClient } from '../api/client';
import { App, appRoutes } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App client={new ApiClient()} router={createBrowserRouter(appRoutes)} />
  </StrictMode>,
);
