/** "Café Münster & Co." → "cafe-munster-co" (the API's slug format: 3–100 of a-z, 0-9, "-"). */
export const slugify = (name: string): string =>
  name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');

export const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,98}[a-z0-9])$/;
