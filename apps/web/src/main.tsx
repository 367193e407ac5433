import './app/first-styles';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { session } from './api/session';
import { App } from './app/App';
import { routerReady } from './app/router';
import { chooseLanguage, initI18n, isLanguage } from './i18n';

/**
 * index.html shows the page shell (apps/web/app-shell.mts): the header, the page's title, the
 * footer, as the app draws them. The app replaces it once it can draw the whole page at once: its
 * texts, the first page's data and who is signed in, so the shell's parts do not move or blink.
 */
const root = document.getElementById('root')!;
const stopShellLanguageSwitch = shellLanguageSwitch(root);
void Promise.all([initI18n(), routerReady(), session.restored]).then(() => {
  stopShellLanguageSwitch();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});

/**
 * The shell's links work as links; its language buttons, until the app replaces them, choose the
 * language here, which the app then opens in.
 */
function shellLanguageSwitch(container: HTMLElement): () => void {
  const onClick = (event: MouseEvent) => {
    const language = (event.target as Element).closest('header button[lang]')?.getAttribute('lang');
    if (isLanguage(language)) chooseLanguage(language);
  };
  container.addEventListener('click', onClick);
  return () => container.removeEventListener('click', onClick);
}
