// Minimal typings for archiver 5 (no @types package is installed).
declare module 'archiver' {
  import type { Readable, Transform } from 'node:stream';
  interface Archiver extends Transform {
    append(source: Readable | Buffer | string, data: { name: string; date?: Date }): this;
    finalize(): Promise<void>;
    on(event: 'error' | 'warning', listener: (error: Error) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
  function archiver(format: 'zip' | 'tar', options?: { zlib?: { level?: number } }): Archiver;
  export default archiver;
}
