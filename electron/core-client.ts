// Main's side of the core process (core-process.ts): starts it, sends it the
// key, and hands it each window's MessagePort. Main itself never opens the book.
import type { CoreOpenOptions, FromCore, ToCore } from './core-process.ts';

/** Electron's UtilityProcess, as far as main uses it. */
export interface UtilityProcessLike {
  postMessage(message: ToCore, transfer?: unknown[]): void;
  on(event: 'message', listener: (message: FromCore) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export type ForkCore = () => UtilityProcessLike;

export interface CoreHandle {
  /** Hands a window's port to the core, which serves the router on it. */
  connect(port: unknown): void;
  /** Whether a meeting is running in the book; false when the core does not answer within a moment. */
  meetingRunning(): Promise<boolean>;
  close(): void;
}

/** How long main waits for the core to say whether a meeting runs: a busy core (a first sync) must not hold main. */
const STATUS_WAIT_MS = 5_000;

/** Starts the core and opens the book in it; fails as opening would (the error's name and reason kept). */
export function startCore(fork: ForkCore, options: CoreOpenOptions): Promise<CoreHandle> {
  const child = fork();
  return new Promise((resolve, reject) => {
    let settled = false;
    child.on('exit', (code) => {
      if (!settled) { settled = true; reject(new Error(`The workstation core stopped before the book was open (exit code ${code}).`)); }
    });
    const asking: ((running: boolean) => void)[] = [];
    child.on('message', (message) => {
      if (message.type === 'status') { for (const answer of asking.splice(0)) answer(message.meetingRunning); return; }
      if (settled) return;
      if (message.type === 'opened') {
        settled = true;
        resolve({
          connect: (port) => child.postMessage({ type: 'connect' }, [port]),
          meetingRunning: () => new Promise<boolean>((answer) => {
            // Unanswered, it counts as running: an update waits rather than restart into a meeting.
            const timer = setTimeout(() => { const i = asking.indexOf(done); if (i >= 0) asking.splice(i, 1); answer(true); }, STATUS_WAIT_MS);
            const done = (running: boolean) => { clearTimeout(timer); answer(running); };
            asking.push(done);
            child.postMessage({ type: 'status' });
          }),
          close: () => child.postMessage({ type: 'close' }),
        });
      } else if (message.type === 'failed') {
        settled = true;
        child.kill();
        reject(Object.assign(new Error(message.message), { name: message.name, reason: message.reason }));
      }
    });
    child.postMessage({ type: 'open', options });
  });
}
