// Real small files for attachment tests: a one-page PDF (opens in any reader) and a 1×1 PNG.
import { Buffer } from 'node:buffer';
import { onePagePdf } from '../demo';

/** A minimal valid one-page PDF saying "Rectified" (or `text`, ASCII). */
export const smallPdf = (text = 'Rectified'): Buffer => onePagePdf(text);

/** A 1×1 transparent PNG. */
export const smallPng = (): Buffer =>
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export const payload = (fileName: string, bytes: Uint8Array) => ({ fileName, dataBase64: Buffer.from(bytes).toString('base64') });
