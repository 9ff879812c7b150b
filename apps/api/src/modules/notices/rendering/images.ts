import type { Content } from 'pdfmake/interfaces';
import type { RenderImage } from './documents';
import { svgNode } from './vector-forms';

/** Data URLs of raster images, computed once per image buffer (an entity's logo is on every notice of a batch). */
const dataUrls = new WeakMap<Buffer, string>();

function dataUrl(image: { type: 'png' | 'jpeg'; data: Buffer }): string {
  let url = dataUrls.get(image.data);
  if (!url)
    dataUrls.set(image.data, (url = `data:image/${image.type};base64,${image.data.toString('base64')}`));
  return url;
}

/** A logo or other picture contained in a width × height box. */
export function imageContent(image: RenderImage, width: number, height: number): Content {
  if (image.type === 'svg') return { ...svgNode(image.data), fit: [width, height] };
  return { image: dataUrl(image), fit: [width, height] };
}
