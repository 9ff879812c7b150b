import {
  buildNoticeQrPayload,
  buildPosteDataMatrixPayload,
  formatEuroForNotice,
  formatNoticeNumber,
} from '@pagamenti/pagopa';
import type { Column, Content, ContentText, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import { dataMatrixDrawing, qrDrawing } from './barcodes';
import type { NoticeDocument, NoticeInstallment, SecondLanguage } from './documents';
import { NOTICE_LABELS, fill, type NoticeLabelKey } from './labels';
import { imageContent } from './images';
import { mm, renderPdf } from './pdfmake-setup';
import { drawingSource, svgNode } from './vector-forms';

const BAND_FILL = '#ECECEC';
const GREY = '#7C7C7B';
const BLUE = '#0066CC';
const PAGE_WIDTH = mm(210);
const MARGIN = mm(10);
const BAND_HEIGHT = mm(8);
const MONO = 'RobotoMono';

type Inline = string | ContentText;

/** Builds the pdfmake content of one notice; exported for the benchmark and for tests that inspect it. */
export function noticeDefinition(doc: NoticeDocument): TDocumentDefinitions {
  return new NoticeLayout(doc).definition();
}

/** Renders a payment notice (Avviso di pagamento 3.x layout, notice-layout.md) to an A4 PDF. */
export function renderNoticePdf(doc: NoticeDocument): Promise<Buffer> {
  return renderPdf(noticeDefinition(doc));
}

export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new RangeError(`invalid date: ${iso}`);
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** Splits `**bold**` markers of a label into text runs. */
function rich(text: string, style: Partial<ContentText> = {}): ContentText[] {
  return text
    .split('**')
    .map((part, i) => ({ text: part, bold: i % 2 === 1, ...style }))
    .filter((run) => run.text !== '');
}

const INFO_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" width="16" height="16"><circle cx="8" cy="8" r="7.2" fill="none" stroke="#0E0F13" stroke-width="1.4"/><rect x="7.2" y="6.8" width="1.6" height="5.2" fill="#0E0F13"/><rect x="7.2" y="3.8" width="1.6" height="1.6" fill="#0E0F13"/></svg>';
const PHONE_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 25" width="32" height="25"><rect x="9" y="1" width="14" height="23" rx="2.5" fill="none" stroke="#0E0F13" stroke-width="1.6"/><rect x="13" y="20" width="6" height="1.6" fill="#0E0F13"/><path d="M2 9h5M2 13h5M25 9h5M25 13h5" stroke="#0E0F13" stroke-width="1.4"/></svg>';
const SHOP_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32"><path d="M3 12L6 4h20l3 8z" fill="none" stroke="#0E0F13" stroke-width="1.6" stroke-linejoin="round"/><rect x="5" y="12" width="22" height="17" fill="none" stroke="#0E0F13" stroke-width="1.6"/><rect x="9" y="17" width="6" height="12" fill="none" stroke="#0E0F13" stroke-width="1.4"/><rect x="18" y="17" width="6" height="5" fill="none" stroke="#0E0F13" stroke-width="1.4"/></svg>';
const EURO_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 30" width="30" height="30"><rect x="1" y="1" width="28" height="28" rx="4" fill="none" stroke="#1D1D1B" stroke-width="1.6"/><path d="M20 9.5a7 7 0 1 0 0 11M8 13.5h10M8 16.5h10" fill="none" stroke="#1D1D1B" stroke-width="1.8"/></svg>';
const SCISSORS_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 22 15" width="22" height="15"><circle cx="4" cy="3.5" r="2.6" fill="none" stroke="#868686" stroke-width="1.3"/><circle cx="4" cy="11.5" r="2.6" fill="none" stroke="#868686" stroke-width="1.3"/><path d="M6.2 5L21 12.5M6.2 10L21 2.5" stroke="#868686" stroke-width="1.3"/></svg>';

class NoticeLayout {
  private readonly lang?: SecondLanguage;
  private readonly secondColor: string;
  private readonly installments: NoticeInstallment[];
  private readonly hasSingle: boolean;
  /** The single-payment option (notice number and full amount), when offered. */
  private readonly single: { noticeNumber: string; amountCents: number };

  constructor(private readonly doc: NoticeDocument) {
    this.lang = doc.secondLanguage;
    this.secondColor = doc.bilingual ? '#000000' : GREY;
    this.installments = doc.notice.installments ?? [];
    this.hasSingle = doc.notice.noticeNumber !== undefined && doc.notice.amountCents !== undefined;
    this.single = { noticeNumber: doc.notice.noticeNumber ?? '', amountCents: doc.notice.amountCents ?? 0 };
    if (!this.hasSingle && this.installments.length < 2) {
      throw new RangeError(
        'a notice needs a single payment (notice number and amount) or at least 2 instalments',
      );
    }
    if (this.installments.length > 8) throw new RangeError('at most 8 instalments are supported');
  }

  definition(): TDocumentDefinitions {
    return {
      pageSize: 'A4',
      pageMargins: [MARGIN, mm(43.9), MARGIN, mm(5)],
      info: {
        title: `Avviso di pagamento - ${this.doc.notice.subject}`,
        creator: 'Piattaforma pagamenti pagoPA',
      },
      compress: true,
      defaultStyle: { font: 'Titillium', fontSize: 8, lineHeight: 0.9, color: '#000000' },
      header: () => this.header(),
      content: this.content(),
    };
  }

  // ---------------------------------------------------------------- strings

  private it(key: NoticeLabelKey, values: Record<string, string | number> = {}): string {
    return fill(NOTICE_LABELS[key].it, values);
  }

  private second(key: NoticeLabelKey, values: Record<string, string | number> = {}): string | undefined {
    return this.lang ? fill(NOTICE_LABELS[key][this.lang], values) : undefined;
  }

  /** "ITALIANO · translation" on one line: Italian bold, the translation regular in the second-language colour. */
  private heading(
    key: NoticeLabelKey,
    values: Record<string, string | number> = {},
    bold = true,
    secondSize?: number,
  ): Inline[] {
    const runs: Inline[] = [{ text: this.it(key, values), bold }];
    const second = this.second(key, values);
    if (second) {
      runs.push({
        text: ` · ${second}`,
        bold: false,
        color: this.secondColor,
        ...(secondSize ? { fontSize: secondSize } : {}),
      });
    }
    return runs;
  }

  /** Band titles: 10 pt; with a second language 9 pt Italian and 8 pt translation, so both fit on one line. */
  private bandHeading(key: NoticeLabelKey, values: Record<string, string | number> = {}): Inline[] {
    if (!this.lang) return this.heading(key, values);
    return this.heading(key, values, true, 8).map((run, i) =>
      i === 0 && typeof run !== 'string' ? { ...run, fontSize: 9 } : run,
    );
  }

  /** A paragraph with its translation on a new line under it. */
  private paragraph(key: NoticeLabelKey, values: Record<string, string | number> = {}): Content {
    const second = this.second(key, values);
    const lines: Content[] = [{ text: rich(this.it(key, values)) }];
    if (second) lines.push({ text: rich(second, { color: this.secondColor }), margin: [0, 1, 0, 0] });
    return { stack: lines };
  }

  private label(key: NoticeLabelKey): Content {
    return { text: this.heading(key, {}, false), fontSize: 8 };
  }

  private money(cents: number): string {
    return formatEuroForNotice(cents, 'it');
  }

  // ---------------------------------------------------------------- structure

  private header(): Content {
    const { notice, creditor } = this.doc;
    const subject: Inline[] = [{ text: notice.subject }];
    if (notice.subjectTranslated) {
      subject.push({ text: ` · ${notice.subjectTranslated}`, bold: false, color: this.secondColor });
    }
    const items: Content[] = [
      {
        text: 'pagoPA',
        bold: true,
        fontSize: 15,
        color: BLUE,
        absolutePosition: { x: MARGIN, y: mm(9.2) },
      },
      { text: this.heading('title'), fontSize: 10, absolutePosition: { x: mm(29), y: mm(10.4) } },
      {
        // absolutely positioned text only wraps inside a sized column
        columns: [
          { width: mm(155), text: subject, bold: true, fontSize: this.lang ? 14 : 16, lineHeight: 1 },
        ],
        absolutePosition: { x: MARGIN, y: mm(22) },
      },
    ];
    if (creditor.logo) {
      items.push({
        stack: [imageContent(creditor.logo, mm(30), mm(30))],
        absolutePosition: { x: mm(170), y: mm(10) },
      });
    }
    return { stack: items };
  }

  private content(): Content[] {
    const { notice, creditor } = this.doc;
    const content: Content[] = [
      this.halfBand(
        this.bandHeading('creditor'),
        creditor.fiscalCode,
        this.bandHeading('debtor'),
        this.doc.debtor.fiscalCode,
      ),
      this.parties(),
      this.halfBand(
        this.bandHeading(notice.dueDate || this.installments.length ? 'howMuchWhen' : 'howMuch'),
        undefined,
        this.bandHeading('where'),
        [
          { text: `${this.it('goTo')} `, fontSize: 8, bold: false },
          { text: 'pagopa.gov.it', fontSize: 10, bold: true },
        ],
      ),
      this.amountAndChannels(),
      this.fullBand(this.bandHeading('paymentData'), this.dueHeading()),
    ];
    if (this.hasSingle) {
      content.push(this.singlePayment());
      if (creditor.postal) {
        content.push(
          this.postalSlip(creditor.postal, this.single.noticeNumber, this.single.amountCents, notice.dueDate),
        );
      }
    }
    if (this.installments.length) {
      const rows = this.installmentRows();
      rows.forEach((row, index) => {
        const breakBefore = index === 0 && this.hasSingle && creditor.postal !== undefined;
        content.push(breakBefore ? { stack: [row], pageBreak: 'before' } : row);
      });
      const postal = creditor.postal;
      if (postal) {
        this.installments.forEach((installment, i) =>
          content.push(
            this.postalSlip(
              postal,
              installment.noticeNumber,
              installment.amountCents,
              installment.dueDate,
              i + 1,
            ),
          ),
        );
      }
    }
    return content;
  }

  private dueHeading(): Inline[] {
    const { dueDate } = this.doc.notice;
    if (!this.hasSingle) return [];
    return dueDate
      ? this.bandHeading('singleDue', { date: formatDate(dueDate) })
      : this.bandHeading('single');
  }

  // ---------------------------------------------------------------- bands

  private bandLayout(cellPadding: (i: number) => [number, number]) {
    return {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: (i: number) => cellPadding(i)[0],
      paddingRight: (i: number) => cellPadding(i)[1],
      paddingTop: () => mm(2.1),
      paddingBottom: () => 0,
    };
  }

  private bandCell(title: Inline[], right?: Inline[] | string): TableCell {
    const rightContent: Content =
      typeof right === 'string'
        ? { text: right, font: MONO, fontSize: 8, alignment: 'right', margin: [0, 2, 0, 0] }
        : { text: right ?? '', fontSize: 10, bold: true, alignment: 'right' };
    return {
      columns: [{ width: 'auto', text: title, fontSize: 10 }, { width: '*', ...rightContent } as Content],
      columnGap: 4,
      fillColor: BAND_FILL,
      // fixed band height: pdfmake rows grow to fit, so keep the text to one line
      minHeight: BAND_HEIGHT,
    } as TableCell;
  }

  /** Two full-bleed halves, 0-104 mm and 106.1-210 mm. */
  private halfBand(
    left: Inline[],
    leftRight: string | undefined,
    right: Inline[],
    rightRight?: Inline[] | string,
  ) {
    return {
      margin: [-MARGIN, 0, -MARGIN, mm(4)] as [number, number, number, number],
      table: {
        widths: [mm(104) - MARGIN - mm(4), mm(2.1), PAGE_WIDTH - mm(106.1) - mm(7.9) - MARGIN],
        heights: [BAND_HEIGHT - mm(2.1)],
        body: [[this.bandCell(left, leftRight), { text: '' }, this.bandCell(right, rightRight)]],
      },
      layout: this.bandLayout((i) => (i === 0 ? [MARGIN, mm(4)] : i === 1 ? [0, 0] : [mm(7.9), MARGIN])),
    } satisfies Content;
  }

  private fullBand(title: Inline[], right: Inline[] = [], marginTop = 0): Content {
    return {
      margin: [-MARGIN, marginTop, -MARGIN, mm(5)],
      table: {
        widths: [PAGE_WIDTH - 2 * MARGIN],
        heights: [BAND_HEIGHT - mm(2.1)],
        body: [[this.bandCell(title, right)]],
      },
      layout: this.bandLayout(() => [MARGIN, MARGIN]),
    };
  }

  // ---------------------------------------------------------------- blocks

  private parties(): Content {
    const { creditor, debtor } = this.doc;
    const creditorStack: Content[] = [{ text: creditor.name, fontSize: 14, bold: true, lineHeight: 0.95 }];
    if (creditor.sector)
      creditorStack.push({ text: creditor.sector, fontSize: 12, margin: [0, mm(1.5), 0, 0] });
    if (creditor.info) creditorStack.push({ text: creditor.info, fontSize: 8, margin: [0, mm(1.5), 0, 0] });
    const debtorStack: Content[] = [{ text: debtor.fullName, fontSize: 14, bold: true, lineHeight: 0.95 }];
    const street = [debtor.address, debtor.buildingNumber].filter(Boolean).join(' ');
    const town = [debtor.postalCode, debtor.city, debtor.province ? `(${debtor.province})` : undefined]
      .filter(Boolean)
      .join(' ');
    if (street || town) {
      debtorStack.push({
        text: [street, town].filter(Boolean).join('\n'),
        fontSize: 12,
        margin: [0, mm(1.5), 0, 0],
      });
    }
    return {
      columns: [
        { width: mm(90), stack: creditorStack },
        { width: '*', stack: debtorStack },
      ],
      columnGap: mm(14),
      margin: [0, mm(1), 0, mm(5)],
    };
  }

  private amountAndChannels(): Content {
    const { notice, creditor } = this.doc;
    const total = this.hasSingle
      ? this.single.amountCents
      : this.installments.reduce((sum, installment) => sum + installment.amountCents, 0);
    const amount: Column[] = [
      {
        width: '*',
        stack: [
          { text: this.heading('amount'), fontSize: 8, bold: true },
          { text: `${this.money(total)} Euro`, fontSize: 16, bold: true },
        ],
      },
    ];
    const dueDate = notice.dueDate ?? (this.hasSingle ? undefined : this.installments[0]?.dueDate);
    if (dueDate) {
      amount.push({
        width: 'auto',
        stack: [
          { text: this.heading('dueBy'), fontSize: 8, bold: true },
          { text: formatDate(dueDate), fontSize: 16, bold: true },
        ],
      });
    }
    const notes: Content[] = [];
    if (this.installments.length) {
      const key = this.hasSingle ? 'payInFullOrInstallments' : 'payInInstallments';
      notes.push(this.note(this.paragraph(key, { n: this.installments.length })));
    }
    notes.push(this.note(this.paragraph('legal')));

    const onlineKey = creditor.website ? 'onlineTextSite' : 'onlineText';
    const channels: Content[] = [
      this.channel(
        'online',
        this.paragraph(onlineKey, { site: creditor.website ?? '' }),
        PHONE_ICON,
        [11.5, 8.9],
      ),
      this.channel(
        'territory',
        creditor.physicalChannel
          ? {
              stack: [
                { text: `${creditor.physicalChannel}, `, bold: true },
                this.paragraph('territoryText') as Content,
              ],
            }
          : this.paragraph('territoryText'),
        SHOP_ICON,
        [12, 12],
      ),
    ];
    return {
      columns: [
        { width: mm(90), stack: [{ columns: amount, columnGap: mm(4) }, ...notes] },
        { width: '*', stack: channels },
      ],
      columnGap: mm(14),
      margin: [0, 0, 0, mm(5)],
    };
  }

  private note(text: Content): Content {
    return {
      columns: [
        { width: mm(4), ...svgNode(INFO_ICON), fit: [mm(4), mm(4)] },
        { width: '*', stack: [text] },
      ],
      columnGap: mm(2),
      margin: [0, mm(3), 0, 0],
    };
  }

  private channel(titleKey: NoticeLabelKey, text: Content, icon: string, size: [number, number]): Content {
    return {
      columns: [
        { width: '*', stack: [{ text: this.heading(titleKey), fontSize: 10 }, text] },
        { width: mm(12), ...svgNode(icon), fit: [mm(size[0]), mm(size[1])], alignment: 'right' },
      ],
      columnGap: mm(4),
      margin: [0, 0, 0, mm(3.5)],
    };
  }

  private labelled(
    label: NoticeLabelKey,
    value: Content,
    margin: [number, number, number, number] = [0, 0, 0, 0],
  ) {
    return { stack: [this.label(label), value], margin } satisfies Content;
  }

  private qr(noticeNumber: string, amountCents: number, size: number): Content {
    const payload = buildNoticeQrPayload({
      noticeNumber,
      creditorFiscalCode: this.doc.creditor.fiscalCode,
      amountCents,
    });
    return { image: drawingSource(qrDrawing(payload)), width: size, height: size };
  }

  private codeValue(text: string, alignment: 'left' | 'right' = 'left'): Content {
    return { text, font: MONO, bold: true, fontSize: 10, alignment };
  }

  private singlePayment(): Content {
    const { notice, creditor, debtor } = this.doc;
    const summary: Content[] = [
      this.labelled('recipient', { text: debtor.fullName, bold: true }),
      this.labelled('payee', { text: creditor.name, bold: true }, [0, mm(2), 0, 0]),
      this.labelled('subject', { text: notice.subject, bold: true }, [0, mm(2), 0, 0]),
    ];
    const codes: Column[] = [];
    if (creditor.cbill) {
      codes.push({
        width: mm(35.2),
        stack: [this.label('cbill'), this.codeValue(creditor.cbill.toUpperCase())],
      });
    }
    codes.push(
      {
        width: '*',
        stack: [this.label('noticeCode'), this.codeValue(formatNoticeNumber(this.single.noticeNumber))],
      },
      {
        width: 'auto',
        stack: [
          { text: this.heading('payeeTaxCode', {}, false), alignment: 'right' },
          this.codeValue(creditor.fiscalCode, 'right'),
        ],
      },
    );
    return {
      unbreakable: true,
      columns: [
        {
          width: mm(49),
          stack: [
            this.qr(this.single.noticeNumber, this.single.amountCents, mm(25)),
            { stack: [this.captionRuns('qrCaption')], margin: [0, mm(3), mm(7), 0] },
          ],
        },
        {
          width: '*',
          stack: [
            {
              columns: [
                { width: '*', stack: summary },
                {
                  width: 'auto',
                  text: [
                    { text: 'Euro  ', fontSize: 10 },
                    { text: this.money(this.single.amountCents), font: MONO, bold: true, fontSize: 12 },
                  ],
                },
              ],
            },
            { columns: codes, columnGap: mm(3), margin: [0, mm(5.5), 0, 0] },
          ],
        },
      ],
      margin: [0, 0, 0, mm(1)],
    };
  }

  private captionRuns(key: 'qrCaption' | 'qrCaptionInstallment', fontSize = 8): Content {
    const second = this.second(key);
    const runs: ContentText[] = rich(this.it(key));
    if (second) runs.push({ text: '\n' }, ...rich(second, { color: this.secondColor }));
    return { text: runs, fontSize };
  }

  /** Rows of 2 or 3 instalment modules: multiples of 3 in 3 columns, otherwise pairs, then a final 3 if odd. */
  private installmentRows(): Content[] {
    const n = this.installments.length;
    const sizes: number[] = [];
    if (n % 3 === 0 && n !== 6) for (let i = 0; i < n; i += 3) sizes.push(3);
    else {
      let left = n;
      while (left > 0) {
        if (left === 3) {
          sizes.push(3);
          left = 0;
        } else {
          sizes.push(2);
          left -= 2;
        }
      }
    }
    const rows: Content[] = [];
    let index = 0;
    for (const size of sizes) {
      const items = this.installments.slice(index, index + size);
      rows.push({
        unbreakable: true,
        columns: items.map((item, i) => ({
          width: '*',
          stack: [this.installmentModule(item, index + i + 1, size)],
        })),
        columnGap: mm(12),
        margin: [0, mm(3), 0, mm(2)],
      });
      index += size;
    }
    return rows;
  }

  private installmentModule(installment: NoticeInstallment, n: number, perRow: number): Content {
    const { creditor, notice } = this.doc;
    const qrSize = mm(perRow === 3 ? 20 : 25);
    const left: Content[] = [
      { text: 'Euro', fontSize: 8 },
      this.codeValue(this.money(installment.amountCents)),
    ];
    if (installment.dueDate) {
      left.push(
        { text: this.heading('dueByCap', {}, false), margin: [0, mm(2), 0, 0] },
        this.codeValue(formatDate(installment.dueDate)),
      );
    }
    const codes: Column[] = [
      { width: 'auto', stack: [this.label('payeeTaxCode'), this.codeValue(creditor.fiscalCode)] },
    ];
    if (creditor.cbill) {
      codes.push({ width: '*', stack: [this.label('cbill'), this.codeValue(creditor.cbill.toUpperCase())] });
    }
    return {
      stack: [
        {
          margin: [-mm(3.1), 0, -mm(3.1), mm(3)],
          table: {
            widths: ['*'],
            heights: [BAND_HEIGHT - mm(2.1)],
            body: [[this.bandCell(this.heading('installment', { n }))]],
          },
          layout: this.bandLayout(() => [mm(3.1), mm(3.1)]),
        },
        {
          columns: [
            { width: '*', stack: left },
            { width: qrSize, stack: [this.qr(installment.noticeNumber, installment.amountCents, qrSize)] },
          ],
          columnGap: mm(3),
        },
        this.labelled('noticeCode', this.codeValue(formatNoticeNumber(installment.noticeNumber)), [
          0,
          mm(2),
          0,
          0,
        ]),
        { columns: codes, columnGap: mm(4), margin: [0, mm(2), 0, 0] },
        this.labelled('subject', { text: notice.subject, bold: true }, [0, mm(2), 0, 0]),
        this.labelled('payee', { text: creditor.name, bold: true }, [0, mm(2), 0, 0]),
        {
          stack: [this.captionRuns('qrCaptionInstallment', perRow === 3 ? 7 : 8)],
          margin: [0, mm(2.5), 0, 0],
        },
      ],
    };
  }

  private postalSlip(
    postal: NonNullable<NoticeDocument['creditor']['postal']>,
    noticeNumber: string,
    amountCents: number,
    dueDate: string | undefined,
    installment?: number,
  ): Content {
    const { creditor, debtor, notice } = this.doc;
    const payload = buildPosteDataMatrixPayload({
      noticeNumber,
      postalAccount: postal.accountNumber,
      amountCents,
      creditorFiscalCode: creditor.fiscalCode,
      debtorFiscalCode: debtor.fiscalCode ?? '',
      debtorName: debtor.fullName,
      subject: notice.subject,
    });
    const dm = dataMatrixDrawing(payload);
    const dmBox = mm(23) / dm.symbolShare;
    const rightTitle = installment
      ? dueDate
        ? this.bandHeading('installmentDue', { n: installment, date: formatDate(dueDate) })
        : this.bandHeading('installment', { n: installment })
      : dueDate
        ? this.bandHeading('singleDue', { date: formatDate(dueDate) })
        : this.bandHeading('single');
    const inline = (key: NoticeLabelKey, value: string): Content => ({
      text: [
        {
          text: `${this.heading(key, {}, false)
            .map((run) => (typeof run === 'string' ? run : run.text))
            .join('')}  `,
        },
        { text: value, bold: true },
      ],
      margin: [0, 0, 0, mm(2)],
    });
    return {
      unbreakable: true,
      stack: [
        {
          columns: [
            {
              width: '*',
              canvas: [
                {
                  type: 'line',
                  x1: -MARGIN,
                  y1: mm(1.4),
                  x2: mm(185),
                  y2: mm(1.4),
                  lineWidth: 0.4,
                  dash: { length: 2, space: 2 },
                  lineColor: '#868686',
                },
              ],
            },
            { width: mm(5), ...svgNode(SCISSORS_ICON), fit: [mm(3.9), mm(2.7)] },
          ],
          margin: [0, mm(3), 0, mm(1)],
        },
        {
          margin: [-MARGIN, 0, -MARGIN, mm(5)],
          table: {
            widths: [mm(49), mm(40), '*'],
            heights: [BAND_HEIGHT - mm(2.1)],
            body: [
              [
                { text: this.bandHeading('postal'), fontSize: 10, fillColor: BAND_FILL, noWrap: true },
                {
                  text: 'BancoPosta',
                  fontSize: 10,
                  bold: true,
                  italics: false,
                  color: '#1D1D1B',
                  fillColor: BAND_FILL,
                },
                { text: rightTitle, fontSize: 10, bold: true, alignment: 'right', fillColor: BAND_FILL },
              ],
            ],
          },
          layout: this.bandLayout((i) => (i === 0 ? [MARGIN, 0] : i === 1 ? [0, 0] : [0, MARGIN])),
        },
        {
          columns: [
            {
              width: mm(41),
              stack: [
                {
                  text: [{ text: 'Poste', bold: true }, { text: 'italiane' }],
                  fontSize: 15,
                  color: '#1D1D1B',
                },
                {
                  table: {
                    widths: [mm(30)],
                    body: [
                      [
                        {
                          text: 'circuito\nbollettino postale',
                          fontSize: 8,
                          bold: true,
                          color: '#1D1D1B',
                          margin: [mm(1), mm(1), 0, mm(1)],
                        },
                      ],
                    ],
                  },
                  layout: {
                    hLineWidth: () => 1,
                    vLineWidth: () => 1,
                    hLineColor: () => '#1D1D1B',
                    vLineColor: () => '#1D1D1B',
                  },
                  margin: [0, mm(3), 0, mm(3)],
                },
                this.paragraph('postalNote'),
                ...(postal.authorization
                  ? [
                      {
                        text: postal.authorization,
                        fontSize: 7,
                        color: GREY,
                        margin: [0, mm(3), 0, 0] as [number, number, number, number],
                      },
                    ]
                  : []),
              ],
            },
            {
              width: '*',
              stack: [
                {
                  columns: [
                    { width: mm(8), ...svgNode(EURO_ICON), fit: [mm(7.5), mm(7.5)] },
                    {
                      width: '*',
                      text: [
                        {
                          text: `${this.heading('postalAccount', {}, false)
                            .map((r) => (typeof r === 'string' ? r : r.text))
                            .join('')}  `,
                          fontSize: 10,
                        },
                        { text: postal.accountNumber, font: MONO, bold: true, fontSize: 12 },
                      ],
                      margin: [0, mm(1.5), 0, 0],
                    },
                    {
                      width: 'auto',
                      text: [
                        { text: 'Euro  ', fontSize: 10 },
                        { text: this.money(amountCents), font: MONO, bold: true, fontSize: 12 },
                      ],
                      margin: [0, mm(1.5), 0, 0],
                    },
                  ],
                  columnGap: mm(2),
                  margin: [0, 0, 0, mm(3)],
                },
                {
                  columns: [
                    {
                      width: '*',
                      stack: [
                        inline('accountHolder', postal.accountHolder),
                        inline('recipient', debtor.fullName),
                        inline('postalSubject', notice.subject),
                        {
                          columns: [
                            {
                              width: 'auto',
                              stack: [
                                this.label('noticeCode'),
                                this.codeValue(formatNoticeNumber(noticeNumber)),
                              ],
                            },
                            { width: 'auto', stack: [this.label('type'), this.codeValue('P1')] },
                            {
                              width: '*',
                              stack: [
                                { text: this.heading('payeeTaxCodeLong', {}, false), alignment: 'right' },
                                this.codeValue(creditor.fiscalCode, 'right'),
                              ],
                            },
                          ],
                          columnGap: mm(5),
                          margin: [0, mm(3), 0, 0],
                        },
                      ],
                    },
                    { width: dmBox, image: drawingSource(dm.drawing), fit: [dmBox, dmBox] },
                  ],
                  columnGap: mm(5),
                },
              ],
            },
          ],
          columnGap: mm(8),
        },
      ],
      margin: [0, 0, 0, mm(2)],
    };
  }
}
