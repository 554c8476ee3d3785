import { redirect, type ClientLoaderFunctionArgs } from 'react-router';

export async function clientLoader({ params }: ClientLoaderFunctionArgs) {
  throw redirect(`/app/${params.businessId}/inbox`);
}

export default function AppIndex() {
  return null;
}
