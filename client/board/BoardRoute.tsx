/**
 * `/b/:boardId` (and `/table`): takes the share token from the link, asks the
 * server what it opens, then opens the board or says why it cannot.
 */
import { useEffect } from 'react';
import { useParams } from 'react-router';
import { rememberRole } from '../access/access-store.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { forgetLocalCopy } from '../sync/local-copy.ts';
import { BoardSession } from './BoardSession.tsx';
import { LinkNotValidPage } from './EndPages.tsx';
import { MessagePage } from './MessagePage.tsx';
import { useBoardInfo } from './useBoardInfo.ts';
import { useBoardToken } from './useBoardToken.ts';

export function BoardRoute() {
  const { boardId = '' } = useParams();
  const found = useBoardToken(boardId);
  if (found.kind === 'invalid') return <LinkNotValidPage boardId={boardId} token={null} />;
  // Without a token the server still says whether the board exists, so a mistyped address reads as one.
  return <BoardGate key={boardId} boardId={boardId} token={found.kind === 'token' ? found.token : null} />;
}

function BoardGate({ boardId, token }: { boardId: string; token: string | null }) {
  const { t } = useI18n();
  const state = useBoardInfo(boardId, token);
  const role = state.kind === 'found' ? state.info.role : null;

  useEffect(() => {
    if (token && role) rememberRole(boardId, token, role);
  }, [boardId, token, role]);
  // A board deleted while this browser was away: its local copy can never be sent (README "Weak networks").
  const gone = state.kind === 'not-found';
  useEffect(() => {
    if (gone) void forgetLocalCopy(boardId);
  }, [boardId, gone]);

  switch (state.kind) {
    case 'loading':
      return <MessagePage busy>{t('board.loading')}</MessagePage>;
    case 'not-found':
      return (
        <MessagePage heading={t('board.notFound.heading')} testId="board-not-found">
          {t('board.notFound.body')}
        </MessagePage>
      );
    case 'denied':
      return <LinkNotValidPage boardId={boardId} token={token} />;
    case 'failed': {
      const reason = state.error.status === 0 ? t('api.unreachable') : state.error.message;
      return <MessagePage heading={t('board.loadFailed', { error: reason })} />;
    }
    case 'found':
      // The server opens boards to token holders only; an answer without one is no access either.
      if (!token) return <LinkNotValidPage boardId={boardId} token={null} />;
      // Keyed by board and token: another board, or another link to it, gets a fresh document and connection.
      return <BoardSession key={`${state.info.id}:${token}`} info={state.info} token={token} />;
  }
}
