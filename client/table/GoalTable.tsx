/**
 * One goal's activities as a real table: a caption naming the goal, column
 * headers with scope, one row per card, and a button that adds a row.
 */

import type { CSSProperties } from 'react';
import type * as Y from 'yjs';
import { inkOn } from '../../shared/area-palette.ts';
import type { Card } from '../../shared/card-schema.ts';
import { placeCode } from '../../shared/place-codes.ts';
import type { Template } from '../../shared/template.ts';
import type { CardText } from '../cards/card-messages.ts';
import { LazyCardRow } from './LazyCardRow.tsx';
import { TABLE_FIELDS } from './table-columns.ts';
import type { TableRows } from './useRowMounting.ts';

export interface GoalTableProps {
  doc: Y.Doc;
  template: Template;
  text: CardText;
  readOnly: boolean;
  /** The goal's id, or null for the unplaced group. */
  goalId: string | null;
  caption: string;
  /** The table of a goal-less area itself: the area's heading is right above, so the caption is for screen readers only. */
  areaOwn?: boolean;
  color: string;
  cards: readonly Card[];
  targetGroupList: string;
  focusCardId: string | null;
  /** Which rows are mounted yet (useRowMounting.ts): a big board renders a screenful first. */
  rows: TableRows;
  onAdd(goalId: string | null): void;
}

export function GoalTable(props: GoalTableProps) {
  const { doc, template, text, readOnly, goalId, caption, areaOwn, color, cards, targetGroupList, focusCardId, rows } =
    props;
  const { onAdd } = props;
  const { t, field } = text;
  // The registry's plan-table columns (activity first, then its order; its widths), then status and the row's controls.
  const columns = [
    ...TABLE_FIELDS.map((f) => ({ id: f.id, label: field(f.id), width: f.document.width })),
    { id: 'status', label: t('card.status'), width: 26 },
    { id: 'manage', label: t('table.col.manage'), width: 20 },
  ];
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  return (
    <div
      className="goal-table"
      style={{ '--goal-color': color, '--goal-ink': inkOn(color) } as CSSProperties}
      data-goal={goalId ?? ''}
    >
      <table>
        <caption className={areaOwn ? 'sr-only' : undefined}>
          {goalId && !areaOwn && <span className="goal-table__badge">{placeCode(template.focusAreas, goalId)}</span>}
          <span className="goal-table__caption">{caption}</span>
          <span className="goal-table__count">({cards.length})</span>
        </caption>
        <colgroup>
          {columns.map((column) => (
            <col
              key={column.id}
              className={`col-${column.id}`}
              style={{ width: `${((column.width / total) * 100).toFixed(2)}%` }}
            />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cards.map((card) => (
            <LazyCardRow
              key={card.id}
              rows={rows}
              doc={doc}
              card={card}
              template={template}
              text={text}
              readOnly={readOnly}
              targetGroupList={targetGroupList}
              focusTitle={card.id === focusCardId}
            />
          ))}
          {cards.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="goal-table__empty">
                {t('table.empty')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {!readOnly && (
        <button
          type="button"
          className="button button--small goal-table__add"
          onClick={() => onAdd(goalId)}
          data-testid="table-add-card"
        >
          <span aria-hidden="true">+</span> {goalId ? t('card.addToGoal', { goal: goalId }) : t('card.add')}
        </button>
      )}
    </div>
  );
}
