import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

/**
 * The migrated embedded store as a gzipped tar (plain ustar: `tar tzf` lists it), made by
 * `npm run build` so that a new data folder is unpacked from it instead of running initdb. Only
 * folders and regular files, with names of at most 100 characters (a PostgreSQL data folder's are
 * far shorter).
 */

const BLOCK = 512;

function header(name: string, size: number, directory: boolean, mode: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) > 100) throw new Error(`Cannot archive ${name}: names are limited to 100 characters.`);
  const octal = (value: number, width: number, at: number) => block.write(`${value.toString(8).padStart(width - 1, '0')}\0`, at, width, 'ascii');
  block.write(name, 0, 100, 'utf8');
  octal(mode & 0o7777, 8, 100);
  octal(0, 8, 108); // uid
  octal(0, 8, 116); // gid
  octal(size, 12, 124);
  octal(0, 12, 136); // mtime: the same archive for the same files
  block.write(directory ? '5' : '0', 156, 1, 'ascii');
  block.write('ustar\0' + '00', 257, 8, 'ascii');
  block.fill(' ', 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return block;
}

/** Everything under `folder`, folders before their contents, with `last` (a relative path) written last. */
async function* entries(folder: string, last: string): AsyncGenerator<Buffer> {
  async function* walk(relative: string): AsyncGenerator<Buffer> {
    const names = (await readdir(path.join(folder, relative))).sort();
    for (const name of names) {
      const child = relative ? `${relative}/${name}` : name;
      if (child === last) continue;
      yield* entry(child);
    }
  }
  async function* entry(relative: string): AsyncGenerator<Buffer> {
    const full = path.join(folder, relative);
    const info = await stat(full);
    if (info.isDirectory()) {
      yield header(`${relative}/`, 0, true, info.mode);
      yield* walk(relative);
    } else if (info.isFile()) {
      yield header(relative, info.size, false, info.mode);
      const data = await readFile(full);
      if (data.length !== info.size) throw new Error(`${full} changed while it was archived.`);
      yield data;
      if (data.length % BLOCK) yield Buffer.alloc(BLOCK - (data.length % BLOCK));
    }
  }
  yield* walk('');
  yield* entry(last);
  yield Buffer.alloc(2 * BLOCK);
}

/**
 * Writes `folder` as a gzipped tar to `file`. `last` (e.g. `PG_VERSION`) is the archive's last
 * entry, so an unpacking that stops half-way leaves a folder without it.
 */
export async function packFolder(folder: string, file: string, last: string): Promise<void> {
  await pipeline(entries(folder, last), createGzip({ level: 9 }), createWriteStream(file));
}

/**
 * Unpacks a gzipped tar written by `packFolder` into `into` (created if needed; files there with
 * the same names are replaced). It streams: the archive is never whole in memory. Refuses entries
 * that would land outside `into`, and kinds other than folders and regular files.
 */
export async function unpackInto(file: string, into: string): Promise<void> {
  const root = path.resolve(into);
  await mkdir(root, { recursive: true });
  let pending: Buffer = Buffer.alloc(0);
  let current: { handle: Awaited<ReturnType<typeof open>>; left: number; padding: number } | undefined;
  let skip = 0;
  let ended = false;
  const target = (name: string) => {
    const resolved = path.resolve(root, name);
    if (resolved !== root && !resolved.startsWith(root + path.sep)) throw new Error(`The store template has an entry outside its folder: ${name}`);
    return resolved;
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }).pipe(createGunzip({ chunkSize: 1 << 18 })) as AsyncIterable<Buffer>) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    while (!ended) {
      if (current) {
        if (current.left > 0) {
          if (pending.length === 0) break;
          const part = pending.subarray(0, Math.min(current.left, pending.length));
          await current.handle.write(part);
          current.left -= part.length;
          pending = pending.subarray(part.length);
          if (current.left > 0) break;
        }
        await current.handle.close();
        skip = current.padding;
        current = undefined;
      }
      if (skip > 0) {
        const skipped = Math.min(skip, pending.length);
        pending = pending.subarray(skipped);
        skip -= skipped;
        if (skip > 0) break;
      }
      if (pending.length < BLOCK) break;
      const block = pending.subarray(0, BLOCK);
      pending = pending.subarray(BLOCK);
      if (block.every((byte) => byte === 0)) { ended = true; break; }
      const text = (at: number, width: number) => block.toString('utf8', at, at + width).replace(/\0.*$/s, '');
      const prefix = text(345, 155);
      const name = (prefix ? `${prefix}/` : '') + text(0, 100);
      const size = parseInt(text(124, 12).trim() || '0', 8);
      const mode = parseInt(text(100, 8).trim() || '0', 8) & 0o777;
      const kind = text(156, 1) || '0';
      if (kind === '5') {
        await mkdir(target(name), { recursive: true, mode: mode || 0o700 });
      } else if (kind === '0') {
        const destination = target(name);
        await mkdir(path.dirname(destination), { recursive: true });
        current = { handle: await open(destination, 'w', mode || 0o600), left: size, padding: (BLOCK - (size % BLOCK)) % BLOCK };
      } else {
        throw new Error(`The store template has an entry of a kind it never writes (${kind}): ${name}`);
      }
    }
    if (ended) break;
  }
  if (current) {
    await current.handle.close();
    throw new Error(`The store template ${file} is truncated.`);
  }
  if (!ended) throw new Error(`The store template ${file} is truncated.`);
}
