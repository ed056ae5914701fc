/**
 * A facilitator's panel that opens under its button in the board header (the workshop panel,
 * the voting panel): the button says whether it is open, Escape closes it and gives the focus
 * back to the button, so the keyboard never lands at the top of the page.
 */
import { type ReactNode, useRef } from 'react';

export interface HeaderPanelProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  buttonLabel: string;
  /** The panel's accessible name. */
  panelLabel: string;
  buttonTestId: string;
  children: ReactNode;
}

export function HeaderPanel({ open, onOpenChange, buttonLabel, panelLabel, buttonTestId, children }: HeaderPanelProps) {
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    onOpenChange(false);
    button.current?.focus();
  };
  return (
    <div className="workshop-panel-anchor">
      <button
        type="button"
        className="button"
        ref={button}
        aria-expanded={open}
        onClick={() => onOpenChange(!open)}
        data-testid={buttonTestId}
      >
        {buttonLabel}
      </button>
      {open && (
        <section
          className="workshop-panel"
          aria-label={panelLabel}
          onKeyDown={(event) => event.key === 'Escape' && close()}
        >
          {children}
        </section>
      )}
    </div>
  );
}
