import { Injectable, Logger } from '@nestjs/common';
import type { RenderImage } from './rendering/documents';

const MAX_BYTES = 1024 * 1024;
const TIMEOUT_MS = 5_000;
const KEEP_MS = 60 * 60 * 1000;
const KEEP_FAILURE_MS = 5 * 60 * 1000;
const CACHE_LIMIT = 200;

/**
 * Entity logos for the notices. An entity's logo is an https address (`creditor_entity.logo_url`, set by the
 * intermediary's staff); it is fetched once and kept for an hour, so a batch of 10,000 notices fetches it once.
 * A logo that cannot be fetched, is too large (1 MiB) or is not PNG, JPEG or SVG leaves the notice without
 * logo (the box stays empty): a missing picture must not stop the notices.
 */
@Injectable()
export class EntityLogos {
  private readonly logger = new Logger(EntityLogos.name);
  private readonly cache = new Map<string, { logo?: RenderImage; until: number }>();

  async logoOf(url: string | null): Promise<RenderImage | undefined> {
    if (!url) return undefined;
    const cached = this.cache.get(url);
    if (cached && cached.until > Date.now()) return cached.logo;
    const logo = await this.fetchLogo(url).catch((error: unknown) => {
      this.logger.warn({ err: error, url }, 'Entity logo not available for the notices');
      return undefined;
    });
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(url, {
      ...(logo ? { logo } : {}),
      until: Date.now() + (logo ? KEEP_MS : KEEP_FAILURE_MS),
    });
    return logo;
  }

  private async fetchLogo(url: string): Promise<RenderImage | undefined> {
    if (!/^https:\/\//i.test(url)) throw new Error('logo address is not https');
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
    if (!response.ok) throw new Error(`logo answered ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_BYTES) throw new Error(`logo of ${declared} bytes`);
    const data = Buffer.from(await response.arrayBuffer());
    if (data.length > MAX_BYTES) throw new Error(`logo of ${data.length} bytes`);
    return imageOf(data);
  }
}

/** PNG, JPEG or SVG by content, whatever the server calls it. */
export function imageOf(data: Buffer): RenderImage | undefined {
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return { type: 'png', data };
  }
  if (data[0] === 0xff && data[1] === 0xd8) return { type: 'jpeg', data };
  const text = data.subarray(0, 4096).toString('utf8');
  if (/<svg[\s>]/i.test(text)) return { type: 'svg', data: data.toString('utf8') };
  return undefined;
}
