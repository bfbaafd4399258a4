/**
 * A strict RFC 4180 reader, written here from the RFC so the tests do not check Confide's CSV writer
 * with itself. Throws on anything the RFC does not allow (a bare quote, a quote inside an unquoted
 * field, a lone CR or LF as a line break, a missing final CRLF).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let index = 0;
  const fail = (why: string) => {
    throw new Error(`not RFC 4180 at character ${index}: ${why}`);
  };
  while (index < text.length) {
    let field = '';
    if (text[index] === '"') {
      index++;
      for (;;) {
        if (index >= text.length) fail('unterminated quoted field');
        if (text[index] === '"') {
          if (text[index + 1] === '"') {
            field += '"';
            index += 2;
            continue;
          }
          index++;
          break;
        }
        field += text[index++];
      }
    } else {
      while (index < text.length && text[index] !== ',' && text[index] !== '\r' && text[index] !== '\n') {
        if (text[index] === '"') fail('quote inside an unquoted field');
        field += text[index++];
      }
    }
    row.push(field);
    if (text[index] === ',') {
      index++;
      continue;
    }
    if (text.startsWith('\r\n', index)) {
      index += 2;
      rows.push(row);
      row = [];
      continue;
    }
    fail('a field must end with a comma or CRLF');
  }
  if (row.length > 0) fail('the last record has no CRLF');
  return rows;
}
