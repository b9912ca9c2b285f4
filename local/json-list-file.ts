import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A list kept in one JSON file (`npm start -- --data DIR`), rewritten whole on every change: written
 * to a temporary file and renamed over the old one, so a process killed at any moment leaves either
 * the list before the change or the list after it, never half of one.
 */
export class JsonListFile<T> {
  private readonly file: string;

  constructor(file: string) {
    this.file = file;
    mkdirSync(path.dirname(file), { recursive: true });
  }

  load(): T[] {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as T[];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  save(items: readonly T[]): void {
    const next = `${this.file}.next`;
    writeFileSync(next, JSON.stringify(items));
    renameSync(next, this.file);
  }
}
