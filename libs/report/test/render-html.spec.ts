import { renderAarHtml } from '@ttx/report';
import { goldenModel } from './golden.js';

describe('the HTML report', () => {
  const html = renderAarHtml(goldenModel());

  it('is one complete standalone document with inline CSS and SVG charts', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html.match(/<svg /g)?.length).toBe(2);
    expect(html).toMatch(/<path d="M[\d.]+ [\d.]+H/);
    expect(html).not.toMatch(/<(script|link|img)\b/i);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
  });

  it('shows markup in player and scenario text as text', () => {
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; They started it.');
    expect(html).toContain('Name them &#60;b&#62;now&#60;/b&#62; &#38; &#34;loudly&#34;');
    expect(html).toContain('We are looking into it. &#60;i&#62;Stand by&#60;/i&#62;.');
    expect(html).toContain('Respond proportionately &#60;without&#62; harming civilians');
    expect(html).not.toContain('<b>now</b>');
    expect(html).not.toContain('<i>Stand by</i>');
  });

  it('holds every section, team, finding and improvement item', () => {
    for (const heading of ['Exercise overview', 'Escalation between states', 'Objectives and ratings', 'Areas for improvement', 'Appendix A: Improvement plan']) {
      expect(html).toContain(`>${heading}</h2>`);
    }
    expect(html).toContain('Southland Government attacked Northland Water Utility, civilian critical infrastructure (NORM-F)');
    expect(html).toContain('J. Doe, MFA legal');
  });

  it("words the event log's decisions and findings from the records their entries point at", () => {
    expect(html).toContain('Southland Government decided: Public Attribution (Northland Foreign Ministry). Rationale: Name them &#60;b&#62;now&#60;/b&#62;');
    expect(html).toContain('Findings for Southland Government: attribution violation -10; hotline-first concern -5');
  });
});
