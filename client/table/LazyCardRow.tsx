/**
 * A card's table row, or until it mounts (row-mounting.ts) a light
 * placeholder of about its height: a row header with the card's title, so a
 * screen reader's table navigation and find-in-page see the activity. The
 * placeholder is a Tab stop; focusing it mounts the row and moves focus to
 * the row's first control (or its last, when tabbing backwards), so the Tab
 * order is the same as if every row had been rendered.
 */
import { type FocusEvent, memo, useCallback, useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import { CardRow, type CardRowProps } from './CardRow.tsx';
import { FOCUSABLE } from './row-focus.ts';
import type { FocusEdge } from './row-mounting.ts';
import { CELLS_AFTER_ACTIVITY } from './table-columns.ts';
import type { TableRows } from './useRowMounting.ts';

export interface LazyCardRowProps extends CardRowProps {
  rows: TableRows;
}

export const LazyCardRow = memo(function LazyCardRow({ rows, ...props }: LazyCardRowProps) {
  const { mounting } = rows;
  const id = props.card.id;
  // A card just added here mounts at once: its title gets the caret.
  if (props.focusTitle) mounting.mountBeforeRender(id);
  const subscribe = useCallback((listener: () => void) => mounting.subscribe(id, listener), [mounting, id]);
  const mounted = useSyncExternalStore(subscribe, () => mounting.isMounted(id));
  return mounted ? <MountedRow rows={rows} {...props} /> : <RowPlaceholder rows={rows} {...props} />;
});

function MountedRow({ rows, ...props }: LazyCardRowProps) {
  const { mounting } = rows;
  const id = props.card.id;
  // Hands the row the focus its placeholder had.
  useLayoutEffect(() => {
    const edge = mounting.takeFocus(id);
    const row = edge && rows.rowElement(id);
    if (!edge || !row) return;
    const controls = row.querySelectorAll<HTMLElement>(FOCUSABLE);
    (edge === 'first' ? controls[0] : controls[controls.length - 1])?.focus();
  }, [rows, mounting, id]);
  return <CardRow {...props} />;
}

function RowPlaceholder({ rows, card, text }: LazyCardRowProps) {
  const { mounting } = rows;
  const ref = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    const row = ref.current;
    return row ? rows.watch(row, card.id) : undefined;
  }, [rows, card.id]);

  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const from = event.relatedTarget;
    // Focus coming from further down the page (Shift+Tab) lands on the row's last control.
    const backwards =
      from instanceof Node &&
      (event.currentTarget.compareDocumentPosition(from) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    const edge: FocusEdge = backwards ? 'last' : 'first';
    mounting.mountForFocus(card.id, edge);
  };

  return (
    <tr
      ref={ref}
      data-card-id={card.id}
      data-testid="card-row-placeholder"
      className={`card-row card-row--${card.status} card-row--placeholder`}
    >
      <th scope="row" className="card-row__activity" tabIndex={0} onFocus={onFocus}>
        <span className="card-row__placeholder-title">{card.title.trim() || text.t('card.untitled')}</span>
      </th>
      <td colSpan={CELLS_AFTER_ACTIVITY} />
    </tr>
  );
}
