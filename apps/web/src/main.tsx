import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

const render = () =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// A page that came drawn (login.html, see prerender/login.tsx) is painted as it is before the app
// draws over it: the visitor sees the form at once, not when the scripts have run.
if (container.dataset.prerendered) requestAnimationFrame(() => setTimeout(render, 0));
else render();
