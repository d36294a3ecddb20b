/** Public API of the PDF documents knowledge source. */
export { loadDocumentChunks, type DocumentChunks, type DocumentProblem } from "./document-loader.js";
export { DocumentMetadata } from "./document-metadata.js";
