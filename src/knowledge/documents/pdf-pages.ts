/** Extracts the text of each page of a PDF with pdf-parse 2.x; pages keep their number for citations. */
import { PDFParse } from "pdf-parse";

export interface PdfPage {
  /** 1-based page number. */
  num: number;
  text: string;
}

/** Rejects on a corrupt or encrypted PDF; the parser is always released. */
export async function readPdfPages(data: Uint8Array): Promise<PdfPage[]> {
  const parser = new PDFParse({ data });
  try {
    const result = await parser.getText();
    return result.pages.map((p) => ({ num: p.num, text: p.text }));
  } finally {
    await parser.destroy();
  }
}
