/**
 * Which chunks a search may return (some kinds, one region), decided once and kept as one byte per chunk.
 * Both searches ask it for every candidate they score; a closure reading the chunk list there cost more than
 * the scoring itself.
 */
export class ChunkFilter {
  private list: number[] | undefined;

  private constructor(
    private readonly accepted: Uint8Array,
    /** How many chunks pass. */
    readonly count: number,
  ) {}

  static where(chunkCount: number, accept: (chunk: number) => boolean): ChunkFilter {
    const accepted = new Uint8Array(chunkCount);
    let count = 0;
    for (let chunk = 0; chunk < chunkCount; chunk += 1) {
      if (accept(chunk)) {
        accepted[chunk] = 1;
        count += 1;
      }
    }
    return new ChunkFilter(accepted, count);
  }

  accepts(chunk: number): boolean {
    return this.accepted[chunk] === 1;
  }

  /** The chunks that pass, in order. */
  chunks(): readonly number[] {
    if (this.list === undefined) {
      const list: number[] = [];
      this.accepted.forEach((yes, chunk) => {
        if (yes === 1) list.push(chunk);
      });
      this.list = list;
    }
    return this.list;
  }
}
