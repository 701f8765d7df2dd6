/** One piece of personal data in a text. */
export interface Finding {
  /** The kind's name: "phone", "email", "credit_card", ... or a custom kind. */
  kind: string;
  /** UTF-16 index of the first code unit: `text.slice(start, end)` is the match. */
  start: number;
  /** UTF-16 index one past the last code unit. */
  end: number;
  /** The matched text. */
  text: string;
  /** How sure the detector is, from 0 to 1. */
  confidence: number;
  /** The canonical value: E.164 for phones, lower-cased domain for e-mails, ... */
  normalized: string;
}

export interface ScannerOptions {
  /** Default region hint (ISO 3166 alpha-2): "IN" unless `config` names one; null for none. */
  region?: string | null;
  /** Only detect these kinds. */
  kinds?: string[];
  /** A configuration (object or JSON string), the schema of the CLI's --config. */
  config?: object | string;
  /** The tenant's secret key (at least 16 bytes) for the keyed operators of roles. */
  key?: Uint8Array;
  /** Drop findings below this confidence (0 to 1; default 0.5). */
  minConfidence?: number;
}

export interface ScanOptions {
  /** Region hint for this call ("" for none); the scanner's when absent. */
  region?: string;
}

export interface RedactOptions extends ScanOptions {
  /** The viewer's role (agent, supervisor, compliance, export, or configured); the policy's default when absent. */
  role?: string;
}

/** One reveal attempt, as given to the audit function. Holds no value. */
export interface AuditEvent {
  /** When, RFC 3339 in UTC to the second ("2024-05-01T09:30:00Z"). */
  time: string;
  /** Who asked. */
  actor: string;
  /** As which role. */
  role: string;
  /** The kind's name ("phone", or a custom kind). */
  kind: string;
  /** The conversation, or null when not given. */
  conversation: string | null;
  /** What happened. */
  outcome: 'revealed' | 'denied' | 'not_found';
}

/** Maps tokens to values: a function returning the value (or null/undefined
 * when unknown), a Map, or an object with the tokens as own properties. */
export type Vault =
  | ((token: string) => string | null | undefined)
  | ReadonlyMap<string, string>
  | Readonly<Record<string, string>>;

export interface RevealOptions {
  /** The kind of the value: "phone", "email", ... or a custom kind. */
  kind: string;
  /** The role asking; it must be allowed to reveal (supervisor, compliance, or configured). */
  role: string;
  /** Who asks; recorded in the audit event. */
  actor: string;
  /** Required: called once per attempt, allowed or not. What it throws is thrown by reveal(), and no value is returned. */
  audit: (event: AuditEvent) => void;
  /** Token lookup; not needed for FPE values (the scanner's key decrypts them). */
  vault?: Vault | null;
  /** The conversation the value came from; recorded. */
  conversation?: string | null;
  /** Region hint to read an FPE phone number in national format; the scanner's when absent. */
  region?: string | null;
}

/** piimask_status values. */
export declare const Status: Readonly<{
  OK: 0;
  NULL_ARGUMENT: 1;
  INVALID_CONFIG: 2;
  UNKNOWN_REGION: 3;
  UNKNOWN_KIND: 4;
  UNKNOWN_ROLE: 5;
  OUT_OF_RANGE: 6;
  INVALID_ARGUMENT: 7;
  REDACTION_FAILED: 8;
  PANIC: 9;
  ERROR: 10;
  MISSING_KEY: 11;
  REVEAL_DENIED: 12;
  NOT_FOUND: 13;
}>;

/** A failed piimask call. The message never contains scanned text. */
export declare class PiimaskError extends Error {
  /** The C status code. */
  status: number;
  /** Its name, e.g. "UNKNOWN_REGION", "REVEAL_DENIED", "NOT_FOUND". */
  code: string;
}

/** Finds and masks personal data. Build once, share: a Scanner is immutable. */
export declare class Scanner {
  constructor(options?: ScannerOptions);
  /** The default region hint, or null. */
  readonly region: string | null;
  /** The findings in `text`, in order, never overlapping. */
  scan(text: string, options?: ScanOptions): Finding[];
  /** `text` with every finding masked; throws rather than return unmasked text. */
  redact(text: string, options?: RedactOptions): string;
  /** scan() of each text, in one call into the library. */
  scanBatch(texts: Iterable<string>, options?: ScanOptions): Finding[][];
  /** redact() of each text, in one call into the library. */
  redactBatch(texts: Iterable<string>, options?: RedactOptions): string[];
  /**
   * The value behind a token or an FPE value, for a role allowed to reveal.
   * Every attempt is reported to `options.audit`. Throws a PiimaskError
   * (code REVEAL_DENIED, NOT_FOUND, UNKNOWN_ROLE, MISSING_KEY, ...) when
   * nothing is revealed.
   */
  reveal(value: string, options: RevealOptions): string;
  /** Frees the scanner now rather than at garbage collection. */
  close(): void;
}

/** The version of the loaded C library. */
export declare function libraryVersion(): string;

/** Where the C library was loaded from. */
export declare const LIBRARY_PATH: string;

/** Options of a redacting stream: a region hint and a role, plus Transform options. */
export interface RedactStreamOptions extends import('stream').TransformOptions {
  region?: string | null;
  role?: string | null;
}

/**
 * A Transform stream that redacts the text piped through it (Buffers or
 * strings in, Buffers out). Chunks may be split anywhere (inside a UTF-8
 * character or a surrogate pair); the output joined equals
 * `scanner.redact()` of the whole text. Before each piece of output it
 * emits a 'finding' event per finding in that piece, as `scanner.scan()`
 * gives them for the whole text: `start` and `end` are UTF-16 offsets into
 * the whole stream.
 */
export declare class RedactTransform extends import('stream').Transform {
  constructor(scanner: Scanner, options?: RedactStreamOptions);
  on(event: 'finding', listener: (finding: Finding) => void): this;
  on(event: string | symbol, listener: (...args: any[]) => void): this;
  once(event: 'finding', listener: (finding: Finding) => void): this;
  once(event: string | symbol, listener: (...args: any[]) => void): this;
}

/** A RedactTransform for `scanner`. */
export declare function redactStream(scanner: Scanner, options?: RedactStreamOptions): RedactTransform;

/** What happens to a checked message. */
export type GuardAction = 'deliver' | 'mask' | 'hold';

/** One caught value of a checked message. Never holds the value. */
export interface GuardEvent {
  /** Why it was caught. */
  class: 'cross_conversation_leak' | 'unknown_outbound' | 'store_error' | 'check_error';
  /** The kind's name (phone, email, ...). */
  kind: string;
  /** UTF-16 index of the value's first code unit in the checked text. */
  start: number;
  /** UTF-16 index one past its end. */
  end: number;
  /** The conversations that own it (cross-conversation leaks). */
  owners: string[];
  /** The rule that fired, e.g. `cross_conversation_leak.phone`. */
  rule: string;
  /** What the rule does. */
  action: GuardAction;
  /** The explanation for the agent. */
  coaching: string;
}

/** The result of Guard#check. */
export interface GuardCheck {
  /** The strictest of the events' actions ('deliver' when none). */
  action: GuardAction;
  /** One per caught value, in text order. */
  events: GuardEvent[];
  /** What to send: the original, the masked text, or null (held). */
  text: string | null;
}

export interface GuardOptions {
  /** The tenant's secret key (at least 16 bytes): fingerprints and snapshots use a subkey of it. */
  key: Uint8Array;
  /** The guard configuration (actions, coaching, lifetime_secs, max_values_per_conversation, mask_role, language, read_spelled_out, split_window_secs; docs/guard.md). */
  config?: object | string;
}

/** Times are Unix seconds; absent means now. */
export interface GuardTimeOptions {
  time?: number;
}

/** The leak guard: who owns which value, and what agents may send. */
export declare class Guard {
  constructor(scanner: Scanner, options: GuardOptions);
  /** Learns the personal data a customer wrote; returns how many values. */
  observe(conversation: string, text: string, options?: GuardTimeOptions & { region?: string }): number;
  /** Records that `conversation` owns `value` of `kind` (WhatsApp number, e-mail on file). */
  register(conversation: string, kind: string, value: string, options?: GuardTimeOptions): void;
  /** Checks a message `sender` sends in `conversation`; held (never thrown) on a store or masking failure. */
  check(conversation: string, sender: string, text: string, options?: GuardTimeOptions & { language?: string }): GuardCheck;
  /** Erases everything `conversation` owns; returns how many values. */
  forget(conversation: string): number;
  /** Writes the ownership (fingerprints only) to `path` atomically; returns how many values. */
  snapshot(path: string): number;
  /** Replaces the ownership with the snapshot at `path`; throws and changes nothing on a damaged file. */
  restore(path: string): number;
  /** Frees the guard now rather than at garbage collection. */
  close(): void;
}
