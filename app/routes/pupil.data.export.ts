// The signed-in pupil's own data as a JSON download; whose data comes from the session alone.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportFileName, exportOwnData } from "~/models/privacy.server";
import { requirePupil } from "~/utils/auth.server";
import { jsonDownload } from "~/utils/json-download.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const pupil = await requirePupil(request);
  return jsonDownload(
    await exportOwnData({ pupilId: pupil.pupilId }),
    exportFileName(pupil.pupilId),
  );
}
