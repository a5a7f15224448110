import type { FailOn } from '../finish/exit-code.js';

/** How a report is shown: colour for the terminal, whether names are redacted, and (for the HTML summary) `--fail-on`. */
export type ReportOptions = {
  color: boolean;
  redact?: boolean;
  failOn?: FailOn;
  /** `--shard`: which share of the inputs this run checked, recorded by the machine formats so a merge can check it has every share. */
  shard?: { index: number; count: number };
};
