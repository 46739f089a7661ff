import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { PageSpinner } from '../../components/PageSpinner';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import './public.css';
import { awardText } from '../awards/text';

/** The public side (公示, register): no login, no menu, phone first. */
export default function PublicLayout() {
  const a = awardText.useT();
  return (
    <div className="xs-public">
      <header className="xs-public-header">
        <div className="xs-public-header-inner">
          <Link to="/public" className="xs-public-brand">
            {a('public.brand')}
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <main className="xs-public-main">
        <Suspense fallback={<PageSpinner />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="xs-public-footer">{a('public.footer')}</footer>
    </div>
  );
}
