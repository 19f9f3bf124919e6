import { useT } from "~/i18n/react";

/** A star rating for reading: an image with a spoken label ("4 out of 5 stars"). Filled
 *  stars are solid (★), unfilled ones an outline (☆): told apart by shape, not colour alone. */
export function Stars({ value, size }: { value: number; size?: "large" }) {
  const { t } = useT();
  const full = Math.round(value);
  return (
    <span
      className="stars"
      role="img"
      aria-label={t("stars.label", { value })}
      style={size === "large" ? { fontSize: "1.5rem" } : undefined}
    >
      {[1, 2, 3, 4, 5].map((i) => (
        // The image's label speaks for it: its children are presentational (role="img").
        <span key={i} className={i <= full ? undefined : "stars__off"}>
          {i <= full ? "★" : "☆"}
        </span>
      ))}
    </span>
  );
}
