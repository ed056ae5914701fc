/** The app's routes (ARCHITECTURE.md, "Client"). */
import { createBrowserRouter } from 'react-router';
import { BoardRoute } from '../board/BoardRoute.tsx';
import { CanvasView } from '../canvas/CanvasView.tsx';
import { HomePage } from '../home/HomePage.tsx';
import { TablePage } from '../table/TablePage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

export function createRouter() {
  return createBrowserRouter([
    { path: '/', element: <HomePage /> },
    {
      path: '/b/:boardId',
      element: <BoardRoute />,
      children: [
        { index: true, element: <CanvasView /> },
        { path: 'table', element: <TablePage /> },
      ],
    },
    { path: '*', element: <NotFoundPage /> },
  ]);
}
