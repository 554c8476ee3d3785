/** A URL-safe slug from a business name: "Café Olé & Co" → "cafe-ole-co". */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 90)
    .replace(/-+$/g, '');
  return base.length >= 3 ? base : `${base || 'business'}-hq`;
}
