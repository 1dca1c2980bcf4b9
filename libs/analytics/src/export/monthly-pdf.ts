import PDFDocument from 'pdfkit';
import { translator } from '@kabar/i18n';
import { MonthlyReport } from '../reports/monthly.service';

interface Column {
  label: string;
  width: number;
  align?: 'left' | 'right';
}

/**
 * The monthly report on A4 in the caller's language: title, then tables of the same numbers as the JSON.
 * Uncompressed content streams: the text stays searchable (and testable) at a small cost in size.
 */
export function renderMonthlyPdf(r: MonthlyReport): Promise<Buffer> {
  const lng = r.meta.locale;
  const t = translator(lng);
  const tag = lng === 'en' ? 'en-GB' : 'id-ID';
  const n = (x: number | null | undefined, digits = 0) =>
    x === null || x === undefined ? '–' : new Intl.NumberFormat(tag, { maximumFractionDigits: digits }).format(x);
  const pct = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${n(x, 2)}%`);
  const rate = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${n(x * 100, 2)}%`);
  const [y, m] = r.meta.month.split('-').map(Number);
  const monthTitle = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
  const title = t('analytics.pdf.title', { unit: r.meta.unitName, month: monthTitle });

  const doc = new PDFDocument({ size: 'A4', margin: 40, compress: false, info: { Title: title, Author: 'Kabar' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (text: string) => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(text, 40).font('Helvetica').fontSize(9).moveDown(0.3);
  };
  const table = (columns: Column[], rows: string[][]) => {
    const line = (cells: string[], bold: boolean) => {
      if (doc.y > doc.page.height - 60) doc.addPage();
      const top = doc.y;
      let x = 40;
      let bottom = top;
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      cells.forEach((cell, i) => {
        doc.text(cell, x, top, { width: columns[i].width - 6, align: columns[i].align ?? 'left' });
        bottom = Math.max(bottom, doc.y);
        x += columns[i].width;
      });
      doc.x = 40;
      doc.y = bottom + 3;
    };
    line(
      columns.map((c) => c.label),
      true,
    );
    rows.forEach((row) => line(row, false));
    if (!rows.length) doc.font('Helvetica-Oblique').text(t('analytics.pdf.none'), 40).font('Helvetica');
  };

  doc.font('Helvetica-Bold').fontSize(16).text(title);
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#555')
    .text(t('analytics.pdf.period', { from: r.meta.from, to: r.meta.to, zone: r.meta.timeZone }))
    .fillColor('#000');

  heading(t('analytics.pdf.growth'));
  table(
    [
      { label: t('analytics.pdf.followers'), width: 110, align: 'right' },
      { label: t('analytics.pdf.netNew'), width: 110, align: 'right' },
      { label: t('analytics.pdf.growthPct'), width: 110, align: 'right' },
      { label: t('analytics.pdf.accounts'), width: 150, align: 'right' },
    ],
    [[n(r.growth.followers), n(r.growth.netNew), pct(r.growth.growthPct), `${r.growth.accounts} / ${r.growth.expectedAccounts}`]],
  );

  heading(t('analytics.pdf.leaderboard'));
  if (r.leaderboard)
    table(
      [
        { label: t('analytics.pdf.rank'), width: 90, align: 'right' },
        { label: t('analytics.pdf.previousRank'), width: 110, align: 'right' },
        { label: t('analytics.pdf.growthPct'), width: 90, align: 'right' },
        { label: t('analytics.pdf.engagementRate'), width: 110, align: 'right' },
        { label: t('analytics.pdf.posts'), width: 90, align: 'right' },
      ],
      [
        [
          `${r.leaderboard.rank} / ${r.leaderboard.of}`,
          String(r.leaderboard.previousRank),
          pct(r.leaderboard.followersGrowthPct),
          rate(r.leaderboard.engagementRate),
          n(r.leaderboard.postsPublished),
        ],
      ],
    );
  else table([{ label: t('analytics.pdf.rank'), width: 200 }], []);

  heading(t('analytics.pdf.targets'));
  table(
    [
      { label: t('analytics.pdf.followersTarget'), width: 130, align: 'right' },
      { label: t('analytics.pdf.followers'), width: 100, align: 'right' },
      { label: t('analytics.pdf.postsTarget'), width: 130, align: 'right' },
      { label: t('analytics.pdf.posts'), width: 100, align: 'right' },
    ],
    [
      [
        `${n(r.targets.followersTarget)} (${pct(r.targets.followersProgressPct)})`,
        n(r.targets.followers),
        `${n(r.targets.postsTarget)} (${pct(r.targets.postsProgressPct)})`,
        n(r.targets.posts),
      ],
    ],
  );

  heading(t('analytics.pdf.topPosts'));
  table(
    [
      { label: t('analytics.pdf.post'), width: 250 },
      { label: t('analytics.pdf.account'), width: 110 },
      { label: t('analytics.pdf.interactions'), width: 70, align: 'right' },
      { label: t('analytics.pdf.engagementRate'), width: 85, align: 'right' },
    ],
    r.topPosts.map((p) => [p.excerpt.slice(0, 90), `${p.handle ?? ''} (${p.platform})`, n(p.interactions), rate(p.engagementRate)]),
  );

  heading(t('analytics.pdf.programs'));
  table(
    [
      { label: t('analytics.pdf.program'), width: 250 },
      { label: t('analytics.pdf.posts'), width: 70, align: 'right' },
      { label: t('analytics.pdf.interactions'), width: 90, align: 'right' },
      { label: t('analytics.pdf.engagementRate'), width: 105, align: 'right' },
    ],
    r.programs.filter((p) => p.posts > 0).map((p) => [p.name, n(p.posts), n(p.interactions), rate(p.engagementRate)]),
  );

  heading(t('analytics.pdf.inactive', { count: r.inactiveAccounts }));

  heading(t('analytics.pdf.daily'));
  table(
    [
      { label: t('analytics.pdf.day'), width: 110 },
      { label: t('analytics.pdf.followers'), width: 110, align: 'right' },
      { label: t('analytics.pdf.netNew'), width: 110, align: 'right' },
      { label: t('analytics.pdf.accounts'), width: 110, align: 'right' },
    ],
    r.daily.map((d) => [d.period, n(d.followers), n(d.netNew), `${d.accounts} / ${d.expectedAccounts}`]),
  );

  doc.end();
  return done;
}
