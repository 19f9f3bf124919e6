import type { ReactNode } from "react";

/** A wide table's container: it scrolls sideways on a narrow screen, so it is a region named
 *  by the table's caption (`labelledBy`) that takes the keyboard focus (axe
 *  scrollable-region-focusable; WCAG 2.1.1). */
export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <div className="table-wrap" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}

/** A table in its ScrollRegion: the caption (`id` names the region), one heading a column
 *  (a null one, a column the reader does not get, is left out) and the rows. */
export function CaptionedTable({
  id,
  caption,
  columns,
  children,
}: {
  id: string;
  caption: ReactNode;
  columns: readonly ReactNode[];
  children: ReactNode;
}) {
  return (
    <ScrollRegion labelledBy={id}>
      <table>
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) =>
              column == null ? null : (
                <th key={i} scope="col">
                  {column}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollRegion>
  );
}
