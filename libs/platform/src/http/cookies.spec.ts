import { cookieValue } from './cookies';

describe('cookieValue', () => {
  it('finds a cookie among others, decoded, and answers undefined when it is absent or not decodable', () => {
    expect(cookieValue('a=1; lang=fr; b=x%3Dy', 'lang')).toBe('fr');
    expect(cookieValue('token=a%3Db=c', 'token')).toBe('a=b=c');
    expect(cookieValue('language=fr', 'lang')).toBeUndefined();
    expect(cookieValue(undefined, 'lang')).toBeUndefined();
    expect(cookieValue('lang=%E0%A4%A', 'lang')).toBeUndefined();
  });
});
