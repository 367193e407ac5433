import { fromBufferPromise, openPromise } from 'yauzl';

/** The part without which a package is not a document of its kind (ECMA-376 as office suites write it). */
const MAIN_PART = { docx: 'word/document.xml', xlsx: 'xl/workbook.xml' } as const;
export type OfficeKind = keyof typeof MAIN_PART;

export function isOfficeKind(extension: string): extension is OfficeKind {
  return Object.hasOwn(MAIN_PART, extension);
}

/** Far more parts than a real document has; beyond it, a zip is taken for a bomb. */
export const MAX_OFFICE_PACKAGE_ENTRIES = 10_000;

/**
 * Whether the bytes (or the file at a path) are a real Office Open XML package of that kind: a
 * readable zip holding [Content_Types].xml and the kind's main part, whose parts declare at most
 * `maxUncompressedBytes` in all. Only the zip's directory is read; nothing is inflated.
 */
export async function isOfficePackage(
  source: Buffer | string,
  kind: OfficeKind,
  maxUncompressedBytes: number,
): Promise<boolean> {
  const options = { lazyEntries: true, strictFileNames: true };
  let zip: Awaited<ReturnType<typeof openPromise>> | undefined;
  try {
    zip = await (typeof source === 'string' ? openPromise(source, options) : fromBufferPromise(source, options));
    if (zip.entryCount > MAX_OFFICE_PACKAGE_ENTRIES) return false;
    const names = new Set<string>();
    let declaredBytes = 0;
    for await (const entry of zip.eachEntry()) {
      declaredBytes += entry.uncompressedSize;
      if (declaredBytes > maxUncompressedBytes) return false;
      names.add(entry.fileName);
    }
    return names.has('[Content_Types].xml') && names.has(MAIN_PART[kind]);
  } catch {
    // A corrupt or truncated zip, or one whose entries contradict its directory.
    return false;
  } finally {
    // A zip opened from a path holds its file open until closed (an early return does not).
    zip?.close();
  }
}
