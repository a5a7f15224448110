/** Word documents (.docx): the text of each paragraph on a line of its own, so a position's line is a paragraph number. */

import mammoth from 'mammoth';

/** The first bytes of a zip archive, which every .docx is. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The first bytes of an OLE compound file: a Word 97–2003 `.doc` (or another old Office file). */
export function isOleCompound(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return magic.every((byte, i) => bytes[i] === byte);
}

/** An element of mammoth's document tree, as handed to `transformDocument`; only what the text needs. */
interface DocElement {
  type: string;
  value?: string;
  children?: DocElement[];
}

/**
 * The document body's text: one paragraph per line (empty paragraphs kept, so line N is paragraph N), a line
 * break inside a paragraph starting a new line, tabs kept. Headers, footers, footnotes and comments are left out.
 * Throws with mammoth's message when the bytes are not a Word document.
 */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const lines: string[] = [];
  let current = '';
  let inParagraph = false;
  const walk = (element: DocElement): void => {
    switch (element.type) {
      case 'text':
        current += element.value ?? '';
        return;
      case 'tab':
        current += '\t';
        return;
      case 'break':
        // `extractRawText` drops line breaks and glues the words either side together; a new line keeps them apart.
        lines.push(current);
        current = '';
        return;
      case 'paragraph': {
        // A paragraph inside a paragraph (a text box) ends the outer line first.
        if (inParagraph && current !== '') {
          lines.push(current);
          current = '';
        }
        const outer = inParagraph;
        inParagraph = true;
        element.children?.forEach(walk);
        inParagraph = outer;
        lines.push(current);
        current = '';
        return;
      }
      default:
        element.children?.forEach(walk);
    }
  };
  // convertToHtml is the public way to see the document tree; emptying it afterwards skips the HTML work.
  await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      transformDocument: (document: DocElement) => {
        walk(document);
        if (current !== '') lines.push(current);
        return { ...document, children: [] };
      },
    },
  );
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines.map((line) => line.replace(/[\r\n\u000b\f]+/g, ' ')).join('\n');
}
