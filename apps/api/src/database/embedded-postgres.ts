import { EventEmitter } from 'node:events';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';

/**
 * The embedded database: PostgreSQL compiled to WebAssembly (PGlite), persisted in a local folder.
 *
 * PGlite is a single connection. TypeORM expects a `pg`-style pool whose clients are exclusive (a transaction
 * holds its client until release), so this pool hands out one client at a time and queues the others: the
 * same isolation guarantees the application code gets from a real pool, serialized.
 */
export async function openEmbeddedPostgres(dataDir: string): Promise<PGlite> {
  const persistent = dataDir !== 'memory://';
  if (persistent) {
    mkdirSync(dataDir, { recursive: true });
    lockDataDir(dataDir);
  }
  return PGlite.create({
    dataDir: persistent ? dataDir : undefined,
    // Parse values as node-postgres does, so both engines hand the same shapes to TypeORM.
    parsers: {
      [types.INT8]: (value: string) => value,
      [types.NUMERIC]: (value: string) => value,
      [types.DATE]: (value: string) => value,
    },
  });
}

/** PGlite corrupts a folder opened by two processes: refuse the second one with a clear message. */
function lockDataDir(dataDir: string): void {
  const lockFile = join(dataDir, '..', `${dataDir.split(/[\\/]/).pop() ?? 'pglite'}.lock`);
  try {
    const fd = openSync(lockFile, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
  } catch {
    const holder = Number(readFileSync(lockFile, 'utf8'));
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `Il database incorporato in ${dataDir} è già in uso dal processo ${holder}. Fermalo o usa un'altra PGLITE_DIR.`,
      );
    }
    rmSync(lockFile, { force: true });
    lockDataDir(dataDir);
    return;
  }
  process.once('exit', () => rmSync(lockFile, { force: true }));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

type QueryCallback = (error: Error | null, result?: unknown) => void;
type Release = (error?: unknown) => void;
type ConnectCallback = (error: Error | null, client?: EmbeddedClient, release?: Release) => void;

class EmbeddedClient extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  query(
    sql: string,
    paramsOrCallback?: unknown[] | QueryCallback,
    maybeCallback?: QueryCallback,
  ): Promise<unknown> {
    const params = Array.isArray(paramsOrCallback) ? paramsOrCallback : undefined;
    const callback = typeof paramsOrCallback === 'function' ? paramsOrCallback : maybeCallback;
    // Without parameters a string may hold several statements (migrations): run it with the simple protocol.
    const run =
      params && params.length > 0
        ? this.db.query(sql, params)
        : this.db.exec(sql).then((results) => results[results.length - 1] ?? { rows: [], fields: [] });
    return run.then(
      (result) => {
        callback?.(null, result);
        return result;
      },
      (error: Error) => {
        callback?.(error);
        throw error;
      },
    );
  }
}

/** A `pg.Pool` look-alike over one PGlite instance, passed to TypeORM as `driver: { Pool }`. */
export function embeddedPoolClass(db: PGlite): new () => EventEmitter {
  return class EmbeddedPool extends EventEmitter {
    private readonly client = new EmbeddedClient(db);
    private busy = false;
    private readonly waiting: (() => void)[] = [];

    connect(callback: ConnectCallback): void {
      this.acquire().then(
        (release) => callback(null, this.client, release),
        (error: Error) => callback(error),
      );
    }

    async query(sql: string, params?: unknown[]): Promise<unknown> {
      const release = await this.acquire();
      try {
        return await this.client.query(sql, params);
      } finally {
        release();
      }
    }

    end(callback?: (error?: Error) => void): Promise<void> {
      const closing = db.close();
      if (callback) {
        closing.then(
          () => callback(),
          (error: Error) => callback(error),
        );
      }
      return closing;
    }

    /** Waits for the single client; the returned function hands it to the next in line. */
    private acquire(): Promise<Release> {
      return new Promise((resolve) => {
        const grant = () => {
          let released = false;
          resolve(() => {
            if (released) return;
            released = true;
            const next = this.waiting.shift();
            if (next) next();
            else this.busy = false;
          });
        };
        if (this.busy) {
          this.waiting.push(grant);
        } else {
          this.busy = true;
          grant();
        }
      });
    }
  };
}
