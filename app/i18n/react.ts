import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { formatDate, formatMonthYear, formatNumber, translate, translatePlural, type Locale, type MessageKey, type Vars } from "./index";

export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? "fr";
}

/** Translation and formatting helpers bound to the visitor's language. */
export function useT() {
  const locale = useLocale();
  return useMemo(() => bindT(locale), [locale]);
}

export function bindT(locale: Locale) {
  return {
    locale,
    t: (key: MessageKey, vars?: Vars) => translate(locale, key, vars),
    tp: (key: string, count: number, vars?: Vars) => translatePlural(locale, key, count, vars),
    date: (value: number | string, style?: "long" | "medium") => formatDate(locale, value, style),
    monthYear: (value: number | string) => formatMonthYear(locale, value),
    n: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(locale, value, options),
  };
}
export type T = ReturnType<typeof bindT>;
