import type { Severity } from './types.js';

/** Severities ordered so that a larger number matters more. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The more serious of two severities. */
export function worse(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}
