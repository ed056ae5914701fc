/** `/`: create a board from a template or import a plan file, and find recently opened boards again. */
import { Link, useLocation } from 'react-router';
import { AppHeader } from '../app/AppHeader.tsx';
import { MAIN_CONTENT_ID, SkipLink } from '../app/SkipLink.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { CreateBoardForm } from './CreateBoardForm.tsx';
import './home.css';
import { ImportPlanPanel } from './import/ImportPlanPanel.tsx';
import { OwnLayoutPanel } from './OwnLayoutPanel.tsx';
import { RecentBoards } from './RecentBoards.tsx';

/** Navigation state a page may hand to the start page: the title of a board just deleted here. */
export interface HomeState {
  deletedTitle?: string;
}

export function HomePage() {
  const { t } = useI18n();
  const deletedTitle = (useLocation().state as HomeState | null)?.deletedTitle;

  return (
    <div className="page">
      <SkipLink />
      <AppHeader />
      <main className="home" id={MAIN_CONTENT_ID} tabIndex={-1}>
        {deletedTitle && (
          <p className="home__deleted" role="status" data-testid="board-deleted-notice">
            {t('home.deleted', { title: deletedTitle })}
          </p>
        )}
        <p className="home__tagline">{t('app.tagline')}</p>
        <section className="panel" aria-labelledby="create-heading">
          <h2 id="create-heading">{t('home.create.heading')}</h2>
          <CreateBoardForm />
        </section>
        <OwnLayoutPanel />
        <ImportPlanPanel />
        <section className="panel" aria-labelledby="recent-heading">
          <h2 id="recent-heading">{t('home.recent.heading')}</h2>
          <RecentBoards />
          <p>
            <Link to="/rollup">{t('rollup.link')}</Link>
          </p>
        </section>
      </main>
    </div>
  );
}
