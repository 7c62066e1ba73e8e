// Any unknown path: a translated 404 page from the root error boundary.
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export async function action() {
  throw new Response("Not found", { status: 404 });
}
