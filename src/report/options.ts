/** How a report is shown: colour for the terminal, and whether names are redacted. */
export type ReportOptions = { color: boolean; redact?: boolean };
