import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { packFolder, unpackInto } from './template-archive';

const folders: string[] = [];
afterAll(async () => {
  for (const f of folders) await rm(f, { recursive: true, force: true });
});
const newFolder = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'unplug-archive-test-'));
  folders.push(dir);
  return dir;
};

/** Every file under `folder` with its bytes, by relative path. */
async function contents(folder: string, relative = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(path.join(folder, relative))).sort()) {
    const child = relative ? `${relative}/${name}` : name;
    if ((await stat(path.join(folder, child))).isDirectory()) {
      out[`${child}/`] = '';
      Object.assign(out, await contents(folder, child));
    } else {
      out[child] = (await readFile(path.join(folder, child))).toString('base64');
    }
  }
  return out;
}

async function sample(): Promise<string> {
  const source = await newFolder();
  await mkdir(path.join(source, 'base', '5'), { recursive: true });
  await mkdir(path.join(source, 'pg_wal', 'archive_status'), { recursive: true }); // an empty folder
  await writeFile(path.join(source, 'PG_VERSION'), '17\n');
  await writeFile(path.join(source, 'empty'), '');
  await writeFile(path.join(source, 'base', '5', 'block'), Buffer.alloc(512, 7)); // exactly one block: no padding
  // Larger than a gunzip chunk, not a multiple of 512, bytes that do not compress away.
  const big = Buffer.alloc(3 * 65536 + 123);
  for (let i = 0; i < big.length; i += 1) big[i] = (i * 2654435761) >>> 24;
  await writeFile(path.join(source, 'base', '5', 'big'), big);
  return source;
}

describe('store template archive', () => {
  it('unpacks exactly the folders and files it packed, as a tar that ends with the named entry', async () => {
    const source = await sample();
    const archive = path.join(await newFolder(), 'template.tar.gz');
    await packFolder(source, archive, 'PG_VERSION');
    const into = path.join(await newFolder(), 'data');
    await unpackInto(archive, into);
    expect(await contents(into)).toEqual(await contents(source));

    // Plain ustar: names at the start of 512-byte headers; PG_VERSION is the last entry.
    const tar = gunzipSync(await readFile(archive));
    expect(tar.toString('ascii', 257, 262)).toBe('ustar');
    const names: string[] = [];
    for (let at = 0; at + 512 <= tar.length;) {
      const name = tar.toString('utf8', at, at + 100).replace(/\0.*$/s, '');
      if (!name) break;
      names.push(name);
      const size = parseInt(tar.toString('ascii', at + 124, at + 136).replace(/\0.*$/s, '').trim() || '0', 8);
      at += 512 + Math.ceil(size / 512) * 512;
    }
    expect(names.at(-1)).toBe('PG_VERSION');
    expect(names).toEqual(expect.arrayContaining(['base/', 'base/5/', 'base/5/big', 'base/5/block', 'empty', 'pg_wal/archive_status/']));
  });

  it('rejects a truncated archive, leaving no last entry behind', async () => {
    const source = await sample();
    const archive = path.join(await newFolder(), 'template.tar.gz');
    await packFolder(source, archive, 'PG_VERSION');
    const tar = gunzipSync(await readFile(archive));
    const cut = path.join(await newFolder(), 'cut.tar.gz');
    await writeFile(cut, gzipSync(tar.subarray(0, 2048 + 100_000)));
    const into = path.join(await newFolder(), 'data');
    await expect(unpackInto(cut, into)).rejects.toThrow(/truncated/);
    await expect(stat(path.join(into, 'PG_VERSION'))).rejects.toThrow();
  });

  it('refuses an entry that would land outside the folder', async () => {
    const block = Buffer.alloc(512);
    block.write('../escaped', 0, 'utf8');
    block.write('0000600\0', 100, 'ascii');
    block.write('00000000001\0', 124, 'ascii');
    block.write('0', 156, 'ascii');
    block.write('ustar\x0000', 257, 'ascii');
    const data = Buffer.alloc(512);
    data.write('x');
    const archive = path.join(await newFolder(), 'evil.tar.gz');
    await writeFile(archive, gzipSync(Buffer.concat([block, data, Buffer.alloc(1024)])));
    const parent = await newFolder();
    await expect(unpackInto(archive, path.join(parent, 'data'))).rejects.toThrow(/outside its folder/);
    await expect(stat(path.join(parent, 'escaped'))).rejects.toThrow();
  });
});
