/**
 * Private drafting on the board page (README "Running the workshop"): the
 * notice everyone sees while the round is private, and for participants and
 * the facilitator their "Mina utkast" panel and the publishing of their drafts
 * at the reveal. Viewers get the notice only: they never write.
 */
import { useMemo, useState } from 'react';
import { useLocation } from 'react-router';
import type * as Y from 'yjs';
import { readPlanPeriod } from '../../shared/board-doc.ts';
import { defaultCardPeriod } from '../../shared/card-schema.ts';
import type { Role } from '../../shared/roles.ts';
import { type Template, templateGoals } from '../../shared/template.ts';
import { writesDocument } from '../access/permissions.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { DraftsPanel } from './DraftsPanel.tsx';
import { useDraftingRound } from './useDraftingRound.ts';
import { useDraftPublishing, type WriteBlock } from './useDraftPublishing.ts';
import { useDrafts } from './useDrafts.ts';
import './drafts.css';

export function DraftingNotice({ doc, role }: { doc: Y.Doc | null; role: Role }) {
  const { t } = useI18n();
  const round = useDraftingRound(doc);
  if (round?.state !== 'private') return null;
  return (
    <p className="notice notice--drafting" role="status" data-testid="drafting-notice">
      {t(writesDocument(role) ? 'drafts.notice' : 'drafts.notice.viewer')}
    </p>
  );
}

export interface PrivateDraftingProps {
  boardId: string;
  doc: Y.Doc;
  role: Role;
  template: Template;
  hasSynced: boolean;
  /** The connection is up and synced now (publishing waits for it before clearing the drafts). */
  connected: boolean;
  blocked: WriteBlock;
  personName: string;
}

export function PrivateDrafting(props: PrivateDraftingProps) {
  const { boardId, doc, role, template, hasSynced, connected, blocked, personName } = props;
  const { t } = useI18n();
  const round = useDraftingRound(doc);
  const drafts = useDrafts(boardId, writesDocument(role), personName);
  const period = defaultCardPeriod(template.period, readPlanPeriod(doc));
  const goalIds = useMemo(() => new Set(templateGoals(template).map(({ goal }) => goal.id)), [template]);
  const { refused, published } = useDraftPublishing({
    board: doc,
    round,
    drafts: { doc: drafts.doc, list: drafts.drafts, loaded: drafts.loaded },
    hasSynced,
    connected,
    blocked,
    as: { createdBy: personName, period, goalIds },
  });
  const writing = round?.state === 'private';
  // On the canvas the panel keeps clear of tldraw's style panel (top right); elsewhere of the table's row headers.
  const onCanvas = !/\/(table|follow-up)\/?$/.test(useLocation().pathname);
  const [dismissed, setDismissed] = useState(0);
  const publishedNote = published > 0 && published !== dismissed && round?.state === 'revealed' && (
    <p className="notice drafts-published" data-on-canvas={onCanvas} data-testid="drafts-published">
      <span role="status">
        {published === 1 ? t('drafts.published.one') : t('drafts.published.many', { count: published })}
      </span>
      <button type="button" className="button button--quiet" onClick={() => setDismissed(published)}>
        {t('drafts.close')}
      </button>
    </p>
  );
  if (!drafts.doc || (!writing && drafts.drafts.length === 0)) return publishedNote || null;
  // After a round ended without a reveal, the drafts wait here for the next one.
  const note = refused
    ? t('drafts.refused', { reason: t(`drafts.refused.${refused}`) })
    : round
      ? ''
      : t('drafts.waiting');
  return (
    <DraftsPanel
      doc={drafts.doc}
      drafts={drafts.drafts}
      template={template}
      writing={writing}
      note={note}
      onCanvas={onCanvas}
      author={personName}
    />
  );
}
