/**
 * A button that opens the file chooser: the visible control is the button; the
 * file input beside it is hidden from sight, the tab order and screen readers.
 * Hands over the chosen file (if any) and clears the input, so the same file
 * can be chosen again after a fix.
 */
import { type ChangeEvent, useRef } from 'react';

export interface FilePickButtonProps {
  label: string;
  accept: string;
  onFile(file: File): void;
  className?: string;
  /** The input's test id (tests set files on it). */
  testId?: string;
}

export function FilePickButton({ label, accept, onFile, className = 'button', testId }: FilePickButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) onFile(file);
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={accept}
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        onChange={picked}
        data-testid={testId}
      />
      <button type="button" className={className} onClick={() => input.current?.click()}>
        {label}
      </button>
    </>
  );
}
