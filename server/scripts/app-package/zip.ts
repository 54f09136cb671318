import yauzl from 'yauzl';
import yazl from 'yazl';

/** A package bigger than this is not a Teams app package; stop before reading it all. */
const MAX_UNCOMPRESSED_BYTES = 10 * 1024 * 1024;

/** A fixed timestamp, so the same inputs always give the same zip bytes. */
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);

/** Zips files (name → bytes) in the given order, flat, with fixed timestamps. */
export function writeZip(files: ReadonlyMap<string, Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of files) zip.addBuffer(bytes, name, { mtime: FIXED_MTIME, mode: 0o100644 });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

export class ZipReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipReadError';
  }
}

/** Reads every file of a zip into memory (name → bytes); folders are listed with a trailing `/`. */
export function readZip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (openError, zip) => {
      if (openError || !zip) {
        reject(new ZipReadError(`not a readable zip file (${openError?.message ?? 'unknown error'})`));
        return;
      }
      const files = new Map<string, Buffer>();
      let total = 0;
      zip.on('error', (error: Error) => reject(new ZipReadError(error.message)));
      zip.on('end', () => resolve(files));
      zip.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        if (total > MAX_UNCOMPRESSED_BYTES) {
          zip.close();
          reject(new ZipReadError(`it unpacks to more than ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB, far more than a Teams app package`));
          return;
        }
        if (entry.fileName.endsWith('/')) {
          files.set(entry.fileName, Buffer.alloc(0));
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            reject(new ZipReadError(`cannot read ${entry.fileName}: ${streamError?.message ?? 'unknown error'}`));
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', (error: Error) => reject(new ZipReadError(error.message)));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
