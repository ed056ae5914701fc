/** `/`: create a board from a template or import a plan file, and find recently opened boards again. */
import { useState } from 'react';
import { Link } from 'react-router';
import { listTemplates } from '../../shared/template.ts';
import { AppHeader } from '../app/AppHeader.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { CreateBoardForm } from './CreateBoardForm.tsx';
import './home.css';
import { ImportPlanPanel } from './import/ImportPlanPanel.tsx';
import { loadRecent, type RecentBoard, saveRecent, withoutRecent } from './recent-boards.ts';

export function HomePage() {
  const { t, pick } = useI18n();
  const [recent, setRecent] = useState<RecentBoard[]>(loadRecent);
  const templateTitle = (id: string) => {
    const template = listTemplates().find((tpl) => tpl.id === id);
    return template ? pick(template.shortTitle) : id;
  };

  const forget = (boardId: string) => {
    const next = withoutRecent(recent, boardId);
    saveRecent(next);
    setRecent(next);
  };

  return (
    <div className="page">
      <AppHeader />
      <main className="home">
        <p className="home__tagline">{t('app.tagline')}</p>
        <section className="panel" aria-labelledby="create-heading">
          <h2 id="create-heading">{t('home.create.heading')}</h2>
          <CreateBoardForm />
        </section>
        <ImportPlanPanel />
        <section className="panel" aria-labelledby="recent-heading">
          <h2 id="recent-heading">{t('home.recent.heading')}</h2>
          {recent.length === 0 ? (
            <p className="muted">{t('home.recent.empty')}</p>
          ) : (
            <ul className="recent" data-testid="recent-boards">
              {recent.map((board) => (
                <li key={board.id} className="recent__item">
                  <Link to={`/b/${board.id}`} className="recent__link">
                    <span className="recent__title">{board.title}</span>
                    <span className="muted">
                      {templateTitle(board.templateId)} · {new Date(board.openedAt).toLocaleDateString()}
                    </span>
                  </Link>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => forget(board.id)}
                    aria-label={`${t('home.recent.forget')}: ${board.title}`}
                    title={t('home.recent.forget')}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </div>
  );
}
