import { createPrng, type Prng } from './prng';

/** Faults the demo Graph injects, as tests and the configuration set them. */
export interface DemoFaultSettings {
  /** Added before every Graph request is answered. */
  latencyMs: number;
  /** Fraction (0–1) of Graph calls answered 429 with `Retry-After`. */
  rate429: number;
  /** Fraction (0–1) of Graph calls answered 503. */
  rate503: number;
  /** The `Retry-After` value, in seconds, of those answers. */
  retryAfterSeconds: number;
  /** Whether each part of a `$batch` may fail on its own too, as Graph's do. */
  batchParts: boolean;
  /**
   * How an event create with a `transactionId` the mailbox already holds is answered: with that
   * event (`existing`), or with Exchange's 400 `ErrorDuplicateTransactionId` (`error`). Exchange
   * does both, so clients must handle both.
   */
  duplicateTransactionId: 'existing' | 'error';
}

export const NO_FAULTS: DemoFaultSettings = { latencyMs: 0, rate429: 0, rate503: 0, retryAfterSeconds: 1, batchParts: true, duplicateTransactionId: 'existing' };

export type InjectedFault = { status: 429 | 503; retryAfterSeconds: number } | undefined;

/**
 * Decides, call by call, whether to inject a fault. Seeded, so a test that sets 30% sees the same
 * sequence on every run.
 */
export class FaultInjector {
  private settings: DemoFaultSettings;
  private rnd: Prng;

  constructor(initial: Partial<DemoFaultSettings> = {}, private readonly seed: string | number = 'unplug-demo-faults') {
    this.settings = normaliseFaults({ ...NO_FAULTS, ...initial });
    this.rnd = createPrng(seed);
  }

  get current(): DemoFaultSettings {
    return { ...this.settings };
  }

  /** Changes some settings, keeps the others; restarts the random sequence. */
  set(changes: Partial<DemoFaultSettings>): DemoFaultSettings {
    this.settings = normaliseFaults({ ...this.settings, ...changes });
    this.rnd = createPrng(this.seed);
    return this.current;
  }

  /** The fault for one Graph call (or one part of a batch), if any. */
  next(kind: 'request' | 'batchPart'): InjectedFault {
    const { rate429, rate503, retryAfterSeconds, batchParts } = this.settings;
    if (kind === 'batchPart' && !batchParts) return undefined;
    if (rate429 === 0 && rate503 === 0) return undefined;
    const roll = this.rnd.next();
    if (roll < rate429) return { status: 429, retryAfterSeconds };
    if (roll < rate429 + rate503) return { status: 503, retryAfterSeconds };
    return undefined;
  }
}

/** Range checks, with messages that name the setting. */
export function faultProblems(settings: Partial<DemoFaultSettings>): string[] {
  const problems: string[] = [];
  const { latencyMs, rate429, rate503, retryAfterSeconds } = settings;
  if (latencyMs !== undefined && !(Number.isInteger(latencyMs) && latencyMs >= 0 && latencyMs <= 60_000)) problems.push('latencyMs must be a whole number from 0 to 60000');
  if (rate429 !== undefined && !(rate429 >= 0 && rate429 <= 1)) problems.push('rate429 must be from 0 to 1');
  if (rate503 !== undefined && !(rate503 >= 0 && rate503 <= 1)) problems.push('rate503 must be from 0 to 1');
  if (problems.length === 0 && (rate429 ?? 0) + (rate503 ?? 0) > 1) problems.push('rate429 + rate503 must not exceed 1');
  if (retryAfterSeconds !== undefined && !(Number.isInteger(retryAfterSeconds) && retryAfterSeconds >= 0 && retryAfterSeconds <= 3600)) problems.push('retryAfterSeconds must be a whole number from 0 to 3600');
  return problems;
}

function normaliseFaults(settings: DemoFaultSettings): DemoFaultSettings {
  const problems = faultProblems(settings);
  if (problems.length > 0) throw new RangeError(`Invalid demo faults: ${problems.join('; ')}`);
  return settings;
}
