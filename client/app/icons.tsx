/**
 * The few icons the page draws itself, as inline SVG: emoji depend on the
 * system's fonts (missing on many Linux desktops and in kiosks) and read
 * differently across platforms. Decorative: the text beside them says it.
 */
const common = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  focusable: false,
} as const;

export function LockIcon({ open = false }: { open?: boolean }) {
  return (
    <svg {...common} className="icon" aria-hidden="true">
      <rect x="3" y="7" width="10" height="7.5" rx="1.5" />
      <path d={open ? 'M5.5 7V4.8a2.5 2.5 0 0 1 4.9-.6' : 'M5.5 7V4.8a2.5 2.5 0 0 1 5 0V7'} />
    </svg>
  );
}

export function GearIcon() {
  return (
    <svg {...common} className="icon" aria-hidden="true">
      <circle cx="8" cy="8" r="2.2" />
      <path d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4" />
    </svg>
  );
}

export function HistoryIcon() {
  return (
    <svg {...common} className="icon" aria-hidden="true">
      <path d="M2.5 8a5.5 5.5 0 1 0 1.8-4.1L2.5 5.5" />
      <path d="M2.5 2.5v3h3" />
      <path d="M8 5v3l2 1.3" />
    </svg>
  );
}

export function TrashIcon() {
  return (
    <svg {...common} className="icon" aria-hidden="true">
      <path d="M2.5 4h11" />
      <path d="M6 4V2.5h4V4" />
      <path d="M12.5 4l-.7 9.5H4.2L3.5 4" />
      <path d="M6.7 6.8v4.2M9.3 6.8v4.2" />
    </svg>
  );
}

/** The board's layout: areas side by side, goals stacked in them. */
export function LayoutIcon() {
  return (
    <svg {...common} className="icon" aria-hidden="true">
      <rect x="1.5" y="2" width="6" height="12" rx="1.2" />
      <rect x="8.5" y="2" width="6" height="5.5" rx="1.2" />
      <rect x="8.5" y="8.5" width="6" height="5.5" rx="1.2" />
    </svg>
  );
}
