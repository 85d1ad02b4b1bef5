"use client";

import Form from "next/form";
import type { ComponentProps, FormEvent } from "react";

type GetFormProps = Omit<ComponentProps<typeof Form>, "action" | "onSubmit"> & { action: string };

/**
 * A GET search form with client navigation (next/form). Empty fields are left out of the URL, so a shared
 * link holds only the filters that are set. Without JavaScript it is a plain GET form.
 */
export function GetForm(props: GetFormProps) {
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    const blanked: (HTMLInputElement | HTMLSelectElement)[] = [];
    for (const el of Array.from(e.currentTarget.elements)) {
      if (
        (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) &&
        el.name &&
        !el.disabled &&
        el.value === ""
      ) {
        el.disabled = true;
        blanked.push(el);
      }
    }
    // The destination URL is built synchronously from FormData; re-enable right after.
    window.setTimeout(() => blanked.forEach((el) => (el.disabled = false)), 0);
  }
  return <Form {...props} onSubmit={onSubmit} />;
}
