export type {
  NoticeDocument,
  NoticeInstallment,
  ReceiptDocument,
  ReceiptTransfer,
  RenderImage,
} from './documents';
export { renderNoticePdf, noticeDefinition } from './notice-pdf';
export { renderReceiptPdf, receiptDefinition } from './receipt-pdf';
