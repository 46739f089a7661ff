import { FullPageSpinner } from '../components/FullPageSpinner';

/**
 * The sign-in page's markup prerendered into login.html at build time (prerender/login.tsx), read
 * from the document before React first draws into #root. Shown in place of the loading spinner
 * while the session is checked and the page's chunk arrives, so the page already on screen is
 * drawn again identically instead of blinking to a spinner. Our own build output, never user input.
 */
/**
 * True while the sign-in page is rendered to HTML at build time. Its controls are drawn disabled
 * then: until the app has taken over, the form cannot be typed into (what was typed would be lost
 * when the app draws over it) nor sent natively (as a GET, with the password in the address).
 */
export const PRERENDERING = typeof document === 'undefined';

const root = PRERENDERING ? null : document.getElementById('root');
const prerenderedLogin =
  root?.dataset.prerendered === 'login' && window.location.pathname === '/login' ? root.innerHTML : null;

/** The prerendered sign-in page when this document came with it, otherwise the spinner. */
export function LoginPlaceholder() {
  if (!prerenderedLogin) return <FullPageSpinner />;
  return <div style={{ display: 'contents' }} dangerouslySetInnerHTML={{ __html: prerenderedLogin }} />;
}
