import { renderAnnexCsv } from './annex-csv';

describe('renderAnnexCsv', () => {
  it('writes a header and one CRLF-terminated row per centre, quoting only what needs it', () => {
    const csv = renderAnnexCsv([
      { name: 'Université Cheikh Anta Diop', city: 'Dakar', countryCode: 'SN', countryName: 'Senegal', region: 'AFR' },
      { name: 'Hub "Digital", Lab', city: null, countryCode: 'CI', countryName: "Côte d'Ivoire", region: 'AFR' },
      { name: 'Line\nbreak', city: ' Lima', countryCode: 'PE', countryName: 'Peru', region: 'AMS' },
    ]);
    expect(csv).toBe(
      '\uFEFFregion,country_code,country,centre,city\r\n' +
        'AFR,SN,Senegal,Université Cheikh Anta Diop,Dakar\r\n' +
        `AFR,CI,Côte d'Ivoire,"Hub ""Digital"", Lab",\r\n` +
        'AMS,PE,Peru,"Line\nbreak"," Lima"\r\n',
    );
  });

  it("neutralises a centre's name or city that a spreadsheet would run as a formula", () => {
    const csv = renderAnnexCsv([
      { name: '=cmd|"/C calc"!A0', city: '@Lagos', countryCode: 'NG', countryName: 'Nigeria', region: 'AFR' },
    ]);
    expect(csv.split('\r\n')[1]).toBe(`AFR,NG,Nigeria,"'=cmd|""/C calc""!A0","'@Lagos"`);
  });

  it('writes only the header for an empty list', () => {
    expect(renderAnnexCsv([])).toBe('\uFEFFregion,country_code,country,centre,city\r\n');
  });
});
