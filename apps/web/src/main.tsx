import './app/first-styles';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { session } from './api/session';
import { App } from './app/App';
import { routerReady } from './app/router';
import { initI18n } from './i18n';

/**
 * index.html shows the page shell (apps/web/app-shell.mts): the header, the page's title, the
 * footer, as the app draws them. The app replaces it once it can draw the whole page at once: its
 * texts, the first page's data and who is signed in, so the shell's parts do not move or blink.
 */
void Promise.all([initI18n(), routerReady(), session.restored]).then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
