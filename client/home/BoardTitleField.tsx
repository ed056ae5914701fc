/** The board-title input of the create and import forms: same limit, same layout. */
import { BOARD_TITLE_MAX } from '../../shared/api.ts';

export interface BoardTitleFieldProps {
  label: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
  testId: string;
}

export function BoardTitleField({ label, placeholder, value, onChange, testId }: BoardTitleFieldProps) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        name="title"
        value={value}
        maxLength={BOARD_TITLE_MAX}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </label>
  );
}
