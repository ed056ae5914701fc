/**
 * A labelled whole-number input of a facilitator's panel (a phase's minutes, votes per person).
 * The bounds are the browser's hint only: the server checks the value it is sent.
 */
export interface NumberFieldProps {
  label: string;
  min: number;
  max: number;
  value: number;
  onChange(value: number): void;
  testId: string;
}

export function NumberField({ label, min, max, value, onChange, testId }: NumberFieldProps) {
  return (
    <label>
      {label}{' '}
      <input
        type="number"
        min={min}
        max={max}
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
        data-testid={testId}
      />
    </label>
  );
}
