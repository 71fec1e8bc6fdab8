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
