import { ooxml, zip } from '../../../../test/support/zip';
import { MAX_OFFICE_PACKAGE_ENTRIES, isOfficePackage } from './office-package';

const MiB = 1_048_576;
const CONTENT_TYPES = { name: '[Content_Types].xml', data: '<Types/>' };

describe('isOfficePackage', () => {
  it.each(['docx', 'xlsx'] as const)('accepts a %s with its content types and main part', async (kind) => {
    expect(await isOfficePackage(ooxml(kind), kind, MiB)).toBe(true);
  });

  it.each([
    ['a DOCX without its main part', zip([CONTENT_TYPES, { name: 'word/styles.xml', data: '<styles/>' }]), 'docx'],
    ['a DOCX without content types', zip([{ name: 'word/document.xml', data: '<document/>' }]), 'docx'],
    ['a spreadsheet taken for a DOCX', ooxml('xlsx'), 'docx'],
    ['a corrupt zip', Buffer.concat([ooxml('docx').subarray(0, 40), Buffer.alloc(100, 7)]), 'docx'],
    ['a zip cut short', ooxml('xlsx').subarray(0, ooxml('xlsx').length - 10), 'xlsx'],
    ['a DOCX whose main part declares 4 GiB', ooxml('docx', 0xffffffff), 'docx'],
    ['a DOCX whose main part declares 1 byte more than the cap', ooxml('docx', MiB + 1), 'docx'],
  ] as const)('refuses %s', async (_label, bytes, kind) => {
    expect(await isOfficePackage(bytes, kind, MiB)).toBe(false);
  });

  it('refuses a package of more parts than a document has, before reading them', async () => {
    const parts = Array.from({ length: MAX_OFFICE_PACKAGE_ENTRIES + 1 }, (_, i) => ({ name: `p/${i}.xml`, data: '' }));
    const bytes = zip([CONTENT_TYPES, { name: 'word/document.xml', data: '<document/>' }, ...parts]);
    expect(await isOfficePackage(bytes, 'docx', MiB)).toBe(false);
  });
});
