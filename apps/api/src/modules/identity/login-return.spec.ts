import { safeReturnPath } from './login-return';

describe('safeReturnPath', () => {
  it('keeps a path of the app that started the login, with its query', () => {
    expect(safeReturnPath('admin', '/admin/registro-attivita?dal=2025-01-01&esito=failure')).toBe(
      '/admin/registro-attivita?dal=2025-01-01&esito=failure',
    );
    expect(safeReturnPath('backoffice', '/backoffice/catalogo')).toBe('/backoffice/catalogo');
    expect(safeReturnPath('citizen', '/avvisi')).toBe('/avvisi');
  });

  it.each([
    ['https://evil.example/admin/', 'absolute URL'],
    ['//evil.example/admin/', 'protocol-relative URL'],
    ['/\\evil.example', 'backslash'],
    ['/admin/\nSet-Cookie: x', 'control character'],
    ['/backoffice/catalogo', 'another app'],
    ['/admin/../backoffice/', 'dot segments'],
    ['admin/enti', 'relative path'],
    [`/admin/${'x'.repeat(1000)}`, 'too long'],
    ['', 'empty'],
  ])('ignores %s (%s)', (value) => {
    expect(safeReturnPath('admin', value)).toBeNull();
  });

  it('ignores anything that is not a string', () => {
    expect(safeReturnPath('admin', undefined)).toBeNull();
    expect(safeReturnPath('admin', ['/admin/enti'])).toBeNull();
  });
});
