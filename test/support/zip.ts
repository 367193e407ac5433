import { deflateRawSync } from 'node:zlib';

/** ZIP archives and Office Open XML packages built byte by byte, as upload tests need them. */

/**
 * A minimal Office Open XML package (a ZIP of its required parts) of the given kind, enough for
 * content sniffing to tell DOCX from XLSX from a plain ZIP. With `mainPartDeclaredSize`, its main
 * part claims that uncompressed size: a zip bomb's directory, without the bomb.
 */
export function ooxml(kind: 'docx' | 'xlsx', mainPartDeclaredSize?: number): Buffer {
  const main = kind === 'docx' ? 'word/document.xml' : 'xl/workbook.xml';
  const contentType =
    kind === 'docx'
      ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  return zip([
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${main}" ContentType="${contentType}"/></Types>`,
    },
    { name: '_rels/.rels', data: `<?xml version="1.0"?><Relationships/>` },
    { name: main, data: `<?xml version="1.0"?><document/>`, declaredSize: mainPartDeclaredSize },
  ]);
}

export interface ZipEntry {
  name: string;
  data: string;
  /** The uncompressed size the archive claims for the entry, when it should lie (a zip bomb's). */
  declaredSize?: number;
}

/** A ZIP archive; entries are deflated (empty ones stored) as an office suite would write them. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const raw = Buffer.from(entry.data);
    // An empty part is stored, as office suites do: deflating thousands of them made a test slow.
    const method = raw.length === 0 ? 0 : 8;
    const packed = method === 0 ? raw : deflateRawSync(raw);
    const header = (signature: number, size: number) => {
      const b = Buffer.alloc(size);
      b.writeUInt32LE(signature, 0);
      return b;
    };
    const local = header(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(packed.length, 18);
    const declaredSize = entry.declaredSize ?? raw.length;
    local.writeUInt32LE(declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = header(0x02014b50, 46);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}
