// Files (meeting attachments) go through one storage interface. The default keeps them in a local
// folder (FILE_STORAGE_DIR); an object store can implement the same two methods later.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { config } from '../config';

export interface FileStorage {
  /** Stores the bytes under a key made of safe path segments ([A-Za-z0-9._-] separated by '/'). */
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
}

const SAFE_KEY = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!SAFE_KEY.test(key) || key.split('/').some((s) => s === '..' || s === '.')) {
      throw new Error(`unsafe storage key: ${key}`);
    }
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // write then rename, so a crash never leaves half a file under the key
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, file);
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }
}

let storage: FileStorage | undefined;
export function fileStorage(): FileStorage {
  return (storage ??= new LocalFileStorage(config.fileStorageDir));
}
