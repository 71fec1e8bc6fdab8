// A UTF-8 byte order mark (EF BB BF, U+FEFF once decoded) that Windows editors, Excel and some "save as" dialogs put at
// the start of a file. It is not part of the data: JSON.parse refuses it and a .env key would start with it.

/** The text without one leading U+FEFF. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The bytes without one leading UTF-8 BOM (for lines handled before decoding). */
export function stripBomBytes(bytes: Buffer): Buffer {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}
