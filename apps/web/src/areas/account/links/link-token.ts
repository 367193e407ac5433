import { useLocation } from 'react-router';

/**
 * The token of an e-mailed account link. It travels in the fragment (`#token=…`), which browsers
 * never send to a server, so it reaches no log on the way to this page.
 */
export function useLinkToken(): string | null {
  const { hash } = useLocation();
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && /^[A-Za-z0-9_-]{1,200}$/.test(token) ? token : null;
}
