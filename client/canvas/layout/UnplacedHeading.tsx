/**
 * The heading of the strip of unplaced cards below the board, drawn in page
 * space (tldraw's OnTheCanvas slot) in the room the layout leaves above the
 * strip's cards (CARD_METRICS.unplacedHeader), so it moves and scales with
 * the board. It says what the strip is for: a card dropped there leaves its goal.
 */
import { useEditor, useValue } from 'tldraw';
import { CARD_METRICS } from '../../../shared/board-layout.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { boardLayoutOf } from './layout-signal.ts';

export function UnplacedHeading() {
  const editor = useEditor();
  const { t } = useI18n();
  const strip = useValue('unplaced strip', () => boardLayoutOf(editor).get()?.unplaced ?? null, [editor]);
  if (!strip) return null;
  return (
    <div
      className="unplaced-heading"
      data-testid="unplaced-heading"
      style={{
        transform: `translate(${strip.x + CARD_METRICS.padding}px, ${strip.y}px)`,
        width: strip.w - 2 * CARD_METRICS.padding,
        height: CARD_METRICS.unplacedHeader,
      }}
    >
      <h2 className="unplaced-heading__title">{t('nav.unplacedHeading')}</h2>
      <p className="unplaced-heading__hint">{t('nav.unplacedHint')}</p>
    </div>
  );
}
