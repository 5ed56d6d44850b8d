// The core's ResultStorage on a folder, for the front ends that run on Node (the CLI's `--cache DIR`
// and the editor's worker). One file per entry, named by its key; written to a temporary name and
// renamed (atomic on one file system), so runs sharing the folder never read half an entry. An entry
// is read only when it is a regular file of bounded size (not a link, a FIFO or a device planted in
// the folder); anything else is a miss. Callers check an entry's shape before use.
import { createHash, randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { ResultStorage } from "../core";

const KEY = /^[0-9a-f]{64}$/;
/** An entry's name: its key, a SHA-256 in hex. */
export const isEntryName = (name: string): boolean => KEY.test(name);
/** The digest the front ends key entries with (and hash their engine's code by). */
export const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

export interface FolderStorageOptions {
  /** Larger entries are not read. */
  readonly maxEntryBytes: number;
  /** A read marks the entry used (its modification time), for pruning the least recently used. */
  readonly touchOnRead?: boolean;
}

export function folderStorage(dir: string, options: FolderStorageOptions): ResultStorage {
  fs.mkdirSync(dir, { recursive: true });
  return {
    get(key) {
      if (!KEY.test(key)) return undefined;
      let fd: number | undefined;
      try {
        fd = fs.openSync(path.join(dir, key), fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
        const st = fs.fstatSync(fd);
        if (!st.isFile() || st.size > options.maxEntryBytes) return undefined;
        const bytes = fs.readFileSync(fd);
        if (options.touchOnRead) {
          const now = new Date();
          fs.futimesSync(fd, now, now);
        }
        return bytes;
      } catch {
        return undefined;
      } finally {
        if (fd !== undefined) fs.closeSync(fd);
      }
    },
    put(key, bytes) {
      if (!KEY.test(key)) return;
      const tmp = path.join(dir, `.${key}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
      try {
        fs.writeFileSync(tmp, bytes, { flag: "wx" });
        fs.renameSync(tmp, path.join(dir, key));
      } catch (err) {
        fs.rmSync(tmp, { force: true });
        throw err;
      }
    },
  };
}
