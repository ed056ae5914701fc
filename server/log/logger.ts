/**
 * The server's structured log: pino, one JSON line per event on stdout
 * (README "Logging"). Every event carries `event` (what happened) and, where
 * it applies, `board` and `address`. What is never logged: query strings,
 * request headers, tokens. The redaction below is a second guard in case a
 * caller passes such a field by mistake; the first is not passing them.
 */
import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/** Field names that may carry a secret; pino replaces their values. */
const REDACTED_PATHS = [
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers',
  '*.headers',
  'query',
  '*.query',
  'url',
  '*.url',
];

export interface LoggerOptions {
  /** pino level: fatal, error, warn, info (default), debug, trace or silent. */
  level?: string;
  /** Where lines go; stdout when absent (tests pass an array-backed stream). */
  destination?: DestinationStream;
}

export function createLogger({ level = 'info', destination }: LoggerOptions = {}): Logger {
  const options = {
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** A logger that writes nothing (tests that do not read the log). */
export function silentLogger(): Logger {
  return createLogger({ level: 'silent' });
}
