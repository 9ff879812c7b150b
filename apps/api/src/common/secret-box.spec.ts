import { randomBytes } from 'node:crypto';
import { ConfigError, DEVELOPMENT_SECRETS_KEY, loadConfig } from '../config/app-config';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips a secret, with a fresh IV each time', () => {
    const first = box.seal('Pa55word!', 'station:password');
    const second = box.seal('Pa55word!', 'station:password');
    expect(first).not.toEqual(second);
    expect(first).not.toContain('Pa55word');
    expect(first).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(box.open(first, 'station:password')).toBe('Pa55word!');
  });

  it('refuses another key, another context and tampered data', () => {
    const sealed = box.seal('secret', 'station:password');
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'station:password')).toThrow();
    expect(() => box.open(sealed, 'station:subscription-key')).toThrow();
    const parts = sealed.split('.');
    const tampered = [...parts.slice(0, 3), Buffer.from('other').toString('base64url')].join('.');
    expect(() => box.open(tampered, 'station:password')).toThrow();
    expect(() => box.open('plain', 'station:password')).toThrow();
  });
});

describe('SECRETS_KEY', () => {
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      return (error as ConfigError).problems;
    }
  };

  it('falls back to the labelled development key outside production', () => {
    expect(loadConfig({}).secretsKey.toString('utf8')).toBe('DEVELOPMENT-ONLY-KEY-not-secret!');
  });

  it('accepts a 32-byte base64 key', () => {
    const key = randomBytes(32).toString('base64');
    expect(loadConfig({ SECRETS_KEY: key }).secretsKey.toString('base64')).toBe(key);
  });

  it('refuses a key of the wrong size or encoding', () => {
    expect(problemsOf({ SECRETS_KEY: randomBytes(16).toString('base64') }).join()).toMatch(/SECRETS_KEY/);
    expect(problemsOf({ SECRETS_KEY: 'not base64 at all!' }).join()).toMatch(/SECRETS_KEY/);
  });

  it('is mandatory in production, and the development key is refused there', () => {
    expect(problemsOf({ NODE_ENV: 'production' }).join()).toMatch(/SECRETS_KEY: obbligatoria/);
    expect(problemsOf({ NODE_ENV: 'production', SECRETS_KEY: DEVELOPMENT_SECRETS_KEY }).join()).toMatch(
      /SECRETS_KEY: la chiave di sviluppo/,
    );
  });
});
