/**
 * Saved progress on disk: loading that never throws, atomic saves, and reset.
 *
 * API:
 *   createProgressStore({ dir, fs? }) -> ProgressStore
 *   store.load(now)  -> Promise<LoadResult>   never rejects. A corrupt, unreadable, future-version or
 *                       too large (over MAX_FILE_BYTES) file is renamed aside (progress.json.corrupt-<n>
 *                       / .future-<n> / .too-large-<n>; never deleted) and `warning` holds ONE line
 *                       for the UI, naming the full path it went to; the learner starts fresh.
 *                       Before reading, stale temp files of our own are removed (see cleanStaleTemps).
 *   store.save(p)    -> Promise<SaveResult>   never rejects; saves from one store run in call order.
 *                       History and runs are capped first; a file that would still exceed
 *                       MAX_FILE_BYTES is not written (it could not be loaded again).
 *   store.reset(now) -> Promise<ResetResult>  keeps the old file as progress.json.bak-<n> (a new number
 *                       each time, so no backup is ever overwritten), writes a fresh one.
 *                       (The CLI asks the learner to confirm before calling it.)
 *   store.canSave    false if a file we could not read could not be moved aside either (saving
 *                    would overwrite data we never saw), or if there is no config dir at all;
 *                    save() then declines with a warning. reset() re-enables saving.
 *   openProgress({ env, flag?, now, fs? }) -> Promise<{ store } & LoadResult>  resolve the dir and load
 *   resetProgress({ env, flag?, now, fs? }) -> Promise<ResetResult>
 */
import path from 'node:path';
import { progressFilePath, resolveConfigDir, type Env } from './configDir.js';
import { capProgress, emptyProgress } from './progress.js';
import type { Progress } from './schema.js';
import { nodeStoreFs, parseTempName, type StoreFs } from './storeFs.js';
import { quickCheckProgress } from './quickCheck.js';

/**
 * The largest progress file we read. A real one stays far below (history and runs are capped:
 * a few hundred KB at most); anything bigger is damage or abuse, and parsing it would cost many
 * times its size in memory.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** A temp file whose writer is still running is left alone unless it is older than this. */
export const STALE_TEMP_MS = 60_000;

export interface LoadResult {
  progress: Progress;
  /** 'file': read from disk. 'fresh': nothing usable on disk. */
  source: 'file' | 'fresh';
  /** One line, set when something was wrong with the file (never for a simply absent one). */
  warning?: string;
  /** Where the bad file was moved to, if it was. */
  movedTo?: string;
  /** The version the file was migrated from, when it was older than the current one. */
  migratedFrom?: number;
}

export type SaveResult = { ok: true } | { ok: false; warning: string };

export interface ResetResult {
  progress: Progress;
  ok: boolean;
  /** Where the previous file now is, if there was one. */
  backup?: string;
  warning?: string;
}

export interface ProgressStore {
  readonly dir: string;
  readonly file: string;
  readonly canSave: boolean;
  load(now: number): Promise<LoadResult>;
  save(progress: Progress): Promise<SaveResult>;
  reset(now: number): Promise<ResetResult>;
}

/** Error text squeezed onto one line (fs and JSON messages can contain newlines). */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function errText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return oneLine(e?.code ? `${e.code}: ${e.message}` : String(e?.message ?? err));
}

class FileProgressStore implements ProgressStore {
  readonly file: string;
  /** Set when saving must not happen; the text says why (see canSave in the header). */
  disabledReason: string | undefined;
  /** Saves run one after another, so the last call's data is what ends on disk. */
  private queue: Promise<unknown> = Promise.resolve();

  get canSave(): boolean {
    return this.disabledReason === undefined;
  }

  constructor(
    readonly dir: string,
    private readonly fs: StoreFs,
  ) {
    this.file = progressFilePath(dir);
  }

  async load(now: number): Promise<LoadResult> {
    try {
      return await this.loadOrThrow(now);
    } catch (err) {
      // Belt and braces: loading must never take the app down, and a file we could not make
      // sense of must not be overwritten by a fresh start.
      this.disabledReason = 'saved progress could not be loaded';
      return { progress: emptyProgress(now), source: 'fresh', warning: `Could not load saved progress (${errText(err)}); starting fresh.` };
    }
  }

  private async loadOrThrow(now: number): Promise<LoadResult> {
    await this.cleanStaleTemps(now);
    let size: number | undefined;
    try {
      size = (await this.fs.stat(this.file)).size;
    } catch {
      // Absent or unstattable: reading it below says which, with the right message.
    }
    if (size !== undefined && size > MAX_FILE_BYTES) {
      return this.setAside(now, 'too-large', `is too large (${megabytes(size)}; the limit is ${megabytes(MAX_FILE_BYTES)})`);
    }
    let text: string;
    try {
      text = await this.fs.readFile(this.file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { progress: emptyProgress(now), source: 'fresh' };
      return this.setAside(now, 'corrupt', `could not be read (${errText(err)})`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      return this.setAside(now, 'corrupt', `is not valid JSON (${errText(err)})`);
    }
    // zod (in migrations.ts and schema.ts) is the largest library we bundle. A valid file of
    // the current version passes the hand-written check and the menu draws without zod; an
    // older or damaged one goes through zod, which migrates it or names what is wrong.
    const quick = quickCheckProgress(raw);
    if (quick) return { progress: capProgress(quick), source: 'file' };
    const { migrateProgress } = await import('./migrations.js');
    const migrated = migrateProgress(raw, now);
    if (!migrated.ok) {
      const why = migrated.reason === 'future' ? `is from a newer tcp-timewait (${migrated.detail})` : `is invalid (${migrated.detail})`;
      return this.setAside(now, migrated.reason, why);
    }
    const result: LoadResult = { progress: capProgress(migrated.progress), source: 'file' };
    if (migrated.migratedFrom !== undefined) result.migratedFrom = migrated.migratedFrom;
    return result;
  }

  /** Move the bad file out of the way (never delete it) and start fresh, with one warning line. */
  private async setAside(now: number, tag: 'corrupt' | 'future' | 'too-large', why: string): Promise<LoadResult> {
    const progress = emptyProgress(now);
    const name = path.basename(this.file);
    try {
      const aside = await this.freeAsideName(tag);
      await this.fs.rename(this.file, aside);
      return {
        progress,
        source: 'fresh',
        movedTo: aside,
        // The full path of the kept file comes first: it is what the learner needs to act on.
        warning: oneLine(`Saved progress moved to ${aside} and started fresh: it ${why}.`),
      };
    } catch (err) {
      this.disabledReason = `${this.file} could not be read or moved aside`;
      return {
        progress,
        source: 'fresh',
        warning: oneLine(
          `Saved progress ${this.file} ${why} and could not be moved aside (${errText(err)}); starting fresh without saving (${name} left untouched).`,
        ),
      };
    }
  }

  /**
   * Remove temp files of ours (see storeFs.ts) left by a save that never finished (kill -9, power
   * loss): those whose writer pid is gone, and any older than STALE_TEMP_MS. Other names are
   * never touched. Best effort: a failure here must not stop loading.
   */
  private async cleanStaleTemps(now: number): Promise<void> {
    let names: string[];
    try {
      names = await this.fs.list(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      const pid = parseTempName(this.file, name);
      if (pid === undefined) continue;
      const full = path.join(this.dir, name);
      try {
        const gone = pid > 0 && pid !== process.pid && !this.fs.pidAlive(pid);
        if (gone || now - (await this.fs.stat(full)).mtimeMs > STALE_TEMP_MS) await this.fs.remove(full);
      } catch {
        // Vanished meanwhile (its writer renamed it) or not ours to remove: leave it.
      }
    }
  }

  private async freeAsideName(tag: string): Promise<string> {
    for (let n = 1; n < 10_000; n++) {
      const candidate = `${this.file}.${tag}-${n}`;
      if (!(await this.fs.exists(candidate))) return candidate;
    }
    throw new Error('too many set-aside progress files');
  }

  save(progress: Progress): Promise<SaveResult> {
    const run = this.queue.then(() => this.saveNow(progress));
    this.queue = run;
    return run;
  }

  private async saveNow(progress: Progress): Promise<SaveResult> {
    if (this.disabledReason !== undefined) {
      return { ok: false, warning: `Progress not saved: ${this.disabledReason}.` };
    }
    const { progressSchema } = await import('./schema.js');
    const checked = progressSchema.safeParse(capProgress(progress));
    if (!checked.success) {
      // A bug upstream must not destroy a good file with bad data.
      return { ok: false, warning: oneLine(`Progress not saved: invalid data (${checked.error.issues[0]?.message ?? 'invalid'}).`) };
    }
    const text = `${JSON.stringify(checked.data, null, 2)}\n`;
    if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
      return { ok: false, warning: `Progress not saved: it would be ${megabytes(Buffer.byteLength(text))}, over the ${megabytes(MAX_FILE_BYTES)} limit.` };
    }
    try {
      await this.fs.mkdir(this.dir);
      await this.fs.writeFileAtomic(this.file, text);
      return { ok: true };
    } catch (err) {
      return { ok: false, warning: `Progress not saved to ${this.file} (${errText(err)}).` };
    }
  }

  async reset(now: number): Promise<ResetResult> {
    const progress = emptyProgress(now);
    let backup: string | undefined;
    try {
      await this.queue; // let pending saves land first, so none overwrites the reset
      if (await this.fs.exists(this.file)) {
        backup = await this.freeAsideName('bak');
        await this.fs.rename(this.file, backup);
      }
    } catch (err) {
      return { progress, ok: false, warning: `Could not reset progress: ${errText(err)}.` };
    }
    this.disabledReason = undefined;
    const saved = await this.save(progress);
    const result: ResetResult = { progress, ok: saved.ok };
    if (backup !== undefined) result.backup = backup;
    if (!saved.ok) result.warning = saved.warning;
    return result;
  }
}

export function createProgressStore(options: { dir: string; fs?: StoreFs }): ProgressStore {
  return new FileProgressStore(options.dir, options.fs ?? nodeStoreFs);
}

export interface OpenOptions {
  env: Env;
  flag?: string;
  now: number;
  fs?: StoreFs;
}

export async function openProgress(options: OpenOptions): Promise<{ store: ProgressStore } & LoadResult> {
  let dir: string;
  try {
    dir = resolveConfigDir(options.env, options.flag);
  } catch (err) {
    // No home directory to be found (a bare container, say): run, but keep progress in memory only.
    const store = new FileProgressStore(path.resolve('.tcp-timewait-unsaved'), options.fs ?? nodeStoreFs);
    store.disabledReason = 'no config directory';
    return {
      store,
      progress: emptyProgress(options.now),
      source: 'fresh',
      warning: `No config directory found (${errText(err)}); progress will not be saved.`,
    };
  }
  const store = createProgressStore(options.fs ? { dir, fs: options.fs } : { dir });
  const loaded = await store.load(options.now);
  return { store, ...loaded };
}

export async function resetProgress(options: OpenOptions): Promise<ResetResult> {
  const dir = resolveConfigDir(options.env, options.flag);
  const store = createProgressStore(options.fs ? { dir, fs: options.fs } : { dir });
  return store.reset(options.now);
}
