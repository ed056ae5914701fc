/** The board's canvas view: the index route under `/b/:boardId`. */
import { useBoard } from '../board/board-context.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { BoardCanvas } from './BoardCanvas.tsx';

export function CanvasView() {
  const board = useBoard();
  const { t } = useI18n();
  if (!board.hasSynced) {
    return (
      <p className="canvas-waiting" aria-busy="true">
        {t('board.waitingForSync')}
      </p>
    );
  }
  return <BoardCanvas board={board} />;
}
