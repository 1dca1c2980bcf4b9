import type { Request } from 'express';
import { isCrossSiteWrite } from './csrf';

function req(method: string, headers: Record<string, string>, cookies: Record<string, string> = { kabar_at: 'x' }): Request {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { method, cookies, header: (name: string) => lower[name.toLowerCase()] } as unknown as Request;
}

describe('isCrossSiteWrite', () => {
  const host = { host: 'kabar.example.go.id' };

  it('lets reads through whatever their origin', () => {
    expect(isCrossSiteWrite(req('GET', { ...host, origin: 'https://evil.example' }), undefined)).toBe(false);
  });

  it('refuses a cookie write from a foreign Origin or Referer, or with neither', () => {
    expect(isCrossSiteWrite(req('POST', { ...host, origin: 'https://evil.example' }), undefined)).toBe(true);
    expect(isCrossSiteWrite(req('PATCH', { ...host, referer: 'https://evil.example/x' }), undefined)).toBe(true);
    expect(isCrossSiteWrite(req('DELETE', host), undefined)).toBe(true);
    expect(isCrossSiteWrite(req('POST', { ...host, origin: 'null' }), undefined)).toBe(true);
  });

  it('accepts our own origin: the Host it was sent to or KABAR_PUBLIC_URL', () => {
    expect(isCrossSiteWrite(req('POST', { ...host, origin: 'https://kabar.example.go.id' }), undefined)).toBe(false);
    expect(isCrossSiteWrite(req('POST', { host: '10.0.0.5:3000', origin: 'https://kabar.example.go.id' }), 'https://kabar.example.go.id')).toBe(false);
    expect(isCrossSiteWrite(req('POST', { host: '10.0.0.5:3000', referer: 'https://kabar.example.go.id/users' }), 'https://kabar.example.go.id')).toBe(false);
  });

  it('exempts Bearer calls and writes carrying no session cookie', () => {
    expect(isCrossSiteWrite(req('POST', { ...host, origin: 'https://evil.example', authorization: 'Bearer abc' }), undefined)).toBe(false);
    expect(isCrossSiteWrite(req('POST', { ...host, origin: 'https://evil.example' }, {}), undefined)).toBe(false);
  });
});
