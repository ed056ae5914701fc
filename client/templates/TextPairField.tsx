/**
 * A template text in Swedish and, optionally, English: two inputs side by
 * side. The English one shows the Swedish text as its placeholder, since that
 * is what an empty English text becomes when the design is saved.
 */
import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { TextPair } from './design.ts';

export interface TextPairFieldProps {
  label: string;
  value: TextPair;
  onChange(value: TextPair): void;
  multiline?: boolean;
  /** Marks the Swedish text as needed (the English one never is). */
  required?: boolean;
  /** The template schema's bound for this text (shared/template-bounds.ts). */
  maxLength: number;
  testId?: string;
}

export function TextPairField({
  label,
  value,
  onChange,
  multiline = false,
  required = false,
  maxLength,
  testId,
}: TextPairFieldProps) {
  const { t } = useI18n();
  const Input = multiline ? 'textarea' : 'input';
  const id = useId();
  return (
    <div className="pair-field" data-testid={testId}>
      <div className="pair-field__half">
        <label className="field__label" htmlFor={`${id}sv`}>
          {label}
          {required && <span aria-hidden="true"> *</span>}
        </label>
        <Input
          id={`${id}sv`}
          lang="sv"
          value={value.sv}
          rows={multiline ? 2 : undefined}
          maxLength={maxLength}
          aria-required={required || undefined}
          onChange={(event) => onChange({ ...value, sv: event.target.value })}
          data-lang="sv"
        />
      </div>
      <div className="pair-field__half">
        <label className="pair-field__en" htmlFor={`${id}en`}>
          {label} – {t('designer.english')}
        </label>
        <Input
          id={`${id}en`}
          lang="en"
          value={value.en}
          rows={multiline ? 2 : undefined}
          maxLength={maxLength}
          placeholder={value.sv}
          onChange={(event) => onChange({ ...value, en: event.target.value })}
          data-lang="en"
        />
      </div>
    </div>
  );
}
