import { renderToString } from 'react-dom/server';
import { SignedOutAuthProvider } from '../app/auth/AuthContext';
import LoginPage from '../pages/login/LoginPage';

/**
 * The sign-in page as HTML, rendered once at build time (vite.config.ts writes it into
 * dist/login.html, which the API serves at /login): a phone shows the form as soon as the HTML and
 * the stylesheet arrive, before the scripts are fetched and run. The app then draws the same page
 * over it (app/prerendered.tsx). In Chinese, the portal's language; a visitor who chose English
 * sees it switch when the scripts have run.
 */
export function renderLoginPage(): string {
  return renderToString(
    <SignedOutAuthProvider>
      <LoginPage />
    </SignedOutAuthProvider>,
  );
}
