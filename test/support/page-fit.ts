import * as fs from 'fs';
import { Page } from 'playwright-core';

/** What sticks out to the right of the viewport, if anything: the page's width and the widest offenders. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; clientWidth: number; offenders: string[] }> {
  return page.evaluate(() => {
    const { document, window } = globalThis as any;
    const el = document.documentElement;
    const offenders: string[] = [];
    for (const e of Array.from(document.querySelectorAll('body *')) as any[]) {
      const r = e.getBoundingClientRect();
      if (r.right > el.clientWidth + 1 && r.width > 0) {
        const cls = typeof e.className === 'string' && e.className ? `.${e.className.split(' ').join('.')}` : '';
        offenders.push(`${e.tagName.toLowerCase()}${cls} right=${Math.round(r.right)}`);
      }
    }
    return { scrollWidth: el.scrollWidth, innerWidth: window.innerWidth, clientWidth: el.clientWidth, offenders: offenders.slice(0, 8) };
  });
}

const AXE = require.resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core run in the page (the context must bypass CSP to inject it); only serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ content: fs.readFileSync(AXE, 'utf8') });
  const result = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: object,
          ) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const r = await axe.run((globalThis as any).document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
