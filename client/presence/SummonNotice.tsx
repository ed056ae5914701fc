/**
 * A summon that arrived while this page was open (README "Following and
 * summoning"): the canvas moves there (canvas-link.ts); the page says who
 * summoned, and off the canvas links to it, where the view is moved on arrival.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type * as Y from 'yjs';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { forgetSummoned, showSummoned, useCanvasLink } from './canvas-link.ts';
import { ownSummons } from './summon-request.ts';
import { useLiveSummon } from './useLiveSummon.ts';

export function SummonNotice({ boardId, doc, hasSynced }: { boardId: string; doc: Y.Doc; hasSynced: boolean }) {
  const { t } = useI18n();
  const summon = useLiveSummon(doc, hasSynced);
  const canvas = useCanvasLink();
  const [dismissed, setDismissed] = useState<string | null>(null);

  useEffect(() => {
    if (summon && !ownSummons.has(summon.id)) showSummoned(summon.bounds, summon.follow);
  }, [summon]);
  useEffect(() => forgetSummoned, []);

  if (!summon || ownSummons.has(summon.id) || dismissed === summon.id) return null;
  return (
    <p className="notice summon-notice" role="status" data-testid="summon-notice">
      {t(summon.follow ? 'people.followMe.called' : 'people.summoned', { name: summon.by })}
      {!canvas && (
        <Link to={`/b/${boardId}`} className="button button--quiet" data-testid="summon-to-canvas">
          {t('people.summoned.toCanvas')}
        </Link>
      )}
      <button type="button" className="button button--quiet" onClick={() => setDismissed(summon.id)}>
        {t('people.summoned.close')}
      </button>
    </p>
  );
}
