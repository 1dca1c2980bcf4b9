import { publishJobId } from './publishing.queue';

describe('publish job ids', () => {
  it('are deterministic UUIDs per target and sequence', () => {
    const a = publishJobId('4b6f0f5e-7f6c-4c38-9d4c-2f0f7c1d9a11', 1);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(publishJobId('4b6f0f5e-7f6c-4c38-9d4c-2f0f7c1d9a11', 1)).toBe(a);
    expect(publishJobId('4b6f0f5e-7f6c-4c38-9d4c-2f0f7c1d9a11', 2)).not.toBe(a);
  });
});
