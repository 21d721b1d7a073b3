import {
  issueAt,
  issuesOf,
  removeTemporaryDirectories,
  resolveWith,
} from '../options/options-test-helpers.js';

afterAll(removeTemporaryDirectories);

describe('store options', () => {
  it('accepts a cluster and fills in the Redis defaults', () => {
    const cluster = ['redis://10.0.0.1:7000', 'redis://10.0.0.2:7000'];
    expect(resolveWith({ store: { type: 'redis', cluster } }).store).toEqual({
      type: 'redis',
      cluster,
      keyPrefix: 'bulwark:',
      storeTimeoutMs: 1_000,
    });
  });

  it('refuses a cluster that is not a list of redis:// URLs, without echoing it', () => {
    const empty = issueAt(issuesOf({ store: { type: 'redis', cluster: [] } }), 'store.cluster');
    expect(empty.message).toBe('must be a non-empty list of redis:// node URLs');
    const secret = 'http://user:hunter2@10.0.0.1:7000';
    const issue = issueAt(
      issuesOf({ store: { type: 'redis', cluster: [secret] } }),
      'store.cluster',
    );
    expect(issue.message).toMatch(/redis:\/\/ or rediss:\/\/ URLs/);
    expect(issue.message).not.toContain('hunter2');
  });

  it('takes exactly one of url, cluster and client, naming where the other came from', () => {
    const cluster = ['redis://10.0.0.1:7000'];
    const issues = issuesOf(
      { store: { type: 'redis', cluster } },
      { REDIS_URL: 'redis://cache:6379' },
    );
    expect(issueAt(issues, 'store.url')).toEqual({
      path: 'store.url',
      message:
        'cannot be combined with store.cluster (from code): give a Redis store one of url, cluster or client',
      source: 'environment REDIS_URL',
    });
    const both = issuesOf({ store: { type: 'redis', cluster, client: {} } });
    expect(issueAt(both, 'store.client').message).toMatch(/cannot be combined with store.cluster/);
    const none = issuesOf({ store: { type: 'redis' } });
    expect(issueAt(none, 'store.url').message).toBe(
      'a Redis store needs url (or REDIS_URL), cluster or client',
    );
  });
});
