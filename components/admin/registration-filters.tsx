"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useRef, useTransition } from "react";
import { inputClass, LabelledSelect } from "@/components/ui/field";
import {
  type RegistrationFilters,
  registrationSorts,
  registrationStatuses,
} from "@/lib/registrations/filters";
import { categories, genders } from "@/lib/registrations/schema";

const SEARCH_DELAY_MS = 250;

/**
 * The filters above the registrations list. With JavaScript the list follows
 * as one types or picks; without, the button submits the same form as a GET.
 */
export function RegistrationFiltersForm({
  filters,
  contacts,
  days,
  regions,
  answers,
  instruments = [],
}: {
  filters: RegistrationFilters;
  /** Whether the search looks into contacts too (lib/registrations/filters.ts registrationWhere): its hint says so. */
  contacts: boolean;
  days: { id: string; label: string }[];
  /** The event's regions, by code, named in the staff member's language. */
  regions: { code: string; name: string }[];
  /** The event's choice questions' answers, by question (answerFilterChoices). */
  answers: { id: string; question: string; choices: { value: string; label: string }[] }[];
  /** The event's tests and survey, answered or not: `<kind>:done`, `<kind>:not_done`, with their labels. */
  instruments?: [string, string][];
}) {
  const t = useTranslations("admin.registrations");
  const ts = useTranslations("admin.status");
  const tc = useTranslations("category");
  const tg = useTranslations("gender");
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  function follow() {
    if (!form.current) return;
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(form.current)) {
      if (typeof value === "string" && value.trim()) query.set(key, value);
    }
    startTransition(() => router.replace(`${pathname}?${query}`, { scroll: false }));
  }

  function followSoon() {
    clearTimeout(timer.current);
    timer.current = setTimeout(follow, SEARCH_DELAY_MS);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    follow();
  }

  // Each filter's choices, after "all"; a test or survey only where the event has one.
  const choices: [keyof RegistrationFilters, string, [string, string][]][] = [
    ["status", t("status"), registrationStatuses.map((status) => [status, ts(status)])],
    ["category", t("category"), categories.map((category) => [category, tc(category)])],
    ["region", t("region"), regions.map((region) => [region.code, region.name])],
    ["gender", t("gender"), genders.map((gender) => [gender, tg(gender)])],
    ["day", t("attended"), days.map((day) => [day.id, day.label])],
    ["instrument", t("instrument"), instruments],
  ];

  return (
    <search>
      <form ref={form} onSubmit={submit} className="space-y-3" aria-busy={pending}>
        <label className="block space-y-1">
          <span className="block text-sm font-medium">{t("search")}</span>
          <input
            name="q"
            type="search"
            defaultValue={filters.q}
            placeholder={t(contacts ? "searchHint" : "searchHintWithoutContacts")}
            onChange={followSoon}
            className={inputClass}
          />
        </label>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {choices
            .filter(([, , options]) => options.length > 0)
            .map(([name, label, options]) => (
              <LabelledSelect
                key={name}
                label={label}
                name={name}
                defaultValue={filters[name] ?? ""}
                onChange={follow}
                options={[["", t("all")], ...options]}
              />
            ))}
          {/* Its choices are long ("По времени регистрации"): a whole row on a phone. */}
          <LabelledSelect
            label={t("sort")}
            name="sort"
            defaultValue={filters.sort ?? "number"}
            onChange={follow}
            className="col-span-2 sm:col-span-1"
            options={registrationSorts.map((sort) => [sort, t(`sortBy.${sort}`)] as const)}
          />
          {answers.length > 0 && (
            <label className="col-span-2 space-y-1">
              <span className="block text-sm font-medium">{t("answer")}</span>
              <select
                name="answer"
                defaultValue={filters.answer ?? ""}
                onChange={follow}
                className={inputClass}
              >
                <option value="">{t("all")}</option>
                {answers.map((group) => (
                  <optgroup key={group.id} label={group.question}>
                    {group.choices.map((choice) => (
                      <option key={choice.value} value={choice.value}>
                        {choice.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </label>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              name="desc"
              value="1"
              defaultChecked={filters.desc === "1"}
              onChange={follow}
              className="size-5 accent-brand-600"
            />
            {t("descending")}
          </label>
          <button
            type="submit"
            className="rounded-md border border-stone-300 bg-white px-4 py-2.5 hover:bg-stone-100"
          >
            {t("apply")}
          </button>
        </div>
      </form>
    </search>
  );
}
