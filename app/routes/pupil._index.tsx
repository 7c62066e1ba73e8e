// The pupil's home: a greeting, their class, and their to-do list of assignments.
import { Name, Trans } from "~/components/name";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { NO_STORE } from "~/utils/accounts-form.server";
import { requirePupil } from "~/utils/auth.server";
import { PupilTodoList } from "~/components/assignment-lists";
import { listPupilAssignments } from "~/models/assignment.server";
import { unseenReplies } from "~/models/news.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => title(matches, "accounts.pupilHome.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const pupil = await requirePupil(request);
  const replies = await unseenReplies({ pupilId: pupil.pupilId });
  const todo = (await listPupilAssignments({ pupilId: pupil.pupilId, classId: pupil.classId })).map(
    (a) => ({
      ...a,
      dueAt: a.dueAt.toISOString(),
      unseenReplies: replies.get(a.id) ?? 0,
    }),
  );
  return json(
    { name: pupil.name, className: pupil.className, timeZone: pupil.timeZone, todo },
    { headers: NO_STORE },
  );
}

export default function PupilHome() {
  const t = useT();
  const { name, className, timeZone, todo } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>
        <Trans k="accounts.pupilHome.greeting" vars={{ name: <Name>{name}</Name> }} />
      </h1>
      <p>
        <Trans k="accounts.pupilHome.class" vars={{ className: <Name>{className}</Name> }} />
      </p>

      <PupilTodoList items={todo} zone={timeZone} />
      <p>
        <Link to="/pupil/data">{t("privacy.mine.link")}</Link>
      </p>
    </>
  );
}
