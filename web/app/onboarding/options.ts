export const INDUSTRIES = [
  'Retail & e-commerce', 'Hospitality & travel', 'Food & beverage', 'Health & wellness', 'Beauty & personal care',
  'Professional services', 'Real estate', 'Software & SaaS', 'Education', 'Non-profit', 'Other',
];

/** The API accepts exactly these team sizes. */
export const TEAM_SIZES = [
  { value: '1', label: 'Just me' },
  { value: '2-5', label: '2–5 people' },
  { value: '6-20', label: '6–20 people' },
  { value: '21-50', label: '21–50 people' },
  { value: '51-200', label: '51–200 people' },
  { value: '200+', label: 'More than 200' },
];
