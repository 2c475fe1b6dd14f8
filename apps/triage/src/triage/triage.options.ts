import { TriageOptions } from '@draftdesk/triage';

// The settings live in @draftdesk/triage so that `draftdesk triage` selects its engine exactly as this service does.
export { triageConfigShape, triageOptions } from '@draftdesk/triage';
export type { TriageOptions } from '@draftdesk/triage';

export const TRIAGE_OPTIONS = Symbol('TRIAGE_OPTIONS');

/** The embedded engine with shop models: what the embedded (one-process) mode uses. */
export const DEFAULT_TRIAGE_OPTIONS: TriageOptions = { engine: 'embedded', modelRefreshMs: 60_000 };
