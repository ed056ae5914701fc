/** The app's routes (ARCHITECTURE.md, "Client"). */
import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { BoardRoute } from '../board/BoardRoute.tsx';
import { CanvasUnavailable } from '../board/CanvasUnavailable.tsx';
import { FollowUpPage } from '../follow-up/FollowUpPage.tsx';
import { HomePage } from '../home/HomePage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { RollupPage } from '../rollup/RollupPage.tsx';
import { TablePage } from '../table/TablePage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { canvasAvailable } from './runtime-config.ts';

// tldraw is most of the bundle: load it with the canvas, so the start page and the table stay light.
const CanvasView = lazy(() => import('../canvas/CanvasView.tsx').then((m) => ({ default: m.CanvasView })));

function CanvasLoading() {
  const { t } = useI18n();
  return (
    <p className="canvas-waiting" aria-busy="true">
      {t('board.loading')}
    </p>
  );
}

export function createRouter() {
  return createBrowserRouter([
    { path: '/', element: <HomePage /> },
    { path: '/rollup', element: <RollupPage /> },
    {
      path: '/b/:boardId',
      element: <BoardRoute />,
      children: [
        {
          index: true,
          element: canvasAvailable() ? (
            <Suspense fallback={<CanvasLoading />}>
              <CanvasView />
            </Suspense>
          ) : (
            <CanvasUnavailable />
          ),
        },
        { path: 'table', element: <TablePage /> },
        { path: 'follow-up', element: <FollowUpPage /> },
      ],
    },
    { path: '*', element: <NotFoundPage /> },
  ]);
}
