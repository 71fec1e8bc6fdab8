import { describe, expect, it } from 'vitest';
import { ConfigError, SourceError } from '../../src/errors/errors.js';
import { parseRedditCredentials } from '../../src/reddit/reddit-credentials.js';
import { TEST_ENV } from '../helpers/synthetic-thread.js';

describe('parseRedditCredentials', () => {
  it('picks the grant from what is set', () => {
    expect(parseRedditCredentials({ ...TEST_ENV, REDDIT_REFRESH_TOKEN: 'rt' }).grant).toEqual({ kind: 'refresh_token', refreshToken: 'rt' });
    expect(parseRedditCredentials({ ...TEST_ENV, REDDIT_USERNAME: 'u', REDDIT_PASSWORD: 'p' }).grant.kind).toBe('password');
    expect(parseRedditCredentials({ ...TEST_ENV, REDDIT_USERNAME: '', REDDIT_PASSWORD: '' }).grant.kind).toBe('client_credentials');
  });

  it('defaults to Reddit and accepts loopback http', () => {
    const c = parseRedditCredentials(TEST_ENV);
    expect([c.apiBase, c.authBase]).toEqual(['https://oauth.reddit.com', 'https://www.reddit.com']);
    const local = parseRedditCredentials({ ...TEST_ENV, REDDIT_API_BASE: 'http://127.0.0.1:8080/', REDDIT_AUTH_BASE: 'http://localhost:8081' });
    expect([local.apiBase, local.authBase]).toEqual(['http://127.0.0.1:8080', 'http://localhost:8081']);
  });

  it('refuses plain http to other hosts', () => {
    expect(() => parseRedditCredentials({ ...TEST_ENV, REDDIT_API_BASE: 'http://proxy.example.com' })).toThrow(ConfigError);
  });

  it.each(['REDDIT_API_BASE', 'REDDIT_AUTH_BASE'])('refuses a user:password@ in %s as a config error naming it, never the password', (variable) => {
    let error: unknown;
    try {
      parseRedditCredentials({ ...TEST_ENV, [variable]: 'http://user:ProxyPassSecret@127.0.0.1:9' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(new RegExp(`^${variable} must not contain a user name or password`));
    expect((error as Error).message).not.toMatch(/ProxyPassSecret|127\.0\.0\.1/);
  });

  it('never quotes a value that may hold a password, nor a token in a query', () => {
    expect(() => parseRedditCredentials({ ...TEST_ENV, REDDIT_API_BASE: 'http://user:pw@proxy.example.com' })).toThrow(/REDDIT_API_BASE must not contain a user name/);
    expect(() => parseRedditCredentials({ ...TEST_ENV, REDDIT_API_BASE: 'user:Secret1@proxy' })).toThrow(/must use https.*value not shown/);
    const message = (() => {
      try {
        parseRedditCredentials({ ...TEST_ENV, REDDIT_API_BASE: 'https://proxy.example.com/?access_token=Secret2' });
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(message).toMatch(/REDDIT_API_BASE must not carry a query/);
    expect(message).not.toContain('Secret2');
  });

  it.each(['https://proxy.example.com/?Secret3', 'https://proxy.example.com/#Secret3', 'http://10.0.0.1:8080/x?k2=Secret3', 'not a url ?Secret3'])(
    'quotes no query or fragment of a refused base URL, whatever its parameter is called: %s',
    (value) => {
      let error: unknown;
      try {
        parseRedditCredentials({ ...TEST_ENV, REDDIT_API_BASE: value });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/^REDDIT_API_BASE /);
      expect((error as Error).message).not.toContain('Secret3');
    },
  );

  it('names every missing variable, never a value', () => {
    let error: unknown;
    try {
      parseRedditCredentials({ REDDIT_CLIENT_SECRET: 'sekrit', REDDIT_USERNAME: 'me' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SourceError);
    const message = (error as Error).message;
    expect(message).toMatch(/REDDIT_CLIENT_ID, REDDIT_USER_AGENT, REDDIT_PASSWORD/);
    expect(message).toMatch(/fixtures.*archive.*import/s);
    expect(message).not.toContain('sekrit');
  });

  it("insists on Reddit's user-agent format", () => {
    expect(() => parseRedditCredentials({ ...TEST_ENV, REDDIT_USER_AGENT: 'Mozilla/5.0' })).toThrow(/<platform>:<app id>:<version>/);
  });
});
