import { createHash } from 'node:crypto';
import { Readable, Transform, TransformCallback } from 'node:stream';

/**
 * Passes bytes through unchanged, counting them and hashing them with SHA-256 on the way. (Not
 * `size`: the SDK's Upload takes a body's `size` for its length, known in advance.)
 */
export class MeasuringStream extends Transform {
  private readonly hash = createHash('sha256');
  bytesSeen = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytesSeen += chunk.length;
    this.hash.update(chunk);
    done(null, chunk);
  }

  /** The hex digest; call it once the stream has ended. */
  sha256(): string {
    return this.hash.digest('hex');
  }
}

/** `source` piped through a MeasuringStream, an error of the source ending the measured stream too. */
export function measure(source: Readable): MeasuringStream {
  const measuring = new MeasuringStream();
  source.once('error', (error) => measuring.destroy(error));
  return source.pipe(measuring);
}
