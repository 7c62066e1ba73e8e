// "extended to …", "+1 attempt": how a pupil's extension reads wherever the teacher sees results.
import { useLang, useT } from "~/i18n/use-t";
import { formatDateTime } from "~/utils/format";

import type { ExtensionView } from "~/utils/extension";

export function useExtensionText() {
  const t = useT();
  const lang = useLang();
  return (ext: ExtensionView, zone: "WIB" | "WITA" | "WIT") =>
    [
      ext.dueAt ? t("ext.extendedTo", { due: formatDateTime(lang, ext.dueAt, zone) }) : null,
      ext.extraAttempts > 0 ? t("ext.plusAttempts", { n: ext.extraAttempts }) : null,
    ]
      .filter(Boolean)
      .join(", ");
}

export function ExtensionNote({
  extension,
  zone,
}: {
  extension: ExtensionView | null;
  zone: "WIB" | "WITA" | "WIT";
}) {
  const text = useExtensionText();
  if (!extension) return null;
  return <span className="extension-note">{text(extension, zone)}</span>;
}
