/**
 * How a zone looks: an area column tinted in its light colour with its title
 * on top, or a white goal panel with the goal's badge, title and direction.
 * Texts come from the template in the viewer's language.
 */
import type { CSSProperties } from 'react';
import { HTMLContainer } from 'tldraw';
import { inkOn } from '../../../shared/area-palette.ts';
import { placeCode } from '../../../shared/place-codes.ts';
import { findGoal } from '../../../shared/template.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useBoardTemplate } from './TemplateContext.tsx';
import type { ZoneShape } from './ZoneShape.ts';

export function ZoneView({ shape }: { shape: ZoneShape }) {
  const template = useBoardTemplate();
  const { pick } = useI18n();
  const { w, h, kind, areaId, goalId } = shape.props;
  const area = template?.focusAreas.find((a) => a.id === areaId);
  const style = {
    width: w,
    height: h,
    '--zone-color': area?.color ?? '#5D6D7E',
    '--zone-ink': inkOn(area?.color ?? '#5D6D7E'),
    '--zone-light': area?.colorLight ?? '#EEF0F2',
  } as CSSProperties;

  if (kind === 'area') {
    return (
      <HTMLContainer className="zone zone--area" style={style} data-zone={areaId}>
        <div className="zone__area-header">
          <span className="zone__level">
            {template ? `${pick(template.levelLabels.focusArea)} ${placeCode(template.focusAreas, areaId)}` : areaId}
          </span>
          <h2 className="zone__area-title">{area ? pick(area.title) : areaId}</h2>
        </div>
      </HTMLContainer>
    );
  }

  const goal = template ? findGoal(template, goalId)?.goal : undefined;
  if (goalId === areaId) {
    // A goal-less area's own card zone: its title is the area's, right above; only its description shows.
    return (
      <HTMLContainer className="zone zone--goal zone--area-own" style={style} data-zone={goalId}>
        {goal?.direction && <p className="zone__direction zone__area-description">{pick(goal.direction)}</p>}
      </HTMLContainer>
    );
  }
  const directionLabel = template?.levelLabels.direction;
  return (
    <HTMLContainer className="zone zone--goal" style={style} data-zone={goalId}>
      <div className="zone__goal-header">
        <span className="zone__badge">{template ? placeCode(template.focusAreas, goalId) : goalId}</span>
        <div className="zone__goal-text">
          <h3 className="zone__goal-title">{goal ? pick(goal.title) : goalId}</h3>
          {goal?.direction && (
            <p className="zone__direction">
              {directionLabel && <strong>{pick(directionLabel)}: </strong>}
              {pick(goal.direction)}
            </p>
          )}
        </div>
      </div>
    </HTMLContainer>
  );
}
