import jsQR from 'jsqr';

/** Photos are scaled down to this many pixels on their longer side: plenty for a QR code, quick to scan. */
const MAX_SIDE = 1200;

/** Decodes the QR code in pixel data (jsQR), or null when there is none. */
export function decodeQrPixels(image: ImageData): string | null {
  return jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
}

/** Reads a QR code from an image file in the browser: nothing is uploaded anywhere. */
export async function decodeQrFile(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return decodeQrPixels(context.getImageData(0, 0, width, height));
}

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

/** The browser's own QR reader (Chrome, Edge, Android), when there is one. */
export function barcodeDetector(): BarcodeDetectorLike | null {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
  if (!Detector || typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) return null;
  return new Detector({ formats: ['qr_code'] });
}
