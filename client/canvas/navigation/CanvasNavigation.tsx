/**
 * "Översikt" and one button per focus area (A, B, C, D or however many the
 * template has): one click to the whole board or to one area. Plain buttons
 * with full labels, so they are in the tab order and read out by name.
 * Rendered inside <Tldraw>, for the editor.
 */

import { useRef } from 'react';
import { useEditor, usePassThroughWheelEvents } from 'tldraw';
import { placeCode } from '../../../shared/place-codes.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { ZoneLayout } from '../zones/layout.ts';
import { useBoardTemplate } from '../zones/TemplateContext.tsx';
import { showArea, showOverview } from './camera-moves.ts';
import './navigation.css';

export function CanvasNavigation({ layout }: { layout: ZoneLayout }) {
  const editor = useEditor();
  const template = useBoardTemplate();
  const { lang, t } = useI18n();
  const ref = useRef<HTMLElement>(null);
  // A wheel over the bar still zooms and scrolls the canvas.
  usePassThroughWheelEvents(ref);
  if (!template) return null;
  return (
    <nav ref={ref} className="canvas-nav" aria-label={t('nav.label')} data-testid="canvas-nav">
      <button
        type="button"
        className="canvas-nav__button canvas-nav__button--overview"
        title={t('nav.overviewHint')}
        onClick={() => showOverview(editor, layout)}
        data-testid="nav-overview"
      >
        {t('nav.overview')}
      </button>
      {template.focusAreas.map((area) => {
        const code = placeCode(template.focusAreas, area.id);
        const label = t('nav.area', { id: code, title: area.title[lang] });
        return (
          <button
            key={area.id}
            type="button"
            className="canvas-nav__button"
            style={{ borderBottomColor: area.color }}
            aria-label={label}
            title={label}
            onClick={() => showArea(editor, layout, area.id)}
            data-testid="nav-area"
            data-area={area.id}
          >
            {code}
          </button>
        );
      })}
    </nav>
  );
}
