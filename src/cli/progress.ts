import type { FileResult } from '../types.js';

/** Where the bar is drawn: stderr in the command line, a fake stream in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** `12/200 files · 31 clues · about 40 s left`: what one redraw of the bar says. */
export function progressLine(done: number, total: number, clues: number, elapsedMs: number): string {
  const parts = [`${done}/${total} files`, `${clues} ${clues === 1 ? 'clue' : 'clues'}`];
  // Time left from the pace so far; nothing until a file is done, as there is no pace yet.
  if (done > 0 && done < total) parts.push(`about ${formatSeconds(((total - done) * elapsedMs) / done)} left`);
  return parts.join(' · ');
}

function formatSeconds(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/**
 * A one-line progress bar for a batch, redrawn in place on stderr as each file is done and cleared at the end, so
 * it never mixes with the report (stdout) or the warnings after it. Drawn only on a terminal, never with --quiet
 * or in CI (`CI` set), and only for more than one file.
 */
export class Progress {
  private done = 0;
  private clues = 0;
  private total = 0;
  private readonly started: number;
  private readonly on: boolean;

  constructor(
    private readonly stream: ProgressStream,
    { quiet, env }: { quiet: boolean; env: NodeJS.ProcessEnv },
    private readonly now: () => number = Date.now,
  ) {
    this.on = Boolean(stream.isTTY) && !quiet && !env.CI;
    this.started = now();
  }

  start(total: number): void {
    this.total = total;
    this.draw();
  }

  file(result: FileResult): void {
    this.done++;
    if (result.ok) this.clues += result.clues.length;
    this.draw();
  }

  /** Clears the bar, leaving the cursor where the bar began. */
  end(): void {
    if (this.on && this.total > 1) this.stream.write('\r\u001b[K');
  }

  private draw(): void {
    if (this.on && this.total > 1) this.stream.write(`\r\u001b[K${progressLine(this.done, this.total, this.clues, this.now() - this.started)}`);
  }
}
