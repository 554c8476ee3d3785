import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA_DIR = process.env.CROSSCHAT_DATA_DIR || path.join(ROOT, '.data');
export const TOOLS_DIR = path.join(ROOT, '.tools');
