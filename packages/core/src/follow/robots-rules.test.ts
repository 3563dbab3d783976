import { describe, expect, it } from 'vitest';
import { robotsAllow, robotsRules } from './robots-rules';

const TXT = `
# comments are ignored
User-agent: *
Disallow: /private/
Allow: /private/open$

User-agent: OtherBot
User-agent: Gazette
Disallow: /news/drafts
Allow: /news/drafts/public
Disallow: /*.pdf$
`;

describe('robots.txt rules', () => {
  it("takes the group naming Gazette over the '*' group, groups naming several agents included", () => {
    const rules = robotsRules(TXT, 'gazette');
    expect(robotsAllow(rules, 'https://x.test/private/a')).toBe(true);
    expect(robotsAllow(rules, 'https://x.test/news/drafts/1')).toBe(false);
    expect(robotsAllow(rules, 'https://x.test/news/drafts/public/1')).toBe(true);
    expect(robotsAllow(rules, 'https://x.test/files/a.pdf')).toBe(false);
    expect(robotsAllow(rules, 'https://x.test/files/a.pdf?x=1')).toBe(true);
  });

  it("falls back to '*', with the longest match winning and $ anchoring", () => {
    const rules = robotsRules(TXT, 'somebot');
    expect(robotsAllow(rules, 'https://x.test/private/a')).toBe(false);
    expect(robotsAllow(rules, 'https://x.test/private/open')).toBe(true);
    expect(robotsAllow(rules, 'https://x.test/private/opener')).toBe(false);
    expect(robotsAllow(rules, 'https://x.test/news/drafts/1')).toBe(true);
  });

  it('allows everything when nothing applies, and treats regex characters literally', () => {
    expect(robotsAllow(robotsRules('', 'gazette'), 'https://x.test/a')).toBe(true);
    const rules = robotsRules('User-agent: *\nDisallow: /a.b(c)+', 'gazette');
    expect(robotsAllow(rules, 'https://x.test/a.b(c)+d')).toBe(false);
    expect(robotsAllow(rules, 'https://x.test/axb(c)d')).toBe(true);
  });
});
