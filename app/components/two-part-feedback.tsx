// Feedback on Part B of a two-part question: the pupil's quotation, the right one marked inside its paragraph.
import { useT } from "~/i18n/use-t";
import { QuoteInParagraph } from "./two-part";

export type PartBReview = {
  stem: string;
  mine: string | null;
  right: string;
  correct: boolean;
  explanation: string;
  paragraph: number;
  paragraphText: string;
};

export function PartBFeedback({ partB, language }: { partB: PartBReview; language: string }) {
  const t = useT();
  return (
    <>
      <h5>
        {t("twoPart.partB")}:{" "}
        <span className={partB.correct ? "right" : "wrong"}>
          {partB.correct ? t("feedback.right") : t("feedback.wrong")}
        </span>
      </h5>
      <p lang={language}>{partB.stem}</p>
      <dl>
        <dt>{t("feedback.yourAnswer")}</dt>
        <dd lang={language}>{partB.mine ?? t("feedback.noAnswer")}</dd>
        <dt>{t("feedback.why")}</dt>
        <dd lang={language}>{partB.explanation}</dd>
      </dl>
      <QuoteInParagraph
        paragraph={partB.paragraphText}
        quote={partB.right}
        language={language}
        label={t("twoPart.supportTitle", { p: partB.paragraph })}
      />
    </>
  );
}
