/** Pieces of XML joined into one string, and made bytes, every this many: cheap, and far from V8's string limit. */
const PIECES_PER_CHUNK = 4096;

/**
 * XML written piece by piece (a row, a shared string) into byte chunks: a sheet of a million rows
 * is far beyond what one JavaScript string may hold.
 */
export class XmlChunks {
  private readonly chunks: Buffer[] = [];
  private pieces: string[] = [];

  add(xml: string): void {
    this.pieces.push(xml);
    if (this.pieces.length === PIECES_PER_CHUNK) this.flush();
  }

  /** The bytes so far, the pieces not yet flushed included. */
  bytes(): Buffer[] {
    this.flush();
    return this.chunks;
  }

  private flush(): void {
    if (this.pieces.length === 0) return;
    this.chunks.push(Buffer.from(this.pieces.join(''), 'utf8'));
    this.pieces = [];
  }
}
