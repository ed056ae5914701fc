/**
 * The designed board in small: the zones where the real layout function puts
 * them (shared/board-layout.ts, as every page of the board will), drawn as
 * SVG in the area's colours. No tldraw here: the start page stays light.
 * Texts are set larger than to scale so they stay readable in the thumbnail.
 */
import { layoutZones } from '../../shared/board-layout.ts';
import type { Template } from '../../shared/template.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import './preview.css';

/** About how wide the preview is drawn on screen (designer.css), for the text size. */
const PREVIEW_WIDTH_PX = 520;

export function BoardPreview({ shape }: { shape: Pick<Template, 'focusAreas'> }) {
  const { t, lang } = useI18n();
  const layout = layoutZones(shape);
  const { bounds } = layout;
  const unit = Math.max(bounds.w, bounds.h * 1.6) / PREVIEW_WIDTH_PX;
  const areaFont = Math.max(44, 11 * unit);
  const goalFont = Math.max(30, 10 * unit);
  /** As many lines as fit the height, so a long title ends in an ellipsis rather than a cut line. */
  const clamp = (height: number, font: number) => Math.max(1, Math.floor(height / (font * 1.15)));
  const goals = shape.focusAreas.reduce((sum, area) => sum + area.goals.length, 0);
  const label = t('designer.preview.label', { areas: shape.focusAreas.length, goals });
  const pad = 20;

  return (
    <svg
      className="board-preview"
      viewBox={`${-pad} ${-pad} ${bounds.w + 2 * pad} ${bounds.h + 2 * pad}`}
      role="img"
      aria-label={label}
      data-testid="designer-preview"
    >
      {layout.areas.map((zone) => {
        const area = shape.focusAreas.find((a) => a.id === zone.areaId);
        if (!area) return null;
        const empty = area.goals.length === 0;
        // Above goals the title has the area's header; an area without goals lends it room for three lines.
        const titleHeight = empty ? Math.min(zone.h / 2, 3 * 1.2 * areaFont) : 200;
        return (
          <g key={zone.id} data-preview-area={zone.id}>
            <rect
              x={zone.x}
              y={zone.y}
              width={zone.w}
              height={zone.h}
              rx={28}
              fill={area.colorLight}
              stroke={area.color}
              strokeWidth={8}
            />
            <rect x={zone.x} y={zone.y} width={zone.w} height={18} fill={area.color} />
            <foreignObject x={zone.x + 28} y={zone.y + 34} width={zone.w - 56} height={titleHeight}>
              <div
                className="board-preview__area-title"
                style={{ fontSize: areaFont, WebkitLineClamp: clamp(titleHeight, areaFont) }}
              >
                <strong style={{ color: area.color }}>{zone.id}</strong> {area.title[lang] || '…'}
              </div>
            </foreignObject>
            {empty && (
              <foreignObject
                x={zone.x + 28}
                y={zone.y + 54 + titleHeight}
                width={zone.w - 56}
                height={Math.max(0, zone.h - titleHeight - 82)}
              >
                <div className="board-preview__cards-here" style={{ fontSize: goalFont, borderColor: area.color }}>
                  {t('designer.preview.cardsInArea')}
                </div>
              </foreignObject>
            )}
          </g>
        );
      })}
      {layout.goals.map((zone) => {
        const area = shape.focusAreas.find((a) => a.id === zone.areaId);
        const goal = area?.goals.find((g) => g.id === zone.goalId);
        if (!area || !goal) return null;
        return (
          <g key={zone.id} data-preview-goal={zone.id}>
            <rect
              x={zone.x}
              y={zone.y}
              width={zone.w}
              height={zone.h}
              rx={20}
              fill="#ffffff"
              stroke={area.color}
              strokeWidth={4}
            />
            <foreignObject x={zone.x + 24} y={zone.y + 20} width={zone.w - 48} height={Math.max(0, zone.h - 40)}>
              <div
                className="board-preview__goal-title"
                style={{ fontSize: goalFont, WebkitLineClamp: clamp(zone.h - 40, goalFont) }}
              >
                <span className="board-preview__badge" style={{ background: area.color }}>
                  {zone.id}
                </span>{' '}
                {goal.title[lang] || '…'}
              </div>
            </foreignObject>
          </g>
        );
      })}
    </svg>
  );
}
