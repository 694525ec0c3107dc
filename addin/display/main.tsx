import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BUILD_ID } from './buildInfo';
import { DisplayApp } from './DisplayApp';
import { DisplayApi } from './live/displayApi';
import { DeviceStore, tokenFromHash } from './model/deviceStore';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const store = new DeviceStore(window.localStorage);
// `#token=…` (the demo's printed URL): kept, and taken out of the address bar and history.
const fromHash = tokenFromHash(window.location.hash);
if (fromHash) {
  store.saveToken(fromHash);
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}
const params = new URLSearchParams(window.location.search);
const initialCode = params.get('code');
if (initialCode) window.history.replaceState(null, '', window.location.pathname);

const api = new DisplayApi({ buildId: BUILD_ID, token: () => store.token() });
const dark = window.matchMedia('(prefers-color-scheme: dark)');

function render(): void {
  root.render(
    <StrictMode>
      <DisplayApp
        api={api}
        store={store}
        clock={Date.now}
        initialCode={initialCode}
        buildId={BUILD_ID}
        reload={() => window.location.reload()}
        dark={dark.matches}
      />
    </StrictMode>,
  );
}

const root = createRoot(container);
dark.addEventListener('change', render);
render();
