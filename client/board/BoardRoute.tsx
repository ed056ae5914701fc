/** `/b/:boardId`: asks the server whether the board exists, then opens it or says it does not. */
import { useParams } from 'react-router';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { BoardSession } from './BoardSession.tsx';
import { MessagePage } from './MessagePage.tsx';
import { useBoardInfo } from './useBoardInfo.ts';

export function BoardRoute() {
  const { boardId = '' } = useParams();
  const { t } = useI18n();
  const state = useBoardInfo(boardId);

  switch (state.kind) {
    case 'loading':
      return <MessagePage busy>{t('board.loading')}</MessagePage>;
    case 'not-found':
      return (
        <MessagePage heading={t('board.notFound.heading')} testId="board-not-found">
          {t('board.notFound.body')}
        </MessagePage>
      );
    case 'failed': {
      const reason = state.error.status === 0 ? t('api.unreachable') : state.error.message;
      return <MessagePage heading={t('board.loadFailed', { error: reason })} />;
    }
    case 'found':
      // Keyed by id: a different board gets a fresh document and connection.
      return <BoardSession key={state.info.id} info={state.info} />;
  }
}
