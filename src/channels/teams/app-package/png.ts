/** Minimal PNG encoder (RGBA, no filter) and the app's two icons drawn in code: no binary file in the repo. */
import { crc32, deflateSync } from "node:zlib";

export type Pixel = [number, number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Pixel): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 4);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A speech bubble: inside the rounded body or the tail at the bottom left. */
function inBubble(x: number, y: number, size: number): boolean {
  const s = (v: number) => (v / size) * 32;
  const [px, py] = [s(x), s(y)];
  const inBody = px >= 5 && px <= 27 && py >= 6 && py <= 21;
  const inTail = py > 21 && py <= 27 && px >= 9 && px <= 9 + (27 - py);
  return inBody || inTail;
}

/** 192×192 color icon: a white speech bubble on the accent color (Teams' rule for full-color icons). */
export function colorIcon(): Buffer {
  return encodePng(192, 192, (x, y) => (inBubble(x, y, 192) ? [255, 255, 255, 255] : [0x1f, 0x5a, 0xa6, 255]));
}

/** 32×32 outline icon: white on a transparent background, as Teams requires. */
export function outlineIcon(): Buffer {
  return encodePng(32, 32, (x, y) => {
    const here = inBubble(x, y, 32);
    const edge = here && [[1, 0], [-1, 0], [0, 1], [0, -1]].some(([dx = 0, dy = 0]) => !inBubble(x + dx, y + dy, 32));
    return edge ? [255, 255, 255, 255] : [0, 0, 0, 0];
  });
}
