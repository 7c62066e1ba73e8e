// Any unknown path: a translated 404 page from the root error boundary.
import { notFound } from "~/utils/http.server";
export async function loader() {
  notFound();
}

export default function NotFound() {
  return null;
}

export async function action() {
  notFound();
}
