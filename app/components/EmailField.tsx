// A person's own mail address on a Conform form (the signup, the reply address of the report
// form): the email keyboard on phones and the browser's autofill of the visitor's address.
import type { ComponentProps } from "react";
import { ConformField } from "./Field";

export function EmailField(props: Omit<ComponentProps<typeof ConformField>, "type" | "inputMode" | "autoComplete">) {
  return <ConformField {...props} type="email" inputMode="email" autoComplete="email" />;
}
