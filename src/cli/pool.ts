import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';

/** How a pool of worker threads runs one kind of task. */
export interface PoolOptions<I, O> {
  /** Worker threads to run at once; 1 or fewer runs nothing in parallel but still isolates each task's memory. */
  jobs: number;
  /** A module that answers each `{ id, input }` message with `{ id, output }` (see `serveTasks`). */
  worker: URL;
  /** The output for an input whose worker died (out of memory, a crash) instead of answering. */
  failed: (input: I, reason: string) => O;
  /** The most heap one worker may use, in MB: past it, only that task fails. */
  memoryMb?: number;
  /** The output for an input that needs no worker (a file that could not be read), or undefined to send it to one. */
  direct?: (input: I) => O | undefined;
}

/** Every core the machine offers: the default for `--jobs`. */
export const defaultJobs = (): number => availableParallelism();

interface Running<I> {
  worker: Worker;
  task?: { id: number; input: I };
}

/**
 * Runs every input on a pool of worker threads and yields the outputs in input order, each as soon as it and every
 * one before it are done, so a report can stream while later files are still being checked. An input is taken from
 * `inputs` only when a worker is free for it, and only finished outputs wait for their turn, so memory does not grow
 * with the number of inputs. An input `direct` answers (a file that could not be read) needs no worker.
 * A worker that dies (a transcript too big for `memoryMb`, say) fails only its own input; the pool goes on.
 */
export async function* inWorkers<I, O>(inputs: Iterable<I> | AsyncIterable<I>, options: PoolOptions<I, O>): AsyncGenerator<O> {
  const pending = Symbol.asyncIterator in inputs ? inputs[Symbol.asyncIterator]() : inputs[Symbol.iterator]();
  const done = new Map<number, O>();
  let next = 0;
  let started = 0;
  let exhausted = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const settle = (id: number, output: O) => {
    done.set(id, output);
    wake?.();
  };
  const pool: Array<Running<I>> = [];

  const feed = async (slot: Running<I>): Promise<void> => {
    delete slot.task;
    for (;;) {
      let item: IteratorResult<I>;
      try {
        item = await pending.next();
      } catch (error) {
        failure ??= error;
        item = { done: true, value: undefined };
      }
      if (item.done) {
        exhausted = true;
        wake?.();
        void slot.worker.terminate();
        return;
      }
      const id = started++;
      const output = options.direct?.(item.value);
      if (output !== undefined) {
        settle(id, output);
        continue;
      }
      slot.task = { id, input: item.value };
      slot.worker.postMessage(slot.task);
      return;
    }
  };
  const spawn = (): Running<I> => {
    const limits = options.memoryMb ? { resourceLimits: { maxOldGenerationSizeMb: options.memoryMb } } : {};
    const slot: Running<I> = { worker: new Worker(options.worker, limits) };
    slot.worker.on('message', ({ id, output }: { id: number; output: O }) => {
      settle(id, output);
      void feed(slot);
    });
    slot.worker.on('error', (error: Error & { code?: string }) => {
      const { task } = slot;
      if (!task) return;
      const reason = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `ran out of memory (more than ${options.memoryMb} MB)` : error.message;
      settle(task.id, options.failed(task.input, reason));
      delete slot.task;
      // The dead worker's place goes to a new one, so the rest of the inputs still run.
      const replacement = spawn();
      pool[pool.indexOf(slot)] = replacement;
      void feed(replacement);
    });
    return slot;
  };

  try {
    for (let k = 0; k < Math.max(1, options.jobs); k++) {
      const slot = spawn();
      pool.push(slot);
      void feed(slot);
    }
    for (;;) {
      while (!done.has(next) && !(exhausted && next === started && failure === undefined)) {
        if (failure !== undefined) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      if (!done.has(next)) break;
      const output = done.get(next)!;
      done.delete(next++);
      yield output;
    }
  } finally {
    // A consumer that stops early (a closed pipe) leaves no thread running.
    await Promise.all(pool.map((s) => s.worker.terminate()));
  }
}

/** In a worker module: answers the pool's tasks with `run`. */
export function serveTasks<I, O>(run: (input: I) => O | Promise<O>): void {
  if (!parentPort) throw new Error('serveTasks runs only in a worker thread');
  const port = parentPort;
  port.on('message', async ({ id, input }: { id: number; input: I }) => port.postMessage({ id, output: await run(input) }));
}
