/** RFC 4180 records, each with its raw text (line end included) so kept rows are written back byte for byte. */
export function splitCsvRecords(text: string): Array<{ raw: string; fields: string[] }> {
  const records: Array<{ raw: string; fields: string[] }> = [];
  let start = 0;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      if (ch === '\r') i++;
      fields.push(field);
      records.push({ raw: text.slice(start, i + 1), fields });
      start = i + 1;
      fields = [];
      field = '';
    } else field += ch;
  }
  if (start < text.length) records.push({ raw: text.slice(start), fields: [...fields, field] });
  return records;
}
