import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A JSON document on disk, replaced atomically (write a temporary file, then rename) so that a crash leaves either
 * the old or the new content. The simulator is a single process: callers mutate in memory and call `save()`.
 */
export class JsonFile<T> {
  constructor(
    private readonly path: string,
    private readonly empty: () => T,
  ) {}

  load(): T {
    try {
      return JSON.parse(readFileSync(this.path, 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.empty();
      throw new Error(`${this.path}: file non leggibile (${(error as Error).message})`);
    }
  }

  save(value: T): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(value));
    renameSync(temporary, this.path);
  }
}
