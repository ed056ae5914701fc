/** Move up, move down and remove for one row of a designer list, each named after the row for screen readers. */
import { useI18n } from '../i18n/I18nProvider.tsx';

export interface ItemButtonsProps {
  /** The row's name as read out: "Fokusområde 2: Nära vård". */
  name: string;
  index: number;
  count: number;
  onMove?(delta: number): void;
  onRemove(): void;
}

export function ItemButtons({ name, index, count, onMove, onRemove }: ItemButtonsProps) {
  const { t } = useI18n();
  return (
    <span className="item-buttons">
      {onMove && (
        <>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => onMove(-1)}
            disabled={index === 0}
            aria-label={t('designer.moveUp', { name })}
            title={t('designer.moveUp', { name })}
          >
            ↑
          </button>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => onMove(1)}
            disabled={index === count - 1}
            aria-label={t('designer.moveDown', { name })}
            title={t('designer.moveDown', { name })}
          >
            ↓
          </button>
        </>
      )}
      <button
        type="button"
        className="button button--quiet button--small button--danger"
        onClick={onRemove}
        aria-label={t('designer.remove', { name })}
        title={t('designer.remove', { name })}
        data-testid="designer-remove"
      >
        ×
      </button>
    </span>
  );
}
